import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Problem } from '../../src/contract/common.js';

/** Asserts a problem+json answer with the given status and stable code, and returns it. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = response.json<Problem>();
  expect(problem.code).toBe(code);
  return problem;
}
