import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Permissions, type PullFile, type StandIn, startGitHubStandIn } from '../github-standin/server.js';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

/** Runs the Action, bundled from the sources as dist/index.js is, as the runner would: INPUT_* and GITHUB_* environment. */
const repoRoot = join(import.meta.dirname, '..', '..');
let action = '';
beforeAll(async () => {
  action = await bundleEntry('main');
}, 60_000);
let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

interface ActionRun {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

async function runAction(
  inputs: Record<string, string>,
  options: {
    event?: string;
    payload?: object;
    tokens?: Record<string, Permissions>;
    extraEnv?: Record<string, string>;
    pullFiles?: PullFile[];
    /** Node flags before the bundle (`--trace-gc`). */
    nodeArgs?: string[];
  } = {},
  sarifName?: string,
): Promise<ActionRun> {
  standIn = await startGitHubStandIn({ tokens: options.tokens ?? { rw: { pullRequests: 'write', issues: 'write' } } });
  if (options.pullFiles) standIn.pullFiles.set(12, options.pullFiles);
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-action-'));
  const files = { event: join(dir, 'event.json'), summary: join(dir, 'summary.md'), output: join(dir, 'output.txt') };
  writeFileSync(files.event, JSON.stringify(options.payload ?? {}));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: repoRoot,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_EVENT_NAME: options.event ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_API_URL: standIn.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: dir,
    ...options.extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (sarifName) env['INPUT_SARIF-FILE'] = join(dir, sarifName);
  // Under the network guard: any connection or lookup outside loopback fails the test.
  const child = spawn(process.execPath, [...guardedNodeArgs(), ...(options.nodeArgs ?? []), action], { cwd: repoRoot, env });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expectNoEscape(stdout, code);
  return { code, stdout, summary: readFileSync(files.summary, 'utf8'), outputs: parseOutputs(readFileSync(files.output, 'utf8')) };
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) out[match[1]!] = match[3]!;
  return out;
}

const demo = {
  'plan-file': 'examples/demo/plan.json',
  'tf-root': 'examples/demo',
  'github-token': 'rw',
  config: 'test/e2e/empty-config.json',
};
const pullRequest = { pull_request: { number: 12, head: { sha: 'feedface' } } };

