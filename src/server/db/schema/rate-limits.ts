import { bigint, customType, index, pgTable, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The public routes' request counters (@fastify/rate-limit), shared by every app server: one row
 * per route and key (SHA-256 of both, so no address or e-mail is stored), counting the requests
 * of the window that ends at `expires_at`. Upserted in one statement per request
 * (http/rate-limit-store.ts); expired rows are deleted on the fly.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    keyHash: bytea('key_hash').primaryKey(),
    hits: bigint('hits', { mode: 'number' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);
