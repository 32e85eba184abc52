import type { LocalizedText } from '../../../contract/common.js';
import type { ReminderResult, SupervisorInput, SupervisorLine } from '../../../contract/surveys.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { queueEmail } from '../messages/outbox.js';
import * as iq from './invitation-queries.js';
import * as q from './queries.js';
import { answerLink, type SurveyFacts, selectRecipients, sendSupervisor } from './sending.js';

/** Reminding the same person more than once a day is nagging, and a double click is likely. */
const REMINDER_GAP_MS = 24 * 3600 * 1000;

async function loadSession(ctx: ServiceContext, code: string) {
  const session = await q.selectSurveySession(ctx.tx, ctx.actor.scope, code);
  if (!session) throw notFound(`The session ${code}`);
  return session;
}

function factsOf(session: q.SurveySession, template: q.TemplateRow, level: number): SurveyFacts {
  return {
    sessionId: session.id,
    sessionCode: session.code,
    startDate: session.startDate,
    endDate: session.endDate,
    activityTitle: session.activityTitle as LocalizedText,
    templateId: template.id,
    templateTitle: template.title,
    level: level as 1 | 3,
  };
}

/**
 * E-mails everyone invited at this level who has not answered and whose survey is still open.
 * It works for anonymous surveys too: the invitation knows that its holder answered, never
 * what. A supervisor gets a new link, since only the old one's hash was kept.
 */
export async function remindSurvey(
  ctx: ServiceContext,
  code: string,
  level: number,
  now = new Date(),
): Promise<ReminderResult> {
  const session = await loadSession(ctx, code);
  const waiting = (await q.selectUnanswered(ctx.tx, session.id, level, { kind: 'all' })).filter(
    (w) => w.invitation.closesAt.getTime() > now.getTime(),
  );
  const templates = new Map((await q.selectTemplates(ctx.tx)).map((t) => [t.id, t]));
  const recipients = await selectRecipients(
    ctx.tx,
    waiting.map((w) => w.invitation.nominationId),
  );
  const reminded: string[] = [];
  let skipped = 0;
  for (const { invitation } of waiting) {
    const template = templates.get(invitation.templateId);
    const last = invitation.lastReminderAt?.getTime() ?? 0;
    if (!template || now.getTime() - last < REMINDER_GAP_MS) {
      skipped += 1;
      continue;
    }
    const facts = factsOf(session, template, level);
    if (invitation.respondent === 'supervisor') {
      if (await sendSupervisor(ctx.tx, facts, invitation, now, 'survey-reminder')) {
        reminded.push(invitation.id);
      } else skipped += 1;
      continue;
    }
    const who = recipients.get(invitation.nominationId);
    const to = who?.email ?? invitation.email;
    if (!who || !to) {
      skipped += 1;
      continue;
    }
    await queueEmail(ctx.tx, {
      event: 'survey-reminder',
      locale: who.locale,
      to,
      userId: who.userId,
      variables: {
        participantName: who.name,
        sessionCode: session.code,
        activityTitle: facts.activityTitle[who.locale] || facts.activityTitle.en,
        startDate: session.startDate,
        endDate: session.endDate,
        surveyTitle: template.title[who.locale] || template.title.en,
        closesOn: invitation.closesAt.toISOString().slice(0, 10),
        link: answerLink(invitation.id),
      },
    });
    reminded.push(invitation.id);
  }
  await q.markReminded(ctx.tx, reminded, now);
  await recordAudit(ctx, {
    action: 'survey.reminded',
    entityType: 'session',
    entityId: session.id,
    after: { level, reminded: reminded.length, skipped },
  });
  return { reminded: reminded.length, skipped };
}

/** Level-3 supervisors of a session's selected participants, and where each one stands. */
export async function listSupervisors(
  ctx: ServiceContext,
  code: string,
): Promise<SupervisorLine[]> {
  const session = await loadSession(ctx, code);
  const people = await iq.selectSelectedNominations(ctx.tx, session.id);
  const invitations = new Map(
    (await iq.selectSessionInvitations(ctx.tx, session.id, 3, 'supervisor')).map((i) => [
      i.nominationId,
      i,
    ]),
  );
  return people.map((p) => {
    const invitation = invitations.get(p.nominationId);
    return {
      nominationId: p.nominationId,
      participantName: `${p.givenNamesLatin} ${p.familyNameLatin}`,
      nationCode: p.nationCode,
      email: invitation?.email ?? null,
      state: !invitation
        ? 'none'
        : invitation.answeredAt
          ? 'answered'
          : invitation.tokenHash
            ? 'sent'
            : 'pending',
    };
  });
}

/**
 * Names (or takes off) the supervisor to ask about one participant at level 3. Before level 3
 * goes out the address waits; once the participant's level 3 has been sent, the supervisor is
 * asked at once. A supervisor already asked cannot be changed.
 */
export async function setSupervisor(
  ctx: ServiceContext,
  code: string,
  nominationId: string,
  input: SupervisorInput,
  now = new Date(),
): Promise<SupervisorLine> {
  const session = await loadSession(ctx, code);
  const attached = await q.selectActivitySurvey(ctx.tx, session.activityId, 3);
  if (!attached?.link.askSupervisor) {
    throw conflict(
      'no_supervisor_survey',
      'This course asks no supervisors: its level-3 survey is not set to ask them.',
    );
  }
  const person = (await iq.selectSelectedNominations(ctx.tx, session.id)).find(
    (p) => p.nominationId === nominationId,
  );
  if (!person) throw notFound('A selected participant of this session');
  const existing = (await iq.selectSessionInvitations(ctx.tx, session.id, 3, 'supervisor')).find(
    (i) => i.nominationId === nominationId,
  );
  if (existing?.tokenHash) {
    throw conflict('supervisor_already_invited', 'This supervisor has already been asked.');
  }
  if (input.email === null) {
    if (existing) await iq.deletePendingSupervisor(ctx.tx, existing.id);
  } else {
    await iq.upsertPendingSupervisor(ctx.tx, {
      sessionId: session.id,
      nominationId,
      templateId: attached.template.id,
      level: 3,
      respondent: 'supervisor',
      email: input.email,
      // Placeholders until it is sent: sending sets both.
      sentAt: now,
      closesAt: now,
    });
    const participantSent = (
      await iq.selectSessionInvitations(ctx.tx, session.id, 3, 'participant')
    ).some((i) => i.nominationId === nominationId);
    const pending = (await iq.selectSessionInvitations(ctx.tx, session.id, 3, 'supervisor')).find(
      (i) => i.nominationId === nominationId,
    );
    if (participantSent && pending) {
      await sendSupervisor(ctx.tx, factsOf(session, attached.template, 3), pending, now);
    }
  }
  await recordAudit(ctx, {
    action: 'survey.supervisor-set',
    entityType: 'nomination',
    entityId: nominationId,
    before: { email: existing?.email ?? null },
    after: { email: input.email },
  });
  const line = (await listSupervisors(ctx, code)).find((l) => l.nominationId === nominationId);
  if (!line) throw new Error('supervisor line vanished');
  return line;
}
