import { describe, expect, it } from 'vitest';
import { rsvpAnswers, rsvpStateOf, rsvpTarget } from './invitations.js';

describe('invitations by name', () => {
  it.each([
    ['invited', 'accept', 'selected'],
    ['invited', 'decline', 'declined'],
    ['selected', 'decline', 'declined'],
    ['selected', 'accept', null],
    ['declined', 'accept', null],
    ['withdrawn', 'decline', null],
  ] as const)('a %s invitation answered %s becomes %s', (status, answer, target) => {
    expect(rsvpTarget(status, answer)).toBe(target);
  });

  it.each([
    ['invited', ['accept', 'decline'], 'pending'],
    ['selected', ['decline'], 'accepted'],
    ['declined', [], 'declined'],
    ['session-cancelled', [], 'withdrawn'],
  ] as const)('a %s invitation takes %j and reads %s', (status, answers, state) => {
    expect(rsvpAnswers(status)).toEqual(answers);
    expect(rsvpStateOf(status)).toBe(state);
  });
});
