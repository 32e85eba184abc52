import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { FailureReason } from '../features/auth/sign-in.js';

/**
 * The metrics of the whole process: Node's own (memory, CPU, event loop, handles) and the
 * counters features bump where something happens. Kept apart from each app's registry (see
 * app-metrics.ts), because a process, and a test run, may build several apps.
 */
export const processRegistry = new Registry();

let defaultsStarted = false;

/** Starts Node's default metrics once, when the first app that serves /metrics is built. */
export function startProcessMetrics(): void {
  if (defaultsStarted) return;
  defaultsStarted = true;
  collectDefaultMetrics({ register: processRegistry });
}

const signInFailures = new Counter({
  name: 'rabita_sign_in_failures_total',
  help: 'Sign-ins refused for their credentials or account, by reason.',
  labelNames: ['reason'] as const,
  registers: [processRegistry],
});

const certificatesIssued = new Counter({
  name: 'rabita_certificates_issued_total',
  help: 'Certificates signed and issued by this process.',
  registers: [processRegistry],
});

/** Counts one refused sign-in: a burst of them is a guesser, or a broken client. */
export function countSignInFailure(reason: FailureReason): void {
  signInFailures.inc({ reason });
}

/** Counts certificates issued, once their service has written them. */
export function countCertificatesIssued(count: number): void {
  if (count > 0) certificatesIssued.inc(count);
}
