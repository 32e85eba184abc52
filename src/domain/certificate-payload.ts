import type { ActivityType, CertificateAward, EventRole } from '../contract/catalogue.js';
import type { PrintedCertificate } from '../contract/certificates.js';

/**
 * What a certificate says, exactly as printed: the signature covers this and nothing more, so
 * the public verification page can show all of it without leaking anything else.
 */
export type CertificatePayload = PrintedCertificate;
type BilingualText = PrintedCertificate['issuer'];

/** The facts a payload is made of, as stored (names in parts, texts in up to three languages). */
export interface CertificateFacts {
  id: string;
  sessionLanguage: string;
  participant: {
    givenNamesLatin: string;
    familyNameLatin: string;
    givenNamesArabic: string | null;
    familyNameArabic: string | null;
  };
  activity: { code: string; title: Texts; type: ActivityType };
  /** Completion for a course, attendance for an event or an exercise (activity-kinds.ts). */
  award: CertificateAward;
  /** The holder's role on an event; printed unless it is plain "participant". */
  role?: EventRole | null;
  session: { code: string; startDate: string; endDate: string; venueName: Texts };
  issuedOn: string;
  issuerName: Texts;
}

type Texts = { en: string; fr?: string; ar?: string };

const joinName = (...parts: (string | null | undefined)[]) =>
  parts
    .map((p) => p?.trim() ?? '')
    .filter(Boolean)
    .join(' ');

/**
 * The payload of a certificate: English plus Arabic, or plus French when the session is given
 * in French. The participant's name is always printed in both scripts when both are known.
 */
export function buildCertificatePayload(facts: CertificateFacts): CertificatePayload {
  const other = facts.sessionLanguage === 'fr' ? 'fr' : 'ar';
  const pick = (texts: Texts): BilingualText => ({
    en: texts.en,
    other: texts[other]?.trim() || null,
  });
  const arabic = joinName(facts.participant.givenNamesArabic, facts.participant.familyNameArabic);
  return {
    id: facts.id,
    languages: ['en', other],
    award: facts.award,
    participant: {
      latin: joinName(facts.participant.givenNamesLatin, facts.participant.familyNameLatin),
      arabic: arabic || null,
    },
    ...(facts.award === 'attendance' && facts.role && facts.role !== 'participant'
      ? { role: facts.role }
      : {}),
    activity: {
      code: facts.activity.code,
      title: pick(facts.activity.title),
      type: facts.activity.type,
    },
    session: {
      code: facts.session.code,
      startDate: facts.session.startDate,
      endDate: facts.session.endDate,
      venue: pick(facts.session.venueName),
    },
    issuedOn: facts.issuedOn,
    issuer: pick(facts.issuerName),
  };
}

/**
 * RFC 8785 (JSON Canonicalization Scheme): object members sorted by their UTF-16 code units,
 * no white space, strings and numbers written as ECMAScript's JSON.stringify writes them. The
 * same value always gives the same bytes, whatever order a database returned its keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** The public verification address printed in the QR code. */
export function verificationUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(id)}`;
}
