// Name search benchmark: Arabic name search over one million people (alliance scale), with the
// search keys of src/domain/search-text.ts (the generated `search_keys` vector, GIN-indexed,
// matched by word prefix) beside the search it replaced, measured in the same run on the same
// rows: the old `search` vector (prefix words) OR an ILIKE over the folded Arabic names.
// Both answer the participants list's question: the first page (51 rows) by family name.
// Figures go to docs/benchmarks.md.
import os from 'node:os';
import pg from 'pg';
import { createAppDatabase, importServer, median, writeSection } from './lib.mjs';

const SERVER =
  process.env.RABITA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const OLD_ROUNDS = Number(process.env.BENCH_OLD_ROUNDS ?? 1);

// Given names (Arabic, one Latin spelling) and family roots; families are "ال" + root.
const GIVEN = [
  ['محمد', 'Mohammed'],
  ['أحمد', 'Ahmed'],
  ['عبدالله', 'Abdullah'],
  ['خالد', 'Khalid'],
  ['فهد', 'Fahad'],
  ['سعود', 'Saud'],
  ['ناصر', 'Nasser'],
  ['سالم', 'Salem'],
  ['علي', 'Ali'],
  ['عمر', 'Omar'],
  ['يوسف', 'Yousef'],
  ['إبراهيم', 'Ibrahim'],
  ['حمد', 'Hamad'],
  ['سلطان', 'Sultan'],
  ['ماجد', 'Majed'],
  ['فيصل', 'Faisal'],
  ['تركي', 'Turki'],
  ['بندر', 'Bandar'],
  ['مشعل', 'Mishal'],
  ['راشد', 'Rashid'],
  ['حسن', 'Hassan'],
  ['حسين', 'Hussein'],
  ['مصطفى', 'Mustafa'],
  ['طارق', 'Tariq'],
  ['وليد', 'Walid'],
  ['هشام', 'Hisham'],
  ['عادل', 'Adel'],
  ['كريم', 'Karim'],
  ['نواف', 'Nawaf'],
  ['جاسم', 'Jassim'],
  ['مريم', 'Maryam'],
  ['فاطمة', 'Fatima'],
  ['نورة', 'Noura'],
  ['سارة', 'Sara'],
  ['هند', 'Hind'],
  ['عبدالرحمن', 'Abdulrahman'],
  ['عبدالعزيز', 'Abdulaziz'],
  ['منصور', 'Mansour'],
  ['بدر', 'Badr'],
  ['زياد', 'Ziad'],
];
const ROOTS = [
  ['مطيري', 'Mutairi'],
  ['عنزي', 'Enezi'],
  ['صباح', 'Sabah'],
  ['كواري', 'Kuwari'],
  ['عتيبي', 'Otaibi'],
  ['شمري', 'Shammari'],
  ['دوسري', 'Dosari'],
  ['قحطاني', 'Qahtani'],
  ['هاجري', 'Hajri'],
  ['عجمي', 'Ajmi'],
  ['رشيدي', 'Rashidi'],
  ['ظفيري', 'Dhafiri'],
  ['سبيعي', 'Subaie'],
  ['خالدي', 'Khalidi'],
  ['عوضي', 'Awadhi'],
  ['نعيمي', 'Nuaimi'],
  ['كعبي', 'Kaabi'],
  ['مري', 'Marri'],
  ['سليطي', 'Sulaiti'],
  ['مهندي', 'Mohannadi'],
  ['بلوشي', 'Balushi'],
  ['حارثي', 'Harthi'],
  ['زعابي', 'Zaabi'],
  ['مزروعي', 'Mazrouei'],
  ['شامسي', 'Shamsi'],
  ['فلاسي', 'Falasi'],
  ['جابري', 'Jaberi'],
  ['حمادي', 'Hammadi'],
  ['تميمي', 'Tamimi'],
  ['زهراني', 'Zahrani'],
  ['غامدي', 'Ghamdi'],
  ['شهري', 'Shehri'],
  ['عمري', 'Omari'],
  ['حربي', 'Harbi'],
  ['جهني', 'Juhani'],
  ['سهلي', 'Sahli'],
  ['ربيعي', 'Rubaie'],
  ['بدري', 'Badri'],
  ['نجار', 'Najjar'],
  ['حداد', 'Haddad'],
];
// Each root also comes with one of 25 clan suffixes, so 1,000 family names in all.
const CLANS = [
  '',
  'ان',
  'ين',
  'اوي',
  'وني',
  'يري',
  'ادي',
  'وسي',
  'اني',
  'ابي',
  'امي',
  'ازي',
  'اتي',
  'اقي',
  'ائي',
  'اكي',
  'الي',
  'افي',
  'اصي',
  'اطي',
  'اعي',
  'اسي',
  'ارى',
  'انة',
  'اية',
];
const NATIONS = ['KWT', 'QAT', 'BHR', 'ARE', 'JOR', 'MAR', 'TUN', 'DZA', 'EGY', 'MRT'];

