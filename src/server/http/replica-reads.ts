import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/client.js';
import { currentWalLsn, isLsn, type Lsn, laterLsn, type ReadTarget } from '../db/replica.js';

/**
 * The primary's WAL position after the caller's last change. Every app server reads it, so a
 * user's next read, wherever the load balancer sends it, waits for a replica that has it.
 */
export const READ_AFTER_COOKIE = 'rabita_read_after';
/** The same position for API clients that keep no cookies: answered on writes, sent on reads. */
export const READ_AFTER_HEADER = 'rabita-read-after';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const writers = new WeakSet<FastifyRequest>();

/** A GET that ran a transaction (a feed issued on first request) may have written too. */
export function noteWrite(request: FastifyRequest): void {
  writers.add(request);
}

/** The position the caller's reads must see, from their cookie or header; null when none. */
export function readAfterOf(request: FastifyRequest): Lsn | null {
  const header = request.headers[READ_AFTER_HEADER];
  const sent = [request.cookies?.[READ_AFTER_COOKIE], typeof header === 'string' ? header : null];
  // Anything else is ignored: a made-up position only sends the sender's own reads to the primary.
  return sent.reduce<Lsn | null>(
    (latest, value) => (value && isLsn(value) ? laterLsn(latest, value) : latest),
    null,
  );
}

/**
 * After a change has committed, hands the caller the primary's position, so their own reads
 * see it. Registered only with a replica: without one nothing is added to any answer.
 */
export function handOutReadAfter(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const wrote = !SAFE_METHODS.has(request.method) || writers.has(request);
    if (!wrote || reply.statusCode >= 400) return payload;
    const lsn = await currentWalLsn(app.pg).catch(() => null);
    if (lsn) setReadAfter(request, reply, lsn);
    return payload;
  });
}

function setReadAfter(request: FastifyRequest, reply: FastifyReply, lsn: Lsn) {
  reply.header(READ_AFTER_HEADER, lsn);
  // A browser session's cookie: it lives as long as the browser, and only the API reads it.
  reply.setCookie(READ_AFTER_COOKIE, lsn, {
    path: '/api',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/**
 * Runs a read that may be served by the replica: there in a read-only transaction when the
 * replica is well, within its lag and has replayed both the caller's last change and `atLeast`;
 * on the primary otherwise, or when the replica fails to answer. Without a replica this is a
 * plain read on the primary's pool, as before.
 */
export async function readOnReplica<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  work: (db: DbOrTx, target: ReadTarget) => Promise<T>,
  atLeast: Promise<Lsn> | null = null,
): Promise<T> {
  const replica = app.replica;
  if (!replica) return work(app.db, 'primary');
  // A floor that could not be read is one the replica cannot be shown to have passed.
  const floor = atLeast ? await atLeast.catch(() => 'FFFFFFFF/FFFFFFFF') : null;
  if (replica.targetFor(laterLsn(readAfterOf(request), floor)) === 'replica') {
    try {
      const result = await replica.db.transaction((tx) => work(tx, 'replica'), {
        accessMode: 'read only',
      });
      replica.count('replica');
      return result;
    } catch (error) {
      // A service's own answer (not found...) was still the replica's.
      if (!isReplicaFailure(error)) {
        replica.count('replica');
        throw error;
      }
      request.log.warn({ err: error }, 'replica read failed; read again on the primary');
      if (!isRecoveryConflict(error)) replica.markDown();
    }
  }
  replica.count('primary');
  return work(app.db, 'primary');
}

/** The causes of an error, outermost first (Drizzle wraps the driver's). */
function causes(error: unknown): { code?: unknown; message?: unknown }[] {
  const found: { code?: unknown; message?: unknown }[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && found.length < 5) {
    found.push(current as { code?: unknown });
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

/** A standby cancels a query whose rows its replay must remove (SQLSTATE 40001). */
function isRecoveryConflict(error: unknown): boolean {
  return causes(error).some((e) => e.code === '40001');
}

/**
 * The replica, not the read, failed: it cannot be reached, it closed the connection, it is
 * starting or stopping, or its replay cancelled the query. A service's own refusal (not found,
 * forbidden) is no such failure, and is answered as it is.
 */
function isReplicaFailure(error: unknown): boolean {
  return causes(error).some(({ code, message }) => {
    if (typeof code === 'string' && /^(08|57|53)...$|^40001$/.test(code)) return true;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
    return (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|connection (ended|closed)/i.test(
        message,
      )
    );
  });
}
