import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_NAMES, NATION_STATUSES, ROLES } from '../../contract/index.js';
import { messages } from './resources.js';

type Tree = { [key: string]: string | Tree };

/** `{a: {b: 'x'}}` -> `{'a.b': 'x'}`; a non-string leaf is kept as-is so the test can flag it. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(messages.en);
const others = { fr: flatten(messages.fr), ar: flatten(messages.ar) };

describe('translation files', () => {
  it('English has only non-empty strings', () => {
    for (const [key, value] of english) {
      expect(typeof value === 'string' && value.trim() !== '', `en: ${key}`).toBe(true);
    }
  });

  for (const [name, messages] of Object.entries(others)) {
    describe(name, () => {
      it('has every English key, non-empty', () => {
        const missing = [...english.keys()].filter((key) => {
          const value = messages.get(key);
          return typeof value !== 'string' || value.trim() === '';
        });
        expect(missing).toEqual([]);
      });

      it('has no key that English lacks', () => {
        // Plural forms English has no use for (Arabic's two, few, many...) count as the English
        // key's `_other`.
        const known = (key: string) =>
          english.has(key) || english.has(key.replace(/_(zero|two|few|many)$/, '_other'));
        expect([...messages.keys()].filter((key) => !known(key))).toEqual([]);
      });

      it('uses the same {{placeholders}} as English', () => {
        const mismatched = [...english].filter(([key, value]) => {
          const other = messages.get(key);
          return (
            typeof other === 'string' &&
            JSON.stringify(placeholders(String(value))) !== JSON.stringify(placeholders(other))
          );
        });
        expect(mismatched.map(([key]) => key)).toEqual([]);
      });
    });
  }
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('keys used by the code', () => {
  const webDir = fileURLToPath(new URL('..', import.meta.url));

  it('exist in English', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(webDir)) {
      const text = readFileSync(file, 'utf8');
      // Literal keys passed to t(...) directly, in a ternary, or through a key-holding field.
      for (const m of text.matchAll(/\bt\(\s*'([a-z][\w]*(?:\.[\w-]+)+)'/g)) used.add(String(m[1]));
      for (const m of text.matchAll(/\?\s*'([a-z]\w*\.[\w.]+)'\s*:\s*'([a-z]\w*\.[\w.]+)'/g)) {
        used.add(String(m[1]));
        used.add(String(m[2]));
      }
      for (const m of text.matchAll(/label: '(nav\.\w+)'/g)) used.add(String(m[1]));
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });

  it('cover every role and nation status', () => {
    for (const role of ROLES) expect(english.has(`roles.${role}`), role).toBe(true);
    for (const status of NATION_STATUSES) expect(english.has(`nationStatus.${status}`)).toBe(true);
  });
});

describe('problem codes', () => {
  // The web shows a problem by its code (lib/errors.ts); a code the registry gains is shown in
  // every language from the day it ships, never as the server's English detail alone.
  for (const [language, tree] of Object.entries({ en: english, ...others })) {
    it(`${language} has a message for every code of the registry`, () => {
      const missing = ERROR_CODE_NAMES.filter((code) => {
        const value = tree.get(`errors.codes.${code}`);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(missing).toEqual([]);
    });
  }
});
