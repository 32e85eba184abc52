import { isPassportName } from '../../../contract/person-names.js';
import type {
  IssuedVisaLetter,
  PrintedVisaLetter,
  SessionVisaLetters,
  VisaLetterRow,
} from '../../../contract/visa-letters.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { buildVisaLetterPayload, sameLetterContent } from '../../../domain/visa-letter-payload.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { currentSigningKey } from '../certificates/keys.js';
import { signBytes, signedBytes } from '../certificates/signing.js';
import type { ServiceContext } from '../context.js';
import { selectSession } from '../sessions/queries.js';
import { announceLetter } from './notify.js';
import { auditView, presentLetter, printedOf } from './presenters.js';
import * as q from './queries.js';
import { newLetterId, revokeReplacedLetter } from './replacement.js';

type Blocker = VisaLetterRow['missing'][number];

/** What a subject lacks before a letter can print: a passport number, a passport name. */
function blockersOf(subject: q.LetterSubject): Blocker[] {
  const missing: Blocker[] = [];
  if (!subject.passportNumber?.trim()) missing.push('passport-number');
  const { givenNamesLatin, familyNameLatin } = subject.participant;
  if (!isPassportName(familyNameLatin.trim()) || !isPassportName(givenNamesLatin.trim())) {
    missing.push('passport-name');
  }
  return missing;
}

type Letterhead = NonNullable<Awaited<ReturnType<typeof q.selectLetterhead>>>;

async function letterhead(ctx: ServiceContext): Promise<Letterhead> {
  return (
    (await q.selectLetterhead(ctx.tx)) ?? {
      name: { en: 'Training centre' },
      city: null,
      country: null,
    }
  );
}

/** The letter a subject's data would print now, with this id and issue date. */
function payloadFor(
  subject: q.LetterSubject,
  head: Letterhead,
  id: string,
  now: Date,
): PrintedVisaLetter {
  return buildVisaLetterPayload({
    id,
    sessionLanguage: subject.session.language,
    issuer: { name: head.name, city: head.city, country: head.country ?? { en: '' } },
    participant: {
      ...subject.participant,
      passportNumber: subject.passportNumber?.trim() ?? '',
      nationality: subject.nationName,
    },
    session: {
      code: subject.session.code,
      activityTitle: subject.activity.title,
      startDate: subject.session.startDate,
      endDate: subject.session.endDate,
      venueName: subject.venue.name,
    },
    issuedOn: dateIn(now, subject.venue.timeZone),
  });
}

const isCentreStaff = (ctx: ServiceContext) => ctx.actor.permissions.has('visa-letters.issue');

/**
 * A session's selected participants within the reader's nation scope, each with their live
 * letter, whether it is out of date, and what is missing before one can be issued. An NPOC whose
 * nation has nobody selected on the session is told the session does not exist.
 */
export async function listSessionLetters(
  ctx: ServiceContext,
  code: string,
): Promise<SessionVisaLetters> {
  const found = await selectSession(ctx.tx, ctx.actor.scope, code);
  if (!found) throw notFound(`The session ${code}`);
  const subjects = (
    await q.selectLetterSubjects(ctx.tx, { sessionId: found.session.id, scope: ctx.actor.scope })
  ).filter((s) => s.nominationStatus === 'selected');
  if (ctx.actor.scope.kind === 'nation' && subjects.length === 0) {
    throw notFound(`The session ${code}`);
  }
  const live = new Map(
    (await q.selectLiveLetters(ctx.tx, found.session.id, ctx.actor.scope)).map((l) => [
      l.nominationId,
      l,
    ]),
  );
  const head = await letterhead(ctx);
  const now = new Date();
  return {
    sessionCode: found.session.code,
    canIssue: isCentreStaff(ctx),
    rows: subjects.map((s) => {
      const letter = live.get(s.nominationId);
      const missing = blockersOf(s);
      return {
        nominationId: s.nominationId,
        nationCode: s.nationCode,
        familyNameLatin: s.participant.familyNameLatin,
        givenNamesLatin: s.participant.givenNamesLatin,
        nameArabic:
          [s.participant.givenNamesArabic, s.participant.familyNameArabic]
            .filter(Boolean)
            .join(' ') || null,
        requested:
          s.visaLetterRequested === 'yes' || s.visaLetterRequested === 'no'
            ? s.visaLetterRequested
            : null,
        missing,
        letter: letter ? presentLetter(letter) : null,
        outdated:
          letter !== undefined &&
          (missing.length > 0 ||
            !sameLetterContent(printedOf(letter), payloadFor(s, head, letter.id, now))),
      };
    }),
  };
}

/**
 * Issues the visa letter of one selected participant, signed like a certificate, and sends it
 * to their nation's NPOCs. A live letter that still says the same is returned as it is; one
 * whose data changed is revoked (the public page then says so) and a new one issued. Without a
 * passport number or a passport name nothing is written: 422 `passport_data_missing`.
 */
export async function issueLetter(
  ctx: ServiceContext,
  nominationId: string,
  now = new Date(),
): Promise<IssuedVisaLetter> {
  const [subject] = await q.selectLetterSubjects(
    ctx.tx,
    { nominationId, scope: ctx.actor.scope },
    true,
  );
  if (!subject) throw notFound('The nomination');
  if (subject.nominationStatus !== 'selected') {
    throw conflict(
      'not_selected',
      `A visa letter is issued once a nomination is selected; this one is ${subject.nominationStatus}.`,
    );
  }
  const missing = blockersOf(subject);
  if (missing.length > 0) {
    throw new AppError(
      422,
      'passport_data_missing',
      `The visa letter needs ${missing.join(' and ')} first; enter it on the participant's logistics or record.`,
      undefined,
      undefined,
      { missing },
    );
  }
  const head = await letterhead(ctx);
  const existing = await q.selectLiveLetterOf(ctx.tx, nominationId);
  const id = newLetterId();
  const payload = payloadFor(subject, head, id, now);
  if (existing && sameLetterContent(printedOf(existing), payload)) {
    return { outcome: 'unchanged', letter: presentLetter(existing) };
  }
  if (existing) await revokeReplacedLetter(ctx, existing);
  const key = await currentSigningKey(ctx.tx, now);
  // The nomination is locked above, so no other issue of its letter runs meanwhile.
  const row = await q.insertLetter(ctx.tx, {
    id,
    nominationId,
    sessionId: subject.session.id,
    nationCode: subject.nationCode,
    payload,
    signature: signBytes(key.privateKey, signedBytes(payload)),
    keyId: key.id,
    issuedAt: now,
    issuedBy: ctx.actor.id,
  });
  await recordAudit(ctx, {
    action: 'visa-letter.issued',
    entityType: 'visa-letter',
    entityId: id,
    after: { ...auditView(row), replaces: existing?.id ?? null },
  });
  await announceLetter(ctx, subject, row);
  return { outcome: existing ? 'reissued' : 'issued', letter: presentLetter(row) };
}
