import type { z } from 'zod';
import type {
  DuplicateCandidate,
  HeldLanguageProfile,
  Participant,
  ParticipantDetail,
  ParticipantInput,
  ParticipantListQuery,
  ParticipantUpdate,
} from '../../../contract/participants.js';
import { canSeeNation } from '../../../domain/access.js';
import type { FieldProblem } from '../../../domain/field-problem.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { duplicateReasons } from './names.js';
import { presentDuplicate, presentParticipant, presentParticipantDetail } from './presenters.js';
import * as q from './queries.js';

/** As the route's schema hands them over: defaults applied, text trimmed. */
type CreateInput = z.output<typeof ParticipantInput>;
type UpdateInput = z.output<typeof ParticipantUpdate>;

function rejectIfAny(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    400,
    'validation_failed',
    problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    [...problems],
  );
}

/** Rules that span fields: one profile per language, an expiry only with a clearance. */
function recordProblems(record: {
  languageProfiles: readonly HeldLanguageProfile[];
  clearanceLevel: string;
  clearanceExpiresOn: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  record.languageProfiles.forEach((p, index) => {
    if (seen.has(p.language)) {
      problems.push({
        field: `languageProfiles.${index}.language`,
        message: `${p.language} is listed twice`,
        code: 'duplicate_language',
      });
    }
    seen.add(p.language);
  });
  if (record.clearanceLevel === 'NONE' && record.clearanceExpiresOn !== null) {
    problems.push({
      field: 'clearanceExpiresOn',
      message: 'needs a clearance level',
      code: 'expiry_without_clearance',
    });
  }
  return problems;
}

/** One page of the people the reader may see, by Latin family name. */
export async function listParticipants(
  ctx: ServiceContext,
  query: ParticipantListQuery,
): Promise<{ items: Participant[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  const rows = await q.selectParticipants(ctx.tx, ctx.actor.scope, query, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentParticipant),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.familyNameLatin, last.id]) : null,
  };
}

async function loadParticipant(ctx: ServiceContext, id: string, lock = false) {
  const row = await q.selectParticipant(ctx.tx, ctx.actor.scope, id, lock);
  if (!row) throw notFound('The person');
  return row;
}

/** One person with their training history; another nation's person is "not found". */
export async function getParticipant(ctx: ServiceContext, id: string): Promise<ParticipantDetail> {
  const row = await loadParticipant(ctx, id);
  return presentParticipantDetail(row, await q.selectHistory(ctx.tx, row.id));
}

/** Existing people of the nation who look like the one being created. */
async function possibleDuplicates(
  ctx: ServiceContext,
  input: CreateInput,
): Promise<DuplicateCandidate[]> {
  const email = input.email?.trim() || null;
  const rows = await q.selectDuplicateCandidates(
    ctx.tx,
    input.nationCode,
    email,
    input.dateOfBirth,
  );
  return rows.flatMap((row) => {
    const reasons = duplicateReasons({ ...input, email }, row);
    return reasons.length > 0 ? [presentDuplicate(row, reasons)] : [];
  });
}

/**
 * Registers a person for their nation. A nation-scoped user can only register their own
 * nation's people: naming another nation is "not found", as reading one would be. A likely
 * duplicate is refused with the records it resembles until the caller confirms.
 */
export async function createParticipant(
  ctx: ServiceContext,
  input: CreateInput,
): Promise<ParticipantDetail> {
  if (!canSeeNation(ctx.actor.scope, input.nationCode)) {
    throw notFound(`The nation ${input.nationCode}`);
  }
  const problems = recordProblems(input);
  if (!(await q.nationExists(ctx.tx, input.nationCode))) {
    problems.unshift({
      field: 'nationCode',
      message: `no partner nation has the code ${input.nationCode}`,
      code: 'unknown_nation',
    });
  }
  rejectIfAny(problems);
  if (!input.confirmNotDuplicate) {
    const existing = await possibleDuplicates(ctx, input);
    if (existing.length > 0) {
      throw new AppError(
        409,
        'possible_duplicate',
        `${existing.length} person(s) of ${input.nationCode} may be the same person. Check them, then send again with confirmNotDuplicate to create anyway.`,
        undefined,
        undefined,
        { existing },
      );
    }
  }
  const { confirmNotDuplicate, ...fields } = input;
  const row = await q.insertParticipant(ctx.tx, fields);
  const created = presentParticipantDetail(row, []);
  await recordAudit(ctx, {
    action: 'participant.created',
    entityType: 'participant',
    entityId: row.id,
    after: { ...presentParticipant(row), ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}) },
  });
  return created;
}

/** Edits a person's record; the nation a person belongs to does not change. */
export async function updateParticipant(
  ctx: ServiceContext,
  id: string,
  input: UpdateInput,
): Promise<ParticipantDetail> {
  const row = await loadParticipant(ctx, id, true);
  rejectIfAny(
    recordProblems({
      languageProfiles: input.languageProfiles ?? row.languageProfiles,
      clearanceLevel: input.clearanceLevel ?? row.clearanceLevel,
      clearanceExpiresOn:
        input.clearanceExpiresOn !== undefined ? input.clearanceExpiresOn : row.clearanceExpiresOn,
    }),
  );
  const changes = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<UpdateInput>;
  const updated = await q.updateParticipant(ctx.tx, row.id, changes);
  await recordAudit(ctx, {
    action: 'participant.updated',
    entityType: 'participant',
    entityId: row.id,
    before: presentParticipant(row),
    after: presentParticipant(updated),
  });
  return presentParticipantDetail(updated, await q.selectHistory(ctx.tx, row.id));
}
