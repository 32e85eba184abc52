import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Calls the API as the signed-in user of a browser context, with its CSRF token, for the
 * set-up and checks a spec does not need to click through; fails on any answer above 299.
 */
export async function api<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  data?: unknown,
): Promise<T> {
  const me = await (await request.get('/api/v1/auth/me')).json();
  const response = await request.fetch(url, {
    method,
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}
