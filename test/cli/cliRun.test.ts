import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type CliIo, ioErrorLine, runCli } from '../../src/cli/runCli.js';
import { expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const demo = join(repoRoot, 'examples', 'demo');
const emptyConfig = join(repoRoot, 'test', 'e2e', 'empty-config.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], options: { cwd?: string; stdin?: CliIo['stdin'] } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: options.cwd ?? repoRoot,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  return { code, stdout, stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'clb-guard-cli-'));
}

describe('clb-guard plan -', () => {
  it('reads the plan from stdin and finds the .tf lines in the repository', async () => {
    const stdin = Readable.from([readFileSync(join(demo, 'plan.json'))]);
    const run = await cli(['plan', '-', '--format', 'json', '--config', emptyConfig], { stdin });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toHaveLength(11);
    expect(report.target.planFile).toBe('-');
    expect(report.findings.every((f: { location: { file: string } | null }) => f.location?.file === 'examples/demo/main.tf')).toBe(true);
  });

  it('says what is wrong with a broken plan on stdin, as stdin', async () => {
    const run = await cli(['plan', '-', '--config', emptyConfig], { stdin: Readable.from([Buffer.from('{"format_version": ')]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^clb-guard: stdin: /m);
    expect(run.stderr).not.toContain('internal error');
  });

  it('refuses JSON nested too deep to be a plan, in one line', async () => {
    const run = await cli(['plan', '-', '--config', emptyConfig], { stdin: Readable.from([Buffer.from('['.repeat(300))]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^clb-guard: stdin: line 1 column 257: nested deeper than 256 levels: no Terraform plan nests this deep$/m);
  });

  it('the built CLI reads a piped plan (dist/cli.js)', () => {
    const run = spawnSync(
      process.execPath,
      [...guardedNodeArgs(), join(repoRoot, 'dist', 'cli.js'), 'plan', '-', '--config', emptyConfig, '--format', 'json'],
      { cwd: repoRoot, input: readFileSync(join(demo, 'plan.json')), encoding: 'utf8' },
    );
    expectNoEscape(run.stderr, run.status);
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).findings).toHaveLength(11);
  });

  it('refuses a terminal on stdin instead of waiting for input', async () => {
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    const run = await cli(['plan', '-', '--config', emptyConfig], { stdin });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('clb-guard: plan -: stdin is a terminal; pipe the plan in');
  });
});

describe('I/O errors are one line, exit 2, never "internal error"', () => {
  it.each<[string, (dir: string) => string, RegExp]>([
    [
      'a missing folder',
      (dir) => join(dir, 'missing', 'out.sarif'),
      /^clb-guard: cannot write the report to .*missing\/out\.sarif: the folder .*missing does not exist\n$/,
    ],
    ['a folder as the file', (dir) => dir, /^clb-guard: cannot write the report to .*: it is a folder\n$/],
    [
      'a file as a folder',
      (dir) => {
        writeFileSync(join(dir, 'f'), '');
        return join(dir, 'f', 'out.sarif');
      },
      /^clb-guard: cannot write the report to .*: a part of the path is a file, not a folder\n$/,
    ],
  ])('--output into %s', async (_name, target, message) => {
    const dir = tempDir();
    const run = await cli(['plan', 'examples/demo/plan.json', '--config', emptyConfig, '--format', 'sarif', '--output', target(dir)]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('clb-guard:'))).toHaveLength(1);
    expect(`${run.stderr.split('\n').find((l) => l.startsWith('clb-guard:'))}\n`).toMatch(message);
    expect(run.stderr).not.toContain('internal error');
  });

  it('a file-system error from anywhere is an I/O line, not a bug', async () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x/policies.json'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/x/policies.json',
    });
    expect(ioErrorLine(error)).toBe('cannot read /x/policies.json: permission denied');
    expect(ioErrorLine(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write' }))).toBe(
      'cannot write: no space left on the device',
    );
    expect(ioErrorLine(new TypeError('x is undefined'))).toBeUndefined();
  });

  it('an unknown option is a clean message, with the option meant', async () => {
    const run = await cli(['plan', 'examples/demo/plan.json', '--fail-no', 'warning']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'clb-guard: unknown option --fail-no for "plan"; did you mean --fail-on? (see clb-guard plan --help)\n',
    });
  });
});

