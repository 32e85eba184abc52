import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../contract/roles.js';
import type { Database } from '../db/client.js';
import { actorFromUser } from '../features/auth/presenters.js';
import {
  findTokenUser,
  prepareSessionTouch,
  prepareSessionUserLookup,
  touchToken,
} from '../features/auth/queries.js';
import { hashToken, safeEqual } from '../features/auth/secrets.js';
import type { Actor } from './actor.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

export const SESSION_COOKIE = 'rabita_session';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * Sent by requests the web app makes on its own (the bell's poll): they keep working but do not
 * count as use, so an unattended open tab still reaches the idle timeout.
 */
export const BACKGROUND_HEADER = 'x-rabita-background';

/** How often at most a session's last use is written: once a minute is precise enough. */
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares what it needs; `buildApp` refuses a route without it. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface SessionStatements {
  findSessionUser: ReturnType<typeof prepareSessionUserLookup>;
  touchSession: ReturnType<typeof prepareSessionTouch>;
  idleMs: number;
}

async function resolveActor(
  db: Database,
  sessions: SessionStatements,
  request: FastifyRequest,
): Promise<Actor | null> {
  const now = new Date();
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const row = await findTokenUser(db, hashToken(authorization.slice(7).trim()), now);
    if (!row)
      throw new AppError(401, 'invalid_token', 'The API token is unknown, expired or revoked.');
    await touchToken(db, row.tokenId, now);
    return actorFromUser(row.user, { kind: 'token', tokenId: row.tokenId });
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const tokenHash = hashToken(cookie);
  const row = await sessions.findSessionUser(
    tokenHash,
    now,
    new Date(now.getTime() - sessions.idleMs),
  );
  if (!row) return null;
  const stale = now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
  if (stale && request.headers[BACKGROUND_HEADER] === undefined) {
    await sessions.touchSession(tokenHash, now);
  }
  return actorFromUser(row.user, { kind: 'session', tokenHash, csrfToken: row.csrfToken });
}

/**
 * Identifies the caller (session cookie or bearer token) and enforces the route's declared
 * permission. Cookie-authenticated writes must echo the session's CSRF token in a header,
 * which a page on another site cannot read. A cookie session ends at its expiry or after
 * `sessionIdleMinutes` without use, whichever comes first.
 */
export const authenticate = fp(
  async (app: FastifyInstance, opts: { db: Database; sessionIdleMinutes: number }) => {
    app.decorateRequest('actor', null);
    const sessions: SessionStatements = {
      findSessionUser: prepareSessionUserLookup(opts.db),
      touchSession: prepareSessionTouch(opts.db),
      idleMs: opts.sessionIdleMinutes * 60_000,
    };
    // onRequest, before the body is parsed: a caller without rights learns nothing from validation.
    app.addHook('onRequest', async (request, reply) => {
      const permission = request.routeOptions.config.permission;
      // No permission: the not-found handler (every real route declares one; see buildApp).
      if (permission === undefined || permission === 'public') return;
      request.actor = await resolveActor(opts.db, sessions, request);
      const actor = request.actor;
      if (!actor) throw unauthenticated();
      logAs(request, reply, actor);
      if (actor.via.kind === 'session' && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, actor.via.csrfToken)) {
          throw new AppError(
            403,
            'csrf_failed',
            `Send the ${CSRF_HEADER} header given by /api/v1/auth/me.`,
          );
        }
      }
      if (permission && !actor.permissions.has(permission)) throw forbidden();
    });
  },
);

/**
 * Names the actor on every later line of the request's log, the completed-request line and any
 * error included: the user's id and roles, which say who did it without personal data (the
 * e-mail stays in the user's row). Fastify gives the request and its reply one logger; both
 * get the child, so neither writes a line without it.
 */
function logAs(request: FastifyRequest, reply: FastifyReply, actor: Actor) {
  const log = request.log.child({ actor: { id: actor.id, roles: actor.roles } });
  request.log = log;
  reply.log = log;
}

/** The acting user of a route whose permission is not `public`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
