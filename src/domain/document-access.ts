import type { DocumentAudience } from '../contract/documents.js';

/**
 * What is known of one reader for one document owner (an activity or a session). Computed by
 * the documents feature's queries; judged here.
 */
export interface DocumentReaderFacts {
  /** An administrator or registrar: the centre's own staff. */
  centreStaff: boolean;
  /** The session's director or one of its instructors (of an activity: any director or instructor). */
  ownerStaff: boolean;
  /** A national point of contact whose nation has a quota or a submitted nomination there. */
  participatingNpoc: boolean;
  /** A participant selected there (of an activity: on any of its sessions). */
  selectedParticipant: boolean;
}

/** A reader who is nobody in particular: someone not signed in, or a stranger to the owner. */
export const NO_FACTS: DocumentReaderFacts = {
  centreStaff: false,
  ownerStaff: false,
  participatingNpoc: false,
  selectedParticipant: false,
};

/**
 * The audiences whose documents a reader may read. Staff read everything; a selected participant
 * reads what is for participants; the NPOC of a participating nation reads what is for nations;
 * anyone reads public documents.
 */
export function readableAudiences(facts: DocumentReaderFacts): DocumentAudience[] {
  if (facts.centreStaff || facts.ownerStaff) return ['staff', 'participants', 'nations', 'public'];
  const audiences: DocumentAudience[] = [];
  if (facts.selectedParticipant) audiences.push('participants');
  if (facts.participatingNpoc) audiences.push('nations');
  audiences.push('public');
  return audiences;
}

/** Whether a reader with these facts may read a document for this audience. */
export function mayReadDocument(audience: DocumentAudience, facts: DocumentReaderFacts): boolean {
  return readableAudiences(facts).includes(audience);
}
