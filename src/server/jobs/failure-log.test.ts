import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { enqueueJob } from './enqueue.js';
import { runDueJobs } from './run-due.js';
import { type JobLogger, LoggedJobError } from './tasks.js';
import { queueLogger } from './worker.js';

interface Line {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string | undefined;
}

function capture(): { logger: JobLogger; lines: Line[] } {
  const lines: Line[] = [];
  const at =
    (level: Line['level']) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj: obj as Record<string, unknown>, msg });
    };
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

describe('a failed job’s log line', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.destroy());

  async function failOnce(maxAttempts: number): Promise<Line[]> {
    await db.pool.query('delete from graphile_worker._private_jobs');
    // Not a uuid: the task's first query fails, as a real bug or bad row would.
    await db.db.transaction((tx) =>
      enqueueJob(tx, 'session.changed', { changeId: 'not-a-change' }, { maxAttempts }),
    );
    const { logger, lines } = capture();
    await runDueJobs({ db: db.db, url: db.url, logger, only: ['session.changed'] });
    return lines;
  }

  it('is one line naming the task, the job, the attempt and the error', async () => {
    const lines = await failOnce(5);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line?.level).toBe('warn');
    expect(line?.msg).toBe('job failed; it will be retried');
    expect(line?.obj).toMatchObject({ task: 'session.changed', attempt: 1, maxAttempts: 5 });
    expect(line?.obj.jobId).toMatch(/^\d+$/);
    expect(String(line?.obj.err)).toMatch(/^22P02 invalid input syntax for type uuid/);
    // Payloads hold ids only, but the line has no need of them; nor of a stack.
    expect(Object.keys(line?.obj ?? {}).sort()).toEqual(
      ['attempt', 'err', 'jobId', 'maxAttempts', 'task'].sort(),
    );
    expect(String(line?.obj.err)).not.toMatch(/\n|\bat /);
  });

  it('is an error on the last attempt', async () => {
    const lines = await failOnce(1);
    expect(lines.map((l) => [l.level, l.msg, l.obj.attempt, l.obj.maxAttempts])).toEqual([
      ['error', 'job failed for good; an administrator may retry it', 1, 1],
    ]);
  });

  it('is not repeated by the worker’s own failure line, which it still writes for others', () => {
    const { logger, lines } = capture();
    const scoped = queueLogger(logger).scope({});
    const job = { id: '7', task_identifier: 'surveys.send-due', attempts: 2, max_attempts: 3 };
    scoped.error('Failed task 7 ...', { failure: true, job, error: new LoggedJobError('x') });
    expect(lines).toEqual([]);
    scoped.error('Failed task 7 ...', { failure: true, job, error: new Error('no such task') });
    expect(lines).toEqual([
      {
        level: 'error',
        msg: 'job failed',
        obj: {
          task: 'surveys.send-due',
          jobId: '7',
          attempt: 2,
          maxAttempts: 3,
          err: 'no such task',
        },
      },
    ]);
  });
});
