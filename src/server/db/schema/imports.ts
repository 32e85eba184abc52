import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { nations } from './partners.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One file imported, from upload to commit (and undo): the file itself while it is worked on,
 * its SHA-256, what its headers mapped to, the last check's row errors and duplicates, the
 * progress of the job at work (written outside the job's transaction, so it reads live), and
 * what the commit wrote, so that an untouched import can be undone.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    nationCode: text('nation_code').references(() => nations.code),
    fileName: text('file_name').notNull(),
    digest: text('digest').notNull(),
    /** The file, kept until it is committed or undone. */
    file: bytea('file'),
    format: text('format').notNull(),
    encoding: text('encoding'),
    separator: text('separator'),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, number | null>>().notNull(),
    status: text('status').notNull(),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** The last check: counts, row errors (the first thousand), duplicates. */
    report: jsonb('report').$type<ImportReport>(),
    /** Each duplicate row's choice: skip, update or create. */
    choices: jsonb('choices').$type<Record<string, string>>().notNull().default({}),
    /** What the commit wrote: ids created, and each updated record as it was before. */
    outcome: jsonb('outcome').$type<ImportOutcome>(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index('imports_nation_created_idx').on(t.nationCode, t.createdAt)],
);

export interface ImportReport {
  counts: {
    rows: number;
    valid: number;
    errors: number;
    duplicates: number;
    created: number;
    updated: number;
    skipped: number;
  };
  errors: {
    row: number;
    column: string | null;
    code: string;
    params: Record<string, string | number>;
  }[];
  /** As the contract's ImportDuplicate, without the choice. */
  duplicates: { row: number; reasons: string[]; [field: string]: unknown }[];
}

export interface ImportOutcome {
  /** People: the ids created, and each updated person as they were. */
  created: string[];
  updated: { id: string; before: Record<string, unknown> }[];
  /**
   * Other kinds: each record written, with its snapshot before (updates) and after the commit;
   * undo goes ahead only if every record still equals its snapshot after.
   */
  records?: {
    table: 'activities' | 'training_sessions' | 'nation_contacts';
    id: string;
    action: 'created' | 'updated';
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
}
