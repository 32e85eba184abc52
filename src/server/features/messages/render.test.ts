import { describe, expect, it } from 'vitest';
import { describeError, retryDelayMs } from './backoff.js';
import { placeholdersOf, renderSubject, renderText } from './render.js';

describe('renderText', () => {
  it.each([
    ['Hello {{name}}', { name: 'Aisha' }, 'Hello Aisha'],
    ['Hello {{ name }}!', { name: 'Aisha' }, 'Hello Aisha!'],
    ['{{a}}{{b}}{{a}}', { a: '1', b: '2' }, '121'],
    ['Missing: [{{nothing}}]', {}, 'Missing: []'],
    [
      'Not a placeholder: {{ two words }} {single}',
      {},
      'Not a placeholder: {{ two words }} {single}',
    ],
    ['Inherited: [{{toString}}] [{{constructor}}]', {}, 'Inherited: [] []'],
    ['Values are not re-read: {{x}}', { x: '{{y}}', y: 'no' }, 'Values are not re-read: {{y}}'],
    ['$& and $1 stay literal: {{x}}', { x: '$& $1 $$' }, '$& and $1 stay literal: $& $1 $$'],
  ])('%s', (template, variables, expected) => {
    expect(renderText(template, variables)).toBe(expected);
  });

  it('keeps a subject on one line whatever the values hold', () => {
    expect(renderSubject('Re: {{x}}', { x: 'a\r\nBcc: evil@x.example' })).toBe(
      'Re: a Bcc: evil@x.example',
    );
  });

  it('lists the placeholders a template uses', () => {
    expect(placeholdersOf('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 0.5, 60_000],
    [2, 0.5, 120_000],
    [3, 0.5, 240_000],
    [6, 0.5, 1_920_000],
    [7, 0.5, 3_600_000],
    [20, 0.5, 3_600_000],
    [1, 0, 48_000],
    [1, 0.999999, 72_000],
    [7, 0.999999, 3_600_000],
  ])('after %i attempts with jitter %f waits %i ms', (attempts, random, expected) => {
    expect(retryDelayMs(attempts, random)).toBe(expected);
  });
});

describe('describeError', () => {
  it('keeps the code and the SMTP answer but never a password', () => {
    const error = Object.assign(new Error('Invalid login at smtp://user:hunter2@mail.example'), {
      code: 'EAUTH',
      responseCode: 535,
    });
    expect(describeError(error)).toBe('EAUTH 535 Invalid login at smtp://user:***@mail.example');
    expect(describeError('x'.repeat(900))).toHaveLength(500);
  });
});
