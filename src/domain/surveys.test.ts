import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../contract/surveys.js';
import {
  addMonths,
  aggregateResponses,
  checkAnswers,
  isSurveyDue,
  type QuestionRule,
  surveyDueAt,
  templateProblems,
} from './surveys.js';

const QUESTIONS: QuestionRule[] = [
  { id: 'overall', kind: 'scale', required: true },
  { id: 'format', kind: 'single', options: ['a', 'b', 'c'], required: true },
  { id: 'topics', kind: 'multiple', options: ['x', 'y', 'z'], required: false },
  { id: 'comments', kind: 'text', required: false },
];

describe('templateProblems', () => {
  it.each([
    ['a valid template', QUESTIONS, []],
    ['no question', [], ['too_small']],
    [
      'a repeated id',
      [
        { id: 'a', kind: 'scale' },
        { id: 'a', kind: 'text' },
      ],
      ['duplicate_question'],
    ],
    [
      'a choice with one option',
      [{ id: 'a', kind: 'single', options: ['only'] }],
      ['too_few_options'],
    ],
    ['a multiple choice without options', [{ id: 'a', kind: 'multiple' }], ['too_few_options']],
    [
      'options on a scale',
      [{ id: 'a', kind: 'scale', options: ['x', 'y'] }],
      ['unexpected_options'],
    ],
  ] as [string, QuestionRule[], string[]][])('%s', (_name, questions, codes) => {
    expect(templateProblems(questions).map((p) => p.code)).toEqual(codes);
  });

  it('names the field of each problem', () => {
    const problems = templateProblems([
      { id: 'a', kind: 'scale' },
      { id: 'a', kind: 'single', options: [] },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['questions.1.id', 'questions.1.options']);
  });
});

describe('checkAnswers', () => {
  it('accepts and cleans a complete answer set', () => {
    const result = checkAnswers(QUESTIONS, {
      overall: 4,
      format: 2,
      topics: [2, 0],
      comments: '  Very useful  ',
    });
    expect(result).toEqual({
      ok: true,
      answers: { overall: 4, format: 2, topics: [0, 2], comments: 'Very useful' },
    });
  });

  it('drops empty optional answers', () => {
    expect(checkAnswers(QUESTIONS, { overall: 1, format: 0, topics: [], comments: ' ' })).toEqual({
      ok: true,
      answers: { overall: 1, format: 0 },
    });
  });

  it.each([
    ['a missing required answer', { format: 0 }, 'answers.overall', 'required'],
    ['a scale of 6', { overall: 6, format: 0 }, 'answers.overall', 'invalid_answer'],
    ['a scale of 0', { overall: 0, format: 0 }, 'answers.overall', 'invalid_answer'],
    ['a scale as text', { overall: 'five', format: 0 }, 'answers.overall', 'invalid_answer'],
    ['an option out of range', { overall: 3, format: 3 }, 'answers.format', 'invalid_answer'],
    [
      'several options to a single choice',
      { overall: 3, format: [0, 1] },
      'answers.format',
      'invalid_answer',
    ],
    [
      'an option twice',
      { overall: 3, format: 1, topics: [1, 1] },
      'answers.topics',
      'invalid_answer',
    ],
    [
      'a number as text',
      { overall: 3, format: 1, comments: 5 },
      'answers.comments',
      'invalid_answer',
    ],
    [
      'an unknown question',
      { overall: 3, format: 1, extra: 'x' },
      'answers.extra',
      'unknown_question',
    ],
  ] as [string, Record<string, SurveyAnswer>, string, string][])(
    'refuses %s',
    (_name, answers, field, code) => {
      const result = checkAnswers(QUESTIONS, answers);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.problems).toContainEqual(expect.objectContaining({ field, code }));
    },
  );
});

describe('aggregateResponses', () => {
  it('counts scales, choices and texts per question', () => {
    const results = aggregateResponses(QUESTIONS, [
      { overall: 5, format: 0, topics: [0, 1], comments: 'Great' },
      { overall: 4, format: 0, topics: [1] },
      { overall: 4, format: 2, comments: 'More exercises' },
      { overall: 9, format: 7 },
    ]);
    expect(results[0]).toMatchObject({ answered: 3, distribution: [0, 0, 0, 2, 1], mean: 4.33 });
    expect(results[1]).toMatchObject({ answered: 3, optionCounts: [2, 0, 1] });
    expect(results[2]).toMatchObject({ answered: 2, optionCounts: [1, 2, 0] });
    expect(results[3]).toMatchObject({ answered: 2, texts: ['Great', 'More exercises'] });
  });

  it('has no mean when nobody answered', () => {
    const [scale] = aggregateResponses(QUESTIONS, []);
    expect(scale).toMatchObject({ answered: 0, distribution: [0, 0, 0, 0, 0], mean: null });
  });
});

describe('when surveys are due', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-15', 6, '2026-05-15'],
    ['2025-12-31', 12, '2026-12-31'],
    ['2025-08-31', 24, '2027-08-31'],
  ] as const)('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('sends level 1 once the last day has ended in the venue time zone', () => {
    const due = surveyDueAt(1, '2026-03-12', 'Asia/Kuwait', null);
    // Midnight in Kuwait (UTC+3) is 21:00 UTC the day before.
    expect(due.toISOString()).toBe('2026-03-12T21:00:00.000Z');
    expect(isSurveyDue(due, new Date('2026-03-12T20:59:59Z'), 30)).toBe(false);
    expect(isSurveyDue(due, new Date('2026-03-12T21:00:00Z'), 30)).toBe(true);
    expect(isSurveyDue(due, new Date('2026-04-11T20:59:59Z'), 30)).toBe(true);
    expect(isSurveyDue(due, new Date('2026-04-11T21:00:00Z'), 30)).toBe(false);
  });

  it('sends level 3 the delay in months after the end', () => {
    const due = surveyDueAt(3, '2026-03-12', 'Europe/Rome', 6);
    expect(due.toISOString()).toBe('2026-09-12T22:00:00.000Z');
  });
});