describe('the Action', () => {
  it('annotates the .tf lines, writes the summary and outputs, comments once on the PR, and fails on errors', async () => {
    const run = await runAction(demo, { payload: pullRequest });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error title=deny-before-allow%3A tencentcloud_security_group\.web,file=examples\/demo\/main\.tf,line=75,endLine=\d+::/m,
    );
    expect(run.stdout).toMatch(
      /^::warning title=admin-port-not-public%3A tencentcloud_instance\.web\[0\],file=examples\/demo\/main\.tf,line=91/m,
    );
    expect(run.stdout).toMatch(/^::error::clb-guard found 8 errors, 3 warnings and 0 notices \(fail-on: error\)\.$/m);
    expect(run.summary).toContain('8 errors, 3 warnings, 0 notices, 0 unknown');
    expect(run.outputs).toMatchObject({ findings: '11', errors: '8', warnings: '3', passed: 'false' });
    expect(JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')).summary.error).toBe(8);
    expect(standIn!.comments).toHaveLength(1);
    expect(standIn!.comments[0]).toMatchObject({ issue: 12 });
    // The PR's diff (none in the stand-in) holds none of the fixes: they are diffs in the comment.
    expect(standIn!.calls.map((c) => c.path)).toContain('/repos/acme/infra/pulls/12/files?per_page=100');
    expect(standIn!.reviewComments).toEqual([]);
    expect(standIn!.comments[0]!.body).toContain('### Suggested changes');
  });

  it('passes the plan check a full collection (explicit collections are the ones V8 names "testing")', async () => {
    const run = await runAction(demo, { payload: pullRequest, nodeArgs: ['--trace-gc'] });
    expect(run.code).toBe(1);
    // Two calls (counted in test/runtime/oneCheckHeap.test.ts); V8 may print one call as two
    // lines when it first finishes a marking already under way, so at least two lines.
    expect(run.stdout.split('\n').filter((line) => /Mark-Compact .*testing/.test(line)).length).toBeGreaterThanOrEqual(2);
  });

  it('a PR that adds the demo: every exact edit is a suggested change on its lines, none left in the comment', async () => {
    const lines = readFileSync(join(repoRoot, 'examples/demo/main.tf'), 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const patch = [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
    const run = await runAction(demo, { payload: pullRequest, pullFiles: [{ filename: 'examples/demo/main.tf', status: 'added', patch }] });
    expect(run.code).toBe(1);
    expect(standIn!.reviews).toEqual([expect.objectContaining({ pull: 12, event: 'COMMENT' })]);
    const policies = standIn!.reviewComments.map((c) => /\(([^)]*)\)\.\n/.exec(c.body)?.[1]);
    expect(policies).toEqual(expect.arrayContaining(['`acl-allows-both-directions`', '`deny-before-allow`']));
    expect(standIn!.reviewComments.every((c) => c.path === 'examples/demo/main.tf' && c.body.includes('```suggestion'))).toBe(true);
    expect(standIn!.comments[0]!.body).not.toContain('### Suggested changes');
    expect(run.stdout).toMatch(
      /^Suggested changes: \d+ new, 0 updated, 0 unchanged, 0 moved, 0 removed; 0 outside the diff, in the PR comment\.$/m,
    );
  });

  it('with checks: write puts every annotation on a check run for the PR head instead', async () => {
    const run = await runAction(demo, { payload: pullRequest, tokens: { rw: { pullRequests: 'write', checks: 'write' } } });
    expect(run.stdout).not.toMatch(/^::error title=/m);
    expect(standIn!.checkRuns).toHaveLength(1);
    expect(standIn!.checkRuns[0]).toMatchObject({ head_sha: 'feedface', conclusion: 'failure' });
    expect(standIn!.checkRuns[0]!.annotations).toHaveLength(11);
  });

  it('a read-only token (fork PR) skips the comment with a notice, without failing because of it', async () => {
    const run = await runAction(
      { ...demo, 'github-token': 'ro', 'fail-on': 'never' },
      { payload: pullRequest, tokens: { ro: { pullRequests: 'read' } } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::notice::clb-guard: the token may not comment on this pull request/m);
    expect(standIn!.comments).toEqual([]);
    expect(run.outputs.passed).toBe('true');
  });

  it('writes SARIF when asked and does not comment outside pull requests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-sarif-'));
    const run = await runAction({ ...demo, 'sarif-file': join(dir, 'clb.sarif'), 'fail-on': 'never' }, { event: 'push' });
    expect(run.code).toBe(0);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(11);
    expect(standIn!.comments).toEqual([]);
  });

  it.each([
    ['the plan next to the code (infra/plan.json)', 'infra/plan.json'],
    ['the plan at the workspace root and the code in infra/', 'plan.json'],
  ])('without tf-root finds the .tf lines for %s', async (_name, planAt) => {
    const workspace = mkdtempSync(join(tmpdir(), 'clb-guard-workspace-'));
    mkdirSync(join(workspace, 'infra'));
    cpSync(join(repoRoot, 'examples/demo/main.tf'), join(workspace, 'infra', 'main.tf'));
    cpSync(join(repoRoot, 'examples/demo/plan.json'), join(workspace, planAt));
    const inputs = { 'plan-file': planAt, 'github-token': 'rw', config: join(repoRoot, 'test/e2e/empty-config.json'), 'fail-on': 'never' };
    const run = await runAction(inputs, { event: 'push', extraEnv: { GITHUB_WORKSPACE: workspace } }, 'clb.sarif');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::error title=deny-before-allow%3A tencentcloud_security_group\.web,file=infra\/main\.tf,line=75,/m);
    expect(run.stdout).not.toMatch(/no \.tf line/);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(11);
  });

  it("says loudly when no .tf file declares the plan's resources, and the SARIF file says what it left out", async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'clb-guard-workspace-'));
    cpSync(join(repoRoot, 'examples/demo/plan.json'), join(workspace, 'plan.json'));
    const inputs = {
      'plan-file': 'plan.json',
      'github-token': 'rw',
      config: join(repoRoot, 'test/e2e/empty-config.json'),
      'fail-on': 'never',
    };
    const run = await runAction(inputs, { event: 'push', extraEnv: { GITHUB_WORKSPACE: workspace } }, 'clb.sarif');
    expect(run.stdout.match(/^::warning::11 of 11 findings have no \.tf line/gm)).toHaveLength(1);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].properties.omittedFindings).toMatchObject({ total: 11, noLocation: 11 });
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(
      /^11 of 11 findings are not in this SARIF file/,
    );
    expect(run.summary).toContain('11 of 11 findings are not in this SARIF file');
  });

  it.each([
    [{ ...demo, mode: 'cloud' }, /^::error::input "mode" must be plan, live or merge, not "cloud"$/m],
    [{ ...demo, 'plan-file': '' }, /^::error::input "plan-file" is required in plan mode/m],
    [{ ...demo, 'plan-file': 'examples/demo/main.tf' }, /^::error::examples\/demo\/main\.tf: /m],
    [{ ...demo, 'fail-on': 'sometimes' }, /^::error::input "fail-on" must be one of error, warning, notice, never/m],
  ])('a configuration error is one clear failure line, not a stack trace (%#)', async (inputs, message) => {
    const run = await runAction(inputs);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('the Action in live mode', () => {
  it('on a schedule: scans the account through the emulator, opens the drift issue, and never prints the secret', async () => {
    const { startEmulator, TEST_KEYS } = await import('../emulator/server.js');
    const account = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8'));
    const [secretId] = Object.keys(TEST_KEYS);
    const canary = 'CANARY-live-secret-77';
    const emulator = await startEmulator({ account, keys: { [secretId!]: canary } });
    try {
      const run = await runAction(
        {
          mode: 'live',
          regions: 'ap-guangzhou',
          'api-endpoint': emulator.url,
          'github-token': 'rw',
          'fail-on': 'never',
          config: 'test/e2e/empty-config.json',
        },
        { event: 'schedule', extraEnv: { TENCENTCLOUD_SECRET_ID: secretId!, TENCENTCLOUD_SECRET_KEY: canary } },
        'clb-guard.sarif',
      );
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ findings: '11', errors: '8' });
      expect(standIn!.issues).toHaveLength(1);
      expect(standIn!.issues[0]!.labels).toEqual(['clb-guard-drift']);
      // Live findings have no line in the repository: left out of SARIF, and the summary says so.
      expect(JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')).runs[0].results).toEqual([]);
      expect(run.summary).toContain('11 of 11 findings are not in this SARIF file: 11 without a location in the repository');
      const report = readFileSync(run.outputs['report-file']!, 'utf8');
      for (const text of [run.stdout, run.summary, report, standIn!.issues[0]!.body]) expect(text).not.toContain(canary);
    } finally {
      await emulator.close();
    }
  });
});
