import { Redis } from 'ioredis';

/** The Redis connection @fastify/rate-limit counts in when RABITA_REDIS_URL is set. */
export type RateLimitRedis = Redis;

/**
 * Connects to the Redis that keeps the rate-limit counters. A request while Redis is down fails
 * after one try (503) rather than waiting in ioredis's offline queue; the connection retries.
 */
export async function connectRateLimitRedis(url: string): Promise<RateLimitRedis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 5_000,
  });
  redis.on('error', () => {
    // Reported by the request that meets it; ioredis reconnects by itself.
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}
