import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/resources.js';
import { waitMessage, waitText } from './wait.js';

async function translator(lng: 'en' | 'fr' | 'ar') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { [lng]: { translation: messages[lng] } },
    lng,
    interpolation: { escapeValue: false },
  });
  return instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string;
}

describe('how long to wait after too many attempts', () => {
  it('says the real wait in English, in minutes or seconds', async () => {
    const t = await translator('en');
    expect(waitMessage('rate_limited', { retryAfter: 900 }, t)).toBe(
      'Too many attempts. Try again in 15 minutes.',
    );
    expect(waitMessage('rate_limited', { retryAfter: 45 }, t)).toBe(
      'Too many attempts. Try again in 45 seconds.',
    );
    expect(waitText(60, t)).toBe('one minute');
    expect(waitText(61, t)).toBe('2 minutes');
    expect(waitMessage('sign_in_delayed', { retryAfter: 120 }, t)).toContain(
      'Try again in 2 minutes;',
    );
  });

  it('uses the plural forms of French and Arabic', async () => {
    const fr = await translator('fr');
    expect(waitText(900, fr)).toBe('15 minutes');
    expect(waitText(60, fr)).toBe('une minute');
    const ar = await translator('ar');
    expect(waitText(60, ar)).toBe('دقيقة واحدة');
    expect(waitText(120, ar)).toBe('دقيقتين');
    expect(waitText(300, ar)).toBe('5 دقائق');
    expect(waitText(900, ar)).toBe('15 دقيقة');
    expect(waitMessage('rate_limited', { retryAfter: 900 }, ar)).toBe(
      'محاولات كثيرة جدًا. أعد المحاولة بعد 15 دقيقة.',
    );
  });

  it('leaves other problems, and a wait the server did not give, to the usual sentence', async () => {
    const t = await translator('en');
    expect(waitMessage('rate_limited', {}, t)).toBeNull();
    expect(waitMessage('forbidden', { retryAfter: 30 }, t)).toBeNull();
  });
});
