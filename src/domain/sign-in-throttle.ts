/**
 * How failed sign-ins slow down the next attempt, for one key (an account or an address).
 * Growing delays instead of a lock-out: the owner of an attacked account, or an office behind one
 * address, waits seconds to minutes, never a fixed quarter of an hour after ten typos.
 */
export interface ThrottlePolicy {
  /** Failures that cost nothing; each one after them makes the next attempt wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait, whatever the count. */
  maxDelayMs: number;
  /** One remembered failure is forgotten per this much time after the last one. */
  forgetOneEveryMs: number;
}

/** One key's record: how many failures are remembered, and when the last one was. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

/**
 * Per account, whatever the address: five free failures, then 1 s, 2 s, 4 s... up to 15 minutes,
 * about 100 guesses a day at most; forgotten one per quarter of an hour of quiet.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetOneEveryMs: 15 * 60_000,
};

/**
 * Per address, across accounts (password spraying): twenty free failures, since an office's
 * people share one address, forgotten one every three minutes; then the same growing wait.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 20,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetOneEveryMs: 3 * 60_000,
};

/** The wait that `failures` remembered failures impose on the next attempt. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond < 0) return 0;
  // 2^beyond overflows to Infinity long after it passes the cap; min() handles both.
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** beyond);
}

/** The failures still remembered at `now`, after the quiet time since the last one. */
export function rememberedFailures(
  state: ThrottleState,
  now: Date,
  policy: ThrottlePolicy,
): number {
  const quiet = Math.max(0, now.getTime() - state.lastFailureAt.getTime());
  return Math.max(0, state.failures - Math.floor(quiet / policy.forgetOneEveryMs));
}

/**
 * How long the next attempt must still wait at `now`; 0 when it may be made. A last failure
 * later than `now` (a parallel attempt recorded first, or another server's clock) never makes the
 * wait longer than the delay itself, nor creates one where there is none.
 */
export function waitBeforeAttempt(state: ThrottleState, now: Date, policy: ThrottlePolicy): number {
  const delay = delayAfter(rememberedFailures(state, now, policy), policy);
  const left = state.lastFailureAt.getTime() + delay - now.getTime();
  return Math.min(delay, Math.max(0, left));
}

/** The record after one more failure at `now`. */
export function withFailure(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const remembered = state ? rememberedFailures(state, now, policy) : 0;
  return { failures: remembered + 1, lastFailureAt: now };
}
