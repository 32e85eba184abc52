import type {
  AttendanceBatchResult,
  AttendanceMark,
  AttendanceMarkInput,
  AttendanceStatus,
} from '../../../contract/index.js';

/** A mark made on this device and not yet accepted by the server. */
export type PendingMark = AttendanceMarkInput;

/** A mark the server refused because someone else changed it first: mine against theirs. */
export interface MarkConflict {
  nominationId: string;
  day: string;
  mine: AttendanceStatus;
  theirs: AttendanceMark;
}

/** What this device holds for one session: unsent marks and unresolved conflicts. */
export interface LocalState {
  pending: PendingMark[];
  conflicts: MarkConflict[];
}

export const EMPTY_STATE: LocalState = { pending: [], conflicts: [] };

export const keyOf = (mark: { nominationId: string; day: string }) =>
  `${mark.nominationId}|${mark.day}`;

/**
 * Queues a mark. A second change to the same person and day replaces the first but keeps the
 * version the first was built on: the server has not seen either, so that is still the base.
 * A new mark settles a conflict on that cell (the user has decided again).
 */
export function enqueue(state: LocalState, mark: PendingMark): LocalState {
  const key = keyOf(mark);
  const earlier = state.pending.find((p) => keyOf(p) === key);
  const next: PendingMark = earlier ? { ...mark, baseVersion: earlier.baseVersion } : mark;
  return {
    pending: [...state.pending.filter((p) => keyOf(p) !== key), next],
    conflicts: state.conflicts.filter((c) => keyOf(c) !== key),
  };
}

/**
 * Folds the server's answer to a sent batch into the local state. Applied and unchanged marks
 * leave the queue; conflicts move to the conflict list. A cell changed again while the batch
 * was in flight stays queued, rebased on the version the server now holds.
 */
export function settle(
  state: LocalState,
  sent: readonly PendingMark[],
  answer: AttendanceBatchResult,
): LocalState {
  const sentByKey = new Map(sent.map((m) => [keyOf(m), m]));
  let pending = [...state.pending];
  let conflicts = [...state.conflicts];
  for (const result of answer.results) {
    const key = keyOf(result);
    const was = sentByKey.get(key);
    const now = pending.find((p) => keyOf(p) === key);
    if (!was || !now) continue;
    const untouched = now.status === was.status && now.baseVersion === was.baseVersion;
    if (result.status !== 'conflict' && !untouched) {
      pending = pending.map((p) =>
        keyOf(p) === key ? { ...p, baseVersion: result.mark.version } : p,
      );
      continue;
    }
    pending = pending.filter((p) => keyOf(p) !== key);
    if (result.status === 'conflict') {
      // The latest status chosen here is the one to weigh against theirs.
      conflicts = [
        ...conflicts.filter((c) => keyOf(c) !== key),
        {
          nominationId: result.nominationId,
          day: result.day,
          mine: now.status,
          theirs: result.mark,
        },
      ];
    }
  }
  return { pending, conflicts };
}

/** Keeps the other person's mark: the conflict is dropped, nothing is sent. */
export function keepTheirs(state: LocalState, key: string): LocalState {
  return { ...state, conflicts: state.conflicts.filter((c) => keyOf(c) !== key) };
}

/** Re-sends my mark, built this time on the version I have now seen. */
export function applyMine(state: LocalState, key: string): LocalState {
  const conflict = state.conflicts.find((c) => keyOf(c) === key);
  if (!conflict) return state;
  return enqueue(state, {
    nominationId: conflict.nominationId,
    day: conflict.day,
    status: conflict.mine,
    baseVersion: conflict.theirs.version,
  });
}

/** The status a cell shows: what this device has queued, else what the server holds. */
export function shownStatus(
  serverMark: AttendanceMark | undefined,
  pending: PendingMark | undefined,
): AttendanceStatus | null {
  return pending?.status ?? serverMark?.status ?? null;
}

const storageKey = (sessionCode: string) => `rabita.attendance.${sessionCode}`;

function isState(value: unknown): value is LocalState {
  const v = value as LocalState | null;
  return Boolean(v) && Array.isArray(v?.pending) && Array.isArray(v?.conflicts);
}

/** The session's local state as last saved on this device (survives a reload or a crash). */
export function loadLocal(storage: Storage, sessionCode: string): LocalState {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(sessionCode)) ?? 'null');
    return isState(parsed) ? parsed : EMPTY_STATE;
  } catch {
    return EMPTY_STATE;
  }
}

export function saveLocal(storage: Storage, sessionCode: string, state: LocalState): void {
  if (state.pending.length === 0 && state.conflicts.length === 0) {
    storage.removeItem(storageKey(sessionCode));
  } else {
    storage.setItem(storageKey(sessionCode), JSON.stringify(state));
  }
}
