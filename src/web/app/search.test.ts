import { describe, expect, it } from 'vitest';
import { isoDate, oneOf, safeRedirect, text } from './search.js';

describe('search param readers', () => {
  it('keeps trimmed non-empty text only', () => {
    expect(text('  kuw ')).toBe('kuw');
    expect(text('')).toBeUndefined();
    expect(text({})).toBeUndefined();
  });

  it('accepts only allowed values', () => {
    expect(oneOf('member', ['member', 'partner'])).toBe('member');
    expect(oneOf('x', ['member'])).toBeUndefined();
  });

  it('accepts only YYYY-MM-DD dates', () => {
    expect(isoDate('2025-01-31')).toBe('2025-01-31');
    expect(isoDate('31/01/2025')).toBeUndefined();
  });

  it('refuses redirects that leave the app', () => {
    expect(safeRedirect('/partners?q=a')).toBe('/partners?q=a');
    expect(safeRedirect('//evil.example')).toBeUndefined();
    expect(safeRedirect('https://evil.example')).toBeUndefined();
  });
});
