import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES, type SessionStatus } from '../contract/sessions.js';
import { allowedTransitions, canTransition, isEditable, isPublished } from './session-lifecycle.js';

const ALLOWED: [SessionStatus, SessionStatus][] = [
  ['draft', 'announced'],
  ['draft', 'cancelled'],
  ['announced', 'nominations-closed'],
  ['announced', 'draft'],
  ['announced', 'cancelled'],
  ['nominations-closed', 'confirmed'],
  ['nominations-closed', 'announced'],
  ['nominations-closed', 'cancelled'],
  ['confirmed', 'in-progress'],
  ['confirmed', 'cancelled'],
  ['in-progress', 'completed'],
  ['in-progress', 'cancelled'],
];

describe('session life cycle', () => {
  it.each(ALLOWED)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(allowedTransitions(from)).toContain(to);
  });

  it('allows nothing else', () => {
    for (const from of SESSION_STATUSES) {
      for (const to of SESSION_STATUSES) {
        const expected = ALLOWED.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it.each([
    ['draft', 'completed'],
    ['draft', 'nominations-closed'],
    ['announced', 'confirmed'],
    ['confirmed', 'announced'],
    ['in-progress', 'confirmed'],
    ['completed', 'cancelled'],
    ['cancelled', 'draft'],
    ['announced', 'announced'],
  ] as const)('forbids %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it.each(['completed', 'cancelled'] as const)('treats %s as terminal and not editable', (s) => {
    expect(allowedTransitions(s)).toEqual([]);
    expect(isEditable(s)).toBe(false);
  });

  it.each([
    ['draft', true, false],
    ['announced', true, true],
    ['nominations-closed', true, true],
    ['confirmed', true, true],
    ['in-progress', true, true],
  ] as const)('%s: editable %s, published %s', (status, editable, published) => {
    expect(isEditable(status)).toBe(editable);
    expect(isPublished(status)).toBe(published);
  });
});
