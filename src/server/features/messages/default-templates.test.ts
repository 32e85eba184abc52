import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../contract/common.js';
import {
  MESSAGE_EVENTS,
  type MessageEvent,
  TEMPLATE_VARIABLES,
} from '../../../contract/messages.js';
import { defaultTemplate } from './default-templates/index.js';
import { MESSAGE_FIXTURES, type MessageFixture } from './message-fixtures.js';
import { gapsIn } from './message-gaps.js';
import { placeholdersOf } from './render.js';
import { renderTemplate } from './templates.js';

/**
 * Every e-mail of every event, in every language, rendered as its senders fill it: none may go
 * out with a gap, a leftover placeholder or a sentence that closes up on nothing. The events
 * come from the contract, so a new one without wording or fixture fails here.
 */
const OTHER_LOCALES = LOCALES.filter((l) => l !== 'en');

function fixtureOf(event: MessageEvent): MessageFixture<MessageEvent> | undefined {
  return (MESSAGE_FIXTURES as Partial<Record<MessageEvent, MessageFixture<MessageEvent>>>)[event];
}

/** The sentences of a template without its values: what a translator must have rewritten. */
function wordingLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\{\{\s*\w+\s*\}\}/g, '').trim())
    .filter((line) => line.split(/\s+/).length >= 3);
}

describe.each(MESSAGE_EVENTS)('the %s e-mail', (event) => {
  const declared: readonly string[] = TEMPLATE_VARIABLES[event];

  it('has a realistic value for everything it declares, and nothing else', () => {
    const fixture = fixtureOf(event);
    expect(fixture, `no fixture for ${event} in message-fixtures.ts`).toBeDefined();
    for (const locale of LOCALES) {
      const variables: Record<string, string> = fixture?.variables(locale) ?? {};
      expect(Object.keys(variables).sort(), locale).toEqual([...declared].sort());
      for (const name of declared)
        expect(variables[name]?.trim(), `${locale} ${name}`).toBeTruthy();
    }
  });

  it('says the same things in every language', () => {
    const used = (locale: Locale) => {
      const { subject, body } = defaultTemplate(event, locale);
      return placeholdersOf(subject + body).sort();
    };
    for (const locale of OTHER_LOCALES) expect(used(locale), locale).toEqual(used('en'));
  });

  it.each(OTHER_LOCALES)('is written in %s, not left in English', (locale) => {
    const english = defaultTemplate(event, 'en');
    const own = defaultTemplate(event, locale);
    expect(own).toBeDefined();
    expect(own.subject).not.toBe(english.subject);
    for (const line of wordingLines(english.body)) expect(own.body).not.toContain(line);
  });

  it.each(LOCALES)('in %s uses only values the event declares', (locale) => {
    const { subject, body } = defaultTemplate(event, locale);
    expect(placeholdersOf(subject).filter((n) => !declared.includes(n))).toEqual([]);
    expect(placeholdersOf(body).filter((n) => !declared.includes(n))).toEqual([]);
  });

  it.each(LOCALES)('in %s comes out whole with realistic values', (locale) => {
    const template = defaultTemplate(event, locale);
    const variables = fixtureOf(event)?.variables(locale) ?? {};
    const message = renderTemplate(template, variables);
    expect(gapsIn(message, locale)).toEqual([]);
    // Each value the wording asks for is printed, whole, where it was asked for.
    for (const part of ['subject', 'body'] as const) {
      for (const name of placeholdersOf(template[part])) {
        const value = String(variables[name as keyof typeof variables]);
        expect(message[part], `${part} ${name}`).toContain(
          part === 'subject' ? value.replace(/\s+/g, ' ') : value,
        );
      }
    }
  });

  it.each(LOCALES)('in %s names the participant in the subject of a nation’s copy', (locale) => {
    if (!fixtureOf(event)?.nationCopyOfParticipant) return;
    expect(placeholdersOf(defaultTemplate(event, locale).subject)).toContain('participantName');
  });

  /*
   * French puts an article before a country, a venue or a course (du Koweït, au Centre régional,
   * le Cours de base) and English before some (the United Arab Emirates, the Regional Training
   * Centre): a sentence built around the bare name reads wrong for some of them, so each stands
   * apart, in brackets, after a colon or after a comma. Arabic is checked below.
   */
  it.each(['en', 'fr'] as const)('in %s sets names of places and courses apart', (locale) => {
    const { subject, body } = defaultTemplate(event, locale);
    const text = `${subject}\n${body}`;
    const bare = [...text.matchAll(/\{\{(nationName|venue|activityTitle)\}\}/g)]
      .filter(({ index }) => !/(\(|: |, )$/.test(text.slice(0, index)))
      .map(({ index }) => text.slice(Math.max(0, index - 12), index + 20));
    expect(bare).toEqual([]);
  });

  // A one-letter preposition joined to a name must merge with its article (للكويت, not لـالكويت)
  // and cannot join Latin script; a separate word (من الكويت) reads right before any name.
  it('in Arabic joins no letter to a value (بـ, لـ)', () => {
    const { subject, body } = defaultTemplate(event, 'ar');
    expect(`${subject}\n${body}`).not.toMatch(/\u0640\{\{/);
  });
});

describe('the gap finder', () => {
  it.each([
    ['Reason: \n\nDetails:', 'a label with nothing after it'],
    ['Reason:', 'a label with nothing after it'],
    ['Selected for  (M5-66-A-26).', 'two spaces in a row'],
    ['From 2026-03-08 to 2026-03-12 at .', 'a space before a comma or full stop'],
    ['Session M5-66-A-26 () starts', 'empty brackets or quotes'],
    ['Answer « » by Friday', 'empty brackets or quotes'],
    ['Dear ,\n\nHello', 'a space before a comma or full stop'],
    ['Dear Noura,\n\n\n\nHello', 'two blank lines in a row'],
    ['Dear Noura,\n\n has submitted', 'a line that starts with a space'],
    ['Dear undefined,', 'a value that was not there'],
    ['Venue: [object Object]', 'an object printed as text'],
    ['Hello {{name}}', 'a placeholder left unfilled'],
  ])('finds the gap in %j', (body, what) => {
    expect(gapsIn({ subject: 'Subject', body }, 'en').join('\n')).toContain(what);
  });

  it('finds an empty subject and an Arabic message that reads left to right', () => {
    expect(gapsIn({ subject: ' ', body: 'Dear Noura,' }, 'en')).toContain('subject: empty');
    expect(gapsIn({ subject: 'M5-66-A-26: قبول', body: 'السيد\nKind regards' }, 'ar')).toEqual([
      'subject: does not start with an Arabic letter, so it reads left to right',
      'body: a line with no Arabic: "Kind regards"',
    ]);
  });

  it('lets a whole message through, links and French spacing included', () => {
    const body = 'Bonjour Zoé,\n\nMotif : quota atteint.\n\nDétails :\nhttps://x.example/a';
    expect(gapsIn({ subject: 'Candidature : M5-66-A-26', body }, 'fr')).toEqual([]);
  });
});
