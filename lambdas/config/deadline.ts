import { AsyncLocalStorage } from 'node:async_hooks';

// The current invocation's deadline (docs/architecture.md "Deadlines"): the HTTP layer
// sets it from the Lambda context (`getRemainingTimeInMillis()`), and the store's retry
// loops give up in time to answer 503 with Retry-After before it, rather than middy's
// timeout answering 500 while a write may still land. Per call chain, not per process:
// the local server runs many invocations in one process.

const deadlines = new AsyncLocalStorage<number>();

/** Runs `fn` with a deadline `remainingMs` from now. */
export const withDeadline = <T>(remainingMs: number, fn: () => T): T => deadlines.run(Date.now() + remainingMs, fn);

/** Milliseconds left before the current invocation's deadline; Infinity outside one (jobs, tests). */
export function timeLeftMs(): number {
  const deadline = deadlines.getStore();
  return deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
}
