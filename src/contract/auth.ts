import { z } from 'zod';
import { IsoDateTime, Locale, Uuid } from './common.js';
import { Permission, Role } from './roles.js';
import { text } from './text.js';

export const LoginRequest = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CurrentUser = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  nationCode: z.string().nullable(),
  locale: Locale,
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** Who am I: the user, what they may do, and the CSRF token cookie-authenticated writes must echo. */
export const Me = z
  .object({
    user: CurrentUser,
    permissions: z.array(Permission),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/**
 * NIST SP 800-63B-4 for a password that is the only factor: at least 15 characters, at least 64
 * allowed, any character, no composition rules. The server also refuses common, repetitive,
 * sequential and personal passwords (`src/domain/password-policy.ts`), with these field codes.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_PROBLEMS = [
  'password_too_short',
  'password_only_spaces',
  'password_repetitive',
  'password_sequential',
  'password_personal',
  'password_too_common',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const UpdatePreferencesRequest = z.strictObject({ locale: Locale });
export type UpdatePreferencesRequest = z.infer<typeof UpdatePreferencesRequest>;

/**
 * The longest an API token may live. A token is a password that never changes and that scripts
 * keep in files; 90 days bounds how long a leaked one stays useful (see docs/decisions.md).
 */
export const API_TOKEN_MAX_DAYS = 90;

export const CreateApiTokenRequest = z.strictObject({
  name: text().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(API_TOKEN_MAX_DAYS),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

export const ApiToken = z
  .object({
    id: Uuid,
    name: z.string(),
    prefix: z.string(),
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime,
    lastUsedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

/** Returned once, at creation: the secret is never shown again. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

/** The ways a second step can be made; `recovery_code` whenever another is enrolled. */
export const SecondFactorMethod = z.enum(['totp', 'passkey', 'recovery_code']);
export type SecondFactorMethod = z.infer<typeof SecondFactorMethod>;

/** A 6-digit authenticator-app code (spaces allowed, as apps show them). */
export const TotpCodeRequest = z.strictObject({
  code: text()
    .max(20)
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'six digits')),
});
export type TotpCodeRequest = z.infer<typeof TotpCodeRequest>;

export const RecoveryCodeRequest = z.strictObject({ code: text().min(1).max(40) });
export type RecoveryCodeRequest = z.infer<typeof RecoveryCodeRequest>;

const base64url = () => text().max(20_000);

/**
 * What the browser's WebAuthn call returned, as @simplewebauthn/browser gives it (JSON, binary
 * fields in base64url): the fields of a registration and of an assertion, checked by the
 * server library; unknown members are dropped.
 */
export const WebAuthnResponse = z.object({
  id: base64url(),
  rawId: base64url(),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z
    .object({ credProps: z.object({ rk: z.boolean().optional() }).optional() })
    .default({}),
  response: z.object({
    clientDataJSON: base64url(),
    attestationObject: base64url().optional(),
    authenticatorData: base64url().optional(),
    signature: base64url().optional(),
    userHandle: base64url().optional(),
    publicKey: base64url().optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    transports: z.array(text().max(40)).max(10).optional(),
  }),
});

export const PasskeyAssertionRequest = z.strictObject({ credential: WebAuthnResponse });
export type PasskeyAssertionRequest = z.infer<typeof PasskeyAssertionRequest>;

export const RegisterPasskeyRequest = z.strictObject({
  name: text().trim().min(1).max(100),
  credential: WebAuthnResponse,
});
export type RegisterPasskeyRequest = z.infer<typeof RegisterPasskeyRequest>;

/** Options for navigator.credentials (WebAuthn JSON); passed to the browser library as they are. */
export const WebAuthnOptions = z.looseObject({ challenge: z.string() });

/** An authenticator app being set up: shown once, never returned again. */
export const TotpEnrolment = z.object({
  secret: z.string(),
  /** The otpauth:// URI a QR code carries. */
  uri: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

/** Shown once; only their hashes are kept. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** A confirmed factor; recovery codes come with the account's first one. */
export const FactorAdded = z.object({ recoveryCodes: z.array(z.string()).nullable() });
export type FactorAdded = z.infer<typeof FactorAdded>;

export const Passkey = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
});
export type Passkey = z.infer<typeof Passkey>;

export const SecondFactors = z
  .object({
    totp: z.object({ enrolledAt: IsoDateTime }).nullable(),
    passkeys: z.array(Passkey),
    recoveryCodesLeft: z.number().int(),
    /** Whether the user's roles require a second factor. */
    required: z.boolean(),
  })
  .meta({ id: 'SecondFactors' });
export type SecondFactors = z.infer<typeof SecondFactors>;

/** A forced enrolment finished: the session is open, the codes are shown once. */
export const EnrolledSignIn = z.object({ me: Me, recoveryCodes: z.array(z.string()) });
export type EnrolledSignIn = z.infer<typeof EnrolledSignIn>;

export const TwoFactorPolicy = z
  .object({ roles: z.array(z.object({ role: Role, required: z.boolean() })) })
  .meta({ id: 'TwoFactorPolicy' });
export type TwoFactorPolicy = z.infer<typeof TwoFactorPolicy>;

export const UpdateTwoFactorPolicyRequest = z.strictObject({
  roles: z
    .array(z.strictObject({ role: Role, required: z.boolean() }))
    .min(1)
    .max(20),
});
export type UpdateTwoFactorPolicyRequest = z.infer<typeof UpdateTwoFactorPolicyRequest>;
