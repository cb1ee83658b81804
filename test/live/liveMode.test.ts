import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import { checkPlan } from '../../src/check/index.js';
import { runCli } from '../../src/cli/runCli.js';
import { silentLogger } from '../../src/logging/logger.js';
import { loadConfig } from '../../src/policy/configLoader.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import type { Account } from '../emulator/accountFixture.js';
import { type Emulator, type EmulatorFaults, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { tc3Signature } from '../emulator/tc3Signature.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const demoAccount = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) as Account;
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
const env = { TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey };
const fastRetry = { attempts: 6, baseDelayMs: 5, maxDelayMs: 40 };

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function scan(account: Account, faults?: EmulatorFaults, options: { timeoutSeconds?: number } = {}) {
  emulator = await startEmulator({ account, ...(faults ? { faults } : {}) });
  const credentials = await resolveCredentials(env);
  const inventory = await readLiveInventory({
    regions: ['ap-guangzhou'],
    credentials,
    apiEndpoint: emulator.url,
    logger: silentLogger,
    retry: fastRetry,
    rateLimits: {
      DescribeLoadBalancers: 1000,
      DescribeListeners: 1000,
      DescribeTargets: 1000,
      DescribeInstances: 1000,
      DescribeSecurityGroupPolicies: 1000,
      DescribeNetworkAcls: 1000,
      DescribeSubnets: 1000,
      DescribeVpcs: 1000,
    },
    ...options,
  });
  const config = await loadConfig({ cwd: join(repoRoot, 'test/e2e'), configFile: 'empty-config.json' });
  return { inventory, report: checkInventory(inventory, config, { today: '2026-11-24', target: { regions: ['ap-guangzhou'] } }) };
}

const summary = (findings: readonly { status: string; policy: string; resource: string }[]) =>
  findings.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort();

// The demo plan's resources and the emulator account's cloud IDs for the same things.
const PLAN_TO_CLOUD: Record<string, string> = {
  'tencentcloud_vpc_acl.web': 'acl-web',
  'tencentcloud_instance.api': 'ins-api',
  'tencentcloud_instance.web[0]': 'ins-web0',
  'tencentcloud_instance.web[1]': 'ins-web1',
  'tencentcloud_security_group.web': 'sg-web',
  'tencentcloud_security_group.admin': 'sg-admin',
  'tencentcloud_clb_instance.admin': 'lb-admin',
};

describe('TC3-HMAC-SHA256', () => {
  it('reproduces the official documentation example', () => {
    const { signature } = tc3Signature({
      method: 'GET',
      host: 'cvm.tencentcloudapi.com',
      query: 'Limit=10&Offset=0',
      contentType: 'application/x-www-form-urlencoded',
      payload: '',
      timestamp: 1539084154,
      service: 'cvm',
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    });
    expect(signature).toBe('5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474');
  });
});

describe('live mode against the local API emulator (real SDK, 127.0.0.1)', () => {
  it('finds in the account what plan mode finds in the same infrastructure as a plan', async () => {
    const { report } = await scan(demoAccount);
    const plan = await checkPlan(DEMO_PLAN_CHECK);
    expect(summary(report.findings)).toEqual(
      summary(plan.findings.map((f) => ({ ...f, resource: PLAN_TO_CLOUD[f.resource] ?? f.resource }))),
    );
    expect(report.complete).toBe(true);
    const lb = report.findings.find((f) => f.resource === 'lb-admin');
    expect(lb?.consoleUrl).toBe('https://console.cloud.tencent.com/clb/detail?rid=ap-guangzhou&id=lb-admin');
  });

  it('reads each object once, in full pages and ID batches', async () => {
    const { inventory } = await scan(demoAccount);
    expect(Object.fromEntries([...emulator!.calls].sort())).toEqual({
      DescribeInstances: 1,
      DescribeListeners: 3,
      DescribeLoadBalancers: 1,
      DescribeNetworkAcls: 1,
      // The secondary interfaces of the four instances: one filter of five values.
      DescribeNetworkInterfaces: 1,
      // The region names are checked against the account's list first.
      DescribeRegions: 1,
      DescribeSecurityGroupPolicies: 4,
      DescribeSubnets: 1,
      DescribeTargets: 3,
      DescribeVpcs: 1,
    });
    expect(inventory.instances.size).toBe(4);
    expect(emulator!.log.find((l) => l.action === 'DescribeLoadBalancers')?.params).toMatchObject({ Offset: 0, Limit: 100 });
  });

  it('pages through more than 100 load balancers', async () => {
    const base = demoAccount.regions['ap-guangzhou']!;
    const many = {
      regions: {
        'ap-guangzhou': {
          ...base,
          loadBalancers: Array.from({ length: 230 }, (_, i) => ({ ...base.loadBalancers[0], LoadBalancerId: `lb-${i}` })),
        },
      },
    };
    const { inventory } = await scan(many as Account);
    expect(inventory.loadBalancers.size).toBe(230);
    expect(emulator!.calls.get('DescribeLoadBalancers')).toBe(3);
  });

  it('with 30% throttling and 5% server errors, a scan ends with the same findings as a clean one', async () => {
    const clean = summary((await scan(demoAccount)).report.findings);
    await emulator!.close();
    const { report } = await scan(demoAccount, { throttleRate: 0.3, serverErrorRate: 0.05, seed: 7 });
    expect(summary(report.findings)).toEqual(clean);
    expect(report.complete).toBe(true);
    const retried = [...emulator!.calls.values()].reduce((a, b) => a + b, 0);
    expect(retried).toBeGreaterThan(15);
  });

  it('a resource that never answers leaves the report incomplete, and the CLI exits 2', async () => {
    const { report } = await scan(
      demoAccount,
      { stuck: (action, params) => action === 'DescribeSecurityGroupPolicies' && params.SecurityGroupId === 'sg-api' },
      { timeoutSeconds: 1 },
    );
    expect(report.complete).toBe(false);
    expect(report.findings.filter((f) => f.resource === 'ins-api').every((f) => f.status === 'unknown')).toBe(true);
    await emulator!.close();
    emulator = await startEmulator({ account: demoAccount, faults: { stuck: (action) => action === 'DescribeSecurityGroupPolicies' } });
    const out: string[] = [];
    const code = await runCli(
      ['live', '--region', 'ap-guangzhou', '--api-endpoint', emulator.url, '--format', 'json', '--config', 'test/e2e/empty-config.json'],
      {
        cwd: repoRoot,
        env: { ...env, CLB_GUARD_LIVE_TIMEOUT: '1', CLB_GUARD_LIVE_RETRY_MS: '5' },
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => out.push(t) },
      },
    );
    expect(code).toBe(2);
    expect(out.join('')).toContain('"complete": false');
  });

  it('a wrong secret key is one line and exit 2, and a canary secret appears nowhere', async () => {
    emulator = await startEmulator({ account: demoAccount });
    const canary = 'CANARY-secret-0f3c9e';
    const out: string[] = [];
    const code = await runCli(['live', '--region', 'ap-guangzhou', '--api-endpoint', emulator.url], {
      cwd: repoRoot,
      env: { TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: canary },
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
    });
    const text = out.join('');
    expect(code).toBe(2);
    // Info lines (which config is used) may come first; the error is one line of its own.
    const errors = text
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('clb-guard: '));
    expect(errors).toEqual(['clb-guard: Tencent Cloud rejected the credentials (AuthFailure.SignatureFailure)']);
    expect(text).not.toContain(canary);
  });

  it('missing credentials and a non-loopback http endpoint are one-line errors', async () => {
    await expect(resolveCredentials({}, { profileFile: '/nonexistent' })).rejects.toThrow(/no Tencent Cloud credentials/);
    const out: string[] = [];
    const code = await runCli(['live', '--region', 'ap-guangzhou', '--api-endpoint', 'http://10.1.2.3:8080'], {
      cwd: repoRoot,
      env,
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
    });
    expect(code).toBe(2);
    expect(out.join('')).toMatch(/plain http is allowed only for loopback addresses/);
  });

  it('OIDC: exchanges the runner ID token at STS and signs with the temporary credentials', async () => {
    emulator = await startEmulator({ account: demoAccount });
    const credentials = await resolveCredentials(
      {},
      {
        apiEndpoint: emulator.url,
        oidc: { roleArn: 'qcs::cam::uin/1:roleName/clb-guard', providerId: 'github', idToken: async () => 'id-token' },
      },
    );
    const inventory = await readLiveInventory({
      regions: ['ap-guangzhou'],
      credentials,
      apiEndpoint: emulator.url,
      logger: silentLogger,
      retry: fastRetry,
    });
    expect(inventory.loadBalancers.size).toBe(3);
    expect(emulator.calls.get('AssumeRoleWithWebIdentity')).toBe(1);
  });
});
