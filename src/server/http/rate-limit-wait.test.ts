import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/app.js';
import { expectProblem } from '../../../test/support/problem.js';

describe('a rate-limited answer', () => {
  it('says how long to wait, in the Retry-After header and in the problem', async () => {
    const t = await createTestApp({ signInAttemptsPerWindow: 1 });
    try {
      const request = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset/request',
          payload: { email: 'someone@test.example' },
        });
      expect((await request()).statusCode).toBe(202);
      const limited = await request();
      const problem = expectProblem(limited, 429, 'rate_limited') as { retryAfter?: number };
      // The password-reset window is 15 minutes.
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(850);
      expect(problem.retryAfter).toBe(Number(limited.headers['retry-after']));
    } finally {
      await t.close();
    }
  });
});
