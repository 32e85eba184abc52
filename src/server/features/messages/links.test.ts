import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/secrets.js';
import { LINK_MASK, maskSecretLinks, sealSecretLinks, secretLinksIn } from './links.js';

const RESET = 'Xk3p9QwZr7LmN2vB8sT4yH6jD1fG5cA0eU-oI_qWzRk';
const SURVEY = 'T2ZmaWNlci1zdXBlcnZpc29yLWxpbmstMDA3';

describe('one-time links in a message', () => {
  it.each([
    [`https://rabita.example/password/${RESET}`, `https://rabita.example/password/${LINK_MASK}`],
    [
      `see https://r.example/centre/survey/${SURVEY}.`,
      `see https://r.example/centre/survey/${LINK_MASK}.`,
    ],
    [`<https://r.example/password/${RESET}>`, `<https://r.example/password/${LINK_MASK}>`],
    // Pages reached signed in, or public by design, carry no secret: left as they are.
    ['https://r.example/surveys/answer/0b6f1c2e-1d0c-4c55-9c1b-3f1f1a2b3c4d', null],
    ['https://r.example/verify/0b6f1c2e-1d0c-4c55-9c1b-3f1f1a2b3c4d', null],
    ['https://r.example/nominations/0b6f1c2e', null],
    [`already masked: /password/${LINK_MASK}`, null],
  ])('masks %s', (text, masked) => {
    expect(maskSecretLinks(text)).toBe(masked ?? text);
  });

  it('finds each secret once, in order, with its page', () => {
    const text = `/survey/${SURVEY} then /password/${RESET} and again /survey/${SURVEY}`;
    expect(secretLinksIn(text)).toEqual([
      { page: 'survey', token: SURVEY },
      { page: 'password', token: RESET },
    ]);
    expect(secretLinksIn(maskSecretLinks(text))).toEqual([]);
  });

  it('seals a message: the text masked, each secret only as its hash', () => {
    const sealed = sealSecretLinks({
      subject: 'Your link',
      body: `Choose a password: https://r.example/password/${RESET}`,
    });
    expect(sealed).toEqual({
      subject: 'Your link',
      body: `Choose a password: https://r.example/password/${LINK_MASK}`,
      sealed: [{ page: 'password', tokenHash: hashToken(RESET) }],
    });
    expect(JSON.stringify(sealed)).not.toContain(RESET);
  });
});
