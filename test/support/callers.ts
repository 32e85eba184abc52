import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contract/roles.js';
import { permissionsOf } from '../../src/domain/access.js';
import { type Session, signInAs, type TestApp } from './app.js';

/** Someone who calls the API: anonymous, a signed-in browser, or an API token. */
export interface Caller {
  name: string;
  roles: Role[];
  /** The nation the caller belongs to; such a caller must never see another nation's records. */
  nationCode: string | null;
  session: Session | null;
  token: string | null;
  userId: string | null;
}

const anonymous: Caller = {
  name: 'anonymous',
  roles: [],
  nationCode: null,
  session: null,
  token: null,
  userId: null,
};

/** The callers signInCallers makes, by name. */
export const CALLER_NAMES = [
  'anonymous',
  'administrator',
  'registrar',
  'course_director',
  'instructor',
  'npoc',
  'npoc_qat',
  'nominator',
  'participant',
  'observer',
  'observer_kwt',
  'token_npoc',
] as const;

/** True when the caller holds the permission (anonymous holds only `public`). */
export function mayCall(caller: Caller, permission: string): boolean {
  if (permission === 'public') return true;
  if (caller.session === null && caller.token === null) return false;
  return permissionsOf(caller.roles).has(permission as never);
}

/** True for callers scoped to one nation (NPOC, nominator, participant, an observer of one). */
export function isNationBound(caller: Caller): boolean {
  return (
    caller.nationCode !== null &&
    !caller.roles.some((role) => role === 'administrator' || role === 'registrar')
  );
}

/**
 * Every kind of caller, signed in: each role once (nation-bound roles in Kuwait), an NPOC of
 * Qatar, an observer with and without a nation, an API token and nobody. The participants are
 * the given browsers, so that they are the people of the world's records; Qatar's is there to
 * read its own records, not one of CALLER_NAMES.
 */
export async function signInCallers(
  t: TestApp,
  participants: { KWT: Session; QAT: Session },
): Promise<Record<string, Caller>> {
  const callers: Record<string, Caller> = { anonymous };
  const add = async (name: string, roles: Role[], nationCode: string | null = null) => {
    const session = await signInAs(t, roles, nationCode);
    callers[name] = { name, roles, nationCode, session, token: null, userId: session.userId };
  };
  await add('administrator', ['administrator']);
  await add('registrar', ['registrar']);
  await add('course_director', ['course_director']);
  await add('instructor', ['instructor']);
  await add('npoc', ['npoc'], 'KWT');
  await add('npoc_qat', ['npoc'], 'QAT');
  await add('nominator', ['nominator'], 'KWT');
  await add('observer', ['observer']);
  await add('observer_kwt', ['observer'], 'KWT');
  for (const [name, nationCode] of [
    ['participant', 'KWT'],
    ['participant_qat', 'QAT'],
  ] as const) {
    const session = participants[nationCode];
    const roles: Role[] = ['participant'];
    callers[name] = { name, roles, nationCode, session, token: null, userId: session.userId };
  }
  const tokenOwner = await signInAs(t, ['npoc'], 'KWT');
  const created = await send(t.app, sessionCaller(tokenOwner), 'POST', '/api/v1/auth/tokens', {
    name: 'matrix',
  });
  callers.token_npoc = {
    name: 'token_npoc',
    roles: ['npoc'],
    nationCode: 'KWT',
    session: null,
    token: created.json<{ token: string }>().token,
    userId: tokenOwner.userId,
  };
  return callers;
}

const sessionCaller = (session: Session): Caller => ({
  name: 'browser',
  roles: [],
  nationCode: null,
  session,
  token: null,
  userId: session.userId,
});

/** Options of a raw request: a body that is not JSON, or JSON as text. */
export interface SendOptions {
  contentType?: string;
  query?: Record<string, string>;
}

/** A request as the caller: cookie and CSRF header for a browser, bearer for a token. */
export function send(
  app: FastifyInstance,
  caller: Caller | Session,
  method: string,
  url: string,
  payload?: unknown,
  options: SendOptions = {},
): Promise<LightMyRequestResponse> {
  const who = 'cookie' in caller ? sessionCaller(caller) : caller;
  const headers: Record<string, string> = {};
  if (who.session) {
    headers.cookie = who.session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = who.session.csrfToken;
  }
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  return app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(options.query ? { query: options.query } : {}),
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}
