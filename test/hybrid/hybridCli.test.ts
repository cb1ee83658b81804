import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { expectValidReport } from '../report/reportSchema.js';
import { fixtureCopy, hybridEnv, startAccount, stopEmulator } from './hybridRun.js';

afterEach(stopEmulator);

async function cli(args: string[], cwd: string, env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

const noProfile = { TENCENTCLOUD_CREDENTIALS_FILE: '/nonexistent/clb-guard-credentials' };

describe('clb-guard plan --resolve-live', () => {
  it('a change that breaks a live backend outside the plan exits 1; the Markdown has "Outside this plan"', async () => {
    const dir = fixtureCopy('blast-radius');
    const emulator = await startAccount('blast-radius');
    const run = await cli(
      ['plan', 'plan.json', '--resolve-live', '--api-endpoint', emulator.url, '--format', 'markdown', '--today', '2026-11-24'],
      dir,
      { ...hybridEnv, ...noProfile },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('### Outside this plan');
    expect(run.stdout).toContain(
      '**ERROR** `backend-allows-health-check` on live [`ins-other`](https://console.cloud.tencent.com/cvm/instance/detail?rid=ap-guangzhou&id=ins-other) behind [`lb-other`](https://console.cloud.tencent.com/clb/detail?rid=ap-guangzhou&id=lb-other), by the change to `sg-shared` (`tencentcloud_security_group_lite_rule.sg_shared_rules`) — change at `main.tf:17`',
    );
    expect(run.stdout).toContain('3 pre-existing failures on `ins-old`');
    expect(run.stderr).toMatch(
      /resolved 2 of 2 external objects in ap-guangzhou \(\d+ API calls\); 2 live backends outside the plan depend on its changes/,
    );
  });

  it('pre-existing failures alone exit 0, and 1 with --fail-on-preexisting; the JSON report validates', async () => {
    const dir = fixtureCopy('blast-radius-preexisting');
    const emulator = await startAccount('blast-radius-preexisting');
    const args = [
      'plan',
      'plan.json',
      '--resolve-live',
      '--region',
      'ap-guangzhou',
      '--api-endpoint',
      emulator.url,
      '--format',
      'json',
      '--today',
      '2026-11-24',
    ];
    const plain = await cli(args, dir, { ...hybridEnv, ...noProfile });
    expect(plain.code).toBe(0);
    expectValidReport(plain.stdout, 'blast-radius-preexisting');
    const report = JSON.parse(plain.stdout) as {
      resolution: { complete: boolean };
      findings: { outsidePlan?: { preexisting: boolean } }[];
    };
    expect(report.resolution.complete).toBe(true);
    expect(report.findings.every((f) => f.outsidePlan?.preexisting === true)).toBe(true);
    expect((await cli([...args, '--fail-on-preexisting'], dir, { ...hybridEnv, ...noProfile })).code).toBe(1);
  });

  it('an incomplete resolution exits 2 unless --allow-partial', async () => {
    const dir = fixtureCopy('external-group-order');
    const emulator = await startAccount('external-group-order', {
      answers: [{ action: 'DescribeSecurityGroupPolicies', kind: 'raw', status: 503, body: 'busy' }],
    });
    const args = ['plan', 'plan.json', '--resolve-live', '--api-endpoint', emulator.url, '--today', '2026-11-24'];
    const run = await cli(args, dir, { ...hybridEnv, ...noProfile });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("resolving the plan's external references is incomplete");
    expect((await cli([...args, '--allow-partial'], dir, { ...hybridEnv, ...noProfile })).code).toBe(0);
  });

  it('without credentials the run is plan-only, with one line saying how many checks stayed unknown', async () => {
    const dir = fixtureCopy('external-group-order');
    const run = await cli(['plan', 'plan.json', '--resolve-live', '--today', '2026-11-24'], dir, { ...noProfile, HOME: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      '--resolve-live: no Tencent Cloud credentials, so the plan was checked alone; 4 checks stayed unknown because of external references (',
    );
    expect(run.stdout).toContain('0 errors, 0 warnings, 0 notices, 4 unknown');
  });

  it("without --region and without a region in the plan's provider: exit 2, saying so", async () => {
    const dir = fixtureCopy('external-healthy');
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { configuration: Record<string, unknown> };
    delete plan.configuration.provider_config;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const run = await cli(['plan', 'plan.json', '--resolve-live'], dir, { ...hybridEnv, ...noProfile });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "\nclb-guard: --resolve-live needs a region: pass --region REGION, or set region in the plan's tencentcloud provider block\n",
    );
  });

  it('a misspelled region, or all, is refused up front with exit 2', async () => {
    const dir = fixtureCopy('external-healthy');
    const typo = await cli(['plan', 'plan.json', '--resolve-live', '--region', 'ap-guangzho'], dir, { ...hybridEnv, ...noProfile });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown region "ap-guangzho"; did you mean "ap-guangzhou"?');
    const all = await cli(['plan', 'plan.json', '--resolve-live', '--region', 'all'], dir, { ...hybridEnv, ...noProfile });
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('--region all is for live mode');
  });
});
