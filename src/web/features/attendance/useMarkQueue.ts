import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttendanceMark, AttendanceRoster } from '../../../contract/index.js';
import { isApiError } from '../../lib/api.js';
import { attendanceKeys, sendMarks } from './api.js';
import {
  applyMine,
  enqueue,
  keepTheirs,
  keyOf,
  type LocalState,
  loadLocal,
  type PendingMark,
  saveLocal,
  settle,
} from './queue.js';

const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The server's marks with those it just accepted or reported, so the roster shows them. */
function mergeMarks(roster: AttendanceRoster, marks: AttendanceMark[]): AttendanceRoster {
  const byKey = new Map(roster.marks.map((m) => [keyOf(m), m]));
  for (const mark of marks) byKey.set(keyOf(mark), mark);
  return { ...roster, marks: [...byKey.values()] };
}

/**
 * The roster's marks as this device holds them: written to local storage first, sent when the
 * browser is online (at once, on the 'online' event, and on a backoff while sending fails),
 * and settled against the server's answer, conflicts kept for the user to decide.
 */
export function useMarkQueue(sessionCode: string) {
  const queryClient = useQueryClient();
  const online = useOnline();
  const [state, setState] = useState<LocalState>(() => loadLocal(localStorage, sessionCode));
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const stateRef = useRef(state);
  const inFlight = useRef(false);

  const update = useCallback(
    (change: (s: LocalState) => LocalState) => {
      const next = change(stateRef.current);
      stateRef.current = next;
      saveLocal(localStorage, sessionCode, next);
      setState(next);
    },
    [sessionCode],
  );

  const flush = useCallback(async () => {
    const batch = stateRef.current.pending;
    if (inFlight.current || batch.length === 0 || !navigator.onLine) return;
    inFlight.current = true;
    setSending(true);
    try {
      const answer = await sendMarks(sessionCode, batch.slice(0, 2000));
      update((s) => settle(s, batch, answer));
      queryClient.setQueryData<AttendanceRoster>(attendanceKeys.roster(sessionCode), (roster) =>
        roster
          ? mergeMarks(
              roster,
              answer.results.map((r) => r.mark),
            )
          : roster,
      );
      setFailure(null);
      setAttempt(0);
    } catch (error) {
      setFailure(error);
      // A refused batch (closed results, a removed participant) will not pass by retrying.
      if (!isApiError(error) || error.status === 0 || error.status >= 500) {
        setAttempt((n) => n + 1);
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }, [queryClient, sessionCode, update]);

  // Send whenever there is something to send and the browser is online.
  useEffect(() => {
    if (online && state.pending.length > 0 && attempt === 0) void flush();
  }, [online, state.pending, attempt, flush]);

  // While sending fails for want of a connection or server, try again with a growing delay.
  useEffect(() => {
    if (attempt === 0 || !online) return;
    const delay = RETRY_MS[Math.min(attempt - 1, RETRY_MS.length - 1)];
    const timer = window.setTimeout(() => void flush(), delay);
    return () => window.clearTimeout(timer);
  }, [attempt, online, flush]);

  // Coming back online sends at once rather than waiting for the backoff.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) setAttempt(0);
    wasOnline.current = online;
  }, [online]);

  return {
    state,
    online,
    sending,
    failure,
    mark: (mark: PendingMark) => update((s) => enqueue(s, mark)),
    markMany: (marks: PendingMark[]) => update((s) => marks.reduce(enqueue, s)),
    keepTheirs: (key: string) => update((s) => keepTheirs(s, key)),
    applyMine: (key: string) => update((s) => applyMine(s, key)),
    /** Forgets marks the server refuses for good (e.g. results closed meanwhile). */
    discardPending: () => update((s) => ({ ...s, pending: [] })),
    sendNow: () => {
      setAttempt(0);
      void flush();
    },
  };
}
