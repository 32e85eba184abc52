import { describe, expect, it } from 'vitest';
import { contrast, disciplineColor, PALETTE } from './colors.js';

describe('discipline colours', () => {
  it('keep text readable (WCAG AA 4.5:1) on every background', () => {
    for (const colour of PALETTE) {
      expect(contrast(colour.text, colour.background)).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('are stable for unknown codes and fixed for known ones', () => {
    expect(disciplineColor('NEWCODE')).toBe(disciplineColor('NEWCODE'));
    expect(disciplineColor('CYBER')).toBe(PALETTE[0]);
  });
  it('computes the textbook ratio of black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