describe('help', () => {
  it('plan --help, live --help and policies validate --help print their own options', async () => {
    const plan = await cli(['plan', '--help']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('--tf-root DIR');
    expect(plan.stdout).toContain('--resolve-live');
    const live = await cli(['live', '--help']);
    expect(live.stdout).toContain('--region REGION');
    expect(live.stdout).not.toContain('--tf-root');
    const validate = await cli(['policies', 'validate', '--help']);
    expect(validate.stdout).toMatch(/^Usage: clb-guard policies validate/);
    expect(validate.stdout).not.toContain('--fail-on');
  });
});

describe('what a run says on stderr', () => {
  it('names the config it loaded', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.clb-guard.json'), '{}');
    cpSync(join(demo, 'plan.json'), join(dir, 'plan.json'));
    const run = await cli(['plan', 'plan.json', '--format', 'json'], { cwd: dir });
    expect(run.stderr.split('\n')).toContain('using config .clb-guard.json');
    const none = tempDir();
    mkdirSync(join(none, '.git'));
    cpSync(join(demo, 'plan.json'), join(none, 'plan.json'));
    expect((await cli(['plan', 'plan.json', '--format', 'json'], { cwd: none })).stderr).toContain(
      'no .clb-guard.json found (searched up to the repository root)',
    );
  });

  it('prints each warning once, on stderr, and not again in the text report on stdout', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    const config = {
      exceptions: [
        { policy: 'admin-port-not-public', resource: 'tencentcloud_instance.nothing_here', reason: 'test', expires: '2099-01-01' },
      ],
    };
    writeFileSync(join(dir, '.clb-guard.json'), JSON.stringify(config));
    cpSync(join(demo, 'plan.json'), join(dir, 'plan.json'));
    const run = await cli(['plan', 'plan.json', '--today', '2026-01-01'], { cwd: dir });
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings.some((w) => w.includes('no .tf line'))).toBe(true);
    expect(warnings.some((w) => w.includes('matches no finding'))).toBe(true);
    expect(new Set(warnings).size).toBe(warnings.length);
    expect(run.stdout).not.toContain('no .tf line');
    expect(run.stdout).not.toContain('matches no finding');
    // A report written to a file keeps them: it is read elsewhere.
    const out = join(dir, 'report.txt');
    await cli(['plan', 'plan.json', '--today', '2026-01-01', '--output', out], { cwd: dir });
    expect(readFileSync(out, 'utf8')).toContain('matches no finding');
  });
});

describe('the JSON report is written in pieces', () => {
  it('waits for a slow stdout to drain, and writes the same bytes as --output', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const argv = ['plan', 'examples/demo/plan.json', '--config', emptyConfig, '--format', 'json', '--today', '2026-01-01'];
    const toFile = await cli([...argv, '--output', out]);
    expect(toFile.code).toBe(1);
    const received: string[] = [];
    let refused = 0;
    // A stream that takes each piece later and asks the writer to wait after every one.
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk.toString());
        setImmediate(done);
      },
    });
    const write = slow.write.bind(slow);
    const stdout = Object.assign(slow, {
      write: (chunk: string | Uint8Array) => {
        const more = write(chunk);
        if (!more) refused++;
        return more;
      },
    });
    const code = await runCli(argv, { cwd: repoRoot, env: {}, stdout, stderr: { write: () => true } });
    expect(code).toBe(1);
    expect(refused).toBeGreaterThan(0);
    expect(received.join('')).toBe(readFileSync(out, 'utf8'));
    expect(JSON.parse(received.join('')).findings).toHaveLength(11);
  });
});

describe('clb-guard policies list', () => {
  it('prints every loaded policy with its effective severity and source file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'extra'));
    cpSync(join(repoRoot, 'policies', 'admin-port-not-public.json'), join(dir, 'extra', 'mine.json'));
    const mine = JSON.parse(readFileSync(join(dir, 'extra', 'mine.json'), 'utf8'));
    mine.policies[0].id = 'my-admin-port';
    writeFileSync(join(dir, 'extra', 'mine.json'), JSON.stringify(mine));
    writeFileSync(
      join(dir, '.clb-guard.json'),
      JSON.stringify({ policies: { 'deny-before-allow': 'notice', 'snat-source-allowed': 'off' } }),
    );
    const run = await cli(['policies', 'list', '--policies', 'extra/mine.json'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^POLICY\s+SEVERITY\s+SOURCE\s+TITLE$/);
    expect(lines.find((l) => l.startsWith('deny-before-allow '))).toMatch(/^deny-before-allow\s+notice\s+builtin\s+\S/);
    expect(lines.find((l) => l.startsWith('my-admin-port '))).toMatch(/^my-admin-port\s+warning\s+extra\/mine\.json\s+\S/);
    expect(lines.some((l) => l.startsWith('snat-source-allowed '))).toBe(false);
    expect(run.stdout).toContain('10 policies; config: .clb-guard.json');
    expect(run.stderr).toContain('using config .clb-guard.json');
    const json = JSON.parse((await cli(['policies', 'list', '--format', 'json', '--policies', 'extra/mine.json'], { cwd: dir })).stdout);
    expect(json.config).toBe('.clb-guard.json');
    expect(json.policies).toContainEqual(expect.objectContaining({ id: 'deny-before-allow', severity: 'notice', source: 'builtin' }));
  });

  it('refuses a broken config as a run would', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ policies: { 'no-such-policy': 'error' } }));
    const run = await cli(['policies', 'list', '--config', 'c.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('c.json');
    expect(run.stdout).toBe('');
  });
});

