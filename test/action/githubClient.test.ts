import { afterEach, describe, expect, it } from 'vitest';
import { githubClient, isPermissionError, isRateLimitError } from '../../src/report/github/githubClient.js';
import { upsertStickyComment } from '../../src/report/github/stickyComment.js';
import { type StandIn, startGitHubStandIn } from '../github-standin/server.js';

/** The client's retry and throttling plugins, against the stand-in: waits are milliseconds here. */
const where = { owner: 'acme', repo: 'infra', issueNumber: 5 };
let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function setUp() {
  standIn = await startGitHubStandIn({ tokens: { rw: { pullRequests: 'write' } } });
  const warnings: string[] = [];
  const logger = {
    debug() {},
    info() {},
    warning: (m: string) => void warnings.push(m),
    error() {},
    group: <T>(_n: string, fn: () => Promise<T>) => fn(),
    progress() {},
  };
  return { standIn, warnings, github: githubClient('rw', { baseUrl: standIn.url, logger, msPerSecond: 1 }) };
}

const posts = (s: StandIn) => s.calls.filter((c) => c.method === 'POST').length;

describe('the GitHub client (getOctokit + retry + throttling, real Octokit)', () => {
  it('tries a 5xx again and succeeds', async () => {
    const { standIn, github } = await setUp();
    standIn.inject({ method: 'POST', path: /\/comments$/, status: 502, times: 2 });
    expect(await upsertStickyComment(github, where, 'hi')).toBe('created');
    expect(posts(standIn)).toBe(3);
    expect(standIn.comments).toHaveLength(1);
  });

  it('waits out a primary rate limit (403, no requests left, reset time) and goes on', async () => {
    const { standIn, github, warnings } = await setUp();
    const reset = String(Math.floor(Date.now() / 1000));
    standIn.inject({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      times: 1,
    });
    expect(await upsertStickyComment(github, where, 'hi')).toBe('created');
    expect(posts(standIn)).toBe(2);
    expect(warnings).toEqual([expect.stringMatching(/^GitHub primary rate limit on POST .*: trying again in \d+ s\.$/)]);
  });

  it('waits out a secondary rate limit (429 with retry-after)', async () => {
    const { standIn, github, warnings } = await setUp();
    standIn.inject({
      method: 'POST',
      path: /\/comments$/,
      status: 429,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '3' },
      times: 1,
    });
    expect(await upsertStickyComment(github, where, 'hi')).toBe('created');
    expect(posts(standIn)).toBe(2);
    expect(warnings).toEqual([expect.stringMatching(/^GitHub secondary rate limit on POST .*: trying again in 3 s\.$/)]);
  });

  it('gives up on a rate limit that lasts, after two more tries, and says it is a rate limit, not a permission', async () => {
    const { standIn, github, warnings } = await setUp();
    standIn.inject({
      method: 'POST',
      path: /\/comments$/,
      status: 429,
      message: 'You have exceeded a secondary rate limit.',
      headers: { 'retry-after': '1' },
      times: 100,
    });
    const error = await upsertStickyComment(github, where, 'hi').catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(isPermissionError(error)).toBe(false);
    expect(posts(standIn)).toBe(3);
    expect(warnings.at(-1)).toMatch(/giving up\.$/);
  });

  it('does not wait for a rate-limit reset longer than a minute', async () => {
    const { standIn, github, warnings } = await setUp();
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    standIn.inject({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      times: 1,
    });
    const error = await upsertStickyComment(github, where, 'hi').catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(posts(standIn)).toBe(1);
    expect(warnings).toEqual([expect.stringMatching(/giving up\.$/)]);
  });

  it('a refused token (403 without rate-limit signs) is asked once, never again', async () => {
    standIn = await startGitHubStandIn({ tokens: { ro: { pullRequests: 'read' } } });
    const error = await upsertStickyComment(githubClient('ro', { baseUrl: standIn.url, msPerSecond: 1 }), where, 'hi').catch(
      (e: unknown) => e,
    );
    expect(isPermissionError(error)).toBe(true);
    expect(posts(standIn)).toBe(1);
  });
});
