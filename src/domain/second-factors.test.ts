import { describe, expect, it } from 'vitest';
import {
  isSecondFactorRequired,
  judgeTotpStep,
  normaliseRecoveryCode,
  recoveryCodeFrom,
  relyingPartyOf,
  type TwoFactorPolicy,
} from './second-factors.js';

describe('judgeTotpStep', () => {
  it.each([
    { matchedStep: 100, lastStep: null, verdict: 'accepted' },
    { matchedStep: 99, lastStep: 98, verdict: 'accepted' },
    { matchedStep: 101, lastStep: 100, verdict: 'accepted' },
    { matchedStep: 100, lastStep: 100, verdict: 'reused' },
    { matchedStep: 99, lastStep: 100, verdict: 'reused' },
    { matchedStep: 102, lastStep: null, verdict: 'clock_skew' },
    { matchedStep: 90, lastStep: null, verdict: 'clock_skew' },
    { matchedStep: null, lastStep: null, verdict: 'wrong_code' },
  ] as const)('$matchedStep after $lastStep at step 100: $verdict', ({ verdict, ...rest }) => {
    expect(judgeTotpStep({ ...rest, currentStep: 100 })).toBe(verdict);
  });
});

describe('isSecondFactorRequired', () => {
  const policy = { administrator: true, registrar: true } as unknown as TwoFactorPolicy;
  it.each([
    [['administrator'], true],
    [['instructor', 'registrar'], true],
    [['instructor'], false],
    [[], false],
  ] as const)('%j: %s', (roles, required) => {
    expect(isSecondFactorRequired(roles, policy)).toBe(required);
  });
});

describe('recovery codes', () => {
  it('are ten unambiguous characters in two groups, compared without case or dashes', () => {
    const code = recoveryCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 255]));
    expect(code).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
    expect(code).not.toMatch(/[01ilo]/);
    expect(normaliseRecoveryCode(` ${code.toUpperCase()} `)).toBe(code.replace('-', ''));
  });
});

describe('relyingPartyOf', () => {
  it.each([
    ['https://rabita.centre.example', 'rabita.centre.example', 'https://rabita.centre.example'],
    ['https://rabita.example:8443/', 'rabita.example', 'https://rabita.example:8443'],
    ['http://127.0.0.1:3000', 'localhost', 'http://localhost:3000'],
    ['http://localhost:41234', 'localhost', 'http://localhost:41234'],
  ])('%s: %s', (url, id, origin) => {
    expect(relyingPartyOf(url)).toEqual({ id, origins: [origin] });
  });
});