/** What people type: full names, a given name, a family name without its article, with marks. */
const QUERIES = [
  'محمد المطيري',
  'فهد العنزي',
  'خالد الصباح',
  'سالم الكواري',
  'عبد الله العتيبي',
  'مريم الشمري',
  'نورة الدوسري',
  'مُحَمَّد القحطاني',
  'يوسف الهاجري',
  'فاطمه العجمي',
  'مطيريان',
  'عنزيين',
  'صباحاوي',
  'الكواريوني',
  'عتيبييري',
  'بندر',
  'مشعل',
  'هشام',
  'نواف',
  'زياد',
];

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function load(client) {
  const started = Date.now();
  await client.query(
    `insert into frameworks (code, name) values ('BENCH', '{"en":"Bench"}') on conflict do nothing`,
  );
  for (const code of NATIONS) {
    await client.query(
      `insert into nations (code, name, framework_code, status) values ($1, $2, 'BENCH', 'active') on conflict do nothing`,
      [code, { en: code }],
    );
  }
  const given = GIVEN.map((g) => g[0]);
  const givenLatin = GIVEN.map((g) => g[1]);
  const families = [];
  const familiesLatin = [];
  for (const [root, latin] of ROOTS)
    for (const [i, clan] of CLANS.entries()) {
      families.push(`ال${root}${clan}`);
      familiesLatin.push(`Al-${latin}${i === 0 ? '' : i}`);
    }
  // Some names carry vowel marks or tatweel, as people sometimes type them.
  await client.query(
    `insert into participants (nation_code, family_name_latin, given_names_latin, family_name_arabic,
       given_names_arabic, rank_code, email, language_profiles)
     select $4::text[] as n, fl, gl, fa, ga, 'OF-3', 'p' || g || '@bench.example', '[]'::jsonb
     from (
       select g,
         ($4::text[])[(1 + g % ${NATIONS.length})::int] as nation,
         ($3::text[])[(1 + abs(hashint4(g::int # 40503)) % ${families.length})::int] as fl,
         ($2::text[])[(1 + abs(hashint4(g::int)) % ${given.length})::int] || ' ' || ($2::text[])[(1 + abs(hashint4(g::int # 7919)) % ${given.length})::int] as gl,
         ($5::text[])[(1 + abs(hashint4(g::int # 40503)) % ${families.length})::int] as fa,
         case when g % 10 = 0 then 'مُحَمَّـد ' else '' end
           || ($1::text[])[(1 + abs(hashint4(g::int)) % ${given.length})::int] || ' ' || ($1::text[])[(1 + abs(hashint4(g::int # 7919)) % ${given.length})::int] as ga
       from generate_series(1, ${PEOPLE}) g
     ) s`.replace('$4::text[] as n,', 'nation,'),
    [given, givenLatin, familiesLatin, NATIONS, families],
  );
  await client.query('vacuum analyze participants');
  return Date.now() - started;
}

/** The search this replaced, rebuilt beside the new one on the same rows. */
async function addOldSearch(client) {
  const started = Date.now();
  await client.query(`alter table participants add column search tsvector generated always as (
    to_tsvector('simple', coalesce(family_name_latin, '') || ' ' || coalesce(given_names_latin, '') || ' ' ||
      coalesce(family_name_arabic, '') || ' ' || coalesce(given_names_arabic, '') || ' ' || coalesce(email, ''))) stored`);
  await client.query('create index participants_search_idx on participants using gin (search)');
  await client.query('vacuum analyze participants');
  return Date.now() - started;
}

// The old searchCondition (src/server/features/participants/queries.ts before search keys).
const ARABIC_FOLD = { from: 'أإآٱىةؤئ', to: 'اااايهوي' };
function oldQuery(text, oldNormaliseArabic) {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w)
    .slice(0, 8);
  const prefix = words.map((w) => `'${w}':*`).join(' & ');
  const haystack = `coalesce(given_names_arabic, '') || ' ' || coalesce(family_name_arabic, '') || ' ' || coalesce(given_names_arabic, '') || ' ' || coalesce(email, '')`;
  return {
    where: `(search @@ to_tsquery('simple', $1) or translate(${haystack}, $2, $3) ilike $4)`,
    params: [prefix, ARABIC_FOLD.from, ARABIC_FOLD.to, `%${oldNormaliseArabic(text)}%`],
  };
}

