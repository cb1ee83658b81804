import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const emptyConfig = join(repoRoot, 'test', 'e2e', 'empty-config.json');
const plan = 'examples/demo/plan.json';
let cliJs: string;

beforeAll(async () => {
  cliJs = await bundleEntry('cli');
}, 60_000);

/** The built CLI, in a guarded child process. */
function clbGuard(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...guardedNodeArgs(), cliJs, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  expectNoEscape(run.stderr, run.status);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('clb-guard explain PLAN ID (the built CLI)', () => {
  it('a backend: every failing flow layer by layer, the deciding rule with its line, then the findings and their fix', () => {
    const run = clbGuard(['explain', plan, 'tencentcloud_instance.web[0]', '--tf-root', 'examples/demo', '--config', emptyConfig]);
    expect(run.code, run.stderr).toBe(1);
    const out = run.stdout;
    expect(out).toMatch(/^explain tencentcloud_instance\.web\[0\]: 4 findings$/m);
    expect(out).toContain('path 1: tencentcloud_instance.web[0], tencentcloud_instance.web[1] behind tencentcloud_clb_listener.https');
    // The client flow: each layer in order, then the reply leg the ACL refuses.
    const client = out.slice(out.indexOf('  flow clients (0.0.0.0/0) → TCP:8443'), out.indexOf('  flow health checks'));
    expect(
      client
        .split('\n')
        .filter((l) => /^ {4}(\d\.|→)/.test(l))
        .map((l) => l.trim().replace(/\s+/g, ' ')),
    ).toEqual([
      '1. CLB group ALLOW tencentcloud_clb_instance.web',
      '2. backend group ALLOW shop-web (tencentcloud_security_group.web)',
      '3. ACL inbound ALLOW web (tencentcloud_vpc_acl.web)',
      '→ TCP:8443 on the target',
      '4. ACL reply DENY web (tencentcloud_vpc_acl.web)',
    ]);
    expect(client).toContain('admitted by #0 ACCEPT 0.0.0.0/0 TCP:8443  examples/demo/main.tf:68');
    expect(client).toContain(
      'refused by default outbound deny of the ACL (ALL ALL 0.0.0.0/0 DROP) (for 0.0.0.0/0 except 172.16.0.0/16 TCP:1024-65535)',
    );
    expect(out).toContain('ERROR backend-allows-health-check  tencentcloud_instance.web[0]  examples/demo/main.tf:91');
    expect(out).toContain('cidr_block = tencentcloud_clb_instance.web.clb_vips[0]');
    // Only what concerns web[0]: not the api backend, not web[1]'s own findings.
    expect(out).not.toContain('tencentcloud_instance.api');
    expect(out).not.toMatch(/^\S+ \S+ {2}tencentcloud_instance\.web\[1\]/m);
  });

  it('a finding by fingerprint, a group, and a pass-to-target backend', () => {
    const report = JSON.parse(
      clbGuard(['plan', plan, '--tf-root', 'examples/demo', '--config', emptyConfig, '--format', 'json']).stdout,
    ) as { findings: { policy: string; resource: string; fingerprint: string }[] };
    const hc = report.findings.find((f) => f.policy === 'backend-allows-health-check' && f.resource === 'tencentcloud_instance.api')!;
    const byFingerprint = clbGuard([
      'explain',
      plan,
      hc.fingerprint,
      '--tf-root',
      'examples/demo',
      '--config',
      emptyConfig,
      '--format',
      'json',
    ]);
    expect(byFingerprint.code).toBe(1);
    expect(JSON.parse(byFingerprint.stdout).findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual([hc.fingerprint]);

    const group = clbGuard(['explain', plan, 'tencentcloud_security_group.api', '--tf-root', 'examples/demo', '--config', emptyConfig]);
    expect(group.stdout).toMatch(/^explain tencentcloud_security_group\.api: 3 findings$/m);

    const bypassed = clbGuard(['explain', plan, 'tencentcloud_instance.admin', '--tf-root', 'examples/demo', '--config', emptyConfig]);
    expect(bypassed.stdout).toMatch(
      /2\. backend group SKIPPED +shop-admin \(tencentcloud_security_group\.admin\)\n.*#0 DROP 45\.33\.0\.0\/16 TCP:8080 {2}examples\/demo\/main\.tf:213\n +not evaluated: the CLB passes traffic to its targets/,
    );
  });

  it('--format markdown gives the diagram', () => {
    const run = clbGuard([
      'explain',
      plan,
      'tencentcloud_instance.api',
      '--tf-root',
      'examples/demo',
      '--config',
      emptyConfig,
      '--format',
      'markdown',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^## clb-guard explain tencentcloud_instance\.api$/m);
    expect(run.stdout.match(/^```mermaid$/gm)).toHaveLength(1);
    expect(run.stdout).toContain('f0l1 --x t0');
  });

  it('a resource with nothing failing says so and exits 0', () => {
    const run = clbGuard(['explain', plan, 'tencentcloud_subnet.api', '--tf-root', 'examples/demo', '--config', emptyConfig]);
    expect(run.stdout).toBe('tencentcloud_subnet.api: no finding — every flow the policies check passes (10 policies).\n');
    expect(run.code).toBe(0);
  });

  it('an unknown resource is one line with a suggestion, exit 2', () => {
    const run = clbGuard(['explain', plan, 'tencentcloud_instance.wbe[0]', '--tf-root', 'examples/demo', '--config', emptyConfig]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(
      run.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('clb-guard:')),
    ).toEqual([
      'clb-guard: examples/demo/plan.json has no resource or finding "tencentcloud_instance.wbe[0]"; did you mean tencentcloud_instance.web[0]?',
    ]);
  });

  it('usage mistakes: a missing ID, a format explain cannot give', () => {
    expect(clbGuard(['explain', plan]).stderr).toContain(
      'clb-guard: explain takes a plan file and what to explain: clb-guard explain PLAN.json RESOURCE|FINGERPRINT',
    );
    const sarif = clbGuard(['explain', plan, 'x', '--format', 'sarif']);
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toContain('--format of "explain" must be text, markdown or json, not "sarif"');
    expect(clbGuard(['explain', '--help']).stdout).toContain('Usage: clb-guard explain PLAN.json|- RESOURCE|FINGERPRINT [options]');
  });
});

describe('clb-guard live --explain-only ID (the built CLI against the API emulator)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ account: JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('reports only what concerns that cloud resource, with its path', async () => {
    const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
    const args = [
      ...guardedNodeArgs(),
      cliJs,
      'live',
      '--region',
      'ap-guangzhou',
      '--api-endpoint',
      emulator.url,
      '--config',
      emptyConfig,
      '--explain-only',
      'ins-api',
    ];
    const env = { PATH: process.env.PATH ?? '', TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey! };
    const run = await promisify(execFile)(process.execPath, args, { cwd: repoRoot, env }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expectNoEscape(run.stderr, 'code' in run ? run.code : 0);
    expect('code' in run ? run.code : 0).toBe(1);
    expect(run.stdout).toMatch(/^explain ins-api: 3 findings$/m);
    expect(run.stdout).toMatch(/^path 1: ins-api behind /m);
    expect(run.stdout).toContain('refused by default deny (no rule matched)');
    expect(run.stdout).not.toContain('ins-web');
  });
});
