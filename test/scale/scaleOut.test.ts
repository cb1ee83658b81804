import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/finding.js';
import type { Account, RegionAccount } from '../emulator/accountFixture.js';
import { type Emulator, type EmulatorFaults, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { type StandIn, startGitHubStandIn } from '../github-standin/server.js';
import { expectValidReport } from '../report/reportSchema.js';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

/**
 * Scale-out end to end: two emulated accounts × two regions, scanned as four shards by the
 * bundled CLI (each a process under the network guard), merged by the CLI and by the bundled
 * Action against the GitHub API stand-in.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
const REGIONS = ['ap-guangzhou', 'ap-shanghai'] as const;
const TAG: Record<string, string> = { 'ap-guangzhou': 'gz', 'ap-shanghai': 'sh' };
const demo = (JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) as Account).regions['ap-guangzhou']!;

/** The demo estate with its IDs made the region's own (cloud IDs are unique in an account, across regions). */
function inRegion(region: string, base: RegionAccount = demo): RegionAccount {
  return JSON.parse(JSON.stringify(base).replace(/"(lb|lbl|ins|sg|subnet|vpc|acl|eni)-/g, `"$1-${TAG[region]}-`)) as RegionAccount;
}
const withoutAdmin: RegionAccount = { ...demo, loadBalancers: demo.loadBalancers.filter((lb) => lb.LoadBalancerId !== 'lb-admin') };
const empty: RegionAccount = {
  loadBalancers: [],
  listeners: {},
  targets: {},
  instances: [],
  securityGroupPolicies: {},
  subnets: [],
  networkAcls: [],
};
// Both accounts hold the same IDs: only the account tells their findings apart.
const ACCOUNTS: Record<string, Account> = {
  shop: { regions: Object.fromEntries(REGIONS.map((r) => [r, inRegion(r)])) },
  bank: { regions: Object.fromEntries(REGIONS.map((r) => [r, inRegion(r, withoutAdmin)])) },
};
const CLEAN: Account = { regions: Object.fromEntries(REGIONS.map((r) => [r, empty])) };

let cli: string;
let action: string;
const emulators: Emulator[] = [];
beforeAll(async () => {
  [cli, action] = await Promise.all([bundleEntry('cli'), bundleEntry('main')]);
}, 120_000);
afterAll(async () => {
  for (const e of emulators) await e.close();
});

async function emulate(account: Account, faults?: EmulatorFaults): Promise<Emulator> {
  const e = await startEmulator({ account, ...(faults ? { faults } : {}) });
  emulators.push(e);
  return e;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [...guardedNodeArgs(), script, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      expectNoEscape(stdout + stderr, code);
      resolve({ code, stdout, stderr });
    });
  });
}

const common = ['--config', 'test/e2e/empty-config.json', '--today', '2026-11-24', '--fail-on', 'never'];
const liveEnv = {
  TENCENTCLOUD_SECRET_ID: secretId,
  TENCENTCLOUD_SECRET_KEY: secretKey,
  CLB_GUARD_LIVE_RETRY_MS: '5',
  CLB_GUARD_LIVE_TIMEOUT: '1',
};

/** One matrix job: a shard's scan, its report written as the workflow's artifact would hold it. */
async function shard(dir: string, account: string, regions: readonly string[], endpoint: string): Promise<Run> {
  const name = `clb-guard-${account}-${regions.join('+')}.json`;
  return node(
    cli,
    [
      'live',
      '--account',
      account,
      ...regions.flatMap((r) => ['--region', r]),
      '--api-endpoint',
      endpoint,
      '--format',
      'json',
      '--output',
      join(dir, name),
      ...common,
    ],
    liveEnv,
  );
}

async function scanShards(accounts: Record<string, Account>, faults: Record<string, EmulatorFaults> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-shards-'));
  const runs: Promise<Run>[] = [];
  for (const [name, account] of Object.entries(accounts)) {
    const emulator = await emulate(account, faults[name]);
    for (const region of REGIONS) runs.push(shard(dir, name, [region], emulator.url));
  }
  for (const run of await Promise.all(runs)) expect([0, 2], run.stderr).toContain(run.code);
  return dir;
}

const reportsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f));
const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report & { fixes: unknown[] };
const line = (f: { status: string; policy: string; resource: string }) => `${f.status} ${f.policy} ${f.resource}`;

async function merge(files: string[], extra: string[] = []): Promise<Run & { report: Report & { fixes: unknown[] } }> {
  const out = join(mkdtempSync(join(tmpdir(), 'clb-guard-merged-')), 'merged.json');
  const run = await node(cli, ['merge', ...files, '--format', 'json', '--output', out, '--fail-on', 'never', ...extra], {});
  expect(run.stderr).not.toMatch(/^clb-guard: (?!the merged result is incomplete)/m);
  return { ...run, report: readReport(out) };
}

describe('four shards (2 accounts × 2 regions) merged', () => {
  let dir: string;
  let merged: Awaited<ReturnType<typeof merge>>;
  beforeAll(async () => {
    dir = await scanShards(ACCOUNTS);
    merged = await merge(reportsIn(dir));
  }, 120_000);

  it('equals the merge of one scan per account over both regions: same findings, same fingerprints, same fixes', async () => {
    const single = mkdtempSync(join(tmpdir(), 'clb-guard-single-'));
    for (const [name, account] of Object.entries(ACCOUNTS)) {
      const emulator = await emulate(account);
      expect((await shard(single, name, REGIONS, emulator.url)).code).toBe(0);
    }
    const whole = await merge(reportsIn(single));
    expect(merged.code).toBe(0);
    // What may differ: which file each section came from, and the counts of a two-region report.
    const strip = (r: Report & { fixes: unknown[] }) => ({
      ...r,
      target: { ...r.target, shards: r.target.shards?.map(({ report: _r, counts: _c, ...s }) => s) },
    });
    expect(strip(merged.report)).toEqual(strip(whole.report));
    // And the findings are those of the single scans, each once.
    const scans = reportsIn(single).flatMap((f) => readReport(f).findings.map((x) => `${readReport(f).target.account} ${line(x)}`));
    expect(merged.report.findings.map((f) => `${f.account} ${line(f)}`).sort()).toEqual(scans.sort());
    expect(merged.report.findings.length).toBe(2 * 11 + 2 * 9);
  });

  it('is a valid report with sorted sections and findings scoped to their account and region', () => {
    expectValidReport(JSON.stringify(merged.report), 'merged report');
    expect(merged.report.complete).toBe(true);
    expect(merged.report.target.shards?.map((s) => `${s.account} ${s.region} ${s.status}`)).toEqual([
      'bank ap-guangzhou complete',
      'bank ap-shanghai complete',
      'shop ap-guangzhou complete',
      'shop ap-shanghai complete',
    ]);
    const fingerprints = merged.report.findings.map((f) => f.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    // The same resource in both accounts: two findings, two fingerprints.
    const sgWeb = merged.report.findings.filter((f) => f.policy === 'deny-before-allow' && f.resource === 'sg-gz-web');
    expect(sgWeb.map((f) => f.account).sort()).toEqual(['bank', 'shop']);
    expect(sgWeb[0]!.fingerprint).not.toBe(sgWeb[1]!.fingerprint);
    expect(merged.report.findings.every((f) => f.region === (f.resource.includes('-gz-') ? 'ap-guangzhou' : 'ap-shanghai'))).toBe(true);
    expect(merged.report.summary).toEqual({ error: 30, warning: 10, notice: 0, unknown: 0 });
  });

  it('does not depend on the order the reports come in', async () => {
    const reversed = await merge(reportsIn(dir).reverse());
    expect(JSON.stringify(reversed.report)).toBe(JSON.stringify(merged.report));
    const markdown = await node(cli, ['merge', ...reportsIn(dir), '--format', 'markdown', '--fail-on', 'error'], {});
    expect(markdown.code).toBe(1);
    const sections = [...markdown.stdout.matchAll(/^## (\S+ \/ \S+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['bank / ap-guangzhou', 'bank / ap-shanghai', 'shop / ap-guangzhou', 'shop / ap-shanghai']);
    expect(markdown.stdout).toContain('| shop | ap-shanghai | ✅ complete | 8 | 3 | 0 | 0 |');
    const text = await node(cli, ['merge', ...reportsIn(dir), '--fail-on', 'never'], {});
    expect(text.stdout.split('\n').slice(0, 4)).toEqual([
      'bank ap-guangzhou: complete; 7 errors, 2 warnings, 0 notices, 0 unknown',
      'bank ap-shanghai: complete; 7 errors, 2 warnings, 0 notices, 0 unknown',
      'shop ap-guangzhou: complete; 8 errors, 3 warnings, 0 notices, 0 unknown',
      'shop ap-shanghai: complete; 8 errors, 3 warnings, 0 notices, 0 unknown',
    ]);
    expect(text.stdout).toMatch(/^ERROR deny-before-allow {2}shop\/ap-shanghai\/sg-sh-web$/m);
    const sarif = JSON.parse((await node(cli, ['merge', ...reportsIn(dir), '--format', 'sarif', '--fail-on', 'never'], {})).stdout) as {
      runs: { properties: { omittedFindings: { total: number } } }[];
    };
    // Live findings have no line in a repository: SARIF counts them as left out, all of them.
    expect(sarif.runs[0]!.properties.omittedFindings.total).toBe(merged.report.findings.length);
  });

  it('keeps a summary of many sections within its limit: each section its counts', async () => {
    const { renderMergedMarkdown } = await import('../../src/report/mergeMarkdown.js');
    const { readReportFile } = await import('../../src/report/mergeInput.js');
    const file = join(mkdtempSync(join(tmpdir(), 'clb-guard-merged-')), 'merged.json');
    writeFileSync(file, JSON.stringify(merged.report));
    const text = renderMergedMarkdown(await readReportFile(file, 'merged.json'), { maxChars: 6_000, overflowHint: 'the JSON report' });
    expect(text.length).toBeLessThan(6_000);
    expect(text).toContain(
      '## bank / ap-guangzhou\n\n**7 errors, 2 warnings, 0 notices, 0 unknown**; the findings are in the JSON report.',
    );
    expect([...text.matchAll(/^## \S+ \/ \S+$/gm)]).toHaveLength(4);
  });

  it('one incomplete shard makes its section and the merged result incomplete: exit 2, or the findings with --allow-partial', async () => {
    const partial = await scanShards(ACCOUNTS, {
      bank: {
        stuck: (action, params) => action === 'DescribeSecurityGroupPolicies' && String(params.SecurityGroupId).startsWith('sg-sh-'),
      },
    });
    const run = await merge(reportsIn(partial));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^clb-guard: the merged result is incomplete: bank ap-shanghai \(incomplete scan\)\./m);
    expect(run.report.complete).toBe(false);
    expect(run.report.target.shards?.find((s) => s.status !== 'complete')).toMatchObject({
      account: 'bank',
      region: 'ap-shanghai',
      status: 'incomplete',
      reason: expect.stringMatching(/^the scan was incomplete/),
    });
    expect((await merge(reportsIn(partial), ['--allow-partial'])).code).toBe(0);
    expect((await merge(reportsIn(partial), ['--allow-partial', '--fail-on', 'error'])).code).toBe(1);
  });

  it('a shard the config lists and no report holds is a missing section: never clean', async () => {
    const config = join(dir, '..', `${dir.split('/').pop()}-config.json`);
    writeFileSync(
      config,
      JSON.stringify({
        accounts: [
          { name: 'bank', regions: [...REGIONS] },
          { name: 'shop', regions: [...REGIONS, 'ap-beijing'] },
        ],
      }),
    );
    const run = await merge(reportsIn(dir), ['--config', config]);
    expect(run.code).toBe(2);
    expect(run.report.target.shards?.find((s) => s.region === 'ap-beijing')).toMatchObject({ account: 'shop', status: 'missing' });
    expect(run.stderr).toContain('shop ap-beijing (no report)');
  });

  it('refuses two reports of one account and region, and a report that is not one, each on one line', async () => {
    const files = reportsIn(dir);
    const copy = join(mkdtempSync(join(tmpdir(), 'clb-guard-dup-')), 'again.json');
    writeFileSync(copy, readFileSync(files[0]!));
    const twice = await merge([...files, copy]).catch(() => undefined);
    expect(twice).toBeUndefined();
    const again = await node(cli, ['merge', ...files, copy], {});
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/: holds account bank region ap-guangzhou, as .* does: one report per account and region$/m);
    const broken = join(mkdtempSync(join(tmpdir(), 'clb-guard-broken-')), 'broken.json');
    const text = readFileSync(files[0]!, 'utf8');
    writeFileSync(broken, text.replace('"complete": true', '"complete": "yes"'));
    const bad = await node(cli, ['merge', broken], {});
    expect(bad.code).toBe(2);
    const at = text.split('\n').findIndex((l) => l.includes('"complete": true')) + 1;
    expect(bad.stderr.split('\n').filter((l) => l.startsWith('clb-guard: '))).toEqual([
      `clb-guard: ${broken}:${at}: /complete: must be boolean`,
    ]);
  });
});

describe('a matrix job: the Action in live mode with the account and region of its shard', () => {
  it('labels its report with the account, and saves a snapshot whose offline check gives the same findings', async () => {
    const emulator = await emulate(ACCOUNTS.shop!);
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-action-live-'));
    const files = { event: join(dir, 'event.json'), output: join(dir, 'output.txt') };
    writeFileSync(files.event, '{}');
    writeFileSync(files.output, '');
    const snapshot = join(dir, 'clb-guard-shop-ap-shanghai.snapshot.json');
    const run = await node(action, [], {
      ...liveEnv,
      GITHUB_WORKSPACE: repoRoot,
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      RUNNER_TEMP: dir,
      INPUT_MODE: 'live',
      INPUT_ACCOUNT: 'shop',
      INPUT_REGIONS: 'ap-shanghai',
      'INPUT_API-ENDPOINT': emulator.url,
      'INPUT_SAVE-SNAPSHOT': snapshot,
      'INPUT_FAIL-ON': 'never',
      'INPUT_DRIFT-ISSUE': 'never',
      INPUT_ANNOTATIONS: 'false',
      INPUT_CONFIG: 'test/e2e/empty-config.json',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = readReport(join(dir, 'clb-guard-report.json'));
    expect(report.target).toEqual({ regions: ['ap-shanghai'], account: 'shop' });
    expect(report.findings.every((f) => f.region === 'ap-shanghai')).toBe(true);
    const offline = await node(cli, ['live', '--snapshot', snapshot, '--format', 'json', ...common], {});
    expect(offline.code).toBe(0);
    expect((JSON.parse(offline.stdout) as Report).findings).toEqual(report.findings);
    const mistaken = await node(cli, ['merge', snapshot], {});
    expect(mistaken.code).toBe(2);
    expect(mistaken.stderr).toContain('is a snapshot, not a report: check it with clb-guard live --snapshot FILE');
  });
});

describe('the Action in merge mode: one drift issue for every account and region', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startGitHubStandIn({ tokens: { rw: { issues: 'write' } } });
  });
  afterAll(async () => standIn.close());

  async function runMerge(reports: string, runId: string): Promise<Run & { summary: string; outputs: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-action-'));
    const files = { event: join(dir, 'event.json'), summary: join(dir, 'summary.md'), output: join(dir, 'output.txt') };
    writeFileSync(files.event, '{}');
    writeFileSync(files.summary, '');
    writeFileSync(files.output, '');
    const run = await node(action, [], {
      GITHUB_WORKSPACE: repoRoot,
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      GITHUB_API_URL: standIn.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: runId,
      RUNNER_TEMP: dir,
      INPUT_MODE: 'merge',
      INPUT_REPORTS: reports,
      INPUT_CONFIG: 'test/e2e/empty-config.json',
      'INPUT_GITHUB-TOKEN': 'rw',
      'INPUT_FAIL-ON': 'error',
      'INPUT_DRIFT-ISSUE': 'auto',
      'INPUT_SARIF-FILE': join(dir, 'merged.sarif'),
    });
    return { ...run, summary: readFileSync(files.summary, 'utf8'), outputs: readFileSync(files.output, 'utf8') };
  }

  it('opens one issue with four sections, updates it on the next run instead of opening another, and closes it when every shard is clean', async () => {
    const dir = await scanShards(ACCOUNTS);
    const first = await runMerge(`${dir}/clb-guard-*.json`, '41');
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^::error::clb-guard found 30 errors, 10 warnings and 0 notices \(fail-on: error\)\.$/m);
    expect(standIn.issues).toHaveLength(1);
    const issue = standIn.issues[0]!;
    expect(issue.title).toBe('clb-guard: 30 errors, 10 warnings in 2 live accounts');
    expect([...issue.body.matchAll(/^## (\S+ \/ \S+)$/gm)].map((m) => m[1])).toEqual([
      'bank / ap-guangzhou',
      'bank / ap-shanghai',
      'shop / ap-guangzhou',
      'shop / ap-shanghai',
    ]);
    expect(first.summary).toContain('## shop / ap-shanghai');
    expect(first.outputs).toMatch(/sarif-file<</);

    const second = await runMerge(`${dir}/clb-guard-*.json`, '42');
    expect(second.stdout).toMatch(/Drift issue updated\./);
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues[0]!.body).toContain('actions/runs/42');
    expect(standIn.issues[0]!.body.replace(/runs\/\d+/g, '')).toBe(issue.body.replace(/runs\/\d+/g, ''));

    const clean = await scanShards({ shop: CLEAN, bank: CLEAN });
    const third = await runMerge(`${clean}/clb-guard-*.json`, '43');
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/Drift issue closed\./);
    expect(standIn.issues).toEqual([expect.objectContaining({ state: 'closed' })]);
  }, 120_000);

  it('an incomplete shard fails the merge step (exit 2) and keeps the issue open', async () => {
    const dir = await scanShards({ shop: CLEAN, bank: CLEAN }, { shop: { stuck: (action) => action === 'DescribeLoadBalancers' } });
    const run = await runMerge(`${dir}/*.json`, '44');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /^::error::The merged result is incomplete: shop ap-guangzhou \(incomplete scan\), shop ap-shanghai \(incomplete scan\)\./m,
    );
    expect(standIn.issues.filter((i) => i.state === 'open')).toHaveLength(1);
    expect(run.summary).toMatch(/2 of 4 sections are \*\*incomplete\*\*/);
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    const none = await runMerge(`${dir}/*.json`, '45');
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/^::error::input "reports": no file matches /m);
  }, 120_000);
});
