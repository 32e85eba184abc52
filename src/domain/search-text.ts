/**
 * Search keys: one normalisation of names and titles, in Arabic and Latin script, used both to
 * store a record's keys and to turn what a reader typed into a query.
 *
 * The rules are data (`STEPS`): Unicode decomposition, `translate()`-style character folds and
 * regular-expression replacements written in the subset that JavaScript and PostgreSQL's
 * regular expressions read alike. `searchDocument` and `searchQueryWords` run them here; the
 * database runs the same list, rendered by `searchDocumentSql`, in the IMMUTABLE function
 * `rabita_search_document` that computes the stored `search_keys` columns. A test compares the
 * rendering with the migration and the two implementations on many strings.
 *
 * What folds together:
 * - Arabic: harakat, shadda, sukun, superscript alef, Quranic marks and tatweel are dropped;
 *   أ إ آ ٱ fold to ا, ؤ to و, ئ and ى to ي, ة to ه, a lone ء is dropped; Persian ی ک and
 *   Eastern digits fold to their Arabic and Western forms; "عبد ال…" joins the next word
 *   (عبد الله = عبدالله).
 * - Latin: case and accents; apostrophes are dropped (D'Souza = DSouza) and every other
 *   punctuation separates words; "al"/"el" joins the next word (Al-Sabah = Alsabah = al Sabah),
 *   as do abd/abdul/abdel (Abd al-Rahman = Abdulrahman).
 * - The article: a stored word starting with ال, al or el (followed by at least two letters) is
 *   kept as written and also without the article; a query word loses its article. So السيبراني
 *   is found by سيبراني and by السيبراني, and سيبراني by السيبراني.
 * - Latin phonetic key, per word: ph→f, dj→j, c and q→k, a final "ah"→"a", every run of vowels
 *   becomes one "a" (y counts as a vowel except first), doubled letters collapse. Mohammed,
 *   Muhammad, Mohamed and Mohamad all give "mahamad"; Mahmoud gives "mahmad" and stays apart.
 *
 * A query matches a record when every query word starts one of the record's words.
 */

/** One step of the normalisation. */
export type SearchStep =
  | { kind: 'nfd' }
  /** Like SQL translate(): each character of `from` becomes the same-index one of `to`, or goes. */
  | { kind: 'translate'; from: string; to: string }
  /** Global replacement; `$1`… in `replacement` refer to the pattern's groups. */
  | { kind: 'replace'; pattern: string; replacement: string };

const range = (first: number, last: number): string => {
  let out = '';
  for (let c = first; c <= last; c++) out += String.fromCharCode(c);
  return out;
};

const UPPER = range(0x41, 0x5a);
const LOWER = range(0x61, 0x7a);

/** Characters folded to one form: Latin capitals, letters NFD does not decompose, digits. */
const FOLD_FROM = `${UPPER}ٱىةیکۀ${range(0x660, 0x669)}${range(0x6f0, 0x6f9)}øØłŁđĐıæÆœŒßþð`;
const FOLD_TO = `${LOWER}ايهيكه${'0123456789'.repeat(2)}oollddieeeestd`;

/**
 * Characters dropped, as a regular-expression class: Latin combining accents (after NFD), Arabic
 * harakat, shadda, sukun, hamza marks left by NFD (أ → ا + U+0654), superscript alef, Quranic
 * marks, tatweel, the lone hamza, and apostrophes of every kind. (A class of ranges: translate()
 * with two hundred characters to look up cost the database four times the rest together.)
 */
const c = (code: number) => String.fromCharCode(code);
const DROPPED = `[${c(0x300)}-${c(0x36f)}${c(0x64b)}-${c(0x65f)}${c(0x670)}${c(0x6d6)}-${c(0x6ed)}${c(0x640)}${c(0x621)}'’‘\`ʿʾʼ]+`;

/** Arabic letters kept as word characters: U+0621 hamza … U+064A yeh. */
const ARABIC_LETTERS = `${String.fromCharCode(0x621)}-${String.fromCharCode(0x64a)}`;

const ARTICLE = '(^| )(ال|al|el)([^ ]{2,})';

/** Steps shared by stored text and queries, before the article is handled. */
const BEFORE_ARTICLE: SearchStep[] = [
  { kind: 'nfd' },
  { kind: 'replace', pattern: DROPPED, replacement: '' },
  { kind: 'translate', from: FOLD_FROM, to: FOLD_TO },
  { kind: 'replace', pattern: `[^a-z0-9${ARABIC_LETTERS}]+`, replacement: ' ' },
  { kind: 'replace', pattern: '^ +| +$', replacement: '' },
  // The article written apart joins its word: "al sabah" → "alsabah".
  { kind: 'replace', pattern: '(^| )(al|el) ', replacement: '$1$2' },
  { kind: 'replace', pattern: '(^| )(abd|abdu|abdul|abdel|abdal) ', replacement: '$1$2' },
  { kind: 'replace', pattern: '(^| )عبد ال', replacement: '$1عبدال' },
];

