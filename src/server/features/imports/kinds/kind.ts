import type {
  DuplicateChoice,
  ImportDuplicateReason,
  ImportRowError,
} from '../../../../contract/index.js';
import type { DbOrTx } from '../../../db/client.js';
import type { ServiceContext } from '../../context.js';

// What one kind of record (besides people, who have their own path) brings to the shared dry
// run, commit and undo in records.ts: how a row is read, what counts as a duplicate, and how a
// record is written through its own feature's service, so the import obeys the API's rules.

export type CellReader = (column: string) => string;

export type ReadResult<I> = { ok: true; input: I } | { ok: false; errors: ImportRowError[] };

export interface Duplicate {
  /** The record's key for update (a code, or a contact's nation and id). */
  key: string;
  /** The record's id, for its snapshot before an update. */
  id: string;
  existingLabel: string;
  reasons: ImportDuplicateReason[];
  allowed: DuplicateChoice[];
}

/** A record the commit wrote, as undo finds it again. */
export interface Written {
  table: RecordTable;
  id: string;
}

export type RecordTable = 'activities' | 'training_sessions' | 'nation_contacts';

/** What the checker needs to know of the import it works on. */
export interface ImportScope {
  /** Contacts of an NPOC: only this nation; contacts of staff: the default nation (or null). */
  nationCode: string | null;
  /** True when the nation is the limit (an NPOC's import), not just a default. */
  nationOnly: boolean;
}

export interface KindChecker<I> {
  /** A row's cells as the feature's input, or why not (by column). */
  read(cell: CellReader, row: number): ReadResult<I>;
  /** Keys no two rows of one file may share, each with the column to blame. */
  fileKeys(input: I): { key: string; column: string }[];
  /** How the row reads in the duplicates list. */
  label(input: I): string;
  duplicate(input: I): Duplicate | null;
  create(ctx: ServiceContext, input: I): Promise<Written>;
  update(ctx: ServiceContext, key: string, input: I): Promise<Written>;
}

export interface KindHandler<I> {
  /** The table the kind's records live in. */
  table: RecordTable;
  /** Loads what the rows are checked against (codes that exist, records that may be duplicates). */
  prepare(db: DbOrTx, scope: ImportScope): Promise<KindChecker<I>>;
  /** Where a service's field (its first path segment) comes from in the file. */
  fieldColumn: Record<string, string>;
}
