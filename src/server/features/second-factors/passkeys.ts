import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { relyingPartyOf } from '../../../domain/second-factors.js';
import type { DbOrTx } from '../../db/client.js';
import type { PasskeyRow } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import { publicUrl } from '../messages/links.js';
import {
  insertPasskey,
  savePasskeyChallenge,
  selectPasskeys,
  takePasskeyChallenge,
  updatePasskeyUse,
} from './queries.js';

const CHALLENGE_MS = 5 * 60_000;

/** The relying party is the configured public address, never a request's Host header. */
export function relyingParty() {
  return relyingPartyOf(publicUrl());
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

const transportsOf = (row: PasskeyRow) => row.transports as AuthenticatorTransport[];

/** Options for registering a new passkey; the challenge is kept (5 minutes, usable once). */
export async function passkeyRegistrationOptions(
  db: DbOrTx,
  user: { id: string; email: string; displayName: string },
  now: Date,
) {
  const rp = relyingParty();
  const existing = await selectPasskeys(db, user.id);
  const options = await generateRegistrationOptions({
    rpName: 'Rabita',
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: transportsOf(row) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await savePasskeyChallenge(
    db,
    user.id,
    options.challenge,
    new Date(now.getTime() + CHALLENGE_MS),
  );
  return options;
}

/** Checks the browser's answer to the registration options and keeps the passkey. */
export async function registerPasskey(
  db: DbOrTx,
  userId: string,
  input: { name: string; credential: unknown },
  now: Date,
): Promise<PasskeyRow> {
  const challenge = await takePasskeyChallenge(db, userId, now);
  if (!challenge) {
    throw new AppError(409, 'no_enrolment_pending', 'Ask for registration options first.');
  }
  const rp = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: input.credential as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) {
    throw new AppError(401, 'second_factor_invalid', 'The passkey could not be verified.');
  }
  const { credential } = verification.registrationInfo;
  return insertPasskey(db, {
    id: credential.id,
    userId,
    name: input.name,
    publicKey: b64(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
  });
}

/** Options for signing in with one of the account's passkeys; the caller keeps the challenge. */
export async function passkeyAuthenticationOptions(db: DbOrTx, userId: string) {
  const rows = await selectPasskeys(db, userId);
  return generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: rows.map((row) => ({ id: row.id, transports: transportsOf(row) })),
    userVerification: 'preferred',
  });
}

/**
 * Whether the browser's assertion was made by one of the account's passkeys for this
 * challenge; on success its signature counter and last use are recorded.
 */
export async function verifyPasskeyAssertion(
  db: DbOrTx,
  userId: string,
  challenge: string,
  credential: unknown,
  now: Date,
): Promise<PasskeyRow | null> {
  const response = credential as AuthenticationResponseJSON;
  const rows = await selectPasskeys(db, userId);
  const row = rows.find((r) => r.id === response.id);
  if (!row) return null;
  const rp = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.id,
    requireUserVerification: false,
    credential: {
      id: row.id,
      publicKey: Buffer.from(row.publicKey, 'base64url'),
      counter: row.counter,
      transports: transportsOf(row),
    },
  }).catch(() => null);
  if (!verification?.verified) return null;
  await updatePasskeyUse(db, row.id, verification.authenticationInfo.newCounter, now);
  return row;
}
