import type {
  EligibilityCheckResult,
  NominationStatus,
  SelectionBoard,
} from '../../../contract/nominations.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../context.js';
import { plannedLabels } from '../programmes/links.js';
import { selectSession } from '../sessions/queries.js';
import { eligibilityOf, selectSessionFacts } from './eligibility.js';
import { presentNominationSummary } from './presenters.js';
import * as q from './queries.js';
import { roomOf, waitlistPlaces } from './waitlist.js';

const PENDING: NominationStatus[] = ['submitted', 'waitlisted'];

/**
 * Everything the centre needs to decide on one session: seats per nation quota (given and
 * still pending), the open pool, every nomination with its flags, the waitlist in its order.
 * For registrars and the session's own course director.
 */
export async function selectionBoard(ctx: ServiceContext, code: string): Promise<SelectionBoard> {
  const row = await selectSession(ctx.tx, ctx.actor.scope, code);
  if (!row) throw notFound(`The session ${code}`);
  const centre = ctx.actor.roles.some((r) => r === 'administrator' || r === 'registrar');
  if (!centre && row.session.directorId !== ctx.actor.id) throw forbidden();

  const nominations = await q.selectSessionNominations(ctx.tx, row.session.id);
  const { quotas, session } = await roomOf(ctx.tx, row.session.id);
  const places = await waitlistPlaces(
    ctx.tx,
    row.session.id,
    nominations.map((n) => n.nomination).filter((n) => n.status === 'waitlisted'),
  );
  const pendingBy = new Map<string, number>();
  for (const { nomination } of nominations) {
    if (PENDING.includes(nomination.status as NominationStatus)) {
      pendingBy.set(nomination.nationCode, (pendingBy.get(nomination.nationCode) ?? 0) + 1);
    }
  }
  const links = await plannedLabels(
    ctx.tx,
    nominations.flatMap((n) =>
      n.nomination.plannedActivityId ? [n.nomination.plannedActivityId] : [],
    ),
  );
  const summaries = nominations
    .map((n) => ({
      ...presentNominationSummary(n, ctx.actor, places.get(n.nomination.id) ?? null),
      plannedActivity: links.get(n.nomination.plannedActivityId ?? '') ?? null,
    }))
    .sort(
      (a, b) =>
        (a.waitlist?.position ?? Number.MAX_SAFE_INTEGER) -
          (b.waitlist?.position ?? Number.MAX_SAFE_INTEGER) ||
        a.nationCode.localeCompare(b.nationCode) ||
        (a.priority ?? 999) - (b.priority ?? 999),
    );
  // Nations without a quota still compete for the pool; show their pending count too.
  const nationsWithoutQuota = [...pendingBy.keys()].filter(
    (nation) => !quotas.some((quota) => quota.nationCode === nation),
  );
  return {
    sessionCode: code,
    capacity: session.capacity,
    seatsTaken: session.seatsTaken,
    pool: { seats: session.capacity - session.quotaTotal, taken: session.poolTaken },
    quotasReleased: session.quotasReleasedAt !== null,
    promotionPaused: session.promotionPaused,
    quotas: [
      ...quotas.map((quota) => ({
        nationCode: quota.nationCode,
        seats: quota.seats,
        taken: quota.taken,
        pending: pendingBy.get(quota.nationCode) ?? 0,
      })),
      ...nationsWithoutQuota.map((nationCode) => ({
        nationCode,
        seats: 0,
        taken: 0,
        pending: pendingBy.get(nationCode) ?? 0,
      })),
    ],
    nominations: summaries,
  };
}

/**
 * The person picker's question: would each of these people be eligible for this session?
 * Only the reader's own nation's people are evaluated; others are silently left out.
 */
export async function checkEligibility(
  ctx: ServiceContext,
  sessionCode: string,
  participantIds: readonly string[],
  now = new Date(),
): Promise<EligibilityCheckResult> {
  const row = await selectSession(ctx.tx, ctx.actor.scope, sessionCode);
  if (!row) throw notFound(`The session ${sessionCode}`);
  const session = await selectSessionFacts(ctx.tx, row.session.id);
  const items: EligibilityCheckResult['items'] = [];
  for (const id of participantIds.slice(0, 50)) {
    const person = await q.selectParticipant(ctx.tx, id);
    if (!person) continue;
    if (ctx.actor.scope.kind === 'nation' && person.nationCode !== ctx.actor.scope.nationCode) {
      continue;
    }
    const existing = await q.selectLiveNomination(ctx.tx, session.id, id);
    items.push({
      participantId: id,
      eligibility: await eligibilityOf(ctx.tx, session, person, now),
      existing: existing ? { id: existing.id, status: existing.status as NominationStatus } : null,
    });
  }
  return { items };
}
