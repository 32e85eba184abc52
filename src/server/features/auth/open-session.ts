import type { Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { type ActorUser, actorFromUser } from './presenters.js';
import * as q from './queries.js';
import { hashToken, newSecret } from './secrets.js';

export interface OpenedSession {
  actor: Actor;
  /** The cookie's value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
}

export interface OpenSessionOptions {
  userAgent: string | null;
  sessionHours: number;
  now: Date;
  /** A single sign-on session: the provider and the ID token its sign-out needs as a hint. */
  sso?: { providerId: string; idToken: string };
}

/**
 * Opens a server-side session for a user whose identity is established (by password or by an
 * identity provider): a random cookie token and CSRF token, the user's last sign-in. The caller
 * writes the audit record, which says how the user got in.
 */
export async function openSession(
  tx: Tx,
  user: ActorUser,
  opts: OpenSessionOptions,
): Promise<OpenedSession> {
  const sessionToken = newSecret();
  const tokenHash = hashToken(sessionToken);
  const csrfToken = newSecret(24);
  const expiresAt = new Date(opts.now.getTime() + opts.sessionHours * 3_600_000);
  await q.insertSession(tx, {
    tokenHash,
    userId: user.id,
    csrfToken,
    expiresAt,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    identityProviderId: opts.sso?.providerId ?? null,
    idToken: opts.sso?.idToken ?? null,
  });
  await q.updateUserColumns(tx, user.id, { lastSignInAt: opts.now });
  const actor = actorFromUser(user, { kind: 'session', tokenHash, csrfToken });
  return { actor, sessionToken, expiresAt };
}
