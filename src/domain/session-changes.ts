import type { LocalizedLongText } from '../contract/catalogue.js';
import type { LocalizedText } from '../contract/common.js';
import type { NominationStatus } from '../contract/nominations.js';
import type { SessionStatus } from '../contract/sessions.js';
import { isLive } from './nomination-lifecycle.js';

/** What people concerned by a session know of it: where, when, who leads it, what to bring. */
export interface SessionKnownFacts {
  startDate: string;
  endDate: string;
  venue: { code: string; name: LocalizedText };
  joiningInstructions: LocalizedLongText | null;
  director: { id: string; name: string } | null;
}

/** One thing that changed, as it was and as it is; names are kept so the wording needs no look-up. */
export type SessionFieldChange =
  | {
      field: 'dates';
      before: { startDate: string; endDate: string };
      after: { startDate: string; endDate: string };
    }
  | {
      field: 'venue';
      before: SessionKnownFacts['venue'];
      after: SessionKnownFacts['venue'];
    }
  | {
      field: 'joiningInstructions';
      before: LocalizedLongText | null;
      after: LocalizedLongText | null;
    }
  | {
      field: 'director';
      before: SessionKnownFacts['director'];
      after: SessionKnownFacts['director'];
    }
  | { field: 'status'; before: SessionStatus; after: SessionStatus };

export type SessionChangeKind = 'updated' | 'cancelled' | 'announced';

const sameText = (a: LocalizedLongText | null, b: LocalizedLongText | null) =>
  (a?.en ?? '') === (b?.en ?? '') &&
  (a?.fr ?? '') === (b?.fr ?? '') &&
  (a?.ar ?? '') === (b?.ar ?? '');

/**
 * The changes an edit makes that the people of a session must hear of: its dates, its venue, its
 * joining instructions, its director. Capacity, quotas and notes are the centre's business.
 * Every one of these also changes (or, for the director, concerns) the calendar invitations, so
 * a non-empty list means the session's calendar sequence goes up.
 */
export function sessionChanges(
  before: SessionKnownFacts,
  after: SessionKnownFacts,
): SessionFieldChange[] {
  const changes: SessionFieldChange[] = [];
  if (before.startDate !== after.startDate || before.endDate !== after.endDate) {
    changes.push({
      field: 'dates',
      before: { startDate: before.startDate, endDate: before.endDate },
      after: { startDate: after.startDate, endDate: after.endDate },
    });
  }
  if (before.venue.code !== after.venue.code) {
    changes.push({ field: 'venue', before: before.venue, after: after.venue });
  }
  if (!sameText(before.joiningInstructions, after.joiningInstructions)) {
    changes.push({
      field: 'joiningInstructions',
      before: before.joiningInstructions,
      after: after.joiningInstructions,
    });
  }
  if ((before.director?.id ?? null) !== (after.director?.id ?? null)) {
    changes.push({ field: 'director', before: before.director, after: after.director });
  }
  return changes;
}

/** A nomination as it stood when the session changed. */
export interface NominationAtChange {
  id: string;
  nationCode: string;
  status: NominationStatus;
}

/** Whom a change concerns among a session's nominations. */
export interface ConcernedNominations {
  /** Participants to tell in person: they hold a seat (and a calendar invitation). */
  participants: string[];
  /** Nations whose NPOCs are told, each with the nominations of theirs concerned. */
  nations: Map<string, NominationAtChange[]>;
}

/** Decided on or waiting for a decision: the nation expects to hear what happens to the session. */
const FOLLOWED: ReadonlySet<NominationStatus> = new Set(['submitted', 'waitlisted', 'selected']);

/**
 * Who hears of a change. A participant is told in person when they hold a seat. Their NPOCs are
 * told of every nomination submitted, waitlisted or selected; a cancellation ends every live
 * nomination, so then the NPOCs of drafts and proposals hear of it too. Nominations of an
 * announcement concern nobody here: nations hear of it by releasability.
 */
export function concernedNominations(
  kind: SessionChangeKind,
  nominations: readonly NominationAtChange[],
): ConcernedNominations {
  const concerned = {
    participants: [] as string[],
    nations: new Map<string, NominationAtChange[]>(),
  };
  if (kind === 'announced') return concerned;
  for (const n of nominations) {
    const followed = kind === 'cancelled' ? isLive(n.status) : FOLLOWED.has(n.status);
    if (!followed) continue;
    if (n.status === 'selected') concerned.participants.push(n.id);
    concerned.nations.set(n.nationCode, [...(concerned.nations.get(n.nationCode) ?? []), n]);
  }
  return concerned;
}
