import { describe, expect, it } from 'vitest';
import { isVerifiedClaim, proposalFromClaim, textClaim } from './sso-claims.js';

describe('isVerifiedClaim', () => {
  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    [undefined, false],
    [1, false],
    ['yes', false],
  ])('%j -> %j', (value, expected) => {
    expect(isVerifiedClaim(value)).toBe(expected);
  });
});

describe('textClaim', () => {
  it.each([
    [' ana@example.org ', 'ana@example.org'],
    ['', null],
    ['   ', null],
    [42, null],
    [undefined, null],
  ])('%j -> %j', (value, expected) => {
    expect(textClaim(value)).toBe(expected);
  });
});

describe('proposalFromClaim', () => {
  it.each([
    [['registrar', 'KWT'], { roles: ['registrar'], nationCode: 'KWT' }],
    ['rabita:npoc rabita:kwt', { roles: ['npoc'], nationCode: 'KWT' }],
    ['Instructor,course_director', { roles: ['course_director', 'instructor'], nationCode: null }],
    [['KWT', 'QAT'], { roles: [], nationCode: 'KWT' }],
    [['superuser', 'staff-group'], null],
    [['registrar', 7, null], { roles: ['registrar'], nationCode: null }],
    [undefined, null],
    [{ roles: ['administrator'] }, null],
  ])('%j -> %j', (value, expected) => {
    expect(proposalFromClaim(value)).toEqual(expected);
  });
});
