import type { SurveyAnswer, SurveyQuestionKind } from '../contract/surveys.js';
import type { FieldProblem } from './field-problem.js';
import { endOfDayIn } from './venue-calendar.js';

/** What the rules need of a question; the stored and the sent shapes both fit. */
export interface QuestionRule {
  id: string;
  kind: SurveyQuestionKind;
  options?: readonly unknown[] | undefined;
  required?: boolean | undefined;
}

const CHOICE_KINDS: readonly SurveyQuestionKind[] = ['single', 'multiple'];
export const isChoice = (kind: SurveyQuestionKind) => CHOICE_KINDS.includes(kind);

/**
 * Every problem of a template's questions: at least one question, ids unique, choice questions
 * with two options or more, and no options on scale or text questions (they would be ignored).
 */
export function templateProblems(questions: readonly QuestionRule[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (questions.length === 0) {
    problems.push({
      field: 'questions',
      message: 'needs at least one question',
      code: 'too_small',
    });
  }
  const seen = new Set<string>();
  questions.forEach((q, index) => {
    if (seen.has(q.id)) {
      problems.push({
        field: `questions.${index}.id`,
        message: `repeats the id ${q.id}`,
        code: 'duplicate_question',
      });
    }
    seen.add(q.id);
    const options = q.options?.length ?? 0;
    if (isChoice(q.kind) && options < 2) {
      problems.push({
        field: `questions.${index}.options`,
        message: 'a choice question needs at least two options',
        code: 'too_few_options',
      });
    }
    if (!isChoice(q.kind) && options > 0) {
      problems.push({
        field: `questions.${index}.options`,
        message: `a ${q.kind} question has no options`,
        code: 'unexpected_options',
      });
    }
  });
  return problems;
}

export type StoredAnswers = Record<string, number | number[] | string>;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Checks a set of answers against the template's questions and returns them cleaned (text
 * trimmed, empty optional answers dropped, choices sorted), or the problems, one per field.
 * Scale answers are 1..5; choices name options by position from 0.
 */
export function checkAnswers(
  questions: readonly QuestionRule[],
  answers: Readonly<Record<string, SurveyAnswer>>,
): { ok: true; answers: StoredAnswers } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const clean: StoredAnswers = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) {
      problems.push({
        field: `answers.${id}`,
        message: 'is not a question of this survey',
        code: 'unknown_question',
      });
    }
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const value = answers[q.id];
    const required = q.required !== false;
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (required) problems.push({ field, message: 'is required', code: 'required' });
      continue;
    }
    const options = q.options?.length ?? 0;
    const bad = (message: string) => problems.push({ field, message, code: 'invalid_answer' });
    switch (q.kind) {
      case 'scale':
        if (!isInt(value) || value < 1 || value > 5) bad('must be a whole number from 1 to 5');
        else clean[q.id] = value;
        break;
      case 'single':
        if (!isInt(value) || value < 0 || value >= options) bad('must be one of the options');
        else clean[q.id] = value;
        break;
      case 'multiple': {
        const picked = Array.isArray(value) ? value : null;
        if (!picked || picked.some((v) => !isInt(v) || v < 0 || v >= options)) {
          bad('must be some of the options');
        } else if (new Set(picked).size !== picked.length) {
          bad('names an option twice');
        } else {
          clean[q.id] = [...picked].sort((a, b) => a - b);
        }
        break;
      }
      case 'text':
        if (typeof value !== 'string') bad('must be text');
        else clean[q.id] = value.trim();
        break;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: clean };
}

export interface QuestionAggregate {
  id: string;
  kind: SurveyQuestionKind;
  answered: number;
  distribution: number[] | null;
  mean: number | null;
  optionCounts: number[] | null;
  texts: string[] | null;
}

/**
 * Sums responses per question: a scale's counts of 1..5 and its mean (two decimals), each
 * option's count, or the free-text answers. Answers that no longer fit the question (a value
 * out of range) are left out rather than miscounted.
 */
export function aggregateResponses(
  questions: readonly QuestionRule[],
  responses: readonly Readonly<Record<string, unknown>>[],
): QuestionAggregate[] {
  return questions.map((q) => {
    const values = responses.map((r) => r[q.id]).filter((v) => v !== undefined && v !== null);
    const base = { id: q.id, kind: q.kind };
    const options = q.options?.length ?? 0;
    if (q.kind === 'scale') {
      const distribution = [0, 0, 0, 0, 0];
      let sum = 0;
      let n = 0;
      for (const v of values) {
        if (isInt(v) && v >= 1 && v <= 5) {
          distribution[v - 1] = (distribution[v - 1] ?? 0) + 1;
          sum += v;
          n += 1;
        }
      }
      const mean = n > 0 ? Math.round((sum / n) * 100) / 100 : null;
      return { ...base, answered: n, distribution, mean, optionCounts: null, texts: null };
    }
    if (q.kind === 'text') {
      const texts = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      return {
        ...base,
        answered: texts.length,
        distribution: null,
        mean: null,
        optionCounts: null,
        texts,
      };
    }
    const counts = Array.from({ length: options }, () => 0);
    let answered = 0;
    for (const v of values) {
      const picked = (Array.isArray(v) ? v : [v]).filter(
        (i): i is number => isInt(i) && i >= 0 && i < options,
      );
      if (picked.length === 0) continue;
      answered += 1;
      for (const i of picked) counts[i] = (counts[i] ?? 0) + 1;
    }
    return { ...base, answered, distribution: null, mean: null, optionCounts: counts, texts: null };
  });
}

/**
 * A date `months` calendar months later, clamped to the month's last day (31 January + 1 month
 * is 28 or 29 February), as PostgreSQL's `date + interval 'n months'` does.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * When a level's invitations go out: level 1 once the session's last day has ended in the
 * venue's time zone; level 3 the same, `delayMonths` months later.
 */
export function surveyDueAt(
  level: 1 | 3,
  endDate: string,
  timeZone: string,
  delayMonths: number | null,
): Date {
  const day = level === 3 ? addMonths(endDate, delayMonths ?? 6) : endDate;
  return new Date(endOfDayIn(day, timeZone).getTime() + 1);
}

/**
 * Whether the scheduler should send a level now: it is due, and not so long ago that an
 * invitation would already have closed (a server that was off for months, or a session
 * recorded long after it ended, must not flood people with stale surveys).
 */
export function isSurveyDue(dueAt: Date, now: Date, openDays: number): boolean {
  const t = now.getTime();
  return t >= dueAt.getTime() && t < dueAt.getTime() + openDays * 86_400_000;
}

/** When an invitation sent at `sentAt` stops taking answers. */
export function closesAt(sentAt: Date, openDays: number): Date {
  return new Date(sentAt.getTime() + openDays * 86_400_000);
}
