import type { NominationStatus, Participant } from '../../../contract/index.js';

/** "OF-3 · Major": the code rules compare, then the title people read. */
export function rankText(person: Pick<Participant, 'rankCode' | 'rankTitle'>): string {
  return person.rankTitle ? `${person.rankCode} · ${person.rankTitle}` : person.rankCode;
}

/** Nominations still in play: the person may yet attend. */
export const LIVE_STATUSES: readonly string[] = [
  'draft',
  'proposed',
  'invited',
  'submitted',
  'waitlisted',
  'selected',
] satisfies readonly NominationStatus[];

export const NOMINATION_STATUS_COLOR: Record<string, string> = {
  draft: 'gray.7',
  proposed: 'gray.7',
  invited: 'cyan.9',
  submitted: 'blue.9',
  waitlisted: 'indigo.8',
  selected: 'teal.9',
  rejected: 'red.8',
  withdrawn: 'dark.6',
  declined: 'dark.6',
  substituted: 'dark.6',
  'session-cancelled': 'dark.6',
};

/** Days from `today` to a clearance's expiry; negative once expired. */
export function daysUntil(day: string, today: string): number {
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

/** Today's date where the reader is, as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
