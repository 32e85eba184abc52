import type { FastifyServerOptions } from 'fastify';

const REDACTED = '[redacted]';

/**
 * Paths whose next segment is a bearer secret: whoever has the link is let in. The API's
 * calendar feed and supervisor survey, and the web pages the e-mailed links open (choose a
 * password, answer a survey, check in).
 */
const SECRET_PATH =
  /(\/(?:api\/v1\/calendar|api\/v1\/surveys\/public|password|survey|check-in)\/)([^/?#"\s\\]+)/g;

/**
 * Query parameters that carry a secret, whatever the route; with an identity provider's
 * callback (`code`, `state`) and sign-out (`id_token_hint`) among them.
 */
const SECRET_QUERY =
  /([?&](?:token|access_token|id_token|id_token_hint|secret|client_secret|password|key|signature|code|state|nonce|code_verifier)=)([^&#"\s\\]*)/gi;

/** JSON fields that carry a secret, should a body or a credential reach a log line. */
const SECRET_FIELD =
  /("(?:token|password|newPassword|currentPassword|secret|csrfToken|clientSecret|client_secret|idToken|id_token)"\s*:\s*")((?:[^"\\]|\\.)*)"/g;

/**
 * Anything shaped like a random secret (32 or more URL-safe characters mixing upper and lower
 * case and digits), so a secret route added later is covered before anyone lists it. Ids
 * (UUIDs) and hex digests do not mix cases and stay readable.
 */
const SECRET_SHAPED = /[A-Za-z0-9_-]{32,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function looksRandom(run: string): boolean {
  return !UUID.test(run) && /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);
}

/** A log line (or any text) with every secret it carries replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_PATH, `$1${REDACTED}`)
    .replace(SECRET_QUERY, `$1${REDACTED}`)
    .replace(SECRET_FIELD, `$1${REDACTED}"`)
    .replace(SECRET_SHAPED, (run) => (looksRandom(run) ? REDACTED : run));
}

/** Credentials in headers, named where pino can drop them before the line is even written. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

/**
 * The app's logger options with secrets kept out of every line it writes: request lines, error
 * lines with their messages and stacks, and whatever a plugin logs. The last step works on the
 * written line itself (pino's streamWrite hook), so no serializer or log call can slip past it.
 */
export function withLogRedaction(
  logger: FastifyServerOptions['logger'],
): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options: LoggerOptions = logger === true ? {} : logger;
  const given = options.redact;
  const paths = Array.isArray(given) ? given : (given?.paths ?? []);
  const previous = options.hooks?.streamWrite;
  return {
    ...options,
    redact: {
      ...(Array.isArray(given) || !given ? {} : given),
      paths: [...new Set([...REDACTED_PATHS, ...paths])],
    },
    hooks: {
      ...options.hooks,
      streamWrite: (line: string) => redactSecrets(previous ? previous(line) : line),
    },
  };
}
