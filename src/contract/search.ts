import { z } from 'zod';
import { IsoDate, LocalizedText, Uuid } from './common.js';
import { LecturerKind } from './lecturers.js';
import { NominationStatus } from './nominations.js';
import { SessionStatus } from './sessions.js';
import { text } from './text.js';

/** What the global search box sends: any words, in Arabic or Latin script. */
export const GlobalSearchQuery = z.strictObject({
  q: text().trim().min(1).max(100),
});
export type GlobalSearchQuery = z.infer<typeof GlobalSearchQuery>;

/** A person as a search result: enough to show and to open /people/{id}. */
export const PersonHit = z.object({
  id: Uuid,
  nationCode: z.string(),
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  familyNameArabic: z.string().nullable(),
  givenNamesArabic: z.string().nullable(),
});

/** A session as a search result: opens /sessions/{code}. */
export const SessionHit = z.object({
  code: z.string(),
  activityCode: z.string(),
  activityTitle: LocalizedText,
  startDate: IsoDate,
  endDate: IsoDate,
  status: SessionStatus,
});

/** An activity of the catalogue as a search result: opens /catalogue/{code}. */
export const ActivityHit = z.object({ code: z.string(), title: LocalizedText });

/** A nomination as a search result: opens /nominations/{id}. */
export const NominationHit = z.object({
  id: Uuid,
  status: NominationStatus,
  nationCode: z.string(),
  sessionCode: z.string(),
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  familyNameArabic: z.string().nullable(),
  givenNamesArabic: z.string().nullable(),
});

/** A partner nation as a search result: opens /partners/{code}. */
export const NationHit = z.object({ code: z.string(), name: LocalizedText });

/** A lecturer or speaker as a search result: opens the registry at their name. */
export const LecturerHit = z.object({
  id: Uuid,
  kind: LecturerKind,
  nameLatin: z.string(),
  nameArabic: z.string().nullable(),
  institution: z.string().nullable(),
});

/**
 * The first few records of each kind the reader may see that match every word typed; a kind
 * the reader may not read at all comes back empty.
 */
export const GlobalSearchResults = z.object({
  people: z.array(PersonHit),
  sessions: z.array(SessionHit),
  activities: z.array(ActivityHit),
  nominations: z.array(NominationHit),
  nations: z.array(NationHit),
  lecturers: z.array(LecturerHit),
});
export type GlobalSearchResults = z.infer<typeof GlobalSearchResults>;

/** How many records of each kind the global search returns. */
export const SEARCH_HITS_PER_KIND = 5;
