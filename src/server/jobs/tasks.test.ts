import { parseCronItems } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import ar from '../../web/i18n/parts/messages/ar.json';
import en from '../../web/i18n/parts/messages/en.json';
import fr from '../../web/i18n/parts/messages/fr.json';
import type { TaskName } from './task-names.js';
import { schedule, taskHandlers } from './tasks.js';

const tasks = Object.keys(taskHandlers) as TaskName[];

describe('the queue’s tasks', () => {
  it('schedules only tasks that have a handler, each in valid cron syntax', () => {
    for (const { task } of schedule) expect(tasks).toContain(task);
    const parsed = parseCronItems(schedule.map(({ task, match }) => ({ task, match })));
    expect(parsed).toHaveLength(schedule.length);
  });

  it('names every task for the failed-jobs page in English, French and Arabic', () => {
    for (const labels of [en, fr, ar]) {
      const named = labels.messages.jobs.task as Record<string, string>;
      expect(Object.keys(named).sort()).toEqual([...tasks].sort());
      for (const task of tasks) expect(named[task]?.trim()).not.toBe('');
    }
  });
});
