import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import { addDays } from '../../../src/domain/venue-calendar.js';

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

export interface EligibilityCheck {
  participantId: string;
  eligibility: { eligible: boolean };
  existing: unknown;
}

/**
 * The person picker's eligibility of many people for a session, asked 40 at a time (the
 * query's bound), as the page asks it.
 */
export async function eligibilityOf(
  request: APIRequestContext,
  code: string,
  ids: string[],
): Promise<EligibilityCheck[]> {
  const checks: EligibilityCheck[] = [];
  for (let at = 0; at < ids.length; at += 40) {
    const chunk = ids.slice(at, at + 40).join(',');
    const answer = await api<{ items: EligibilityCheck[] }>(
      request,
      'GET',
      `/api/v1/sessions/${code}/eligibility?participantIds=${chunk}`,
    );
    checks.push(...answer.items);
  }
  return checks;
}

/**
 * A nation's NPOC submits a person for a session and the registrar selects them, overriding
 * an eligibility failure in writing when there is one (the spec is about what comes after).
 */
export async function nominateAndSelect(
  npoc: APIRequestContext,
  registrar: APIRequestContext,
  nomination: { sessionCode: string; participantId: string; plannedActivityId?: string },
  justification: string,
): Promise<string> {
  const created = await api<{ id: string; eligibility: { eligible: boolean } }>(
    npoc,
    'POST',
    '/api/v1/nominations',
    { ...nomination, submit: true },
  );
  if (!created.eligibility.eligible) {
    await api(registrar, 'POST', `/api/v1/nominations/${created.id}/override`, { justification });
  }
  await api(registrar, 'POST', `/api/v1/nominations/${created.id}/transitions`, {
    action: 'select',
  });
  return created.id;
}

/** Moves a session's days to `start`..`end` (windows before them) and runs it: in progress. */
export async function runSession(
  registrar: APIRequestContext,
  sessionCode: string,
  start: string,
  end: string,
): Promise<void> {
  await api(registrar, 'PATCH', `/api/v1/sessions/${sessionCode}`, {
    startDate: start,
    endDate: end,
    nominationOpens: addDays(start, -30),
    nominationCloses: addDays(start, -5),
    // The demo's director runs the demo's current course on those days too; the registrar
    // keeps them on both (the answer would otherwise be 409 staff_conflict).
    confirmStaffConflicts: true,
  });
  for (const to of ['nominations-closed', 'confirmed', 'in-progress']) {
    await api(registrar, 'POST', `/api/v1/sessions/${sessionCode}/transitions`, { to });
  }
}
