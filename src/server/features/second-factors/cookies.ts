import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../http/authenticate.js';
import type { SignInResult } from '../auth/sign-in.js';
import { PENDING_COOKIE, type PendingSignIn } from './pending.js';

// Sent only to the sign-in routes, and never from another site's page.
const PENDING_PATH = '/api/v1/auth';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, r: SignInResult) {
  reply.setCookie(SESSION_COOKIE, r.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: r.expiresAt,
  });
}

export function setPendingCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  pending: PendingSignIn,
) {
  reply.setCookie(PENDING_COOKIE, pending.token, {
    path: PENDING_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: pending.expiresAt,
  });
}

export function clearPendingCookie(reply: FastifyReply) {
  reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
}
