import { describe, expect, it } from 'vitest';
import type { DocumentAudience } from '../contract/documents.js';
import { type DocumentReaderFacts, mayReadDocument, NO_FACTS } from './document-access.js';

const reader = (facts: Partial<DocumentReaderFacts>) => ({ ...NO_FACTS, ...facts });

describe('who may read a document', () => {
  const cases: [string, DocumentReaderFacts, Record<DocumentAudience, boolean>][] = [
    [
      'a registrar',
      reader({ centreStaff: true }),
      { staff: true, participants: true, nations: true, public: true },
    ],
    [
      "the session's director",
      reader({ ownerStaff: true }),
      { staff: true, participants: true, nations: true, public: true },
    ],
    [
      'a selected participant',
      reader({ selectedParticipant: true }),
      { staff: false, participants: true, nations: false, public: true },
    ],
    [
      "a participating nation's NPOC",
      reader({ participatingNpoc: true }),
      { staff: false, participants: false, nations: true, public: true },
    ],
    ['anyone else', NO_FACTS, { staff: false, participants: false, nations: false, public: true }],
  ];
  for (const [who, facts, expected] of cases) {
    it(who, () => {
      for (const [audience, may] of Object.entries(expected)) {
        expect(mayReadDocument(audience as DocumentAudience, facts), audience).toBe(may);
      }
    });
  }
});
