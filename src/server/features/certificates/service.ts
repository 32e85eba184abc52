import { randomBytes } from 'node:crypto';
import type {
  Certificate,
  IssueOutcome,
  MyCertificate,
  RevokeRequest,
  SessionCertificates,
} from '../../../contract/certificates.js';
import { ResultStatus } from '../../../contract/delivery.js';
import { buildCertificatePayload } from '../../../domain/certificate-payload.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { isUniqueViolation } from '../../db/errors.js';
import { conflict, notFound } from '../../http/errors.js';
import { countCertificatesIssued } from '../../metrics/process-metrics.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { selectSession } from '../sessions/queries.js';
import { emitCertificateEvent } from '../webhooks/events.js';
import { assertMayIssue, certificateListScope } from './access.js';
import { currentSigningKey } from './keys.js';
import { announceCertificates, type IssuedCertificate } from './notify.js';
import { auditView, presentCertificate, presentMyCertificate } from './presenters.js';
import * as q from './queries.js';
import { signBytes, signedBytes } from './signing.js';

async function loadSession(ctx: ServiceContext, code: string, lock = false) {
  const row = await selectSession(ctx.tx, ctx.actor.scope, code, lock);
  if (!row) throw notFound(`The session ${code}`);
  return row.session;
}

const isCompleted = (c: q.Candidate) =>
  c.nominationStatus === 'selected' && c.result === 'completed';

/** A new certificate id: 16 random bytes, URL-safe, not guessable from any other. */
const newCertificateId = () => randomBytes(16).toString('base64url');

/**
 * Signs and stores one certificate for a completed nomination, with its audit record. The
 * payload is built from what is stored now and frozen: later edits to names or titles do not
 * change an issued certificate.
 */
async function issueFor(
  ctx: ServiceContext,
  candidate: q.Candidate,
  context: { issuerName: NonNullable<Awaited<ReturnType<typeof q.selectIssuerName>>>; now: Date },
): Promise<q.CertificateRow> {
  const key = await currentSigningKey(ctx.tx, context.now);
  const id = newCertificateId();
  const payload = buildCertificatePayload({
    id,
    sessionLanguage: candidate.session.language,
    participant: candidate.participant,
    activity: candidate.activity,
    session: { ...candidate.session, venueName: candidate.venue.name },
    issuedOn: dateIn(context.now, candidate.venue.timeZone),
    issuerName: context.issuerName,
  });
  let row: q.CertificateRow;
  try {
    row = await q.insertCertificate(ctx.tx, {
      id,
      nominationId: candidate.nominationId,
      payload,
      signature: signBytes(key.privateKey, signedBytes(payload)),
      keyId: key.id,
      issuedAt: context.now,
      issuedBy: ctx.actor.id,
    });
  } catch (error) {
    // The nominations are locked first, so only a caller that skipped the lock gets here.
    if (isUniqueViolation(error)) {
      throw conflict('already_certified', 'This participant already holds a valid certificate.');
    }
    throw error;
  }
  await recordAudit(ctx, {
    action: 'certificate.issued',
    entityType: 'certificate',
    entityId: id,
    after: auditView(row),
  });
  await emitCertificateEvent(ctx.tx, 'certificate.issued', id);
  return row;
}

async function issuerName(ctx: ServiceContext) {
  return (await q.selectIssuerName(ctx.tx)) ?? { en: 'Training centre' };
}

/** Every selected participant of a session, their result and their certificate, for staff. */
export async function listSessionCertificates(
  ctx: ServiceContext,
  code: string,
): Promise<SessionCertificates> {
  const session = await loadSession(ctx, code);
  const teaches = await q.isSessionInstructor(ctx.tx, session.id, ctx.actor.id);
  const scope = certificateListScope(ctx.actor, session, teaches);
  const candidates = (await q.selectCandidates(ctx.tx, { sessionId: session.id, scope })).filter(
    (c) => c.nominationStatus === 'selected',
  );
  // Newest first, so the first one met per nomination is its live one, else its last.
  const byNomination = new Map<string, q.CertificateRow>();
  for (const { certificate } of await q.selectSessionCertificates(ctx.tx, session.id)) {
    const seen = byNomination.get(certificate.nominationId);
    if (!seen || (seen.revokedAt && !certificate.revokedAt)) {
      byNomination.set(certificate.nominationId, certificate);
    }
  }
  const rows = candidates.map((c) => {
    const certificate = byNomination.get(c.nominationId);
    const parsed = ResultStatus.safeParse(c.result);
    return {
      nominationId: c.nominationId,
      nationCode: c.nationCode,
      familyNameLatin: c.participant.familyNameLatin,
      givenNamesLatin: c.participant.givenNamesLatin,
      nameArabic:
        [c.participant.givenNamesArabic, c.participant.familyNameArabic]
          .filter(Boolean)
          .join(' ') || null,
      result: parsed.success ? parsed.data : null,
      certificate: certificate ? presentCertificate(certificate) : null,
    };
  });
  return {
    sessionCode: session.code,
    rows,
    issuable: rows.filter(
      (r) => r.result === 'completed' && (!r.certificate || r.certificate.revokedAt !== null),
    ).length,
  };
}

