import { and, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Locale, LocalizedText } from '../../../contract/common.js';
import { SURVEY_OPEN_DAYS } from '../../../contract/surveys.js';
import { closesAt } from '../../../domain/surveys.js';
import type { Tx } from '../../db/client.js';
import { nominations, participants, surveyInvitations, users } from '../../db/schema/index.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import { publicUrl } from '../messages/links.js';
import { notifyUser, queueEmail } from '../messages/outbox.js';

/** What an invitation e-mail says about the session and the survey. */
export interface SurveyFacts {
  sessionId: string;
  sessionCode: string;
  startDate: string;
  endDate: string;
  activityTitle: LocalizedText;
  templateId: string;
  templateTitle: LocalizedText;
  level: 1 | 3;
}

const inLocale = (text: LocalizedText, locale: Locale) => text[locale] || text.en;

/** The page where a participant answers, signed in. */
export const answerLink = (invitationId: string) => `${publicUrl()}/surveys/answer/${invitationId}`;
/** The page where a supervisor answers, with the link's secret. */
export const supervisorLink = (token: string) => `${publicUrl()}/survey/${token}`;

/** Who a nomination's survey e-mails go to: the participant's account first, else their record. */
export async function selectRecipients(tx: Tx, nominationIds: string[]) {
  if (nominationIds.length === 0) return new Map<string, Recipient>();
  const rows = await tx
    .select({
      nominationId: nominations.id,
      given: participants.givenNamesLatin,
      family: participants.familyNameLatin,
      email: participants.email,
      userId: participants.userId,
      userEmail: users.email,
      userLocale: users.locale,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .leftJoin(users, eq(users.id, participants.userId))
    .where(inArray(nominations.id, nominationIds));
  return new Map(
    rows.map((r): [string, Recipient] => [
      r.nominationId,
      {
        name: `${r.given} ${r.family}`,
        email: r.userEmail ?? r.email,
        userId: r.userId,
        locale: (r.userLocale as Locale | null) ?? 'en',
      },
    ]),
  );
}

export interface Recipient {
  name: string;
  email: string | null;
  userId: string | null;
  locale: Locale;
}

function variables(facts: SurveyFacts, locale: Locale, participantName: string, closes: Date) {
  return {
    participantName,
    sessionCode: facts.sessionCode,
    activityTitle: inLocale(facts.activityTitle, locale),
    startDate: facts.startDate,
    endDate: facts.endDate,
    surveyTitle: inLocale(facts.templateTitle, locale),
    closesOn: closes.toISOString().slice(0, 10),
  };
}

/**
 * Invites the session's selected participants who have no invitation at this level yet (a
 * no-show or a withdrawn participant is not asked): one row each, an e-mail and a bell
 * notification. The unique key makes a second run, or a second server, add nobody twice.
 */
export async function inviteParticipants(tx: Tx, facts: SurveyFacts, now: Date): Promise<number> {
  const open = await tx
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.sessionId, facts.sessionId),
        eq(nominations.status, 'selected'),
        or(isNull(nominations.result), notInArray(nominations.result, ['no-show', 'withdrawn'])),
        sql`not exists (select 1 from ${surveyInvitations} where ${surveyInvitations.nominationId} = ${nominations.id} and ${surveyInvitations.level} = ${facts.level} and ${surveyInvitations.respondent} = 'participant')`,
      ),
    );
  if (open.length === 0) return 0;
  const recipients = await selectRecipients(
    tx,
    open.map((n) => n.id),
  );
  const closes = closesAt(now, SURVEY_OPEN_DAYS);
  let sent = 0;
  for (const nomination of open) {
    const [row] = await tx
      .insert(surveyInvitations)
      .values({
        sessionId: facts.sessionId,
        nominationId: nomination.id,
        templateId: facts.templateId,
        level: facts.level,
        respondent: 'participant',
        sentAt: now,
        closesAt: closes,
      })
      .onConflictDoNothing()
      .returning({ id: surveyInvitations.id });
    const who = recipients.get(nomination.id);
    if (!row || !who) continue;
    sent += 1;
    if (who.email) {
      await tx
        .update(surveyInvitations)
        .set({ email: who.email })
        .where(eq(surveyInvitations.id, row.id));
      await queueEmail(tx, {
        event: 'survey-invitation',
        locale: who.locale,
        to: who.email,
        userId: who.userId,
        variables: { ...variables(facts, who.locale, who.name, closes), link: answerLink(row.id) },
      });
    }
    if (who.userId) {
      await notifyUser(tx, who.userId, {
        kind: 'survey-invitation',
        params: {
          sessionCode: facts.sessionCode,
          title: inLocale(facts.templateTitle, who.locale),
        },
        link: `/surveys/answer/${row.id}`,
      });
    }
  }
  return sent;
}

/**
 * Sends a supervisor's invitation: a new link secret (only its hash is kept, so a reminder
 * issues a new one and the old link stops working), the window opened now, and the e-mail.
 */
export async function sendSupervisor(
  tx: Tx,
  facts: SurveyFacts,
  invitation: { id: string; nominationId: string; email: string | null },
  now: Date,
  event: 'survey-invitation' | 'survey-reminder' = 'survey-invitation',
): Promise<boolean> {
  if (!invitation.email) return false;
  const about = (await selectRecipients(tx, [invitation.nominationId])).get(
    invitation.nominationId,
  );
  // A supervisor is asked about someone: without them there is nothing to ask.
  if (!about) return false;
  const token = newSecret();
  const locale = about.locale;
  const closes = event === 'survey-invitation' ? closesAt(now, SURVEY_OPEN_DAYS) : null;
  const [row] = await tx
    .update(surveyInvitations)
    .set({
      tokenHash: hashToken(token),
      templateId: facts.templateId,
      ...(closes ? { sentAt: now, closesAt: closes } : { lastReminderAt: now }),
    })
    .where(eq(surveyInvitations.id, invitation.id))
    .returning({ closesAt: surveyInvitations.closesAt });
  if (!row) return false;
  await queueEmail(tx, {
    event,
    locale,
    to: invitation.email,
    variables: {
      ...variables(facts, locale, about.name, row.closesAt),
      recipientName: invitation.email,
      link: supervisorLink(token),
    },
  });
  return true;
}
