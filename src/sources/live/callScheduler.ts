import { InputError } from '../../errors/inputError.js';
import { ApiCallError, type Service, sanitizeCallError, type TencentApi } from './tencentApi.js';

/**
 * Published per-action limits, requests per second (domain §4.3). Every action has its own
 * budget, so all of them are used at the same time.
 */
export const PUBLISHED_RATE_LIMITS: Readonly<Record<string, number>> = {
  DescribeLoadBalancers: 20,
  DescribeLoadBalancersDetail: 20,
  DescribeListeners: 20,
  DescribeTargets: 20,
  DescribeTargetHealth: 20,
  DescribeTargetGroups: 20,
  DescribeTargetGroupInstances: 20,
  DescribeInstances: 40,
  DescribeSecurityGroupPolicies: 100,
  DescribeSecurityGroups: 100,
  DescribeSecurityGroupAssociationStatistics: 100,
  DescribeNetworkInterfaces: 100,
  DescribeAddressTemplates: 100,
  DescribeAddressTemplateGroups: 100,
  DescribeServiceTemplates: 100,
  DescribeNetworkAcls: 20,
};
/**
 * Actions without a published limit (DescribeSubnets, DescribeVpcs, DescribeServiceTemplateGroups,
 * DescribeNetworkAclQuintupleEntries, DescribeRegions…) stay at the CLB default of 20/s, the
 * lowest published one; `rateLimits` (`--rate-limit ACTION=N`) overrides any of them.
 */
export const DEFAULT_RATE = 20;

/**
 * Whether an action's budget is shared by all regions of a scan (`account`, the stricter
 * assumption: domain §4.3 leaves it open) or each region has its own (`region`).
 */
export type BudgetScope = 'account' | 'region';

export interface RetryPolicy {
  /** Attempts a call gets against errors other than throttling (5xx, dropped connections, internal errors). */
  readonly attempts: number;
  /** Throttled attempts a call gets (`RequestLimitExceeded`); default 20. */
  readonly throttledAttempts?: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

const DEFAULT_THROTTLED_ATTEMPTS = 20;

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

/** A call not made because the scan had already failed. */
class CallCancelled extends Error {
  constructor() {
    super('cancelled: the scan had already failed');
  }
}

/** The API refused the credentials (or their permission for an action): the run ends with one line. */
export class CredentialsRejected extends InputError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The keys are good but may not call this action (a CAM policy without it). */
  get permissionOnly(): boolean {
    return this.code.startsWith('UnauthorizedOperation') || this.code === 'AuthFailure.UnauthorizedOperation';
  }
}

function retryable(error: ApiCallError): boolean {
  if (error.code === undefined) return error.httpCode === undefined || error.httpCode >= 500; // transport: dropped connection, timeout, a body that is not JSON
  return error.code.startsWith('RequestLimitExceeded') || error.code.startsWith('InternalError');
}

/**
 * Replaces every secret, and every run of 4 or more characters that begins a secret (a parser's
 * "Unexpected token" text quotes the first characters of what it read), with `***`.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    out = out.split(secret).join('***');
    const head = secret.slice(0, 4);
    let from = 0;
    for (;;) {
      const at = out.indexOf(head, from);
      if (at < 0) break;
      let end = at + 4;
      while (end < out.length && end - at < secret.length && out[end] === secret[end - at]) end++;
      out = `${out.slice(0, at)}***${out.slice(end)}`;
      from = at + 3;
    }
  }
  return out;
}

/**
 * Every API call goes through here: spaced to stay within the action's published rate, retried
 * with exponential backoff and full jitter on throttling, internal errors, 5xx and network
 * errors, a bounded number of times. Rejected credentials end the run with one line.
 */
export class CallScheduler {
  private readonly lines = new Map<string, Line>();
  private cancelled = false;
  readonly counts = new Map<string, number>();
  failures = 0;

  constructor(
    private readonly api: TencentApi,
    private readonly options: {
      retry?: RetryPolicy;
      rateLimits?: Readonly<Record<string, number>>;
      budgetScope?: BudgetScope;
      secrets?: () => readonly string[];
      random?: () => number;
    } = {},
  ) {}

