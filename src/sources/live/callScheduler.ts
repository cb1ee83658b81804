import { InputError } from '../../errors/inputError.js';
import type { Service, TencentApi } from './tencentApi.js';

/** Published per-action limits (requests per second); others assume the CLB default of 20. */
export const PUBLISHED_RATE_LIMITS: Readonly<Record<string, number>> = {
  DescribeLoadBalancers: 20,
  DescribeListeners: 20,
  DescribeTargets: 20,
  DescribeTargetGroupInstances: 20,
  DescribeInstances: 40,
  DescribeSecurityGroupPolicies: 100,
  DescribeSecurityGroups: 100,
  DescribeNetworkAcls: 20,
};
const DEFAULT_RATE = 20;

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 };

/** A call that kept failing: the objects it was for become unknown and the scan incomplete. */
export class CallFailed extends Error {
  constructor(
    readonly action: string,
    readonly code: string,
  ) {
    super(`${action} failed: ${code}`);
  }
}

interface SdkError {
  code?: string;
  httpCode?: number;
  message?: string;
}

function retryable(error: SdkError): boolean {
  if (error.code === undefined || error.code === '') return true; // transport: dropped connection, timeout
  if (error.code.startsWith('RequestLimitExceeded') || error.code.startsWith('InternalError')) return true;
  return error.httpCode !== undefined && error.httpCode >= 500;
}

/**
 * Every API call goes through here: spaced to stay within the action's published rate, retried
 * with exponential backoff and full jitter on throttling, internal errors, 5xx and network
 * errors, a bounded number of times. Rejected credentials end the run with one line.
 */
export class CallScheduler {
  private readonly nextSlot = new Map<string, number>();
  readonly counts = new Map<string, number>();
  failures = 0;

  constructor(
    private readonly api: TencentApi,
    private readonly options: { retry?: RetryPolicy; rateLimits?: Readonly<Record<string, number>>; secrets?: () => readonly string[]; random?: () => number } = {},
  ) {}

  async call(service: Service, action: string, region: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const retry = this.options.retry ?? DEFAULT_RETRY;
    let last: SdkError = {};
    for (let attempt = 0; attempt < retry.attempts; attempt++) {
      if (attempt > 0) {
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
        await sleep((this.options.random ?? Math.random)() * ceiling);
      }
      await this.slot(action);
      this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
      try {
        return await this.api.call(service, action, region, params);
      } catch (error) {
        last = error as SdkError;
        if (last.code?.startsWith('AuthFailure') || last.code === 'UnauthorizedOperation' || last.code?.startsWith('UnauthorizedOperation')) {
          throw new InputError(`Tencent Cloud rejected the credentials (${last.code}): ${this.redact(last.message ?? '')}`.trim());
        }
        if (!retryable(last)) break;
      }
    }
    this.failures++;
    throw new CallFailed(action, last.code || (last.httpCode ? `HTTP ${last.httpCode}` : this.redact(last.message ?? 'network error')));
  }

  /** Spaces calls of one action at its published rate, so throttling is the exception. */
  private async slot(action: string): Promise<void> {
    const rate = this.options.rateLimits?.[action] ?? PUBLISHED_RATE_LIMITS[action] ?? DEFAULT_RATE;
    const interval = 1000 / rate;
    const now = Date.now();
    const at = Math.max(now, this.nextSlot.get(action) ?? 0);
    this.nextSlot.set(action, at + interval);
    if (at > now) await sleep(at - now);
  }

  private redact(text: string): string {
    let out = text;
    for (const secret of this.options.secrets?.() ?? []) if (secret.length >= 4) out = out.split(secret).join('***');
    return out;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
