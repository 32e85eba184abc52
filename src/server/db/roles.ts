import type pg from 'pg';
import { QUEUE_SCHEMA } from '../jobs/queue-schema.js';

/** Owns the database and every object in it; only it (or a superuser) changes the schema. */
export const OWNER_ROLE = 'rabita_owner';
/** What the running app connects as: reads and writes rows, appends to the audit trail. */
export const APP_ROLE = 'rabita_app';

/** Any fixed number: creating or altering roles in one cluster happens one caller at a time. */
const ROLES_LOCK_KEY = 727_465_002;

/**
 * Creates the owner and app roles when missing and (re)sets the app role's password and
 * attributes. Roles belong to the whole cluster, so several callers (test runs, a restart) may
 * run this at once: an advisory lock makes them take turns, as concurrent catalogue updates of
 * one role fail with "tuple concurrently updated". Needs a superuser connection.
 */
export async function ensureRoles(client: pg.ClientBase, appPassword: string): Promise<void> {
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock($1)', [ROLES_LOCK_KEY]);
    const { rows } = await client.query<{ rolname: string }>(
      'select rolname from pg_roles where rolname = any($1)',
      [[OWNER_ROLE, APP_ROLE]],
    );
    const existing = new Set(rows.map((r) => r.rolname));
    const limits = 'nosuperuser nocreatedb nocreaterole noreplication nobypassrls';
    // The owner never logs in: migrations reach it through SET ROLE from the superuser.
    const owner = `${existing.has(OWNER_ROLE) ? 'alter' : 'create'} role ${OWNER_ROLE} nologin ${limits}`;
    const app = `${existing.has(APP_ROLE) ? 'alter' : 'create'} role ${APP_ROLE} login ${limits} password ${client.escapeLiteral(appPassword)}`;
    await client.query(owner);
    await client.query(app);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

interface Unowned {
  kind: string;
  name: string;
}

/**
 * Hands the current database and everything in Rabita's schemas to the owner role. Databases
 * made before the roles existed belong to the superuser; this moves them over once, and finds
 * nothing to do afterwards. Needs a superuser connection.
 */
export async function adoptDatabase(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<Unowned>(UNOWNED_OBJECTS, [OWNER_ROLE]);
  const { rows: db } = await client.query<{ name: string; owned: boolean }>(
    `select current_database() as name,
            pg_get_userbyid(datdba) = $1 as owned
       from pg_database where datname = current_database()`,
    [OWNER_ROLE],
  );
  if (rows.length === 0 && db[0]?.owned) return;
  await client.query('begin');
  try {
    if (!db[0]?.owned)
      await client.query(
        `alter database ${client.escapeIdentifier(db[0]?.name ?? '')} owner to ${OWNER_ROLE}`,
      );
    for (const object of rows)
      await client.query(`alter ${object.kind} ${object.name} owner to ${OWNER_ROLE}`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Rabita's objects not yet the owner's, as ALTER ... OWNER TO needs them named: the schemas
 * (public belongs to pg_database_owner, which follows the database), relations other than
 * indexes and sequences a column owns (both follow their table), types that are not a
 * relation's row type or an array, and functions. Members of an extension stay its own.
 */
const UNOWNED_OBJECTS = `
with schemas as (
  select oid, nspname from pg_namespace where nspname in (current_schema(), 'drizzle')
), members as (
  select objid from pg_depend where deptype = 'e'
)
select 'schema' as kind, quote_ident(n.nspname) as name
  from schemas n join pg_namespace s on s.oid = n.oid
 where pg_get_userbyid(s.nspowner) not in ($1, 'pg_database_owner')
union all
select case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                      when 'S' then 'sequence' when 'f' then 'foreign table'
                      when 'c' then 'type' else 'table' end,
       c.oid::regclass::text
  from pg_class c join schemas n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c')
   and pg_get_userbyid(c.relowner) <> $1
   and c.oid not in (select objid from members)
   and not exists (select 1 from pg_depend d
                    where d.classid = 'pg_class'::regclass and d.objid = c.oid
                      and d.deptype in ('a', 'i'))
union all
select case t.typtype when 'd' then 'domain' else 'type' end, t.oid::regtype::text
  from pg_type t join schemas n on n.oid = t.typnamespace
 where t.typtype in ('e', 'd', 'r')
   and pg_get_userbyid(t.typowner) <> $1
   and t.oid not in (select objid from members)
union all
select 'routine', p.oid::regprocedure::text
  from pg_proc p join schemas n on n.oid = p.pronamespace
 where p.prokind in ('f', 'p')
   and pg_get_userbyid(p.proowner) <> $1
   and p.oid not in (select objid from members)`;

/**
 * Gives the app role what the running app needs and no more: rows of every table (today's and,
 * through default privileges, those of later migrations), the sequences behind them, the
 * functions (the roll-up refresh runs as the owner through one), and on the audit trail, its
 * checkpoints and check results only INSERT and SELECT (its chain's head: SELECT). The app may not change the schema: it owns nothing and PostgreSQL 15 and
 * later give PUBLIC no CREATE on the public schema. Run as the owner, under the migration lock
 * (concurrent GRANTs on one object fail like concurrent role updates).
 */
export async function grantAppAccess(client: pg.ClientBase, appRole: string): Promise<void> {
  const QUEUE = client.escapeIdentifier(QUEUE_SCHEMA);
  const app = client.escapeIdentifier(appRole);
  const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
  const schema = client.escapeIdentifier(rows[0]?.schema ?? 'public');
  await client.query('begin');
  try {
    for (const statement of [
      `grant usage on schema ${schema} to ${app}`,
      `grant select, insert, update, delete on all tables in schema ${schema} to ${app}`,
      `revoke update, delete, truncate on ${schema}.audit_log from ${app}`,
      // The chain's head moves only through the trigger that appends a record (it runs as the
      // owner); signed checkpoints and check results are appended, never changed.
      `revoke insert, update, delete, truncate on ${schema}.audit_chain_head from ${app}`,
      `revoke update, delete, truncate on ${schema}.audit_checkpoints from ${app}`,
      `revoke update, delete, truncate on ${schema}.audit_verifications from ${app}`,
      `grant usage on all sequences in schema ${schema} to ${app}`,
      `grant execute on all functions in schema ${schema} to ${app}`,
      `alter default privileges in schema ${schema} grant select, insert, update, delete on tables to ${app}`,
      `alter default privileges in schema ${schema} grant usage on sequences to ${app}`,
      // Read-only, so a server without the owner's credentials can tell whether it is current.
      `grant usage on schema drizzle to ${app}`,
      `grant select on drizzle.__drizzle_migrations to ${app}`,
      // The job queue: the app enqueues, and its worker takes, finishes and retries jobs.
      `grant usage on schema ${QUEUE} to ${app}`,
      `grant select, insert, update, delete on all tables in schema ${QUEUE} to ${app}`,
      `grant usage on all sequences in schema ${QUEUE} to ${app}`,
      `grant execute on all functions in schema ${QUEUE} to ${app}`,
    ])
      await client.query(statement);
    await allowQueueRows(client, appRole);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * The queue keeps row-level security on its private tables, so that only their owner reaches
 * them by default; the app role, which runs the worker, gets every row through a policy.
 */
async function allowQueueRows(client: pg.ClientBase, appRole: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select c.oid::regclass::text as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind = 'r' and c.relrowsecurity
        and not exists (select 1 from pg_policies p
                         where p.schemaname = n.nspname and p.tablename = c.relname
                           and p.policyname = 'rabita_app_rows')`,
    [QUEUE_SCHEMA],
  );
  const app = client.escapeIdentifier(appRole);
  for (const { name } of rows)
    await client.query(
      `create policy rabita_app_rows on ${name} for all to ${app} using (true) with check (true)`,
    );
}

/** Who a connection is, and whether it could bypass every privilege above. */
export async function whoAmI(
  client: pg.ClientBase | pg.Pool,
): Promise<{ role: string; superuser: boolean }> {
  const { rows } = await client.query<{ role: string; superuser: boolean }>(
    'select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user',
  );
  const row = rows[0];
  if (!row) throw new Error('the connection has no role');
  return row;
}
