import { describe, expect, it } from 'vitest';
import { rate } from './rates.js';

describe('rate', () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [7, 5, 140],
    [3, 0, null],
    [3, -1, null],
    [Number.NaN, 4, null],
  ])('%d of %d is %s%%', (part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });
});
