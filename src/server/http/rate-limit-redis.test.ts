import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, startAnotherServer, type TestApp } from '../../../test/support/app.js';
import { expectProblem } from '../../../test/support/problem.js';
import { startRedis, type TestRedis } from '../../../test/support/redis.js';
import { loadConfig } from '../config.js';
import { connectRateLimitRedis, type RateLimitRedis } from './rate-limit-redis.js';

const LIMIT = 3;

describe('rate limits in Redis (RABITA_REDIS_URL), shared by two app servers', () => {
  let redis: TestRedis;
  let clients: RateLimitRedis[];
  let a: TestApp;
  let b: Awaited<ReturnType<typeof startAnotherServer>>;

  beforeAll(async () => {
    redis = await startRedis();
    // Each server its own connection, as two machines would have.
    clients = [await connectRateLimitRedis(redis.url), await connectRateLimitRedis(redis.url)];
    a = await createTestApp({ signInAttemptsPerWindow: LIMIT, rateLimitRedis: clients[0] });
    b = await startAnotherServer(a, { signInAttemptsPerWindow: LIMIT, rateLimitRedis: clients[1] });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    for (const client of clients ?? []) client.disconnect();
    await redis?.stop();
  });

  it('refuses the fourth password-reset request through A and B together, as one server would', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      const server = (i % 2 === 0 ? a.app : b.app) as FastifyInstance;
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/request',
        payload: { email: 'redis@test.example' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        const problem = expectProblem(response, 429, 'rate_limited') as { retryAfter?: number };
        expect(problem.retryAfter).toBeGreaterThan(850);
      }
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    // Counted in Redis, not in PostgreSQL.
    expect((await clients[0]?.keys('rabita-rate-limit-*'))?.length).toBeGreaterThan(0);
    const { rows } = await a.db.pool.query('SELECT 1 FROM rate_limit_counters');
    expect(rows).toEqual([]);
  });

  it('accepts only a redis:// or rediss:// address, and refuses to start without its Redis', async () => {
    expect(loadConfig({ RABITA_REDIS_URL: redis.url }).redisUrl).toBe(redis.url);
    expect(loadConfig({ RABITA_REDIS_URL: '' }).redisUrl).toBeUndefined();
    expect(() => loadConfig({ RABITA_REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      /RABITA_REDIS_URL/,
    );
    const gone = await startRedis();
    await gone.stop();
    await expect(connectRateLimitRedis(gone.url)).rejects.toThrow();
  });
});
