import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { silentLogger } from '../../src/logging/logger.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import type { Account } from '../emulator/accountFixture.js';
import { type Emulator, type EmulatorOptions, startEmulator, TEST_KEYS } from '../emulator/server.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const demoAccount = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) as Account;
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
const env = { TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey, CLB_GUARD_LIVE_RETRY_MS: '5' };
const ROLE = 'qcs::cam::uin/100000000001:roleName/clb-guard-read';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function cli(args: string[], options: Omit<EmulatorOptions, 'account'> & { account?: Account; env?: Record<string, string> } = {}) {
  emulator = await startEmulator({ account: options.account ?? demoAccount, ...options });
  const out: string[] = [];
  const code = await runCli(
    [
      'live',
      '--api-endpoint',
      emulator.url,
      '--format',
      'json',
      '--config',
      'test/e2e/empty-config.json',
      '--today',
      '2026-11-24',
      ...args,
    ],
    {
      cwd: repoRoot,
      env: options.env ?? env,
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
    },
  );
  return { code, text: out.join('') };
}

/** The demo account in two regions (the second a copy with its own IDs). */
function twoRegions(): Account {
  const copy = JSON.parse(
    JSON.stringify(demoAccount.regions['ap-guangzhou']).replace(/"(lb|lbl|ins|sg|subnet|vpc|acl)-/g, '"$1-sh-'),
  ) as Account['regions'][string];
  return { regions: { 'ap-guangzhou': demoAccount.regions['ap-guangzhou']!, 'ap-shanghai': copy } };
}

describe('regions', () => {
  it('a misspelled region is refused before anything is read, naming the region meant', async () => {
    const { code, text } = await cli(['--region', 'ap-guangzho']);
    expect(code).toBe(2);
    expect(text).toContain('clb-guard: unknown region "ap-guangzho"; did you mean "ap-guangzhou"? (the account offers: ap-guangzhou)');
    expect(emulator!.log.map((l) => l.action)).toEqual(['DescribeRegions']);
  });

  it('--region all scans every region the account has, side by side', async () => {
    emulator = await startEmulator({ account: twoRegions() });
    const credentials = await resolveCredentials(env);
    const inventory = await readLiveInventory({
      regions: ['all'],
      credentials,
      apiEndpoint: emulator.url,
      logger: silentLogger,
      retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
    });
    expect(inventory.regions).toEqual(['ap-guangzhou', 'ap-shanghai']);
    expect([...inventory.loadBalancers.keys()].sort()).toEqual(['lb-admin', 'lb-api', 'lb-sh-admin', 'lb-sh-api', 'lb-sh-web', 'lb-web']);
    expect(inventory.complete).toBe(true);
    const listed = emulator.log
      .filter((l) => l.action === 'DescribeLoadBalancers')
      .map((l) => l.region)
      .sort();
    expect(listed).toEqual(['ap-guangzhou', 'ap-shanghai']);
    // Side by side: Shanghai's reads begin before Guangzhou's last read is answered.
    const lastGuangzhou = Math.max(...emulator.log.filter((l) => l.region === 'ap-guangzhou').map((l) => l.endedAt ?? 0));
    const firstShanghai = Math.min(...emulator.log.filter((l) => l.region === 'ap-shanghai').map((l) => l.startedAt));
    expect(firstShanghai).toBeLessThan(lastGuangzhou);
  });

  it('--region all with other regions is refused; without the account list, names are checked against the known regions', async () => {
    expect((await cli(['--region', 'all,ap-guangzhou'])).text).toMatch(/--region all scans every region; give it alone/);
    await emulator!.close();
    const denied = await cli(['--region', 'ap-singapor'], { faults: { denied: ['DescribeRegions'] } });
    expect(denied.code).toBe(2);
    expect(denied.text).toMatch(/unknown region "ap-singapor"; did you mean "ap-singapore"\? \(the known regions are: .*ap-guangzhou.*\)/);
    await emulator!.close();
    const known = await cli(['--region', 'ap-guangzhou'], { faults: { denied: ['DescribeRegions'] } });
    expect(JSON.parse(known.text.slice(known.text.indexOf('{'))).complete).toBe(true);
    expect(known.text).toContain("the account's regions could not be read (UnauthorizedOperation: the credentials may not call it)");
  });
});

describe('credentials', () => {
  it("--role-arn assumes the role with the given keys, and every read is signed with the role's keys", async () => {
    const { code, text } = await cli(['--region', 'ap-guangzhou', '--role-arn', ROLE], { roles: { [ROLE]: [secretId] } });
    expect(code).toBe(1);
    expect(JSON.parse(text.slice(text.indexOf('{'))).complete).toBe(true);
    expect(emulator!.calls.get('AssumeRole')).toBe(1);
    const reads = emulator!.log.filter((l) => l.action.startsWith('Describe'));
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.every((l) => l.secretId?.startsWith('AKIDrole'))).toBe(true);
    expect(emulator!.log.find((l) => l.action === 'AssumeRole')).toMatchObject({
      secretId,
      params: { RoleArn: ROLE, RoleSessionName: 'clb-guard' },
    });
  });

  it('a role the keys may not assume is one line and exit 2, before any read', async () => {
    const { code, text } = await cli(['--region', 'ap-guangzhou', '--role-arn', ROLE], { roles: { [ROLE]: ['AKIDsomeoneelse'] } });
    expect(code).toBe(2);
    expect(
      text
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('clb-guard: ')),
    ).toEqual(['clb-guard: --role-arn: STS refused AssumeRole: AuthFailure.UnauthorizedOperation']);
    expect(emulator!.log.map((l) => l.action)).toEqual(['AssumeRole']);
    expect(text).not.toContain(secretKey);
  });

  it('--profile picks a profile of TENCENTCLOUD_CREDENTIALS_FILE other than [default]', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-profiles-'));
    const file = join(dir, 'credentials');
    writeFileSync(
      file,
      `# two profiles\n[default]\nsecret_id = ${secretId}\nsecret_key = not-the-key\n\n[prod]\nsecret_id = ${secretId}\nsecret_key = ${secretKey}\n`,
    );
    const profileEnv = { TENCENTCLOUD_CREDENTIALS_FILE: file, CLB_GUARD_LIVE_RETRY_MS: '5' };
    const prod = await cli(['--region', 'ap-guangzhou', '--profile', 'prod'], { env: profileEnv });
    expect(prod.code).toBe(1);
    expect(JSON.parse(prod.text.slice(prod.text.indexOf('{'))).complete).toBe(true);
    await emulator!.close();
    const fallback = await cli(['--region', 'ap-guangzhou'], { env: profileEnv });
    expect(fallback.code).toBe(2);
    expect(fallback.text).toContain('Tencent Cloud rejected the credentials (AuthFailure.SignatureFailure)');
    await emulator!.close();
    const missing = await cli(['--region', 'ap-guangzhou', '--profile', 'staging'], { env: profileEnv });
    expect(missing.code).toBe(2);
    expect(missing.text).toContain(`clb-guard: the credentials file ${file} has no profile [staging] (it has [default], [prod])`);
    expect(missing.text).not.toContain(secretKey);
  });
});

