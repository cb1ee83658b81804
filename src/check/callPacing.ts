import type { RetryPolicy } from '../sources/live/callScheduler.js';

/** Per-call timeout and retry pace: overridable for slow proxies (and fast tests). */
export function callPacing(env: Readonly<Record<string, string | undefined>>): { timeoutSeconds: number; retry: RetryPolicy } {
  const timeoutSeconds = Number(env.CLB_GUARD_LIVE_TIMEOUT ?? 30);
  const retryMs = Number(env.CLB_GUARD_LIVE_RETRY_MS ?? 250);
  return {
    timeoutSeconds: timeoutSeconds > 0 ? timeoutSeconds : 30,
    retry: { attempts: 6, baseDelayMs: retryMs > 0 ? retryMs : 250, maxDelayMs: 8_000 },
  };
}
