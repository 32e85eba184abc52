import { queryOptions } from '@tanstack/react-query';
import type {
  EventRole,
  Invitation,
  InvitationList,
  InvitationRequest,
  InvitationWithdrawal,
  Nomination,
  RsvpRequest,
} from '../../../contract/index.js';
import { api, withQuery } from '../../lib/api.js';

export const invitationKeys = { all: ['invitations'] as const };

/** The invitations the reader may see: of one session, or all (a nation's, a person's own). */
export const invitationsQuery = (session?: string) =>
  queryOptions({
    queryKey: [...invitationKeys.all, session ?? 'all'] as const,
    queryFn: ({ signal }) =>
      api<InvitationList>(withQuery('/api/v1/invitations', { session }), { signal }),
  });

export const inviteToSession = (code: string, body: InvitationRequest) =>
  api<InvitationList>(`/api/v1/sessions/${encodeURIComponent(code)}/invitations`, {
    method: 'POST',
    body,
  });

export const answerInvitation = (id: string, body: RsvpRequest) =>
  api<Invitation>(`/api/v1/invitations/${encodeURIComponent(id)}/rsvp`, { method: 'POST', body });

export const setEventRole = (id: string, role: EventRole) =>
  api<Nomination>(`/api/v1/nominations/${encodeURIComponent(id)}/role`, {
    method: 'PUT',
    body: { role },
  });

/** The centre takes back a pending or accepted invitation; the nation reads the reason. */
export const withdrawInvitation = (id: string, body: InvitationWithdrawal) =>
  api<Invitation>(`/api/v1/invitations/${encodeURIComponent(id)}/withdraw`, {
    method: 'POST',
    body,
  });
