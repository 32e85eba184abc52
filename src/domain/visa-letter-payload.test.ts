import { describe, expect, it } from 'vitest';
import {
  buildVisaLetterPayload,
  letterVerificationUrl,
  sameLetterContent,
  type VisaLetterFacts,
} from './visa-letter-payload.js';

const facts: VisaLetterFacts = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  sessionLanguage: 'en',
  issuer: {
    name: { en: 'NATO-ICI Regional Centre', ar: 'المركز الإقليمي' },
    city: 'Kuwait City',
    country: { en: 'Kuwait', ar: 'الكويت', fr: 'Koweït' },
  },
  participant: {
    givenNamesLatin: 'Khalid',
    familyNameLatin: 'Al-Thani',
    givenNamesArabic: 'خالد',
    familyNameArabic: 'آل ثاني',
    rankTitle: 'Major',
    passportNumber: 'Q1234567',
    nationality: { en: 'Qatar', ar: 'قطر', fr: 'Qatar' },
    dateOfBirth: null,
  },
  session: {
    code: 'CBRN-2026-01',
    activityTitle: { en: 'CBRN Awareness', fr: 'Sensibilisation NRBC' },
    startDate: '2026-03-08',
    endDate: '2026-03-12',
    venueName: { en: 'Kuwait City', ar: 'مدينة الكويت' },
  },
  issuedOn: '2026-02-01',
};

describe('visa letter payload', () => {
  it('prints English and Arabic, Arabic falling back to English where a text has none', () => {
    const p = buildVisaLetterPayload(facts);
    expect(p.languages).toEqual(['en', 'ar']);
    expect(p.participant.passportName).toBe('KHALID AL-THANI');
    expect(p.participant.arabicName).toBe('خالد آل ثاني');
    expect(p.session.activityTitle).toEqual({ en: 'CBRN Awareness', ar: 'CBRN Awareness' });
    expect(p.issuer.address).toEqual({ en: 'Kuwait City, Kuwait', ar: 'Kuwait City، الكويت' });
    expect('fr' in p.session.venue).toBe(false);
  });

  it('adds French for a session given in French', () => {
    const p = buildVisaLetterPayload({ ...facts, sessionLanguage: 'fr' });
    expect(p.languages).toEqual(['en', 'ar', 'fr']);
    expect(p.session.activityTitle.fr).toBe('Sensibilisation NRBC');
    expect(p.session.venue.fr).toBe('Kuwait City');
  });

  it('tells a change of content from a new id or issue date', () => {
    const a = buildVisaLetterPayload(facts);
    const b = buildVisaLetterPayload({ ...facts, id: 'B'.repeat(22), issuedOn: '2026-02-02' });
    expect(sameLetterContent(a, b)).toBe(true);
    const c = buildVisaLetterPayload({
      ...facts,
      participant: { ...facts.participant, passportNumber: 'Q7654321' },
    });
    expect(sameLetterContent(a, c)).toBe(false);
  });

  it('points the QR code at the public letter page', () => {
    expect(letterVerificationUrl('https://r.example/', 'abc')).toBe(
      'https://r.example/verify/letter/abc',
    );
  });
});