async function time(client, where, params, nation) {
  const scoped = nation ? `nation_code = '${nation}' and ` : '';
  const started = process.hrtime.bigint();
  const { rows } = await client.query(
    `select id, family_name_latin, given_names_latin, family_name_arabic, given_names_arabic
     from participants where ${scoped}${where}
     order by family_name_latin collate "und-x-icu", id limit 51`,
    params,
  );
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: rows.length };
}

/** Which kind of search each of QUERIES is, in order. */
const CLASSES = [
  ...Array(10).fill('full name'),
  ...Array(5).fill('family name, no article'),
  ...Array(5).fill('one given name'),
];

async function measure(client, label, build, rounds) {
  const all = [];
  const found = [];
  const byClass = {};
  for (let round = 0; round < rounds; round++) {
    for (const [i, q] of QUERIES.entries()) {
      for (const nation of [null, 'KWT']) {
        // A reading may try several conditions in turn, until one finds someone.
        const attempts = [build(q)].flat();
        const r = { ms: 0, rows: 0 };
        for (const { where, params } of attempts) {
          const one = await time(client, where, params, nation);
          r.ms += one.ms;
          r.rows = one.rows;
          if (r.rows > 0) break;
        }
        all.push(r.ms);
        byClass[CLASSES[i]] ??= [];
        byClass[CLASSES[i]].push(r.ms);
        if (round === 0) found.push(r.rows);
      }
    }
  }
  process.stdout.write(
    `${label}: median ${median(all).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms over ${all.length} searches\n`,
  );
  const classes = Object.fromEntries(
    Object.entries(byClass).map(([k, xs]) => [k, { median: median(xs), p95: percentile(xs, 95) }]),
  );
  return { median: median(all), p95: percentile(all, 95), count: all.length, found, classes };
}

