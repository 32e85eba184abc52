import { and, inArray, sql } from 'drizzle-orm';
import { nominations } from '../db/schema/index.js';
import type { ServiceContext } from '../features/context.js';
import { inviteToSession } from '../features/nominations/invitations.js';
import { answerInvitation } from '../features/nominations/rsvp.js';
import { AppError } from '../http/errors.js';

interface Dates {
  startDate: string;
  endDate: string;
}

/** The demo's hand-out of each nation's people in turn (see `rotation` in nominations.ts). */
export interface Turns {
  pick(nationCode: string, count: number, dates: Dates): string[];
  seated(id: string, dates: Dates): void;
}

/**
 * A session whose seats are by invitation (the Gulf dialogue) gets what the centre does there:
 * each nation's delegation of two invited by name through the service, its head accepting (a
 * seat taken) and its delegate's answer still awaited. The centre invites only people the
 * course's rules admit, so the demo's rules test holds for every seat.
 */
export async function inviteDelegations(
  ctx: ServiceContext,
  session: Dates & { code: string },
  turns: Turns,
  now: Date,
): Promise<void> {
  for (const nationCode of ['KWT', 'QAT', 'BHR', 'ARE']) {
    const [head, delegate] = turns.pick(nationCode, 2, session);
    if (!head || !delegate) continue;
    try {
      // A savepoint: a refusal must not abort the whole demo transaction.
      await ctx.tx.transaction(async (sp) => {
        const inner = { ...ctx, tx: sp };
        const invited = await inviteToSession(
          inner,
          session.code,
          {
            invitees: [
              { participantId: head, role: 'head-of-delegation' },
              { participantId: delegate, role: 'delegate' },
            ],
            message: null,
          },
          now,
        );
        const unfit = await sp
          .select({ id: nominations.id })
          .from(nominations)
          .where(
            and(
              inArray(
                nominations.id,
                invited.map((i) => i.nominationId),
              ),
              sql`not (${nominations.eligibility}->>'eligible')::boolean`,
            ),
          );
        if (unfit.length > 0) throw new AppError(422, 'not_eligible', 'not invited in the demo');
        const [first] = invited;
        if (first) await answerInvitation(inner, first.nominationId, { answer: 'accept' }, now);
      });
      turns.seated(head, session);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
}
