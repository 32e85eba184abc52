import { EventRole } from '../../../contract/catalogue.js';
import { LOCALES, type Locale, type LocalizedText } from '../../../contract/common.js';
import { roleName } from '../../../domain/activity-kinds.js';
import { publishedAgendaAttachment } from '../agenda/files.js';
import type { ServiceContext } from '../context.js';
import { selectNationName } from '../messages/account-queries.js';
import { INSTRUCTIONS_TO_FOLLOW } from '../messages/default-templates/index.js';
import { inviteParticipantAccount } from '../messages/invitations.js';
import { publicUrl } from '../messages/links.js';
import { type EmailRequest, notifyUser, queueEmails } from '../messages/outbox.js';
import { type SessionFacts, selectSessionFacts } from './eligibility.js';
import { AGENDA_ATTACHED, inLocale, joiningInvitation } from './joining.js';
import * as q from './queries.js';

export type Announced =
  | 'submit'
  | 'decline'
  | 'select'
  | 'waitlist'
  | 'reject'
  | 'withdraw'
  | 'promote'
  | 'override'
  | 'invite'
  | 'uninvite';

const KIND: Record<Announced, string> = {
  submit: 'nomination-submitted',
  decline: 'nomination-declined',
  select: 'nomination-selected',
  waitlist: 'nomination-waitlisted',
  reject: 'nomination-rejected',
  withdraw: 'nomination-withdrawn',
  promote: 'nomination-promoted',
  override: 'nomination-overridden',
  invite: 'invitation-received',
  uninvite: 'invitation-withdrawn',
};

/**
 * E-mails for decisions the nation must hear of; joining instructions follow a seat (and say
 * it was given), and an accepted override lets the NPOC submit.
 */
const EMAIL: Partial<
  Record<Announced, 'nomination-waitlisted' | 'nomination-rejected' | 'nomination-overridden'>
> = {
  waitlist: 'nomination-waitlisted',
  reject: 'nomination-rejected',
  override: 'nomination-overridden',
};

function asLocale(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en';
}

function nameOf(row: q.JoinedNomination): string {
  const p = row.participant;
  return `${p.givenNamesLatin} ${p.familyNameLatin}`;
}

type Names = Pick<
  q.JoinedNomination['participant'],
  'givenNamesLatin' | 'familyNameLatin' | 'givenNamesArabic' | 'familyNameArabic'
>;

/**
 * The participant's name for a bell item: the Latin one, and the Arabic one when the person has
 * it, so a reader of Arabic sees the name in their script.
 */
function bellNames(p: Names): { participantName: string; participantNameArabic?: string } {
  const arabic = [p.givenNamesArabic, p.familyNameArabic].filter(Boolean).join(' ');
  return {
    participantName: `${p.givenNamesLatin} ${p.familyNameLatin}`,
    ...(arabic ? { participantNameArabic: arabic } : {}),
  };
}

function variablesFor(
  row: q.JoinedNomination,
  session: SessionFacts,
  locale: Locale,
  nation: LocalizedText | null,
  forParticipant = false,
) {
  return {
    participantName: nameOf(row),
    nationName: inLocale(nation, locale) || row.nomination.nationCode,
    sessionCode: session.code,
    activityTitle: inLocale(session.activityTitle, locale),
    startDate: session.startDate,
    endDate: session.endDate,
    venue: inLocale(session.venueName, locale),
    reason: row.nomination.decisionReason ?? '',
    // E-mails need whole addresses; the participant's own page is where they read it all.
    link: `${publicUrl()}${forParticipant ? '/' : `/nominations/${row.nomination.id}`}`,
  };
}

/**
 * Tells the people concerned about a decision, in their own language (run by the
 * `nominations.announce` job, see announce-job.ts): the nation's NPOCs and the participant (bell and e-mail), the session's
 * director for what the nation does. A seat brings joining instructions with a calendar
 * invitation and, for a participant with an e-mail, an invitation to open an account.
 */
export async function announceDecision(
  ctx: ServiceContext,
  nominationId: string,
  action: Announced,
  /** What the caller has already read, to spare the round trips. */
  known?: { row: q.JoinedNomination; session?: SessionFacts },
): Promise<void> {
  const row = known?.row ?? (await q.selectNomination(ctx.tx, null, nominationId));
  if (!row) return;
  const session = known?.session ?? (await selectSessionFacts(ctx.tx, row.session.id));
  const params = { sessionCode: session.code, ...bellNames(row.participant) };
  const link = `/nominations/${nominationId}`;
  const npocs = await q.selectNationUsers(ctx.tx, row.nomination.nationCode, 'npoc');
  const kind = KIND[action];

  if (action === 'submit' || action === 'withdraw') {
    if (session.directorId) await notifyUser(ctx.tx, session.directorId, { kind, params, link });
    return;
  }
  if (action === 'decline') {
    const proposer = row.nomination.proposedBy;
    if (proposer) {
      await notifyUser(ctx.tx, proposer, {
        // The centre invited: it hears that the nation said no, not that its NPOC held back.
        kind: row.nomination.invitedAt ? 'invitation-declined' : kind,
        params: { ...params, reason: row.nomination.decisionReason ?? '' },
        link,
      });
    }
    return;
  }
  for (const npoc of npocs) {
    await notifyUser(ctx.tx, npoc.id, { kind, params, link });
  }
  // An override is the nation's to act on: the participant hears of the decision that follows.
  if (row.participant.userId && action !== 'override') {
    await notifyUser(ctx.tx, row.participant.userId, { kind, params, link: '/' });
  }
  const email = EMAIL[action];
  const nation =
    email || action === 'select' || action === 'promote'
      ? await selectNationName(ctx.tx, row.nomination.nationCode)
      : null;
  if (email) {
    await queueEmails(
      ctx.tx,
      npocs.map((npoc) => {
        const locale = asLocale(npoc.locale);
        return {
          event: email,
          locale,
          to: npoc.email,
          userId: npoc.id,
          // The NPOC's name is at hand: spares queueEmail looking the account up again.
          variables: {
            ...variablesFor(row, session, locale, nation),
            // An override is explained by its justification, a decision by its reason.
            ...(action === 'override'
              ? { reason: row.nomination.overrideJustification ?? '' }
              : {}),

            recipientName: npoc.displayName,
          },
        };
      }),
    );
  }
  if (action === 'select' || action === 'promote') {
    await sendJoiningInstructions(ctx, row, session, npocs, nation);
  }
  if (action === 'invite') await sendInvitation(ctx, row, session, npocs);
  if (action === 'uninvite') await sendInvitation(ctx, row, session, npocs, 'withdrawn');
}

