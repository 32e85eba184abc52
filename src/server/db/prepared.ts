import type { Database, DbOrTx } from './client.js';

interface Executable<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/**
 * A statement Drizzle builds once per process, with `sql.placeholder` values, and PostgreSQL
 * parses and plans once per connection (a named prepared statement), run on the caller's
 * connection: the transaction's when given one, else the pool's. The hot paths of a selection
 * use these, so a request does not rebuild the same SQL text or have it planned again.
 */
export function preparedStatement<R>(
  build: (db: Database) => Executable<R>,
): (db: DbOrTx, values: Record<string, unknown>) => Promise<R> {
  let statement: Executable<R> | undefined;
  return (db, values) => {
    statement ??= build(db as Database);
    // Drizzle binds a prepared query to the session it was built on; run it on this one's.
    const { client } = (db as unknown as { session: { client: unknown } }).session;
    const bound: Executable<R> = Object.assign(Object.create(statement), { client });
    return bound.execute(values);
  };
}