  async call(service: Service, action: string, region: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const retry = this.options.retry ?? DEFAULT_RETRY;
    let last = new ApiCallError(undefined, undefined, 'network error');
    // Throttling says "slower", not "broken": it has its own, larger allowance of attempts.
    let errors = 0;
    let throttles = 0;
    for (let attempt = 0; errors < retry.attempts && throttles < (retry.throttledAttempts ?? DEFAULT_THROTTLED_ATTEMPTS); attempt++) {
      if (attempt > 0) {
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.min(attempt - 1, 16));
        await sleep((this.options.random ?? Math.random)() * ceiling);
      }
      await this.slot(action, region);
      this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
      try {
        return await this.api.call(service, action, region, params);
      } catch (error) {
        // Credentials that cannot be had (an OIDC refusal) end the run: retrying cannot help.
        if (error instanceof InputError) throw error;
        last = sanitizeCallError(error);
        // The code only: the API's message is response text, and response text is never echoed.
        if (last.code?.startsWith('AuthFailure') || last.code?.startsWith('UnauthorizedOperation')) {
          const code = this.redact(last.code);
          const permission = code.startsWith('UnauthorizedOperation') || code === 'AuthFailure.UnauthorizedOperation';
          throw new CredentialsRejected(
            last.code,
            permission
              ? `the credentials may not call ${action} (${code}): the role needs read-only access (Describe*) to CLB, CVM and VPC`
              : `Tencent Cloud rejected the credentials (${code})`,
          );
        }
        if (!retryable(last)) break;
        if (last.code?.startsWith('RequestLimitExceeded')) throttles++;
        else errors++;
      }
    }
    this.failures++;
    throw new CallFailed(action, this.redact(last.reason));
  }

  /**
   * Spaces calls of one action at its published rate, so throttling is the exception. Each
   * action (each region's, with per-region budgets) has its own line, released one call per
   * interval: a slow action never holds up another. A line woken late by a busy event loop
   * catches up, but never lets more calls go within one second than the rate allows.
   */
  private slot(action: string, region: string): Promise<void> {
    const budget = this.options.budgetScope === 'region' ? `${region}|${action}` : action;
    let line = this.lines.get(budget);
    if (line === undefined) {
      const rate = rateOf(action, this.options.rateLimits);
      const perWindow = Math.max(1, Math.floor(rate));
      line = { waiting: [], sent: [], due: -Infinity, timer: false, interval: 1000 / rate, perWindow, window: (perWindow * 1000) / rate };
      this.lines.set(budget, line);
    }
    if (this.cancelled) return Promise.reject(new CallCancelled());
    const released = new Promise<void>((resolve, reject) => line.waiting.push({ resolve, reject }));
    this.release(line);
    return released;
  }

  private release(line: Line): void {
    if (line.timer || line.waiting.length === 0) return;
    line.timer = true;
    const now = Date.now();
    // Credit for time nobody used is not saved up beyond one window.
    if (line.due < now - line.window) line.due = now;
    const windowFree = line.sent.length < line.perWindow ? -Infinity : line.sent[line.sent.length - line.perWindow]! + line.window;
    setTimeout(
      () => {
        line.timer = false;
        line.sent.push(Date.now());
        if (line.sent.length > line.perWindow) line.sent.shift();
        line.due += line.interval;
        line.waiting.shift()?.resolve();
        this.release(line);
      },
      Math.max(0, line.due - now, windowFree - now),
    );
  }

  /**
   * Ends the scan's calls: those waiting for their turn fail with `CallCancelled`, and so does
   * every later one (the scan has already failed; a queue of thousands must not run out first).
   */
  cancel(): void {
    this.cancelled = true;
    for (const line of this.lines.values()) for (const waiting of line.waiting.splice(0)) waiting.reject(new CallCancelled());
  }

  private redact(text: string): string {
    return redactSecrets(text, this.options.secrets?.() ?? []);
  }
}

/** Calls of one budget waiting for their turn, and when the last one was let go. */
interface Line {
  readonly waiting: { resolve: () => void; reject: (error: Error) => void }[];
  /** When the last `perWindow` calls were let go. */
  readonly sent: number[];
  /** When the next call is due on the even schedule. */
  due: number;
  timer: boolean;
  readonly interval: number;
  readonly perWindow: number;
  readonly window: number;
}

/** The requests per second the scheduler allows an action. */
function rateOf(action: string, overrides?: Readonly<Record<string, number>>): number {
  return overrides?.[action] ?? PUBLISHED_RATE_LIMITS[action] ?? DEFAULT_RATE;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
