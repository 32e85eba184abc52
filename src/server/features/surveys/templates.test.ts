import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { ActivitySurvey, SurveyTemplate } from '../../../contract/surveys.js';
import { auditLog } from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { level1Template, level3Template } from './test-fixtures.js';

describe('survey templates', () => {
  let t: TestApp;
  let registrar: Browser;
  let director: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    registrar = await signInAs(t, ['registrar']);
    director = await signInAs(t, ['course_director']);
  });
  afterAll(() => t.close());

  const create = (who: Browser | null, body: object) =>
    call(t.app, who, 'POST', '/api/v1/surveys/templates', body);

  it('creates, lists, reads, replaces and deletes a template', async () => {
    const created = await create(registrar, level1Template('L1-STD'));
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json<SurveyTemplate>();
    expect(template).toMatchObject({ code: 'L1-STD', level: 1, anonymous: false, invitations: 0 });
    expect(template.questions.map((q) => q.kind)).toEqual(['scale', 'single', 'multiple', 'text']);
    expect(template.questions[0]?.options).toEqual([]);

    const list = await call(t.app, registrar, 'GET', '/api/v1/surveys/templates');
    expect(list.json<SurveyTemplate[]>().map((x) => x.code)).toContain('L1-STD');
    const one = await call(t.app, registrar, 'GET', '/api/v1/surveys/templates/L1-STD');
    expect(one.json<SurveyTemplate>().title.ar).toBe('نهاية الدورة');

    const { code: _code, ...rest } = level1Template('L1-STD');
    const replaced = await call(t.app, registrar, 'PUT', '/api/v1/surveys/templates/L1-STD', {
      ...rest,
      anonymous: true,
      title: { en: 'End of course (anonymous)' },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<SurveyTemplate>()).toMatchObject({ anonymous: true });

    await create(registrar, level1Template('L1-GONE'));
    const deleted = await call(t.app, registrar, 'DELETE', '/api/v1/surveys/templates/L1-GONE');
    expect(deleted.statusCode).toBe(204);
    expectProblem(
      await call(t.app, registrar, 'GET', '/api/v1/surveys/templates/L1-GONE'),
      404,
      'not_found',
    );
    const audit = await t.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, template.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['survey-template.created', 'survey-template.updated']),
    );
  });

  it('refuses bad templates with every problem named, writing nothing', async () => {
    const base = level1Template('L1-BAD');
    const response = await create(registrar, {
      ...base,
      questions: [
        { id: 'a', kind: 'single', text: { en: 'One option' }, options: [{ en: 'only' }] },
        { id: 'a', kind: 'scale', text: { en: 'Again a' } },
      ],
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.code)).toEqual(['too_few_options', 'duplicate_question']);
    expectProblem(await create(registrar, { ...base, questions: [] }), 400, 'validation_failed');
    expectProblem(await create(registrar, { ...base, level: 2 }), 400, 'validation_failed');
    expectProblem(await create(registrar, { ...base, extra: 1 }), 400, 'validation_failed');
    expectProblem(
      await call(t.app, registrar, 'GET', '/api/v1/surveys/templates/L1-BAD'),
      404,
      'not_found',
    );
    await create(registrar, level1Template('L1-TWICE'));
    expectProblem(
      await create(registrar, level1Template('L1-TWICE')),
      409,
      'survey_template_exists',
    );
  });

  it('is for those who manage surveys only', async () => {
    expectProblem(await create(null, level1Template('L1-X')), 401, 'unauthenticated');
    expectProblem(await create(director, level1Template('L1-X')), 403, 'forbidden');
    expectProblem(
      await call(t.app, director, 'GET', '/api/v1/surveys/templates'),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, null, 'PUT', '/api/v1/activities/CT-BASIC/surveys/1', {
        templateCode: 'L1-STD',
      }),
      401,
      'unauthenticated',
    );
  });

  it('attaches templates to an activity per level, with the level-3 delay', async () => {
    await create(registrar, level3Template('L3-STD'));
    const put = (level: number | string, body: object) =>
      call(t.app, registrar, 'PUT', `/api/v1/activities/CT-BASIC/surveys/${level}`, body);

    const l1 = await put(1, { templateCode: 'L1-STD' });
    expect(l1.statusCode, l1.body).toBe(200);
    const l3 = await put(3, { templateCode: 'L3-STD', delayMonths: 6, askSupervisor: true });
    expect(l3.json<ActivitySurvey>()).toMatchObject({
      level: 3,
      delayMonths: 6,
      askSupervisor: true,
    });

    const list = await call(t.app, registrar, 'GET', '/api/v1/activities/CT-BASIC/surveys');
    expect(list.json<ActivitySurvey[]>().map((s) => [s.level, s.templateCode])).toEqual([
      [1, 'L1-STD'],
      [3, 'L3-STD'],
    ]);
    const template = await call(t.app, registrar, 'GET', '/api/v1/surveys/templates/L3-STD');
    expect(template.json<SurveyTemplate>().activityCodes).toEqual(['CT-BASIC']);

    const codes = async (level: number | string, body: object) =>
      expectProblem(await put(level, body), 400, 'validation_failed').errors?.map((e) => e.code);
    expect(await codes(3, { templateCode: 'L1-STD', delayMonths: 6 })).toEqual(['level_mismatch']);
    expect(await codes(3, { templateCode: 'L3-STD' })).toEqual(['required']);
    expect(await codes(1, { templateCode: 'L1-STD', delayMonths: 2 })).toEqual(['not_level_3']);
    expect(await codes(1, { templateCode: 'NOPE' })).toEqual(['unknown_template']);
    expectProblem(
      await put(3, { templateCode: 'L3-STD', delayMonths: 25 }),
      400,
      'validation_failed',
    );
    expectProblem(await put(2, { templateCode: 'L1-STD' }), 400, 'validation_failed');
    expectProblem(
      await call(t.app, registrar, 'PUT', '/api/v1/activities/NOPE/surveys/1', {
        templateCode: 'L1-STD',
      }),
      404,
      'not_found',
    );
    expectProblem(
      await call(t.app, director, 'PUT', '/api/v1/activities/CT-BASIC/surveys/1', {
        templateCode: 'L1-STD',
      }),
      403,
      'forbidden',
    );

    // A template in use cannot go.
    expectProblem(
      await call(t.app, registrar, 'DELETE', '/api/v1/surveys/templates/L3-STD'),
      409,
      'template_in_use',
    );
    const detached = await call(
      t.app,
      registrar,
      'DELETE',
      '/api/v1/activities/CT-BASIC/surveys/3',
    );
    expect(detached.statusCode).toBe(204);
    expectProblem(
      await call(t.app, registrar, 'DELETE', '/api/v1/activities/CT-BASIC/surveys/3'),
      404,
      'not_found',
    );
  });
});
