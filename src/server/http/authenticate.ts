import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../contract/roles.js';
import type { Database } from '../db/client.js';
import { actorFromUser } from '../features/auth/presenters.js';
import { findTokenUser, prepareSessionUserLookup, touchToken } from '../features/auth/queries.js';
import { hashToken, safeEqual } from '../features/auth/secrets.js';
import type { Actor } from './actor.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

export const SESSION_COOKIE = 'rabita_session';
export const CSRF_HEADER = 'x-csrf-token';

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

type SessionUserLookup = ReturnType<typeof prepareSessionUserLookup>;

async function resolveActor(
  db: Database,
  findSessionUser: SessionUserLookup,
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
  const row = await findSessionUser(tokenHash, now);
  return row
    ? actorFromUser(row.user, { kind: 'session', tokenHash, csrfToken: row.csrfToken })
    : null;
}

/**
 * Identifies the caller (session cookie or bearer token) and enforces the route's declared
 * permission. Cookie-authenticated writes must echo the session's CSRF token in a header,
 * which a page on another site cannot read.
 */
export const authenticate = fp(async (app: FastifyInstance, opts: { db: Database }) => {
  app.decorateRequest('actor', null);
  const findSessionUser = prepareSessionUserLookup(opts.db);
  // onRequest, before the body is parsed: a caller without rights learns nothing from validation.
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    // No permission: the not-found handler (every real route declares one; see buildApp).
    if (permission === undefined || permission === 'public') return;
    request.actor = await resolveActor(opts.db, findSessionUser, request);
    const actor = request.actor;
    if (!actor) throw unauthenticated();
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
});

/** The acting user of a route whose permission is not `public`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
