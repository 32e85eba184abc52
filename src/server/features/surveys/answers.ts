import type { Locale } from '../../../contract/common.js';
import type {
  MySurvey,
  SurveyForm,
  SurveySubmission,
  SurveySubmitted,
} from '../../../contract/surveys.js';
import { checkAnswers } from '../../../domain/surveys.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { hashToken } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import * as iq from './invitation-queries.js';
import { presentForm, presentMySurvey } from './presenters.js';

/** The signed-in participant's surveys still waiting for an answer, the soonest closing first. */
export async function listMySurveys(ctx: ServiceContext, now = new Date()): Promise<MySurvey[]> {
  return (await iq.selectMyOpenInvitations(ctx.tx, ctx.actor.id, now)).map(presentMySurvey);
}

async function loadOwn(ctx: ServiceContext, id: string, lock = false) {
  const row = await iq.selectOwnInvitation(ctx.tx, id, ctx.actor.id, lock);
  if (!row) throw notFound('The survey');
  return row;
}

/** The participant's own survey, worded in `locale` (their language when not given). */
export async function getMySurvey(
  ctx: ServiceContext,
  id: string,
  locale: Locale | undefined,
  now = new Date(),
): Promise<SurveyForm> {
  return presentForm(await loadOwn(ctx, id), locale ?? ctx.actor.locale, now);
}

/**
 * Stores one answer set and marks the invitation answered, together. For an anonymous
 * survey the response carries no invitation and its time is cut to the day, so neither a join
 * nor the clock ties it to the person; the invitation keeps only that its holder answered.
 */
async function store(
  tx: Tx,
  row: iq.LoadedInvitation,
  submission: SurveySubmission,
  now: Date,
): Promise<SurveySubmitted> {
  const { invitation, template } = row;
  if (invitation.answeredAt) {
    throw conflict('already_answered', 'This survey has already been answered; thank you.');
  }
  if (invitation.closesAt.getTime() <= now.getTime()) {
    throw conflict('survey_closed', 'This survey closed; answers are no longer taken.');
  }
  const checked = checkAnswers(template.questions, submission.answers);
  if (!checked.ok) {
    throw new AppError(
      400,
      'validation_failed',
      checked.problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      checked.problems,
    );
  }
  // Conditional: of two answers sent at once, the second finds nothing left to update.
  if (!(await iq.markAnswered(tx, invitation.id, now))) {
    throw conflict('already_answered', 'This survey has already been answered; thank you.');
  }
  const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  await iq.insertResponse(tx, {
    sessionId: invitation.sessionId,
    templateId: template.id,
    level: invitation.level,
    respondent: invitation.respondent,
    invitationId: template.anonymous ? null : invitation.id,
    answers: checked.answers,
    submittedAt: template.anonymous ? day : now,
  });
  return { answeredAt: now.toISOString() };
}

/** Answers the participant's own survey; twice is `already_answered`, late is `survey_closed`. */
export async function answerMySurvey(
  ctx: ServiceContext,
  id: string,
  submission: SurveySubmission,
  now = new Date(),
): Promise<SurveySubmitted> {
  const row = await loadOwn(ctx, id, true);
  const answered = await store(ctx.tx, row, submission, now);
  await recordAudit(ctx, {
    action: 'survey.answered',
    entityType: 'survey_invitation',
    entityId: row.invitation.id,
    // What was answered stays out of the trail: it would undo anonymity.
    after: { answeredAt: answered.answeredAt },
  });
  return answered;
}

async function loadByToken(db: DbOrTx, token: string, lock = false) {
  const row = await iq.selectInvitationByToken(db, hashToken(token), lock);
  if (!row) throw notFound('The survey');
  return row;
}

/** A supervisor's survey by its link, worded in `locale` (English when not given). */
export async function getSupervisorSurvey(
  db: Database,
  token: string,
  locale: Locale | undefined,
  now = new Date(),
): Promise<SurveyForm> {
  return presentForm(await loadByToken(db, token), locale ?? 'en', now);
}

/** A supervisor's answers, by the link's secret; the same rules as a participant's. */
export async function answerSupervisorSurvey(
  db: Database,
  token: string,
  submission: SurveySubmission,
  requestId: string,
  now = new Date(),
): Promise<SurveySubmitted> {
  return db.transaction(async (tx) => {
    const row = await loadByToken(tx, token, true);
    const answered = await store(tx, row, submission, now);
    await recordAudit(
      { tx, requestId, actor: null },
      {
        action: 'survey.answered',
        entityType: 'survey_invitation',
        entityId: row.invitation.id,
        after: { answeredAt: answered.answeredAt, respondent: 'supervisor' },
      },
    );
    return answered;
  });
}
