import type { Locale } from '../../../contract/common.js';
import type { RenderedMessage } from '../../../contract/messages.js';

/** What a value leaves behind when it was never filled, or was not text. */
const LEFTOVERS: [RegExp, string][] = [
  [/\{\{|\}\}/, 'a placeholder left unfilled'],
  [/\bundefined\b|\bnull\b|\bNaN\b/, 'a value that was not there'],
  [/\[object \w+\]/, 'an object printed as text'],
];

/** Where an empty value was, the text around it closes up on nothing. */
const CLOSED_UP: [RegExp, string][] = [
  [/ {2}/, 'two spaces in a row'],
  [/ [,.،]/, 'a space before a comma or full stop'],
  [/\(\s*\)|\[\s*\]|«\s*»|"\s*"|“\s*”/, 'empty brackets or quotes'],
];

/** The same, for the layout of a body: lines and paragraphs. */
const EMPTY_LINES: [RegExp, string][] = [
  [/^[ \t]+\S/m, 'a line that starts with a space'],
  [/\S[ \t]+$/m, 'a line that ends with a space'],
  [/\n[ \t]*\n[ \t]*\n/, 'two blank lines in a row'],
  [/^\s*\n/, 'a blank first line'],
  [/:[ \t]*(\n[ \t]*\n|\s*$)/, 'a label with nothing after it'],
];

const ARABIC = /\p{Script=Arabic}/u;
const STRONG = /[\p{Script=Arabic}\p{Script=Latin}]/u;
const LINK_LINE = /^https?:\/\/\S+$/;

function found(text: string, checks: [RegExp, string][], where: string): string[] {
  return checks.flatMap(([pattern, what]) => {
    const match = pattern.exec(text);
    return match ? [`${where}: ${what} near ${JSON.stringify(around(text, match.index))}`] : [];
  });
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 30), index + 30);
}

/**
 * A plain-text e-mail has no dir="rtl": the reader's mail program lays it out from the first
 * letter with a direction. An Arabic subject and body must start with an Arabic letter, and each
 * line but a bare link must hold Arabic, or the message is not (all) in Arabic.
 */
function rightToLeftProblems(message: RenderedMessage): string[] {
  const problems: string[] = [];
  for (const where of ['subject', 'body'] as const) {
    if (!ARABIC.test(STRONG.exec(message[where])?.[0] ?? '')) {
      problems.push(`${where}: does not start with an Arabic letter, so it reads left to right`);
    }
  }
  for (const line of message.body.split('\n').map((l) => l.trim())) {
    if (line && !LINK_LINE.test(line) && !ARABIC.test(line)) {
      problems.push(`body: a line with no Arabic: ${JSON.stringify(line)}`);
    }
  }
  return problems;
}

/**
 * Everything that shows an e-mail went out with a gap where a value should have been; empty when
 * the message is whole. Meant for messages rendered with realistic, non-empty values.
 */
export function gapsIn(message: RenderedMessage, locale: Locale): string[] {
  const { subject, body } = message;
  return [
    ...(subject.trim() === '' ? ['subject: empty'] : []),
    ...(/[\r\n]/.test(subject) ? ['subject: more than one line'] : []),
    ...(body.trim() === '' ? ['body: empty'] : []),
    ...found(subject, [...LEFTOVERS, ...CLOSED_UP], 'subject'),
    ...found(body, [...LEFTOVERS, ...CLOSED_UP, ...EMPTY_LINES], 'body'),
    ...(locale === 'ar' ? rightToLeftProblems(message) : []),
  ];
}
