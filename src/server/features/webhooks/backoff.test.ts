import { describe, expect, it } from 'vitest';
import { WebhookUrl } from '../../../contract/webhooks.js';
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelayMs } from './backoff.js';

describe('webhook retries', () => {
  it('follows the Standard Webhooks schedule, spread by at most 10 %, then gives up', () => {
    const middle = Array.from({ length: MAX_WEBHOOK_ATTEMPTS }, (_, i) =>
      webhookRetryDelayMs(i + 1, 0.5),
    );
    expect(middle).toEqual([
      5_000,
      300_000,
      1_800_000,
      7_200_000,
      18_000_000,
      36_000_000,
      36_000_000,
      null,
    ]);
    expect(webhookRetryDelayMs(1, 0)).toBe(4_500);
    expect(webhookRetryDelayMs(1, 0.999_999)).toBe(5_500);
  });
});

describe('webhook addresses', () => {
  it.each([
    ['https://hooks.example.org/rabita', true],
    ['https://10.0.0.5:8443/in', true],
    ['http://localhost:3000/hooks', true],
    ['http://127.0.0.1:9/x', true],
    ['http://[::1]:9/x', true],
    ['http://hooks.example.org/x', false],
    ['https://169.254.169.254/latest/meta-data', false],
    ['https://[fe80::1]/x', false],
    ['https://[::ffff:169.254.169.254]/x', false],
    ['https://user:secret@hooks.example.org/x', false],
    ['https://hooks.example.org/x#part', false],
    ['not a url', false],
  ])('%s: %s', (url, accepted) => {
    expect(WebhookUrl.safeParse(url).success).toBe(accepted);
  });
});
