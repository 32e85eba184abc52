import { describe, expect, it } from 'vitest';
import { ChangePasswordRequest, NationInput } from '../../contract/index.js';
import { blankToNull, check, problemFieldErrors, type Translate } from './validation.js';

const t: Translate = (key, options) => (options ? `${key}:${JSON.stringify(options)}` : key);

describe('check', () => {
  it('maps zod issues to translated messages per field path', () => {
    const result = check(
      NationInput,
      { code: 'kw', name: { en: '' }, frameworkCode: 'ICI', status: 'nope' },
      t,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.code).toBe('validation.format');
    expect(result.errors['name.en']).toBe('validation.required');
    expect(result.errors.status).toBe('validation.choose');
  });

  it('calls an empty field required whatever rule it fails', () => {
    const result = check(NationInput, { code: '', name: { en: 'Kuwait' }, frameworkCode: '' }, t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.code).toBe('validation.required');
    expect(result.errors.frameworkCode).toBe('validation.required');
    expect(result.errors.status).toBe('validation.required');
  });

  it('reports minimum lengths with the number', () => {
    const result = check(ChangePasswordRequest, { currentPassword: 'x', newPassword: 'short' }, t);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.newPassword).toBe('validation.minLength:{"min":15}');
  });

  it('says which dates are accepted when a year is far off', () => {
    const result = check(
      NationInput,
      { code: 'KWT', name: { en: 'Kuwait' }, frameworkCode: 'ICI', joinedOn: '9999-12-31' },
      t,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.joinedOn).toBe(
        'validation.dateRange:{"min":"1900-01-01","max":"2100-12-31"}',
      );
  });

  it('returns parsed data with defaults when valid', () => {
    const result = check(
      NationInput,
      { code: 'KWT', name: { en: 'Kuwait' }, frameworkCode: 'ICI', status: 'member' },
      t,
    );
    expect(result.ok && result.data.host).toBe(false);
  });
});

describe('problemFieldErrors', () => {
  const problem = {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'validation_failed',
    detail: '',
    errors: [
      { field: 'body.name.en', message: 'Required', code: 'required' },
      { field: '/code', message: 'must be an ISO code', code: 'custom' },
    ],
  };

  it('normalises field paths and keeps English server messages', () => {
    expect(problemFieldErrors(problem, t, 'en')).toEqual({
      'name.en': 'Required',
      code: 'must be an ISO code',
    });
  });

  it('translates known codes in other languages', () => {
    expect(problemFieldErrors(problem, t, 'ar')['name.en']).toBe('validation.required');
  });

  it('explains a refused password in every language, English included', () => {
    const refused = {
      ...problem,
      errors: [{ field: 'newPassword', message: 'is too common', code: 'password_too_common' }],
    };
    for (const language of ['en', 'fr', 'ar']) {
      expect(problemFieldErrors(refused, t, language)).toEqual({
        newPassword: 'validation.passwordProblems.password_too_common',
      });
    }
  });
});

describe('blankToNull', () => {
  it('turns blank input into null and trims the rest', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(' Kuwait ')).toBe('Kuwait');
  });
});
