import type { ActivityType } from '../../../contract/catalogue.js';
import type {
  Session,
  SessionStatus,
  SessionTransitionRequest,
} from '../../../contract/sessions.js';
import { allowedTransitions, canTransition } from '../../../domain/session-lifecycle.js';
import { AppError, invalid } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { notifyCatalogueChanged } from '../catalogue/cache.js';
import type { ServiceContext } from '../context.js';
import { endNominationsOfCancelledSession } from '../nominations/session-changes.js';
import { closeAttendanceOnCompletion } from '../results/service.js';
import { recordSessionChange } from './changes/record.js';
import * as q from './queries.js';
import { getSession, loadSession } from './service.js';

/** Moves a session along its life cycle; an illegal move names the moves that are legal. */
export async function transitionSession(
  ctx: ServiceContext,
  code: string,
  request: SessionTransitionRequest,
): Promise<Session> {
  const { session, activity } = await loadSession(ctx, code, true);
  const from = session.status as SessionStatus;
  if (!canTransition(from, request.to)) {
    const allowed = allowedTransitions(from);
    const options = allowed.length > 0 ? allowed.join(', ') : 'nothing (it is final)';
    throw new AppError(
      409,
      'invalid_transition',
      `A session cannot go from ${from} to ${request.to}. From ${from} a session can go to: ${options}.`,
      [{ field: 'to', message: `must be one of: ${options}`, code: 'invalid_transition' }],
      undefined,
      { allowed },
    );
  }
  const reason = request.reason?.trim() || null;
  if (request.to === 'cancelled' && !reason) {
    throw invalid('reason', 'is required to cancel a session', 'reason_required');
  }
  await q.updateSession(ctx.tx, session.id, {
    status: request.to,
    ...(request.to === 'cancelled' ? { cancelReason: reason } : {}),
  });
  const staff = {
    directorId: session.directorId,
    instructorIds: (await q.selectInstructors(ctx.tx, session.id)).map((i) => i.id),
  };
  const change = { sessionId: session.id, staff: { before: staff, after: staff } };
  const status = [{ field: 'status' as const, before: from, after: request.to }];
  let ended = 0;
  if (request.to === 'cancelled' && reason) {
    // Every live nomination ends with the session, its seat released; then everyone is told.
    const nominations = await endNominationsOfCancelledSession(ctx, session.id, reason);
    ended = nominations.length;
    await recordSessionChange(ctx, {
      ...change,
      kind: 'cancelled',
      changes: status,
      reason,
      nominations,
    });
  } else if (request.to === 'announced') {
    await recordSessionChange(ctx, { ...change, kind: 'announced', changes: status });
  } else if (request.to === 'completed') {
    await closeAttendanceOnCompletion(ctx, session, activity.type as ActivityType);
  }
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'session.transitioned',
    entityType: 'session',
    entityId: session.id,
    before: { status: from },
    after: {
      status: request.to,
      ...(reason ? { reason } : {}),
      ...(ended > 0 ? { nominationsEnded: ended } : {}),
    },
  });
  return getSession(ctx, code);
}