/** The Latin phonetic key, applied to every word after the article is handled. */
const PHONETIC: SearchStep[] = [
  { kind: 'replace', pattern: 'ph', replacement: 'f' },
  { kind: 'replace', pattern: 'dj', replacement: 'j' },
  { kind: 'replace', pattern: '[cq]', replacement: 'k' },
  { kind: 'replace', pattern: '([a-z])ah( |$)', replacement: '$1a$2' },
  { kind: 'replace', pattern: '(^| )[aeiou]+', replacement: '$1a' },
  { kind: 'replace', pattern: '([a-z])[aeiouy]+', replacement: '$1a' },
  { kind: 'replace', pattern: '([a-z])\\1+', replacement: '$1' },
];

/** From a record's text to the words it is found by (each word with and without article). */
export const DOCUMENT_STEPS: readonly SearchStep[] = [
  ...BEFORE_ARTICLE,
  { kind: 'replace', pattern: ARTICLE, replacement: '$1$2$3 $3' },
  ...PHONETIC,
];

/** From what a reader typed to the words to look for (article removed). */
export const QUERY_STEPS: readonly SearchStep[] = [
  ...BEFORE_ARTICLE,
  { kind: 'replace', pattern: ARTICLE, replacement: '$1$3' },
  ...PHONETIC,
];

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'g');
    compiled.set(pattern, re);
  }
  return re;
}

const translators = new Map<string, Map<string, string>>();
function translator(from: string, to: string): Map<string, string> {
  const key = `${from}\u0000${to}`;
  let map = translators.get(key);
  if (!map) {
    map = new Map();
    const fromChars = [...from];
    const toChars = [...to];
    fromChars.forEach((c, i) => {
      if (!map?.has(c)) map?.set(c, toChars[i] ?? '');
    });
    translators.set(key, map);
  }
  return map;
}

function run(steps: readonly SearchStep[], text: string): string {
  let out = text;
  for (const step of steps) {
    if (step.kind === 'nfd') out = out.normalize('NFD');
    else if (step.kind === 'translate') {
      const map = translator(step.from, step.to);
      out = [...out].map((c) => map.get(c) ?? c).join('');
    } else {
      // One pass, as SQL's regexp_replace(…, 'g') makes.
      out = out.replace(regex(step.pattern), step.replacement);
    }
  }
  return out;
}

/** The words a record is found by: space-separated, as the database stores them. */
export function searchDocument(...texts: readonly (string | null | undefined)[]): string {
  return run(DOCUMENT_STEPS, texts.filter((t) => t).join(' '));
}

/** The normalised words of a query (at most 8), each to be matched as a word prefix. */
export function searchQueryWords(text: string): string[] {
  return run(QUERY_STEPS, text)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** True when `query` finds the record whose text is `texts`: every word starts a record word. */
export function searchMatches(query: string, ...texts: readonly (string | null | undefined)[]) {
  const words = searchQueryWords(query);
  if (words.length === 0) return false;
  const stored = searchDocument(...texts).split(' ');
  return words.every((w) => stored.some((s) => s.startsWith(w)));
}

/**
 * The `to_tsquery('simple', …)` text for a query: every word a prefix, all required. Only
 * letters and digits are left by the normalisation, so nothing typed reaches tsquery syntax.
 * Null when nothing searchable was typed.
 */
export function searchTsQuery(text: string): string | null {
  const words = searchQueryWords(text);
  return words.length === 0 ? null : words.map((w) => `'${w}':*`).join(' & ');
}

/**
 * The same query with every word but the last matched whole: someone who types a full name has
 * finished its earlier words. Whole words read one short list each in the GIN index, where a
 * prefix reads every name that starts the same (docs/benchmarks.md, "Name search"). Null for a
 * single word, where the two readings are the same.
 */
export function searchTsQueryWholeWords(text: string): string | null {
  const words = searchQueryWords(text);
  if (words.length < 2) return null;
  return words.map((w, i) => (i === words.length - 1 ? `'${w}':*` : `'${w}'`)).join(' & ');
}

/** A SQL string literal, every non-ASCII character as a \XXXX escape (U&'…'), readable anywhere. */
/** True when the text holds an Arabic letter: where the catalogue searches by keys too. */
export function hasArabicLetter(text: string): boolean {
  return /[\u0621-\u064a\u0671-\u06d3]/.test(text);
}

const sqlString = (s: string) => {
  let body = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c === "'") body += "''";
    else if (c === '\\') body += '\\\\';
    else if (code < 0x20 || code > 0x7e) body += `\\${code.toString(16).padStart(4, '0')}`;
    else body += c;
  }
  return `U&'${body}'`;
};

/** The steps as one SQL expression over `input` (PostgreSQL; the database must be UTF8). */
export function stepsSql(steps: readonly SearchStep[], input: string): string {
  let out = input;
  for (const step of steps) {
    if (step.kind === 'nfd') out = `normalize(${out}, NFD)`;
    else if (step.kind === 'translate')
      out = `translate(${out}, ${sqlString(step.from)}, ${sqlString(step.to)})`;
    else {
      const replacement = step.replacement.replace(/\$(\d)/g, '\\$1');
      out = `regexp_replace(${out}, ${sqlString(step.pattern)}, ${sqlString(replacement)}, 'g')`;
    }
  }
  return out;
}

/** The SQL that (re)creates the stored-side function; the migration holds this text. */
export function searchDocumentSql(): string {
  return `CREATE OR REPLACE FUNCTION rabita_search_document(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
  RETURN ${stepsSql(DOCUMENT_STEPS, 'input')};`;
}