/**
 * Issues a certificate to every selected participant of the session who completed it and
 * holds no valid one yet, in one transaction, and tells each of them. The nominations are
 * locked, so two clicks at once cannot certify (or tell) anyone twice.
 */
export async function issueSessionCertificates(
  ctx: ServiceContext,
  code: string,
  now = new Date(),
): Promise<IssueOutcome> {
  const session = await loadSession(ctx, code);
  assertMayIssue(ctx.actor, session);
  const candidates = await q.selectCandidates(
    ctx.tx,
    { sessionId: session.id, scope: { kind: 'all' } },
    true,
  );
  const live = new Set(
    (await q.selectLiveCertificates(ctx.tx, session.id)).map((r) => r.certificate.nominationId),
  );
  const context = { issuerName: await issuerName(ctx), now };
  const outcome: IssueOutcome = { issued: [], alreadyCertified: 0, notCompleted: 0 };
  const issued: IssuedCertificate[] = [];
  for (const candidate of candidates) {
    if (candidate.nominationStatus !== 'selected') continue;
    if (!isCompleted(candidate)) outcome.notCompleted += 1;
    else if (live.has(candidate.nominationId)) outcome.alreadyCertified += 1;
    else issued.push({ candidate, certificate: await issueFor(ctx, candidate, context) });
  }
  await announceCertificates(ctx, issued);
  countCertificatesIssued(issued.length);
  outcome.issued = issued.map((i) => presentCertificate(i.certificate));
  return outcome;
}

/**
 * Issues the certificate of one nomination and tells its holder; it must be selected and
 * completed.
 */
export async function issueNominationCertificate(
  ctx: ServiceContext,
  nominationId: string,
  now = new Date(),
): Promise<Certificate> {
  const [candidate] = await q.selectCandidates(
    ctx.tx,
    { nominationId, scope: ctx.actor.scope },
    true,
  );
  if (!candidate) throw notFound('The nomination');
  assertMayIssue(ctx.actor, { directorId: candidate.session.directorId });
  if (!isCompleted(candidate)) {
    throw conflict(
      'not_completed',
      'A certificate is issued only to a selected participant whose result is completed.',
    );
  }
  const live = await q.selectLiveCertificates(ctx.tx, candidate.session.id);
  if (live.some((r) => r.certificate.nominationId === nominationId)) {
    throw conflict('already_certified', 'This participant already holds a valid certificate.');
  }
  const row = await issueFor(ctx, candidate, { issuerName: await issuerName(ctx), now });
  await announceCertificates(ctx, [{ candidate, certificate: row }]);
  countCertificatesIssued(1);
  return presentCertificate(row);
}

/**
 * Revokes a certificate with a reason. The public page then says revoked; the row and its
 * signature stay, and a new certificate may be issued to the same participant.
 */
export async function revokeCertificate(
  ctx: ServiceContext,
  id: string,
  input: RevokeRequest,
): Promise<Certificate> {
  const found = await q.selectCertificate(ctx.tx, id, true);
  if (
    !found ||
    (ctx.actor.scope.kind === 'nation' && found.nationCode !== ctx.actor.scope.nationCode)
  ) {
    throw notFound('The certificate');
  }
  if (found.certificate.revokedAt) {
    throw conflict('already_revoked', 'This certificate is already revoked.');
  }
  const row = await q.markRevoked(ctx.tx, id, ctx.actor.id, input.reason);
  if (!row) throw conflict('already_revoked', 'This certificate is already revoked.');
  await recordAudit(ctx, {
    action: 'certificate.revoked',
    entityType: 'certificate',
    entityId: id,
    before: auditView(found.certificate),
    after: auditView(row),
  });
  await emitCertificateEvent(ctx.tx, 'certificate.revoked', id);
  return presentCertificate(row);
}

/** The caller's own certificates, as a participant: revoked ones say so. */
export async function listMyCertificates(ctx: ServiceContext): Promise<MyCertificate[]> {
  const rows = await q.selectCertificatesOfUser(ctx.tx, ctx.actor.id);
  return rows.map((r) => presentMyCertificate(r.certificate));
}
