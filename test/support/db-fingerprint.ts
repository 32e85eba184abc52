import type pg from 'pg';

/** Per table, its row count and the sum of its rows' xmin: any committed write changes one. */
export type Fingerprint = Map<string, string>;

/**
 * A function that fingerprints every table of the database but the `ignored` ones, in one
 * statement. A row inserted, updated or deleted by a committed transaction changes its table's
 * count or the sum of its row versions' transaction ids; a rolled-back write changes neither.
 */
export async function fingerprinter(
  pool: pg.Pool,
  ignored: readonly string[],
): Promise<() => Promise<Fingerprint>> {
  const { rows } = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const tables = rows.map((r) => r.name).filter((name) => !ignored.includes(name));
  if (tables.length === 0) throw new Error('no tables to fingerprint');
  const sql = tables
    .map(
      (name) =>
        `select '${name}' as name, count(*) || ':' || coalesce(sum(xmin::text::numeric), 0) as print from "${name}"`,
    )
    .join(' union all ');
  return async () => {
    const result = await pool.query<{ name: string; print: string }>(sql);
    return new Map(result.rows.map((r) => [r.name, r.print]));
  };
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
