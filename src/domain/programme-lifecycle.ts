import type { ProgrammeStatus } from '../contract/programmes.js';

/**
 * A programme's life: drafted together by the nation and the centre, proposed, agreed by the
 * centre, then active until closed. A proposal can go back to draft for more work.
 */
const NEXT: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  draft: ['proposed'],
  proposed: ['draft', 'agreed'],
  agreed: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

/** Who may make a move: the nation's NPOC or the centre, only those who agree, only the centre. */
export type TransitionAuthority = 'nation-or-centre' | 'agree' | 'centre';

export function allowedProgrammeTransitions(from: ProgrammeStatus): readonly ProgrammeStatus[] {
  return NEXT[from];
}

export function canTransitionProgramme(from: ProgrammeStatus, to: ProgrammeStatus): boolean {
  return NEXT[from].includes(to);
}

export function transitionAuthority(to: ProgrammeStatus): TransitionAuthority {
  if (to === 'proposed' || to === 'draft') return 'nation-or-centre';
  if (to === 'agreed') return 'agree';
  return 'centre';
}

export interface ProgrammeActor {
  /** Registrar or administrator. */
  centre: boolean;
  canAgree: boolean;
  canEdit: boolean;
}

/** The moves this actor may make from `from`. */
export function transitionsFor(from: ProgrammeStatus, actor: ProgrammeActor): ProgrammeStatus[] {
  return NEXT[from].filter((to) => {
    const authority = transitionAuthority(to);
    if (authority === 'nation-or-centre') return actor.canEdit || actor.centre;
    if (authority === 'agree') return actor.canAgree;
    return actor.centre;
  });
}

/**
 * How the outline may change: freely while draft (nation and centre together); after agreement
 * only by the centre, as a revision with a reason; not at all while proposed or once closed.
 */
export function outlineEditMode(
  status: ProgrammeStatus,
  actor: ProgrammeActor,
): 'free' | 'revision' | 'none' {
  if (status === 'draft') return actor.canEdit ? 'free' : 'none';
  if ((status === 'agreed' || status === 'active') && actor.centre) return 'revision';
  return 'none';
}

/** Agreed and active programmes are the ones nominations can serve. */
export function isInForce(status: ProgrammeStatus): boolean {
  return status === 'agreed' || status === 'active';
}
