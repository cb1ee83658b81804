import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import type { Logger } from '../../logging/logger.js';
import { silentLogger } from '../../logging/logger.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
}

export interface GitHubClientOptions {
  /** GITHUB_API_URL: api.github.com, a GitHub Enterprise Server's /api/v3, or a stand-in in tests. */
  readonly baseUrl?: string;
  readonly logger?: Logger;
  /**
   * Milliseconds per second of every wait the retry and throttling plugins compute (retry-after,
   * rate-limit reset, back-off). 1000 on GitHub; tests make it small.
   */
  readonly msPerSecond?: number;
}

/** How often a rate-limited request is tried again, and the longest wait worth spending a CI job on. */
const RATE_LIMIT_RETRIES = 2;
const LONGEST_RATE_LIMIT_WAIT_S = 60;

/**
 * The real Octokit as the Actions toolkit builds it — `@actions/github`'s `getOctokit`, which
 * honours the runner's proxy settings — with retries on 5xx and the throttling GitHub asks
 * integrations for (writes one at a time, waiting out primary and secondary rate limits).
 */
export function githubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const logger = options.logger ?? silentLogger;
  const msPerSecond = options.msPerSecond ?? 1000;
  const onLimit =
    (kind: string) => (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      const again = retryCount < RATE_LIMIT_RETRIES && retryAfter <= LONGEST_RATE_LIMIT_WAIT_S;
      logger.warning(
        `GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ${again ? `trying again in ${retryAfter} s` : 'giving up'}.`,
      );
      return again;
    };
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      userAgent: 'clb-guard',
      log: {
        debug: (m: string) => logger.debug(m),
        info: (m: string) => logger.debug(m),
        warn: (m: string) => logger.warning(m),
        error: (m: string) => logger.error(m),
      },
      // Rate limits (429, and 403 with no requests left) are the throttling plugin's to wait out;
      // the retry plugin takes the 5xx and network errors.
      retry: { retryAfterBaseValue: msPerSecond, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue: msPerSecond,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        // The plugin's own pacing (GitHub's advice: one write at a time, a second apart; three
        // between writes that notify people), in the same seconds as every other wait.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: msPerSecond }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * msPerSecond }),
      },
    },
    retry,
    throttling,
  );
}

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number } | undefined)?.status;
}

/** GitHub's rate limits answer 429, or 403 with no requests left or a "secondary rate limit" message. */
export function isRateLimitError(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 429) return true;
  if (status !== 403) return false;
  const e = error as { message?: string; response?: { headers?: Record<string, string | undefined> } };
  return e.response?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '');
}

/** 403/404 from GitHub mean "this token may not do that": report and carry on, never fail the run. */
export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error);
  return (status === 403 || status === 404) && !isRateLimitError(error);
}
