import { isPassportName } from '../../../contract/person-names.js';
import type {
  IssuedVisaLetter,
  LecturerLetterRow,
  PrintedVisaLetter,
  SessionLecturerLetters,
} from '../../../contract/visa-letters.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { buildVisaLetterPayload, sameLetterContent } from '../../../domain/visa-letter-payload.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { currentSigningKey } from '../certificates/keys.js';
import { signBytes, signedBytes } from '../certificates/signing.js';
import type { ServiceContext } from '../context.js';
import { sendLecturerLetter } from './lecturer-notify.js';
import * as lq from './lecturer-queries.js';
import { auditView, presentLetter, printedOf } from './presenters.js';
import * as q from './queries.js';
import { newLetterId, revokeLetter, revokeReplacedLetter } from './replacement.js';

type Blocker = LecturerLetterRow['missing'][number];

/** What a lecturer's record lacks before a letter can print. */
function blockersOf(subject: lq.LecturerSubject): Blocker[] {
  const missing: Blocker[] = [];
  const name = subject.lecturer.passportName?.trim() ?? '';
  if (!name || !isPassportName(name)) missing.push('passport-name');
  if (!subject.lecturer.passportNumber?.trim()) missing.push('passport-number');
  if (!subject.nationality) missing.push('nationality');
  return missing;
}

async function payloadFor(
  ctx: ServiceContext,
  subject: lq.LecturerSubject,
  id: string,
  now: Date,
): Promise<PrintedVisaLetter> {
  const head = (await q.selectLetterhead(ctx.tx)) ?? {
    name: { en: 'Training centre' },
    city: null,
    country: null,
  };
  const { lecturer } = subject;
  return buildVisaLetterPayload({
    id,
    sessionLanguage: subject.session.language,
    issuer: { name: head.name, city: head.city, country: head.country ?? { en: '' } },
    participant: {
      // The registry keeps the passport's name whole: printed as it is, family name included.
      givenNamesLatin: lecturer.passportName?.trim() ?? '',
      familyNameLatin: '',
      givenNamesArabic: lecturer.nameArabic,
      familyNameArabic: null,
      rankTitle: lecturer.title,
      passportNumber: lecturer.passportNumber?.trim() ?? '',
      nationality: subject.nationality ?? { en: '' },
      dateOfBirth: null,
    },
    session: {
      code: subject.session.code,
      activityTitle: subject.activity.title,
      startDate: subject.session.startDate,
      endDate: subject.session.endDate,
      venueName: subject.venue.name,
    },
    issuedOn: dateIn(now, subject.venue.timeZone),
    invitedAs: subject.role,
  });
}

/** A session's lecturers, each with their live letter and what is missing before one. */
export async function listLecturerLetters(
  ctx: ServiceContext,
  code: string,
): Promise<SessionLecturerLetters> {
  const subjects = await lq.selectLecturerSubjects(ctx.tx, { sessionCode: code });
  const sessionId = subjects[0]?.session.id;
  const live = sessionId ? await lq.selectLiveLecturerLetters(ctx.tx, sessionId) : [];
  const byAssignment = new Map(live.map((l) => [l.sessionLecturerId, l]));
  return {
    sessionCode: code,
    rows: subjects.map((s) => {
      const letter = byAssignment.get(s.assignmentId);
      return {
        assignmentId: s.assignmentId,
        lecturerId: s.lecturer.id,
        nameLatin: s.lecturer.nameLatin,
        kind: s.lecturer.kind,
        role: s.role,
        missing: blockersOf(s),
        letter: letter ? presentLetter(letter) : null,
        hasEmail: !!s.lecturer.email?.trim(),
        sentTo: letter?.emailedTo ?? null,
      };
    }),
  };
}

/**
 * Issues the invitation letter of a lecturer assigned to a session, from the registry's passport
 * data, signed and verifiable like a participant's. A live letter that says the same is returned
 * as it is; one whose data changed is revoked and replaced. Without a passport name, number or
 * nationality nothing is written: 422 `lecturer_passport_missing`. No nation reads it: the
 * centre e-mails it to the lecturer (see `sendLecturerLetter`); a letter that could not be sent
 * for want of an e-mail is sent when it is issued again once the registry has one.
 */
export async function issueLecturerLetter(
  ctx: ServiceContext,
  code: string,
  assignmentId: string,
  now = new Date(),
): Promise<IssuedVisaLetter> {
  const [subject] = await lq.selectLecturerSubjects(
    ctx.tx,
    { sessionCode: code, assignmentId },
    true,
  );
  if (!subject) throw notFound('The lecturer assignment');
  const missing = blockersOf(subject);
  if (missing.length > 0) {
    throw new AppError(
      422,
      'lecturer_passport_missing',
      `The invitation letter of ${subject.lecturer.nameLatin} needs ${missing.join(', ')} first; enter it on their record in the lecturer registry.`,
      missing.map((m) => ({
        field:
          m === 'nationality'
            ? 'nationalityCode'
            : m === 'passport-name'
              ? 'passportName'
              : 'passportNumber',
        message: 'is missing',
        code: 'lecturer_passport_missing',
      })),
      undefined,
      { missing },
    );
  }
  const existing = await lq.selectLiveLetterOfAssignment(ctx.tx, assignmentId);
  const id = newLetterId();
  const payload = await payloadFor(ctx, subject, id, now);
  if (existing && sameLetterContent(printedOf(existing), payload)) {
    const sentTo = existing.emailedTo ?? (await sendLecturerLetter(ctx, subject, existing));
    if (sentTo && !existing.emailedTo) {
      await recordAudit(ctx, {
        action: 'visa-letter.sent',
        entityType: 'visa-letter',
        entityId: existing.id,
        after: { ...auditView(existing), emailedTo: sentTo },
      });
    }
    return { outcome: 'unchanged', letter: presentLetter(existing), sentTo };
  }
  if (existing) await revokeReplacedLetter(ctx, existing);
  const key = await currentSigningKey(ctx.tx, now);
  const row = await q.insertLetter(ctx.tx, {
    id,
    sessionLecturerId: assignmentId,
    sessionId: subject.session.id,
    nationCode: null,
    payload,
    signature: signBytes(key.privateKey, signedBytes(payload)),
    keyId: key.id,
    issuedAt: now,
    issuedBy: ctx.actor.id,
  });
  const sentTo = await sendLecturerLetter(ctx, subject, row);
  await recordAudit(ctx, {
    action: 'visa-letter.issued',
    entityType: 'visa-letter',
    entityId: id,
    after: { ...auditView(row), replaces: existing?.id ?? null, emailedTo: sentTo },
  });
  return { outcome: existing ? 'reissued' : 'issued', letter: presentLetter(row), sentTo };
}

/**
 * Revokes the live letter of an assignment about to be removed: a consulate that checks it then
 * reads "revoked", as for a replaced letter, and the row outlives the assignment. Audited;
 * returns the revoked letter's id, or null when there was none.
 */
export async function revokeLetterOfAssignment(
  ctx: ServiceContext,
  assignmentId: string,
): Promise<string | null> {
  const live = await lq.selectLiveLetterOfAssignment(ctx.tx, assignmentId);
  if (!live) return null;
  await revokeLetter(ctx, live, 'The lecturer was taken off the session.');
  return live.id;
}
