import { afterEach, describe, expect, it } from 'vitest';
import { publishCheckRun } from '../../src/report/github/checkRun.js';
import { syncDriftIssue } from '../../src/report/github/driftIssue.js';
import { githubClient, isPermissionError } from '../../src/report/github/githubClient.js';
import { COMMENT_MARKER, upsertStickyComment } from '../../src/report/github/stickyComment.js';
import { type StandIn, startGitHubStandIn } from '../github-standin/server.js';

const repo = { owner: 'acme', repo: 'infra' };
let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('sticky PR comment (real Octokit against the stand-in)', () => {
  it('is created once, then updated in place — never a second comment', async () => {
    standIn = await startGitHubStandIn({ tokens: { rw: { pullRequests: 'write' } }, pageSize: 2 });
    // Other people's comments, across pages, must be left alone.
    standIn.comments.push({ id: 1, issue: 7, body: 'LGTM' }, { id: 2, issue: 7, body: 'nit' }, { id: 3, issue: 7, body: 'ok' });
    const github = githubClient('rw', { baseUrl: standIn.url, msPerSecond: 1 });
    expect(await upsertStickyComment(github, { ...repo, issueNumber: 7 }, '3 errors')).toBe('created');
    expect(await upsertStickyComment(github, { ...repo, issueNumber: 7 }, '✅ All clear')).toBe('updated');
    expect(await upsertStickyComment(github, { ...repo, issueNumber: 7 }, '✅ All clear')).toBe('unchanged');
    const ours = standIn.comments.filter((c) => c.body.includes(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('All clear');
    expect(standIn.comments.filter((c) => !c.body.includes(COMMENT_MARKER)).map((c) => c.body)).toEqual(['LGTM', 'nit', 'ok']);
  });

  it("stays under GitHub's 65,536-character limit", async () => {
    standIn = await startGitHubStandIn({ tokens: { rw: { pullRequests: 'write' } } });
    await upsertStickyComment(
      githubClient('rw', { baseUrl: standIn.url, msPerSecond: 1 }),
      { ...repo, issueNumber: 1 },
      'x'.repeat(100_000),
    );
    expect(standIn.comments[0]!.body.length).toBeLessThanOrEqual(65_536);
  });

  it('a read-only token (fork PR) is refused with 403, which callers treat as "skip"', async () => {
    standIn = await startGitHubStandIn({ tokens: { ro: { pullRequests: 'read' } } });
    const error = await upsertStickyComment(
      githubClient('ro', { baseUrl: standIn.url, msPerSecond: 1 }),
      { ...repo, issueNumber: 1 },
      'hi',
    ).catch((e: unknown) => e);
    expect(isPermissionError(error)).toBe(true);
    expect(standIn.comments).toEqual([]);
  });
});

describe('drift issue', () => {
  it('is opened on findings, updated when they change, and closed with a comment when clean', async () => {
    standIn = await startGitHubStandIn({ tokens: { rw: { issues: 'write' } } });
    const github = githubClient('rw', { baseUrl: standIn.url, msPerSecond: 1 });
    expect(await syncDriftIssue(github, repo, { findings: 0, title: 't', body: 'b' })).toBe('none');
    expect(await syncDriftIssue(github, repo, { findings: 3, title: 'clb-guard: 3 findings', body: 'three' })).toBe('created');
    expect(await syncDriftIssue(github, repo, { findings: 3, title: 'clb-guard: 3 findings', body: 'three' })).toBe('unchanged');
    expect(await syncDriftIssue(github, repo, { findings: 2, title: 'clb-guard: 2 findings', body: 'two' })).toBe('updated');
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues[0]).toMatchObject({ title: 'clb-guard: 2 findings', state: 'open', labels: ['clb-guard-drift'] });
    expect(await syncDriftIssue(github, repo, { findings: 0, title: 't', body: 'clean', runUrl: 'https://example.invalid/run/1' })).toBe(
      'closed',
    );
    expect(standIn.issues[0]!.state).toBe('closed');
    expect(standIn.comments.at(-1)!.body).toContain('All clear');
    expect(await syncDriftIssue(github, repo, { findings: 1, title: 'again', body: 'one' })).toBe('created');
    expect(standIn.issues).toHaveLength(2);
  });
});

describe('check run', () => {
  it('carries every annotation, 50 per request', async () => {
    standIn = await startGitHubStandIn({ tokens: { rw: { checks: 'write' } } });
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      level: 'error' as const,
      title: `t${i}`,
      message: 'm',
      file: 'main.tf',
      startLine: i + 1,
    }));
    const result = await publishCheckRun(
      githubClient('rw', { baseUrl: standIn.url, msPerSecond: 1 }),
      { ...repo, headSha: 'abc123' },
      { title: 'clb-guard', summary: 's', conclusion: 'failure', annotations },
    );
    expect(result.batches).toBe(3);
    expect(standIn.checkRuns[0]).toMatchObject({ head_sha: 'abc123', status: 'completed', conclusion: 'failure' });
    expect(standIn.checkRuns[0]!.annotations).toHaveLength(120);
  });

  it('without checks: write the API answers 403', async () => {
    standIn = await startGitHubStandIn({ tokens: { ro: { issues: 'read' } } });
    const error = await publishCheckRun(
      githubClient('ro', { baseUrl: standIn.url, msPerSecond: 1 }),
      { ...repo, headSha: 'abc' },
      { title: 't', summary: 's', conclusion: 'success', annotations: [] },
    ).catch((e: unknown) => e);
    expect(isPermissionError(error)).toBe(true);
  });
});