describe('live flags', () => {
  it('a rate limit that is not ACTION=N, and a role that is not a CAM role ARN, are refused before any call', async () => {
    const rate = await cli(['--region', 'ap-guangzhou', '--rate-limit', 'DescribeSubnets=fast']);
    expect(rate.code).toBe(2);
    expect(rate.text).toContain(
      '--rate-limit takes ACTION=N with N requests per second (0 < N <= 10000), e.g. DescribeSubnets=50; not "DescribeSubnets=fast"',
    );
    expect(emulator!.log).toEqual([]);
    await emulator!.close();
    const role = await cli(['--region', 'ap-guangzhou', '--role-arn', 'clb-guard-read']);
    expect(role.code).toBe(2);
    expect(role.text).toContain('--role-arn must be a CAM role ARN');
    expect(emulator!.log).toEqual([]);
  });

  it('--rate-limit paces an action below its published limit', async () => {
    // DescribeListeners at 5/s: the demo's three CLBs take at least 0.4 s of listener reads.
    const { code } = await cli(['--region', 'ap-guangzhou', '--rate-limit', 'DescribeListeners=5']);
    expect(code).toBe(1);
    const starts = emulator!.log.filter((l) => l.action === 'DescribeListeners').map((l) => l.startedAt);
    expect(starts).toHaveLength(3);
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(380);
  });
});
