import { z } from 'zod';
import { EventRole } from './catalogue.js';
import { IsoDate, IsoDateTime, LocalizedText, Uuid } from './common.js';
import { SessionCode } from './sessions.js';
import { text } from './text.js';
import { NationCode } from './users.js';

/** A role to hold on an event, a visit or an exercise; 422 `role_not_allowed` on another kind. */
export const RoleRequest = z.strictObject({ role: EventRole });
export type RoleRequest = z.infer<typeof RoleRequest>;

/**
 * The centre invites people of one nation by name: one person, or a delegation (several, one of
 * them `head-of-delegation`). Each invitation is a nomination in the `invited` state.
 */
export const InvitationRequest = z.strictObject({
  invitees: z
    .array(z.strictObject({ participantId: Uuid, role: EventRole }))
    .min(1)
    .max(40)
    .refine((list) => new Set(list.map((i) => i.participantId)).size === list.length, {
      message: 'a person is listed twice',
    }),
  /** A line for the nation, kept as the invitation's motivation. */
  message: text().trim().max(2000).nullable().default(null),
});
export type InvitationRequest = z.input<typeof InvitationRequest>;

/** The answer to an invitation: accepting takes a seat, declining gives it back. */
export const RsvpRequest = z.strictObject({
  answer: z.enum(['accept', 'decline']),
  /** Why the nation declines, for the centre; optional. */
  reason: text().trim().min(1).max(2000).optional(),
});
export type RsvpRequest = z.infer<typeof RsvpRequest>;

/** The centre takes back an invitation, pending or accepted; the nation reads why. */
export const InvitationWithdrawal = z.strictObject({
  reason: text().trim().min(1).max(2000),
});
export type InvitationWithdrawal = z.infer<typeof InvitationWithdrawal>;

/** Where an invitation stands: awaiting the answer, accepted (a seat held), declined, withdrawn. */
export const RSVP_STATES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const RsvpState = z.enum(RSVP_STATES);
export type RsvpState = z.infer<typeof RsvpState>;

export const Invitation = z
  .object({
    nominationId: Uuid,
    sessionCode: SessionCode,
    activityTitle: LocalizedText,
    startDate: IsoDate,
    endDate: IsoDate,
    nationCode: NationCode,
    participantId: Uuid,
    participantName: z.object({ latin: z.string(), arabic: z.string().nullable() }),
    rankTitle: z.string().nullable(),
    role: EventRole,
    rsvp: RsvpState,
    invitedAt: IsoDateTime,
    /** When the nation last answered; null while pending. */
    answeredAt: IsoDateTime.nullable(),
    message: z.string().nullable(),
    /** The answers the reader may give now. */
    answers: z.array(z.enum(['accept', 'decline'])),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z.object({ items: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;
