import { describe, expect, it } from 'vitest';
import {
  buildCertificatePayload,
  type CertificateFacts,
  canonicalJson,
  verificationUrl,
} from './certificate-payload.js';

describe('canonical JSON (RFC 8785)', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    ['text', '"text"'],
    [0, '0'],
    [-0, '0'],
    [1e21, '1e+21'],
    [1.5, '1.5'],
    [[1, 'a', null], '[1,"a",null]'],
    [{}, '{}'],
    ['\u2028 "quoted" \\ é', '"\u2028 \\"quoted\\" \\\\ é"'],
    ['\u0007', '"\\u0007"'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts members by UTF-16 code units, at every depth, without white space', () => {
    const value = { b: 1, a: { z: [3, { y: 2, x: 1 }], '€': 1, '\r': 2, '1': 3, é: 4 } };
    expect(canonicalJson(value)).toBe(
      '{"a":{"\\r":2,"1":3,"z":[3,{"x":1,"y":2}],"é":4,"€":1},"b":1}',
    );
  });

  it('follows the RFC 8785 sorting example (code units, not code points)', () => {
    // RFC 8785, 3.2.3: U+1F600 (a surrogate pair starting 0xD83D) sorts before U+FB33.
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the values in written order (JSON.parse would put the integer-like key first).
    const written = [...canonicalJson(value).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(written).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('gives the same text whatever order the members came in', () => {
    expect(canonicalJson({ a: 1, b: [1, 2] })).toBe(canonicalJson({ b: [1, 2], a: 1 }));
  });

  it('leaves out undefined members and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});

const facts: CertificateFacts = {
  id: 'AbCdEfGhIjKlMnOpQrStUv',
  sessionLanguage: 'en',
  participant: {
    givenNamesLatin: 'Salem',
    familyNameLatin: 'Al-Ali',
    givenNamesArabic: 'العقيد سالم',
    familyNameArabic: '٤٢',
  },
  activity: {
    code: 'CTM-CT-2839',
    title: { en: 'Counter-terrorism', fr: 'Contre-terrorisme', ar: 'مكافحة الإرهاب' },
    type: 'course',
  },
  award: 'completion',
  session: {
    code: 'M5-66-A-24',
    startDate: '2027-03-07',
    endDate: '2027-03-11',
    venueName: { en: 'Regional Centre', ar: 'المركز الإقليمي' },
  },
  issuedOn: '2027-03-12',
  issuerName: { en: 'Regional Centre', fr: 'Centre régional', ar: 'المركز الإقليمي' },
};

describe('certificate payload', () => {
  it('holds exactly what is printed, English with Arabic by default', () => {
    expect(buildCertificatePayload(facts)).toEqual({
      id: 'AbCdEfGhIjKlMnOpQrStUv',
      languages: ['en', 'ar'],
      award: 'completion',
      participant: { latin: 'Salem Al-Ali', arabic: 'العقيد سالم ٤٢' },
      activity: {
        code: 'CTM-CT-2839',
        title: { en: 'Counter-terrorism', other: 'مكافحة الإرهاب' },
        type: 'course',
      },
      session: {
        code: 'M5-66-A-24',
        startDate: '2027-03-07',
        endDate: '2027-03-11',
        venue: { en: 'Regional Centre', other: 'المركز الإقليمي' },
      },
      issuedOn: '2027-03-12',
      issuer: { en: 'Regional Centre', other: 'المركز الإقليمي' },
    });
  });

  it('prints French beside English for a session given in French, the Arabic name still', () => {
    const payload = buildCertificatePayload({ ...facts, sessionLanguage: 'fr' });
    expect(payload.languages).toEqual(['en', 'fr']);
    expect(payload.activity.title.other).toBe('Contre-terrorisme');
    expect(payload.session.venue.other).toBeNull();
    expect(payload.issuer.other).toBe('Centre régional');
    expect(payload.participant.arabic).toBe('العقيد سالم ٤٢');
  });

  it('has a null Arabic name when none is known, and trims the parts', () => {
    const payload = buildCertificatePayload({
      ...facts,
      participant: {
        givenNamesLatin: ' Jean ',
        familyNameLatin: 'Dupont',
        givenNamesArabic: null,
        familyNameArabic: '  ',
      },
    });
    expect(payload.participant).toEqual({ latin: 'Jean Dupont', arabic: null });
  });

  it('carries no field beyond the printed ones', () => {
    expect(Object.keys(buildCertificatePayload(facts)).sort()).toEqual([
      'activity',
      'award',
      'id',
      'issuedOn',
      'issuer',
      'languages',
      'participant',
      'session',
    ]);
  });
});

describe('certificate of attendance', () => {
  const event = {
    ...facts,
    activity: { ...facts.activity, type: 'dialogue-event' as const },
    award: 'attendance' as const,
  };

  it.each([
    ['head-of-delegation', 'head-of-delegation'],
    ['speaker', 'speaker'],
    ['participant', undefined],
    [null, undefined],
  ] as const)('prints the role %s as %s', (role, printed) => {
    expect(buildCertificatePayload({ ...event, role }).role).toBe(printed);
  });

  it('says attendance and the type, and prints no role on a certificate of completion', () => {
    const payload = buildCertificatePayload({ ...facts, role: 'speaker' });
    expect(payload.role).toBeUndefined();
    expect(buildCertificatePayload(event)).toMatchObject({
      award: 'attendance',
      activity: { type: 'dialogue-event' },
    });
  });
});

describe('verification address', () => {
  it('joins the public address and the id without a double slash', () => {
    expect(verificationUrl('https://rabita.example/', 'abc_-1')).toBe(
      'https://rabita.example/verify/abc_-1',
    );
  });
});
