import type { ParticipantResult, ResultEntry, ResultStatus } from '../../../contract/index.js';

/** What the director has chosen for one row and not yet saved. */
export interface Draft {
  status: ResultStatus | null;
  /** A score as typed: a number, or '' for none. */
  pre: number | '';
  post: number | '';
}

export function draftOf(row: ParticipantResult): Draft {
  return { status: row.status, pre: row.preTestScore ?? '', post: row.postTestScore ?? '' };
}

const score = (value: number | '') => (value === '' ? null : value);

/** The rows whose draft differs from what is stored and has a status, as the API takes them. */
export function changedEntries(
  rows: readonly ParticipantResult[],
  drafts: ReadonlyMap<string, Draft>,
  usesLevel2: boolean,
): ResultEntry[] {
  const entries: ResultEntry[] = [];
  for (const row of rows) {
    const draft = drafts.get(row.nominationId);
    if (!draft?.status) continue;
    const stored = draftOf(row);
    const changed =
      draft.status !== stored.status ||
      (usesLevel2 && (draft.pre !== stored.pre || draft.post !== stored.post));
    if (!changed) continue;
    entries.push({
      nominationId: row.nominationId,
      status: draft.status,
      ...(usesLevel2 ? { preTestScore: score(draft.pre), postTestScore: score(draft.post) } : {}),
    });
  }
  return entries;
}

/**
 * Every row not yet confirmed, with the status the rule proposes; none while working days are
 * still to come (`daysToCome`), since a proposal so far is not yet a result.
 */
export function proposedEntries(rows: readonly ParticipantResult[], daysToCome = 0): ResultEntry[] {
  if (daysToCome > 0) return [];
  return rows.flatMap((row) =>
    row.status === null && row.proposed
      ? [{ nominationId: row.nominationId, status: row.proposed.status }]
      : [],
  );
}

/** A score is whole or has at most two decimals, from 0 to 100. */
export function validScore(value: number | ''): boolean {
  if (value === '') return true;
  const hundredths = value * 100;
  return value >= 0 && value <= 100 && Math.abs(Math.round(hundredths) - hundredths) < 1e-6;
}
