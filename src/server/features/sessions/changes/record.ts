import type {
  NominationAtChange,
  SessionChangeKind,
  SessionFieldChange,
} from '../../../../domain/session-changes.js';
import type { ChangeAudience } from '../../../db/schema/index.js';
import { SYSTEM_ACTOR_ID } from '../../audit/record.js';
import type { ServiceContext } from '../../context.js';
import { nominationsAtChange } from '../../nominations/session-changes.js';
import { emitSessionChange } from '../../webhooks/events.js';
import { dispatchSessionChange } from './dispatch.js';
import * as q from './queries.js';

/** The staff of a session at one moment: who directs it, who teaches. */
export interface Staff {
  directorId: string | null;
  instructorIds: readonly string[];
}

export interface RecordedChange {
  sessionId: string;
  kind: SessionChangeKind;
  changes: SessionFieldChange[];
  reason?: string | null;
  /** The staff before and after; both the same when the change leaves them. */
  staff: { before: Staff; after: Staff };
  /** The nominations as they were, when the change itself moved them (a cancellation). */
  nominations?: NominationAtChange[];
}

function staffAudience({ before, after }: RecordedChange['staff']): ChangeAudience['staff'] {
  const roleIn = (staff: Staff, id: string) =>
    staff.directorId === id ? 'director' : staff.instructorIds.includes(id) ? 'instructor' : null;
  const ids = new Set(
    [before.directorId, ...before.instructorIds, after.directorId, ...after.instructorIds].filter(
      (id): id is string => id !== null,
    ),
  );
  return [...ids].map((userId) => {
    const now = roleIn(after, userId);
    return { userId, role: now ?? roleIn(before, userId) ?? 'instructor', staysOn: now !== null };
  });
}

/**
 * Writes a change to a published session in the caller's transaction (the session row is
 * locked), with the people it concerns as they are now, and hands it to the job that tells
 * them (and, for an update or a cancellation, to the `session.changed` or `session.cancelled`
 * webhook event). Every kind but an announcement raises the session's calendar sequence, so the
 * invitations the job sends replace the ones people hold. Returns the change's id.
 */
export async function recordSessionChange(
  ctx: ServiceContext,
  input: RecordedChange,
): Promise<string> {
  const sequence =
    input.kind === 'announced'
      ? await q.selectCalendarSequence(ctx.tx, input.sessionId)
      : await q.bumpCalendarSequence(ctx.tx, input.sessionId);
  const nominations =
    input.kind === 'announced'
      ? []
      : (input.nominations ?? (await nominationsAtChange(ctx, input.sessionId)));
  const row = await q.insertChange(ctx.tx, {
    sessionId: input.sessionId,
    kind: input.kind,
    changes: input.changes,
    reason: input.reason ?? null,
    calendarSequence: sequence,
    audience: { nominations, staff: input.kind === 'announced' ? [] : staffAudience(input.staff) },
    // The system acts with no user row behind it.
    actorId: ctx.actor.id === SYSTEM_ACTOR_ID ? null : ctx.actor.id,
  });
  await dispatchSessionChange(ctx.tx, row.id);
  await emitSessionChange(ctx.tx, {
    sessionId: input.sessionId,
    kind: input.kind,
    changes: input.changes,
    reason: input.reason ?? null,
    nominations,
  });
  return row.id;
}