/**
 * The invitation by name, e-mailed to the nation's NPOCs in their language with the invitee's
 * role; the link leads to the nation's invitations, where they answer it. `withdrawn`: the
 * centre took it back, and the e-mail says why.
 */
async function sendInvitation(
  ctx: ServiceContext,
  row: q.JoinedNomination,
  session: SessionFacts,
  npocs: Awaited<ReturnType<typeof q.selectNationUsers>>,
  news: 'received' | 'withdrawn' = 'received',
): Promise<void> {
  const nation = await selectNationName(ctx.tx, row.nomination.nationCode);
  const role = EventRole.catch('participant').parse(row.nomination.eventRole);
  await queueEmails(
    ctx.tx,
    npocs.map((npoc) => {
      const locale = asLocale(npoc.locale);
      const variables = {
        ...variablesFor(row, session, locale, nation),
        role: roleName(role, locale),
        link: `${publicUrl()}/invitations`,
        recipientName: npoc.displayName,
      };
      const base = { locale, to: npoc.email, userId: npoc.id };
      return news === 'received'
        ? { ...base, event: 'invitation-received' as const, variables }
        : { ...base, event: 'invitation-withdrawn' as const, variables };
    }),
  );
}

async function sendJoiningInstructions(
  ctx: ServiceContext,
  row: q.JoinedNomination,
  session: SessionFacts,
  npocs: Awaited<ReturnType<typeof q.selectNationUsers>>,
  nation: LocalizedText | null,
): Promise<void> {
  const participantUser = row.participant.userId
    ? await q.selectUser(ctx.tx, row.participant.userId)
    : undefined;
  const participantLocale = asLocale(participantUser?.locale ?? session.language);
  const recipients = [
    ...(row.participant.email
      ? [
          {
            to: row.participant.email,
            userId: participantUser?.id ?? null,
            name: participantUser?.displayName,
            locale: participantLocale,
            participant: true,
          },
        ]
      : []),
    ...npocs.map((npoc) => ({
      to: npoc.email,
      userId: npoc.id,
      name: npoc.displayName,
      locale: asLocale(npoc.locale),
      participant: false,
    })),
  ];
  // The calendar invitation depends on the language only: built once per language.
  const invitations = new Map<Locale, ReturnType<typeof joiningInvitation>>();
  // The published agenda goes with them, printed once per language.
  const agendas = new Map<Locale, Awaited<ReturnType<typeof publishedAgendaAttachment>>>();
  const emails: EmailRequest[] = [];
  for (const recipient of recipients) {
    let invitation = invitations.get(recipient.locale);
    if (!invitation) {
      invitation = joiningInvitation(session, row.nomination.id, recipient.locale);
      invitations.set(recipient.locale, invitation);
    }
    if (!agendas.has(recipient.locale)) {
      agendas.set(
        recipient.locale,
        await publishedAgendaAttachment(ctx, session.code, recipient.locale),
      );
    }
    const agenda = agendas.get(recipient.locale) ?? null;
    const instructions =
      inLocale(session.joiningInstructions, recipient.locale).trim() ||
      INSTRUCTIONS_TO_FOLLOW[recipient.locale];
    const agendaLink = `${publicUrl()}/sessions/${encodeURIComponent(session.code)}#agenda`;
    const variables = {
      ...variablesFor(row, session, recipient.locale, nation, recipient.participant),
      instructions: agenda
        ? `${instructions}\n\n${AGENDA_ATTACHED[recipient.locale]} ${agendaLink}`
        : instructions,
    };
    emails.push({
      event: 'joining-instructions',
      locale: recipient.locale,
      to: recipient.to,
      userId: recipient.userId,
      // A known account's name spares queueEmail looking it up again.
      variables: recipient.name ? { ...variables, recipientName: recipient.name } : variables,
      attachments: agenda ? [invitation, agenda] : [invitation],
    });
  }
  await queueEmails(ctx.tx, emails);
  if (row.participant.email && !row.participant.userId) {
    await inviteParticipantAccount(ctx, {
      id: row.participant.id,
      email: row.participant.email,
      nationCode: row.nomination.nationCode,
      displayName: nameOf(row),
      locale: participantLocale,
    });
  }
}

/** A nominator's proposal waits for the nation's NPOCs: tell them. */
export async function notifyNationOfProposal(
  ctx: ServiceContext,
  nomination: q.NominationRow,
  session: SessionFacts,
): Promise<void> {
  const person = await q.selectParticipant(ctx.tx, nomination.participantId);
  const names = person ? bellNames(person) : { participantName: '' };
  for (const npoc of await q.selectNationUsers(ctx.tx, nomination.nationCode, 'npoc')) {
    await notifyUser(ctx.tx, npoc.id, {
      kind: 'nomination-proposed',
      params: { sessionCode: session.code, ...names },
      link: `/nominations/${nomination.id}`,
    });
  }
}
