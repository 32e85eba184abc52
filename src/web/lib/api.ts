import type { ErrorCode, Problem } from '../../contract/index.js';

/**
 * A problem as received: a newer server may send a code this build does not know yet, and the
 * network or a proxy can fail with no code at all (`http_<status>`).
 */
export type ReceivedProblem = Omit<Problem, 'code'> & { code: string };

/** An API failure, carrying the server's problem+json document (or one we made up for the network). */
export class ApiError extends Error {
  readonly problem: ReceivedProblem;
  /** The parsed response body as sent, for problem members beyond the common ones. */
  readonly body: unknown;

  constructor(problem: ReceivedProblem, body?: unknown) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.body = body;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token lives in memory only: it comes with Me and must be echoed on every write.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The token a write must echo, for requests made without `api` (uploads with progress). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

type QueryValue = string | number | boolean | null | undefined;

/** Appends the non-empty parameters, so URLs stay short and the server sees no empty filters. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Turns any failed response body into a Problem, even when a proxy answered with HTML. */
export function toProblem(status: number, body: unknown): ReceivedProblem {
  if (isRecord(body) && typeof body.code === 'string') {
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : '',
      status: typeof body.status === 'number' ? body.status : status,
      code: body.code,
      detail: typeof body.detail === 'string' ? body.detail : '',
      errors: Array.isArray(body.errors) ? (body.errors as Problem['errors']) : undefined,
    };
  }
  return { type: 'about:blank', title: '', status, code: `http_${status}`, detail: '' };
}

/**
 * What the app does when the server says the session is gone or the CSRF token is stale, so a
 * request caught by it completes instead of failing (`features/auth/sessionRecovery.ts`).
 */
export interface SessionRecovery {
  /** The session ended: resolves true once the same person has signed in again. */
  signInAgain(): Promise<boolean>;
  /** The CSRF token was refused: reads the current one; `lost` when there is no session. */
  refreshToken(): Promise<'same' | 'lost' | 'other'>;
}

let recovery: SessionRecovery | null = null;
// Every request caught by one expiry waits on the same sign-in.
let signingInAgain: Promise<boolean> | null = null;

export function setSessionRecovery(next: SessionRecovery | null): void {
  recovery = next;
}

function signInAgain(from: SessionRecovery): Promise<boolean> {
  signingInAgain ??= from.signInAgain().finally(() => {
    signingInAgain = null;
  });
  return signingInAgain;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
  /** False where a 401 is an answer (who is signed in, signing out), not a lost session. */
  recover?: boolean;
}

/**
 * One API request. When the session has ended the request waits for the person to sign in again
 * (in a dialog over the page) and is then sent once more; a write refused for a stale CSRF token
 * (a sign-in in another tab) fetches the current token and is sent once more.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    const from = recovery;
    if (!(error instanceof ApiError) || options.recover === false || !from) throw error;
    const again = { ...options, recover: false };
    if (error.code === 'csrf_failed') {
      const state = await from.refreshToken();
      if (state === 'same') return send<T>(path, again).catch((retried) => recover(retried));
      if (state === 'other') throw error;
      return afterSignIn();
    }
    return recover(error);

    async function recover(failed: unknown): Promise<T> {
      if (!(failed instanceof ApiError) || failed.code !== 'unauthenticated' || !from) throw failed;
      return afterSignIn(failed);
    }
    async function afterSignIn(failed: unknown = error): Promise<T> {
      if (!from || !(await signInAgain(from))) throw failed;
      return send<T>(path, again);
    }
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: '', status: 0, code: 'network', detail: '' });
  }
  const text = response.status === 204 ? '' : await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, body), body);
  return body as T;
}
