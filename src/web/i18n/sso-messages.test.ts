import { describe, expect, it } from 'vitest';
import { SSO_REFUSALS } from '../../contract/index.js';
import { messages } from './resources.js';

type Tree = { [key: string]: string | Tree };

describe('single sign-on refusals', () => {
  for (const [language, tree] of Object.entries(messages)) {
    it(`each has a message in ${language}`, () => {
      const refused = ((tree as Tree).sso as Tree | undefined)?.refused as Tree | undefined;
      for (const refusal of SSO_REFUSALS) {
        expect(typeof refused?.[refusal], `${language}: sso.refused.${refusal}`).toBe('string');
      }
    });
  }
});
