import type { SessionStatus } from '../contract/sessions.js';

/**
 * The life of a session: draft -> announced (nominations open) -> nominations closed ->
 * confirmed -> in progress -> completed; cancelled from any state before completed.
 * Announced and closed may step back one state, for a window reopened by the registrar.
 */
const NEXT: Record<SessionStatus, readonly SessionStatus[]> = {
  draft: ['announced', 'cancelled'],
  announced: ['nominations-closed', 'draft', 'cancelled'],
  'nominations-closed': ['confirmed', 'announced', 'cancelled'],
  confirmed: ['in-progress', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** The states a session may move to from `from`. */
export function allowedTransitions(from: SessionStatus): readonly SessionStatus[] {
  return NEXT[from];
}

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return NEXT[from].includes(to);
}

/** Completed and cancelled sessions are history: their details can no longer change. */
export function isEditable(status: SessionStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}

/** Nation-scoped users never see drafts: a session exists for them once announced. */
export function isPublished(status: SessionStatus): boolean {
  return status !== 'draft';
}
