import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, type ActivityType } from '../contract/catalogue.js';
import {
  certificateWording,
  delegationProblem,
  KIND_OF_TYPE,
  kindOf,
  levelsNotAllowed,
  roleAllowed,
  rulesOfType,
} from './activity-kinds.js';

describe('activity kinds', () => {
  it.each([
    // type, kind, results, evaluation levels, certificate, roles, seats
    ['course', 'course', true, [1, 2, 3], 'completion', false, 'quota'],
    ['dialogue-event', 'event', false, [1], 'attendance', true, 'invitation'],
    ['conference', 'event', false, [1], 'attendance', true, 'invitation'],
    ['seminar', 'event', false, [1], 'attendance', true, 'invitation'],
    ['expert-visit', 'visit', false, [], 'none', true, 'invitation'],
    ['staff-talks', 'visit', false, [], 'none', true, 'invitation'],
    ['exercise', 'exercise', false, [1], 'attendance', true, 'quota'],
  ] as const)(
    'a %s is a %s: results %s, levels %j, certificate %s, roles %s, seats by %s',
    (type, kind, results, levels, certificate, roles, seats) => {
      expect(kindOf(type)).toBe(kind);
      expect(rulesOfType(type)).toEqual({
        results,
        evaluationLevels: levels,
        certificate,
        roles,
        seats,
      });
    },
  );

  it.each([
    ['course', 'participant', false],
    ['dialogue-event', 'vip', true],
    ['conference', 'moderator', true],
    ['staff-talks', 'head-of-delegation', true],
    ['expert-visit', 'vip', false],
    ['exercise', 'observer', true],
    ['exercise', 'speaker', false],
  ] as const)('a %s allows the role %s: %s', (type, role, allowed) => {
    expect(roleAllowed(type, role)).toBe(allowed);
  });

  it.each([
    [['vip'], [], null],
    [['head-of-delegation', 'vip', 'delegate'], [], null],
    [['vip', 'delegate'], [], 'no_head'],
    [['head-of-delegation', 'head-of-delegation'], [], 'two_heads'],
    [['head-of-delegation'], ['head-of-delegation', 'delegate'], 'two_heads'],
    [['delegate'], ['head-of-delegation'], null],
  ] as const)('a delegation adding %j to %j: %s', (added, held, problem) => {
    expect(delegationProblem(added, held)).toBe(problem);
  });

  it('gives every type of the contract a kind', () => {
    expect(Object.keys(KIND_OF_TYPE).sort()).toEqual([...ACTIVITY_TYPES].sort());
  });

  it.each([
    ['course', [1, 2, 3], []],
    ['dialogue-event', [1, 2], [2]],
    ['dialogue-event', [2, 2, 3], [2, 3]],
    ['seminar', [], []],
    ['expert-visit', [1], [1]],
    ['exercise', [3, 1], [3]],
  ] as const)('a %s refuses of levels %j: %j', (type, levels, refused) => {
    expect(levelsNotAllowed(type, levels)).toEqual(refused);
  });
});

describe('certificate wording', () => {
  it.each([
    // language, award, type, role, title, statement
    [
      'en',
      undefined,
      undefined,
      null,
      'Certificate of Completion',
      'has successfully completed the course',
    ],
    [
      'en',
      'completion',
      'course',
      'speaker',
      'Certificate of Completion',
      'has successfully completed the course',
    ],
    ['ar', 'completion', 'course', null, 'شهادة إتمام', 'قد أتم بنجاح الدورة'],
    [
      'en',
      'attendance',
      'dialogue-event',
      null,
      'Certificate of Attendance',
      'attended the dialogue event',
    ],
    [
      'en',
      'attendance',
      'dialogue-event',
      'participant',
      'Certificate of Attendance',
      'attended the dialogue event',
    ],
    [
      'en',
      'attendance',
      'conference',
      'head-of-delegation',
      'Certificate of Attendance',
      'attended the conference as head of delegation',
    ],
    ['ar', 'attendance', 'dialogue-event', null, 'شهادة حضور', 'قد حضر فعالية الحوار'],
    ['ar', 'attendance', 'seminar', 'speaker', 'شهادة حضور', 'قد حضر الندوة بصفة متحدث'],
    [
      'fr',
      'attendance',
      'exercise',
      'observer',
      'Attestation de participation',
      "a participé à l'exercice en qualité d'observateur",
    ],
  ] as const)('%s %s %s %s: %s, %s', (language, award, type, role, title, statement) => {
    const words = certificateWording(language, award, type as ActivityType | undefined, role);
    expect(words.title).toBe(title);
    expect(words.statement).toBe(statement);
  });
});
