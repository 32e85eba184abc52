import type {
  ActivitySurvey,
  ActivitySurveyInput,
  SurveyTemplate,
  SurveyTemplateInput,
  SurveyTemplateUpdate,
} from '../../../contract/surveys.js';
import type { FieldProblem } from '../../../domain/field-problem.js';
import { templateProblems } from '../../../domain/surveys.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { SurveyQuestion } from '../../db/schema/index.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { rejectIfAny } from '../sessions/checks.js';
import { presentActivitySurvey, presentTemplate } from './presenters.js';
import * as q from './queries.js';

const exists = (code: string) =>
  conflict('survey_template_exists', `A survey template with the code ${code} already exists.`);

/** Questions as stored: options only on choices, `required` always said. */
function storedQuestions(input: SurveyTemplateUpdate): SurveyQuestion[] {
  return input.questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    text: question.text,
    ...(question.options && question.options.length > 0 ? { options: question.options } : {}),
    required: question.required,
  }));
}

async function present(ctx: ServiceContext, row: q.TemplateRow): Promise<SurveyTemplate> {
  const use = await q.selectTemplateUse(ctx.tx, [row.id]);
  return presentTemplate(row, use.get(row.id) ?? { activityCodes: [], invitations: 0 });
}

async function loadTemplate(ctx: ServiceContext, code: string) {
  const row = await q.selectTemplate(ctx.tx, code);
  if (!row) throw notFound(`The survey template ${code}`);
  return row;
}

/** Every survey template, level 1 first. */
export async function listTemplates(ctx: ServiceContext): Promise<SurveyTemplate[]> {
  const rows = await q.selectTemplates(ctx.tx);
  const use = await q.selectTemplateUse(
    ctx.tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentTemplate(r, use.get(r.id) ?? { activityCodes: [], invitations: 0 }),
  );
}

export async function getTemplate(ctx: ServiceContext, code: string): Promise<SurveyTemplate> {
  return present(ctx, await loadTemplate(ctx, code));
}

