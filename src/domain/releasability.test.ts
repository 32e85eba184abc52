import { describe, expect, it } from 'vitest';
import { isReleasableTo } from './releasability.js';

const kuwait = { code: 'KWT', frameworkCode: 'ICI' };
const none = { all: false, frameworks: [], nations: [] };

describe('isReleasableTo', () => {
  it.each([
    ['released to all', { ...none, all: true }, true],
    ['released to its framework', { ...none, frameworks: ['ICI'] }, true],
    ['released to it by name', { ...none, nations: ['KWT'] }, true],
    ['released to another framework only', { ...none, frameworks: ['MD'] }, false],
    ['released to another nation only', { ...none, nations: ['QAT'] }, false],
    ['released to nobody', none, false],
    [
      'released to another framework and to it by name',
      { all: false, frameworks: ['MD'], nations: ['KWT'] },
      true,
    ],
  ])('%s: %s', (_, releasability, expected) => {
    expect(isReleasableTo(releasability, kuwait)).toBe(expected);
  });
});
