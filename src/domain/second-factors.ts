import type { Role } from '../contract/roles.js';

/** Which roles must sign in with a second factor (an administrator's setting). */
export type TwoFactorPolicy = Readonly<Record<Role, boolean>>;

/** A second factor is required when any of the user's roles requires one. */
export function isSecondFactorRequired(roles: readonly Role[], policy: TwoFactorPolicy): boolean {
  return roles.some((role) => policy[role]);
}

/** TOTP codes change every 30 s (RFC 6238's default, what every authenticator app shows). */
export const TOTP_PERIOD_SECONDS = 30;
/** One step either way is accepted: a phone's clock a little off, a code typed as it changed. */
export const TOTP_ACCEPTED_DRIFT = 1;
/** Further than this and a matching code is not a guess, it is a clock that is wrong. */
export const TOTP_SKEW_RECOGNISED = 10;

export type TotpVerdict = 'accepted' | 'reused' | 'clock_skew' | 'wrong_code';

/**
 * Judges a TOTP code from where it matched (`matchedStep`, null when it matched no step within
 * the recognised skew), the current step and the last step accepted for the account. A code is
 * good once: a step at or before the last one accepted is refused, so a code seen over a
 * shoulder cannot be replayed within its window. A code of a distant step is never a way in,
 * but it is told apart so the owner learns their device's clock is off.
 */
export function judgeTotpStep(opts: {
  matchedStep: number | null;
  currentStep: number;
  lastStep: number | null;
}): TotpVerdict {
  const { matchedStep, currentStep, lastStep } = opts;
  if (matchedStep === null) return 'wrong_code';
  if (Math.abs(matchedStep - currentStep) > TOTP_ACCEPTED_DRIFT) return 'clock_skew';
  if (lastStep !== null && matchedStep <= lastStep) return 'reused';
  return 'accepted';
}

/** Ten codes, each ten characters of an unambiguous alphabet (about 50 bits). */
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Makes a recovery code from random bytes (one per character), shown as `xxxxx-xxxxx`. */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  const chars = Array.from(
    bytes.slice(0, 10),
    (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length],
  );
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** What a typed recovery code is compared as: no spaces or dashes, lower case. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '');
}

/** The WebAuthn relying party of the public address: its host name, and the origins accepted. */
export interface RelyingParty {
  id: string;
  origins: string[];
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A passkey belongs to a host name (the RP ID), and browsers refuse an IP address as one. A
 * server on a loopback address (the demo, a developer's machine) is therefore the relying party
 * `localhost`, reached as http://localhost:<port>, which browsers treat as a secure context.
 */
export function relyingPartyOf(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  if (LOOPBACK.has(url.hostname)) {
    const port = url.port ? `:${url.port}` : '';
    return { id: 'localhost', origins: [`${url.protocol}//localhost${port}`] };
  }
  return { id: url.hostname, origins: [url.origin] };
}
