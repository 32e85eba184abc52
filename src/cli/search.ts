import type { GlobalSearchResults } from '../contract/search.js';
import { GlobalSearchQuery } from '../contract/search.js';
import type { Config } from '../server/config.js';
import { type ServiceContext, systemContext } from '../server/features/context.js';
import { globalSearch } from '../server/features/search/service.js';
import { openDatabase } from '../server/main.js';
import { UsageError } from './command.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** Both scripts of a name, as a registrar reads them side by side. */
function name(hit: {
  familyNameLatin: string;
  givenNamesLatin: string;
  familyNameArabic: string | null;
  givenNamesArabic: string | null;
}): string {
  const latin = `${hit.familyNameLatin}, ${hit.givenNamesLatin}`;
  const arabic = [hit.givenNamesArabic, hit.familyNameArabic].filter(Boolean).join(' ');
  return arabic ? `${latin} (${arabic})` : latin;
}

/** One line per record, grouped by kind, each with what opens it in the web app. */
export function describeResults(found: GlobalSearchResults): string[] {
  const lines: string[] = [];
  const group = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    lines.push(`${title}:`, ...rows.map((row) => `  ${row}`));
  };
  group(
    'People',
    found.people.map((p) => `${name(p)} · ${p.nationCode} · /people/${p.id}`),
  );
  group(
    'Sessions',
    found.sessions.map(
      (s) => `${s.code} ${s.activityTitle.en} · ${s.startDate} to ${s.endDate} · ${s.status}`,
    ),
  );
  group(
    'Activities',
    found.activities.map((a) => `${a.code} ${a.title.en}`),
  );
  group(
    'Nominations',
    found.nominations.map(
      (n) => `${name(n)} · ${n.nationCode} · ${n.sessionCode} · ${n.status} · /nominations/${n.id}`,
    ),
  );
  group(
    'Lecturers',
    found.lecturers.map((l) =>
      [
        l.nameLatin,
        l.nameArabic && `(${l.nameArabic})`,
        `· ${l.kind}`,
        l.institution && `· ${l.institution}`,
      ]
        .filter(Boolean)
        .join(' '),
    ),
  );
  group(
    'Nations',
    found.nations.map((n) => `${n.code} ${n.name.en}`),
  );
  return lines;
}

/** `rabita search WORDS`: the global search with the centre's whole view. */
export async function runSearch(config: Config, words: string, json: boolean): Promise<number> {
  const parsed = GlobalSearchQuery.safeParse({ q: words });
  if (!parsed.success) {
    throw new UsageError(`search words: ${parsed.error.issues[0]?.message ?? 'not accepted'}`);
  }
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const ctx = systemContext(database.handle.db as ServiceContext['tx'], 'cli-search');
    const found = await globalSearch(ctx, parsed.data.q);
    const lines = describeResults(found);
    if (json) print(JSON.stringify(found));
    else if (lines.length === 0) print(`Nothing matches ${JSON.stringify(parsed.data.q)}.`);
    else for (const line of lines) print(line);
    return lines.length === 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
