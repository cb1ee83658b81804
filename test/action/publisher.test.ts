import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/runAction.js';
import { silentLogger } from '../../src/logging/logger.js';
import { type Publisher, type PublishRun, publishAll } from '../../src/report/github/publisher.js';
import { type StandIn, startGitHubStandIn } from '../github-standin/server.js';
import { finding, report } from '../report/sampleReport.js';
import { fakeActionIo } from './fakeActionIo.js';

const repoRoot = join(import.meta.dirname, '..', '..');
let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

function publishRun(pullRequest: boolean): PublishRun & { notices: string[] } {
  const notices: string[] = [];
  return {
    report: report([finding()]),
    failed: false,
    workflow: {
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'infra',
      ...(pullRequest ? { pullRequest: { number: 3, headSha: 'abc' } } : {}),
    },
    runner: {
      notice: (m) => void notices.push(m),
      annotate() {},
      appendSummary: async () => true,
      writeFile: async () => {},
      fileExists: () => false,
      readFile: async () => undefined,
    },
    logger: silentLogger,
    cwd: repoRoot,
    summaryNotes: [],
    notices,
  };
}

const failing = (status: number, calls: string[]): Publisher => ({
  name: `fails ${status}`,
  wanted: () => true,
  needs: 'pullRequest',
  publish: async () => {
    calls.push('publish');
    throw Object.assign(new Error(`HTTP ${status}`), { status });
  },
  unavailable: 'unavailable',
  denied: (run) => run.runner.notice(`denied ${status}`),
});

describe('publishAll: the one permission fallback', () => {
  const api = { github: {} as never, owner: 'acme', repo: 'infra' };

  it.each([403, 404])('a refused token (%i) runs the fallback and the next publisher still runs', async (status) => {
    const run = publishRun(true);
    const calls: string[] = [];
    const next: Publisher = {
      name: 'next',
      wanted: () => true,
      needs: 'runner',
      publish: async () => {
        calls.push('next');
      },
    };
    await publishAll([failing(status, calls), next], run, api);
    expect(run.notices).toEqual([`denied ${status}`]);
    expect(calls).toEqual(['publish', 'next']);
  });

  it('any other error is not a permission question: it propagates', async () => {
    await expect(publishAll([failing(500, [])], publishRun(true), api)).rejects.toThrow('HTTP 500');
  });

  it('without a pull request or a token, a PR publisher is not called and says why', async () => {
    const calls: string[] = [];
    const noPr = publishRun(false);
    await publishAll([failing(403, calls)], noPr, api);
    const noToken = publishRun(true);
    await publishAll([failing(403, calls)], noToken, undefined);
    expect(calls).toEqual([]);
    expect([...noPr.notices, ...noToken.notices]).toEqual(['unavailable', 'unavailable']);
  });

  it('a publisher not wanted in this run is neither called nor mentioned', async () => {
    const run = publishRun(true);
    const calls: string[] = [];
    await publishAll([{ ...failing(403, calls), wanted: () => false }], run, api);
    expect(calls).toEqual([]);
    expect(run.notices).toEqual([]);
  });
});

describe('runAction with injected I/O (in process, real Octokit against the stand-in)', () => {
  it('a read-only token: workflow annotations instead of the check run, a notice instead of the comment, exit 1 by the findings', async () => {
    standIn = await startGitHubStandIn({ tokens: { ro: { pullRequests: 'read', checks: 'read' } } });
    const { io, recorded } = fakeActionIo({
      inputs: {
        'plan-file': 'examples/demo/plan.json',
        'tf-root': 'examples/demo',
        config: 'test/e2e/empty-config.json',
        'github-token': 'ro',
      },
      env: {
        GITHUB_WORKSPACE: repoRoot,
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_API_URL: standIn.url,
        RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'clb-guard-io-')),
      },
      event: { payload: { pull_request: { number: 12, head: { sha: 'feedface' } } } },
    });
    expect(await runAction(io)).toBe(1);
    expect(recorded.secrets).toContain('ro');
    expect(recorded.annotations.filter((a) => a.level === 'error')).toHaveLength(8);
    expect(recorded.notices).toEqual([expect.stringMatching(/^clb-guard: the token may not comment on this pull request/)]);
    expect(recorded.errors).toEqual(['clb-guard found 8 errors, 3 warnings and 0 notices (fail-on: error).']);
    expect(recorded.outputs).toMatchObject({ findings: '11', errors: '8', warnings: '3', passed: 'false' });
    expect(recorded.summary.join('')).toContain('8 errors, 3 warnings, 0 notices, 0 unknown');
    // Each refused write was asked once, never retried.
    expect(standIn.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/repos/acme/infra/check-runs',
      '/repos/acme/infra/issues/12/comments',
    ]);
  });
});