describe('clb-guard plan on a plan Terraform marked incomplete', () => {
  it('exits 2 (never clean) unless --allow-partial, then by the findings', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(join(demo, 'plan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, complete: false }));
    cpSync(join(demo, 'main.tf'), join(dir, 'main.tf'));
    const strict = await cli(['plan', join(dir, 'plan.json'), '--config', emptyConfig, '--fail-on', 'never']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('the plan is marked incomplete');
    const partial = await cli(['plan', join(dir, 'plan.json'), '--config', emptyConfig, '--fail-on', 'never', '--allow-partial']);
    expect(partial.code).toBe(0);
    const failing = await cli(['plan', join(dir, 'plan.json'), '--config', emptyConfig, '--allow-partial']);
    expect(failing.code).toBe(1);
    const explained = await cli([
      'explain',
      join(dir, 'plan.json'),
      'tencentcloud_instance.web[0]',
      '--config',
      emptyConfig,
      '--fail-on',
      'never',
    ]);
    expect(explained.code).toBe(2);
    expect(explained.stderr).toContain('the plan is marked incomplete');
  });
});

describe('clb-guard plan on a plan with deferred changes and no "complete"', () => {
  it('reports it incomplete, naming what was deferred, and exits 2 unless --allow-partial', async () => {
    const dir = tempDir();
    const { complete: _complete, ...plan } = JSON.parse(readFileSync(join(demo, 'plan.json'), 'utf8')) as Record<string, unknown>;
    const deferred = {
      reason: 'resource_config_unknown',
      resource_change: { address: 'tencentcloud_security_group_rule_set.later', mode: 'managed', change: { actions: ['create'] } },
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, deferred_changes: [deferred] }));
    cpSync(join(demo, 'main.tf'), join(dir, 'main.tf'));
    const strict = await cli(['plan', join(dir, 'plan.json'), '--config', emptyConfig, '--fail-on', 'never', '--format', 'json']);
    expect(strict.code).toBe(2);
    const report = JSON.parse(strict.stdout) as { complete: boolean; warnings: string[] };
    expect(report.complete).toBe(false);
    expect(report.warnings).toContainEqual(expect.stringContaining('they are not checked: tencentcloud_security_group_rule_set.later'));
    const partial = await cli(['plan', join(dir, 'plan.json'), '--config', emptyConfig, '--fail-on', 'never', '--allow-partial']);
    expect(partial.code).toBe(0);
    const failing = await cli(['plan', join(dir, 'plan.json'), '--config', emptyConfig, '--allow-partial']);
    expect(failing.code).toBe(1);
  });
});

describe('clb-guard plan on a resource change Terraform would not write', () => {
  it.each([
    ['no actions', (c: Change) => delete c.change.actions, /: line \d+ column \d+: \/resource_changes\/0\/change: "actions" is missing$/m],
    [
      'actions Terraform does not write',
      (c: Change) => (c.change.actions = ['frobnicate']),
      /\/resource_changes\/0\/change\/actions: \["frobnicate"\] is not/m,
    ],
    [
      'an "after" that is a string',
      (c: Change) => (c.change.after = 'oops'),
      /\/resource_changes\/0\/change\/after: expected an object or null, found a string$/m,
    ],
  ])('exits 2 on one located line: %s (file and standard input)', async (_name, damage, message) => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(join(demo, 'plan.json'), 'utf8')) as { resource_changes: Change[] };
    damage(plan.resource_changes[0]!);
    const text = JSON.stringify(plan, null, 1);
    writeFileSync(join(dir, 'plan.json'), text);
    for (const run of [
      await cli(['plan', join(dir, 'plan.json'), '--config', emptyConfig, '--fail-on', 'never']),
      await cli(['plan', '-', '--config', emptyConfig, '--fail-on', 'never'], { stdin: Readable.from([Buffer.from(text)]) }),
    ]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const errors = run.stderr.split('\n').filter((line) => line.startsWith('clb-guard: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
    }
  });
});

interface Change {
  change: Record<string, unknown>;
}

describe('clb-guard merge', () => {
  it('says what the config means for a merge: without one, no shard is required (not which policies would run)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    const { renderJson } = await import('../../src/report/jsonReport.js');
    const { report } = await import('../report/sampleReport.js');
    writeFileSync(join(dir, 'shop.json'), renderJson(report([], { mode: 'live', target: { account: 'shop', regions: ['ap-guangzhou'] } })));
    const bare = await cli(['merge', 'shop.json', '--format', 'json'], { cwd: dir });
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe(
      'no .clb-guard.json found: the reports given are merged as they are, and no account or region is required to have one\n',
    );
    writeFileSync(join(dir, '.clb-guard.json'), JSON.stringify({ accounts: [{ name: 'shop', regions: ['ap-guangzhou', 'ap-shanghai'] }] }));
    const configured = await cli(['merge', 'shop.json', '--format', 'json'], { cwd: dir });
    expect(configured.code).toBe(2);
    expect(configured.stderr.split('\n')[0]).toBe('using config .clb-guard.json: 2 account and region pairs must each have a report');
    expect(configured.stderr).toContain('clb-guard: the merged result is incomplete: shop ap-shanghai (no report).');
  });
});