async function main() {
  const { searchTsQuery, searchTsQueryWholeWords } = await importServer(
    'src/domain/search-text.ts',
  );
  // The old search folded Arabic with this function, which duplicate detection still uses.
  const { normaliseArabic } = await importServer('src/server/features/participants/names.ts');
  // Loading a million people takes minutes: BENCH_SEARCH_KEEP=1 keeps the database, and
  // BENCH_SEARCH_DB=<name> measures again on one kept before.
  const reused = process.env.BENCH_SEARCH_DB;
  const db = reused
    ? { name: reused, url: Object.assign(new URL(SERVER), { pathname: `/${reused}` }).toString() }
    : await createAppDatabase(SERVER, `rabita_bench_search_${Date.now()}`);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let loadMs = null;
  try {
    if (!reused) {
      loadMs = await load(client);
      process.stdout.write(
        `${PEOPLE} people loaded with their search keys in ${(loadMs / 1000).toFixed(0)} s\n`,
      );
      const oldMs = await addOldSearch(client);
      process.stdout.write(`old search vector and index built in ${(oldMs / 1000).toFixed(0)} s\n`);
    }
    const keys = (q) => ({
      where: `search_keys @@ to_tsquery('simple', $1)`,
      params: [searchTsQuery(q)],
    });
    // What the product runs (participants/queries.ts, wholeWordsFirst): the earlier words
    // whole, then, only if that finds nobody, every word a beginning.
    const wholeFirst = (q) => {
      const whole = searchTsQueryWholeWords(q);
      return whole
        ? [{ where: `search_keys @@ to_tsquery('simple', $1)`, params: [whole] }, keys(q)]
        : keys(q);
    };
    // Warm both indexes and the table once.
    await measure(client, 'warm-up (search keys)', keys, 1);
    const fresh = await measure(client, 'search keys, earlier words whole', wholeFirst, ROUNDS);
    const prefixes = await measure(client, 'search keys, every word a prefix', keys, ROUNDS);
    const old = await measure(
      client,
      'old search',
      (q) => oldQuery(q, normaliseArabic),
      OLD_ROUNDS,
    );
    const misses = (r) => r.found.filter((n) => n === 0).length;
    const busy = os.loadavg()[2].toFixed(1);
    const { rows } = await client.query(
      `select pg_size_pretty(pg_relation_size('participants_search_keys_idx')) as keys_idx,
              pg_size_pretty(pg_relation_size('participants_search_idx')) as old_idx, version() as v`,
    );
    const section = `## Name search (\`npm run bench:search\`)

Arabic name search over ${PEOPLE.toLocaleString('en')} people (${NATIONS.length} nations, 40 given names, 1,000 family
names; one in ten with vowel marks and tatweel), the participants list's question: the first page
(51 rows) by family name, for the whole alliance and for one nation's NPOC. ${QUERIES.length} searches
(full names, a family name without its article, a given name; some typed with marks), each for
both readers, ${ROUNDS} rounds for each reading of the search keys and ${OLD_ROUNDS} for the old search, measured in the same run on
the same rows; PostgreSQL at ${SERVER.replace(/\/\/[^@]*@/, '//')} (${rows[0].v.split(' on ')[0]}), ${os.cpus().length} CPUs, 15-minute load average ${busy} at the end (other work shares the machine: compare the ratios).

| Search | Median | p95 | Searches | Searches finding nothing |
| --- | --- | --- | --- | --- |
| Search keys, earlier words whole (what the product runs) | ${fresh.median.toFixed(1)} ms | ${fresh.p95.toFixed(1)} ms | ${fresh.count} | ${misses(fresh)} of ${fresh.found.length} |
| Search keys, every word a prefix | ${prefixes.median.toFixed(1)} ms | ${prefixes.p95.toFixed(1)} ms | ${prefixes.count} | ${misses(prefixes)} of ${prefixes.found.length} |
| Old search (\`search\` GIN OR folded ILIKE) | ${old.median.toFixed(1)} ms | ${old.p95.toFixed(1)} ms | ${old.count} | ${misses(old)} of ${old.found.length} |

By kind of search (median / p95):

| Kind | Earlier words whole | Every word a prefix | Old search |
| --- | --- | --- | --- |
${Object.keys(fresh.classes)
  .map(
    (k) =>
      `| ${k} | ${fresh.classes[k].median.toFixed(1)} / ${fresh.classes[k].p95.toFixed(1)} ms | ${prefixes.classes[k].median.toFixed(1)} / ${prefixes.classes[k].p95.toFixed(1)} ms | ${old.classes[k].median.toFixed(0)} / ${old.classes[k].p95.toFixed(0)} ms |`,
  )
  .join('\n')}

Ratios in the same run: every word a prefix / earlier words whole, p95 ${(prefixes.p95 / fresh.p95).toFixed(1)}x
(full names ${(prefixes.classes['full name'].p95 / fresh.classes['full name'].p95).toFixed(1)}x); old / earlier words whole, median ${(old.median / fresh.median).toFixed(1)}x, p95 ${(old.p95 / fresh.p95).toFixed(1)}x.
Goal: p95 < 50 ms. Index sizes: search keys ${rows[0].keys_idx}, old vector ${rows[0].old_idx}. ${
      loadMs === null
        ? 'The rows were loaded by an earlier run'
        : `Loading the rows with their keys took ${(loadMs / 1000).toFixed(0)} s`
    } (the keys are computed by \`rabita_search_document\` as rows are written).

Why the earlier words are matched whole: a \`:*\` prefix is a partial match, which GIN reads
whole into a bitmap: for "محمد المطيري" every name that starts with محمد (a fifth of the rows
here) and every family that starts with مطيري, 13,566 candidates rechecked down to 3,706
(EXPLAIN ANALYZE on these rows: index part 26-80 ms). Someone typing a full name has finished
its earlier words, and a whole word is one posting list that GIN intersects with the last word's
prefix: 3,706 exact candidates, index part 7-11 ms. Only when that finds nobody are the earlier
words read as beginnings too, so "محم المطيري" still finds (one more query, on the rare path).
The old search misses names typed with marks or "عبد الله" written apart, and scans the whole
table for its ILIKE. Tried before and not kept: a generated \`text[]\` of every prefix of every
key word, GIN-indexed: the index part fell to 26 ms, but the planner then walked the family-name
ICU index for full names (its even-spread estimate, while the matches sit together under one
family name), 10.7 s per search, and each row grew by about 790 bytes.
`;
    writeSection('## Name search', section);
  } finally {
    await client.end();
    if (reused || process.env.BENCH_SEARCH_KEEP) {
      process.stdout.write(`kept the database ${db.name}\n`);
    } else {
      const admin = new pg.Client({ connectionString: SERVER });
      await admin.connect();
      await admin.query(`drop database if exists ${db.name} with (force)`);
      await admin.end();
    }
  }
}

await main();
