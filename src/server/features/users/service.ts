import type {
  CreateUserRequest,
  ResetPasswordRequest,
  StaffMember,
  StaffQuery,
  UpdateUserRequest,
  User,
  UserListQuery,
} from '../../../contract/users.js';
import { roleNationProblem } from '../../../domain/access.js';
import { isUniqueViolation } from '../../db/errors.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { assertAcceptablePassword } from '../auth/password-check.js';
import { hashPassword } from '../auth/secrets.js';
import { signOutEverywhere } from '../auth/sign-out-everywhere.js';
import type { ServiceContext } from '../context.js';
import { nationExists } from '../partners/queries.js';
import { presentUser } from './presenters.js';
import * as q from './queries.js';

export async function listUsers(ctx: ServiceContext, query: UserListQuery) {
  const rows = await q.selectUsers(ctx.tx, query, decodeCursor(query.cursor, ['text', 'uuid']));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentUser),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.email.toLowerCase(), last.id]) : null,
  };
}

export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  const row = await q.selectUser(ctx.tx, id);
  if (!row) throw notFound('The user');
  return presentUser(row);
}

async function checkRolesAndNation(
  ctx: ServiceContext,
  roles: User['roles'],
  nationCode: string | null,
) {
  const problem = roleNationProblem(roles, nationCode);
  if (problem) throw invalid('nationCode', problem, 'role_nation_mismatch');
  if (nationCode && !(await nationExists(ctx.tx, nationCode))) {
    throw invalid('nationCode', `no partner nation has the code ${nationCode}`, 'unknown_nation');
  }
}

/** Creates an account with an initial password the administrator hands over. */
export async function createUser(ctx: ServiceContext, input: CreateUserRequest): Promise<User> {
  const nationCode = input.nationCode ?? null;
  await checkRolesAndNation(ctx, input.roles, nationCode);
  assertAcceptablePassword(input.password, input, 'password');
  try {
    const row = await q.insertUser(ctx.tx, {
      email: input.email,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      nationCode,
      locale: input.locale ?? 'en',
      passwordHash: await hashPassword(input.password),
      ssoOnly: input.ssoOnly ?? false,
    });
    const user = presentUser(row);
    await recordAudit(ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      after: user,
    });
    return user;
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('email_taken', `A user with the e-mail ${input.email} already exists.`);
    throw error;
  }
}

/**
 * Changes roles, nation or status. Deactivating ends the user's sessions at once and revokes
 * their API tokens for good, so that re-activating the account revives neither.
 */
export async function updateUser(
  ctx: ServiceContext,
  id: string,
  input: UpdateUserRequest,
): Promise<User> {
  const existing = await q.selectUser(ctx.tx, id);
  if (!existing) throw notFound('The user');
  if (
    id === ctx.actor.id &&
    (input.active === false || (input.roles && !input.roles.includes('administrator')))
  ) {
    throw new AppError(
      409,
      'cannot_demote_self',
      'You cannot deactivate yourself or remove your own administrator role.',
    );
  }
  const roles = input.roles ? [...new Set(input.roles)] : existing.roles;
  const nationCode = input.nationCode !== undefined ? input.nationCode : existing.nationCode;
  await checkRolesAndNation(ctx, roles, nationCode);
  const row = await q.updateUser(ctx.tx, id, { ...input, roles, nationCode });
  if (!row) throw notFound('The user');
  if (input.active === false) {
    await signOutEverywhere(ctx, { userId: id, reason: 'deactivated', now: new Date() });
  }
  const before = presentUser(existing);
  const after = presentUser(row);
  await recordAudit(ctx, {
    action: 'user.updated',
    entityType: 'user',
    entityId: id,
    before,
    after,
  });
  return after;
}

/**
 * Sets a new password chosen by the administrator, signs the user out everywhere and revokes
 * their API tokens.
 */
export async function resetPassword(ctx: ServiceContext, id: string, input: ResetPasswordRequest) {
  const existing = await q.selectUser(ctx.tx, id);
  if (!existing) throw notFound('The user');
  if (existing.ssoOnly) throw ssoOnlyProblem();
  assertAcceptablePassword(input.newPassword, existing, 'newPassword');
  const row = await q.updateUser(ctx.tx, id, {
    passwordHash: await hashPassword(input.newPassword),
  });
  if (!row) throw notFound('The user');
  const ended = await signOutEverywhere(ctx, {
    userId: id,
    reason: 'password_reset',
    now: new Date(),
  });
  await recordAudit(ctx, {
    action: 'user.password_reset',
    entityType: 'user',
    entityId: id,
    after: ended,
  });
}

function ssoOnlyProblem() {
  return new AppError(
    409,
    'sso_only',
    'This account signs in only through single sign-on; it has no password to reset.',
  );
}

/** Directors or instructors to name on a session; registrars see names only, not accounts. */
export async function listStaff(ctx: ServiceContext, query: StaffQuery): Promise<StaffMember[]> {
  return q.selectStaff(ctx.tx, query.role);
}
