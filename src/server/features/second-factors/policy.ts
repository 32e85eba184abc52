import type { TwoFactorPolicy, UpdateTwoFactorPolicyRequest } from '../../../contract/auth.js';
import { ROLES, type Role } from '../../../contract/roles.js';
import {
  isSecondFactorRequired,
  type TwoFactorPolicy as PolicyByRole,
} from '../../../domain/second-factors.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { savePolicyRow, selectPolicy } from './queries.js';

/** The policy as stored; a role without a row requires nothing. */
export async function readPolicy(db: DbOrTx): Promise<PolicyByRole> {
  const policy = Object.fromEntries(ROLES.map((role) => [role, false])) as Record<Role, boolean>;
  for (const row of await selectPolicy(db)) policy[row.role] = row.required;
  return policy;
}

/** Whether these roles must sign in with a second factor, under the stored policy. */
export async function secondFactorRequired(db: DbOrTx, roles: readonly Role[]) {
  return isSecondFactorRequired(roles, await readPolicy(db));
}

export function presentPolicy(policy: PolicyByRole): TwoFactorPolicy {
  return { roles: ROLES.map((role) => ({ role, required: policy[role] })) };
}

export async function getTwoFactorPolicy(ctx: ServiceContext): Promise<TwoFactorPolicy> {
  return presentPolicy(await readPolicy(ctx.tx));
}

/**
 * Changes which roles require a second factor, audited with the roles before and after. Takes
 * effect at each user's next sign-in: open sessions are not ended.
 */
export async function updateTwoFactorPolicy(
  ctx: ServiceContext,
  input: UpdateTwoFactorPolicyRequest,
  now: Date,
): Promise<TwoFactorPolicy> {
  const before = await readPolicy(ctx.tx);
  for (const { role, required } of input.roles) await savePolicyRow(ctx.tx, role, required, now);
  const after = await readPolicy(ctx.tx);
  const requiredRoles = (p: PolicyByRole) => ROLES.filter((role) => p[role]);
  await recordAudit(ctx, {
    action: 'two_factor_policy.updated',
    entityType: 'two_factor_policy',
    entityId: 'roles',
    before: { required: requiredRoles(before) },
    after: { required: requiredRoles(after) },
  });
  return presentPolicy(after);
}
