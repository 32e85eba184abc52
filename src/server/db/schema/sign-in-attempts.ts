import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins remembered per key, `account:<e-mail as typed, lower case>` or
 * `address:<client address>`, shared by every app server. A row is locked while an attempt is
 * reserved, so parallel guesses cannot slip past the count.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_attempts_last_failure_idx').on(t.lastFailureAt)],
);
