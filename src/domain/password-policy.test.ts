import { describe, expect, it } from 'vitest';
import { normalisePassword, type PasswordOwner, passwordProblem } from './password-policy.js';

const salem: PasswordOwner = { email: 'salem.alazmi@kwt.example', displayName: 'Salem Al-Azmi' };

describe('passwordProblem', () => {
  it.each([
    ['a phrase of ordinary words', 'correct horse battery staple', null],
    ['lower-case only, no digit or symbol', 'the camels cross at dawn', null],
    ['Arabic', 'الجمل يعبر الصحراء عند الفجر', null],
    ['exactly the minimum length', 'k8#rT0zq!mW2vb5', null],
    ['twelve spaces', ' '.repeat(12), 'password_only_spaces'],
    ['sixteen spaces', ' '.repeat(16), 'password_only_spaces'],
    ['tabs and no-break spaces', '\t\u00a0 \u3000'.repeat(5), 'password_only_spaces'],
    ['one character short', 'k8#rT0zq!mW2vb', 'password_too_short'],
    // Eight emoji are sixteen UTF-16 units but eight characters.
    ['short in characters, long in UTF-16 units', '🐪🐪🌙🌙🌴🌴🐫🐫', 'password_too_short'],
    ['one letter repeated', 'a'.repeat(15), 'password_repetitive'],
    ['one letter in both cases', 'aAaAaAaAaAaAaAaA', 'password_repetitive'],
    ['three letters only', 'aaaaabbbbbccccc', 'password_repetitive'],
    ['a word said again and again', 'trustno1trustno1', 'password_repetitive'],
    ['digits ascending, wrapping at 9', '123456789012345', 'password_sequential'],
    ['digits descending', '987654321098765', 'password_sequential'],
    ['the alphabet', 'abcdefghijklmnop', 'password_sequential'],
    ['the alphabet backwards', 'ZYXWVUTSRQPONMLK', 'password_sequential'],
    ['the name inside', 'my name is salem and i fly', 'password_personal'],
    ['the surname, in capitals', 'AZMI of the desert 1990', 'password_personal'],
    ['the e-mail local part', 'salem.alazmi forever!', 'password_personal'],
  ] as const)('%s', (_, password, expected) => {
    expect(passwordProblem(password, salem)).toBe(expected);
  });

  it('ignores name parts too short to mean anything', () => {
    const ali = { email: 'al.x@test.example', displayName: 'Ali Al' };
    expect(passwordProblem('quality of the palm groves', ali)).toBeNull();
  });

  it('normalises before it counts and compares (NFKC)', () => {
    // Full-width letters are the same letters: the name is found inside.
    expect(passwordProblem('ｓａｌｅｍ knows the road well', salem)).toBe('password_personal');
    expect(normalisePassword('cafe\u0301')).toBe(normalisePassword('café'));
  });
});