/** Creates a template after checking its questions as a whole (ids, options). */
export async function createTemplate(
  ctx: ServiceContext,
  input: SurveyTemplateInput,
): Promise<SurveyTemplate> {
  rejectIfAny(templateProblems(input.questions));
  if (await q.selectTemplate(ctx.tx, input.code)) throw exists(input.code);
  let row: q.TemplateRow;
  try {
    row = await q.insertTemplate(ctx.tx, {
      code: input.code,
      title: input.title,
      level: input.level,
      anonymous: input.anonymous,
      questions: storedQuestions(input),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(input.code);
    throw error;
  }
  const template = await present(ctx, row);
  await recordAudit(ctx, {
    action: 'survey-template.created',
    entityType: 'survey_template',
    entityId: row.id,
    after: template,
  });
  return template;
}

/**
 * Replaces a template's wording and questions. Once answers exist, the questions, the level and
 * the anonymity are frozen: changing them would make past answers say something else, or
 * expose people who answered on the promise of anonymity. The wording may still be corrected.
 */
export async function updateTemplate(
  ctx: ServiceContext,
  code: string,
  input: SurveyTemplateUpdate,
): Promise<SurveyTemplate> {
  rejectIfAny(templateProblems(input.questions));
  const row = await loadTemplate(ctx, code);
  const before = await present(ctx, row);
  const questions = storedQuestions(input);
  if (await q.hasResponses(ctx.tx, row.id)) {
    const shape = (list: SurveyQuestion[]) =>
      JSON.stringify(list.map((x) => [x.id, x.kind, x.options?.length ?? 0, x.required]));
    if (
      input.level !== row.level ||
      input.anonymous !== row.anonymous ||
      shape(questions) !== shape(row.questions)
    ) {
      throw conflict(
        'template_in_use',
        `The template ${code} already has answers: only its wording can change. Copy it under a new code to change its questions.`,
      );
    }
  }
  if (input.level !== row.level && before.activityCodes.length > 0) {
    throw conflict(
      'template_in_use',
      `The template ${code} is attached to ${before.activityCodes.join(', ')} at level ${row.level}.`,
    );
  }
  await q.updateTemplate(ctx.tx, row.id, {
    title: input.title,
    level: input.level,
    anonymous: input.anonymous,
    questions,
  });
  const after = await getTemplate(ctx, code);
  await recordAudit(ctx, {
    action: 'survey-template.updated',
    entityType: 'survey_template',
    entityId: row.id,
    before,
    after,
  });
  return after;
}

/** Deletes a template no activity uses and nobody was invited to. */
export async function deleteTemplate(ctx: ServiceContext, code: string): Promise<void> {
  const row = await loadTemplate(ctx, code);
  const before = await present(ctx, row);
  if (before.activityCodes.length > 0 || before.invitations > 0) {
    throw conflict(
      'template_in_use',
      `The template ${code} is in use; detach it from its activities first. A template that was sent stays as history.`,
    );
  }
  await q.deleteTemplate(ctx.tx, row.id);
  await recordAudit(ctx, {
    action: 'survey-template.deleted',
    entityType: 'survey_template',
    entityId: row.id,
    before,
  });
}

async function loadActivity(ctx: ServiceContext, code: string) {
  const activity = await q.selectActivity(ctx.tx, code);
  if (!activity) throw notFound(`The activity ${code}`);
  return activity;
}

/** The surveys an activity uses, per level. */
export async function listActivitySurveys(
  ctx: ServiceContext,
  activityCode: string,
): Promise<ActivitySurvey[]> {
  const activity = await loadActivity(ctx, activityCode);
  return (await q.selectActivitySurveys(ctx.tx, activity.id)).map(presentActivitySurvey);
}

/**
 * Attaches a template to an activity at a level. The template must be of that level; level 3
 * needs its delay (1-24 months) and may ask supervisors; level 1 takes neither.
 */
export async function attachSurvey(
  ctx: ServiceContext,
  activityCode: string,
  level: number,
  input: ActivitySurveyInput,
): Promise<ActivitySurvey> {
  const activity = await loadActivity(ctx, activityCode);
  const problems: FieldProblem[] = [];
  const template = await q.selectTemplate(ctx.tx, input.templateCode);
  if (!template) {
    problems.push({
      field: 'templateCode',
      message: `no survey template has the code ${input.templateCode}`,
      code: 'unknown_template',
    });
  } else if (template.level !== level) {
    problems.push({
      field: 'templateCode',
      message: `is a level-${template.level} template, not level ${level}`,
      code: 'level_mismatch',
    });
  }
  if (level === 3 && input.delayMonths === undefined) {
    problems.push({ field: 'delayMonths', message: 'is required at level 3', code: 'required' });
  }
  if (level === 1 && input.delayMonths !== undefined) {
    problems.push({
      field: 'delayMonths',
      message: 'applies to level 3 only',
      code: 'not_level_3',
    });
  }
  if (level === 1 && input.askSupervisor) {
    problems.push({
      field: 'askSupervisor',
      message: 'applies to level 3 only',
      code: 'not_level_3',
    });
  }
  rejectIfAny(problems);
  if (!template) throw new Error('unreachable: problems were reported above');
  const before = await q.selectActivitySurvey(ctx.tx, activity.id, level);
  await q.upsertActivitySurvey(ctx.tx, {
    activityId: activity.id,
    level,
    templateId: template.id,
    delayMonths: level === 3 ? (input.delayMonths ?? null) : null,
    askSupervisor: level === 3 ? (input.askSupervisor ?? false) : false,
  });
  const after = await q.selectActivitySurvey(ctx.tx, activity.id, level);
  if (!after) throw new Error('activity survey vanished');
  const presented = presentActivitySurvey(after);
  await recordAudit(ctx, {
    action: 'activity-survey.attached',
    entityType: 'activity',
    entityId: activity.id,
    before: before ? presentActivitySurvey(before) : null,
    after: presented,
  });
  return presented;
}

/** Detaches an activity's survey at a level; invitations already sent stay. */
export async function detachSurvey(
  ctx: ServiceContext,
  activityCode: string,
  level: number,
): Promise<void> {
  const activity = await loadActivity(ctx, activityCode);
  const before = await q.selectActivitySurvey(ctx.tx, activity.id, level);
  if (!before || !(await q.deleteActivitySurvey(ctx.tx, activity.id, level))) {
    throw notFound(`A level-${level} survey of ${activityCode}`);
  }
  await recordAudit(ctx, {
    action: 'activity-survey.detached',
    entityType: 'activity',
    entityId: activity.id,
    before: presentActivitySurvey(before),
  });
}
