import type { Locale } from '../../../contract/common.js';
import { recordAudits } from '../audit/record.js';
import { findUserByEmail } from '../auth/queries.js';
import { NO_PASSWORD_YET } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { presentUser } from '../users/presenters.js';
import { insertUser } from '../users/queries.js';
import {
  linkParticipantUser,
  selectNationName,
  selectParticipantAccount,
} from './account-queries.js';
import { passwordLink } from './links.js';
import { queueEmail } from './outbox.js';
import { issuePasswordToken } from './tokens.js';

export interface InvitedParticipant {
  id: string;
  email: string | null;
  nationCode: string;
  displayName: string;
  locale: Locale;
}

export type InvitationResult =
  | { status: 'invited'; userId: string }
  /** The participant already has an account: nothing was done. */
  | { status: 'has-account'; userId: string }
  /** No e-mail to write to: nothing was done. */
  | { status: 'no-email' }
  /** Another account already uses the e-mail: nothing was done; an administrator decides. */
  | { status: 'email-in-use' };

/**
 * Gives a participant an account of their own: a user with the participant role in their
 * nation, linked to the participant record, and an e-mail with a 14-day link to choose a
 * password. Runs in the caller's transaction; a participant who has an account is left alone.
 */
export async function inviteParticipantAccount(
  ctx: ServiceContext,
  participant: InvitedParticipant,
): Promise<InvitationResult> {
  const current = await selectParticipantAccount(ctx.tx, participant.id);
  if (current?.userId) return { status: 'has-account', userId: current.userId };
  if (!current) throw new Error(`participant ${participant.id} does not exist`);
  const email = participant.email?.trim();
  if (!email) return { status: 'no-email' };
  if (await findUserByEmail(ctx.tx, email)) return { status: 'email-in-use' };

  const now = new Date();
  // Nobody knows this password: the account is usable only once its holder sets one by the link.
  const user = await insertUser(ctx.tx, {
    email,
    displayName: participant.displayName,
    roles: ['participant'],
    nationCode: participant.nationCode,
    locale: participant.locale,
    passwordHash: NO_PASSWORD_YET,
  });
  await linkParticipantUser(ctx.tx, participant.id, user.id);
  const token = await issuePasswordToken(ctx.tx, user.id, 'invite', now);
  const nationName = await selectNationName(ctx.tx, participant.nationCode);
  await queueEmail(ctx.tx, {
    event: 'account-invitation',
    locale: participant.locale,
    to: email,
    userId: user.id,
    variables: {
      recipientName: participant.displayName,
      participantName: participant.displayName,
      // A French or Arabic name may be blank: only the English one is required.
      nationName: nationName?.[participant.locale] || nationName?.en || participant.nationCode,
      link: passwordLink(token),
    },
  });
  await recordAudits(ctx, [
    { action: 'user.created', entityType: 'user', entityId: user.id, after: presentUser(user) },
    {
      action: 'participant.account_invited',
      entityType: 'participant',
      entityId: participant.id,
      after: { userId: user.id, email },
    },
  ]);
  return { status: 'invited', userId: user.id };
}
