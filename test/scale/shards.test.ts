import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import type { Account } from '../emulator/accountFixture.js';
import { startEmulator, TEST_KEYS } from '../emulator/server.js';

const ROLE = 'qcs::cam::uin/100000000001:roleName/clb-guard-readonly';

async function shards(
  config: string,
  args: string[] = ['shards'],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; errors: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-shards-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.clb-guard.json'), config);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    cwd: dir,
    env,
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
  });
  return {
    code,
    stdout: out.join(''),
    errors: err
      .join('')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('using config')),
  };
}

describe("clb-guard shards: the Actions matrix of the config's accounts", () => {
  it("is one job per account and region, in the config's order, with the role and provider of its account", async () => {
    const config = {
      accounts: [
        { name: 'shop', roleArn: ROLE, oidcProviderId: 'github-actions', regions: ['ap-guangzhou', 'ap-shanghai'] },
        { name: 'bank', regions: ['ap-beijing'] },
      ],
    };
    const run = await shards(JSON.stringify(config, null, 2));
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n') && run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({
      include: [
        { account: 'shop', role: ROLE, oidcProviderId: 'github-actions', region: 'ap-guangzhou' },
        { account: 'shop', role: ROLE, oidcProviderId: 'github-actions', region: 'ap-shanghai' },
        { account: 'bank', region: 'ap-beijing' },
      ],
    });
  });

  it.each([
    [
      'a name that cannot name an artifact',
      `{\n  "accounts": [\n    { "name": "prod/eu", "regions": ["ap-guangzhou"] }\n  ]\n}`,
      '.clb-guard.json:3: /accounts/0/name: does not match the expected format',
    ],
    [
      'a role ARN that is not one',
      `{\n  "accounts": [\n    {\n      "name": "prod",\n      "roleArn": "arn:aws:iam::1:role/x",\n      "oidcProviderId": "gh",\n      "regions": ["ap-guangzhou"]\n    }\n  ]\n}`,
      '.clb-guard.json:5: /accounts/0/roleArn: does not match the expected format',
    ],
    [
      'no regions',
      `{\n  "accounts": [\n    { "name": "prod", "regions": [] }\n  ]\n}`,
      '.clb-guard.json:3: /accounts/0/regions: must NOT have fewer than 1 items',
    ],
    [
      'a misspelt field',
      `{\n  "accounts": [\n    { "name": "prod", "region": ["ap-guangzhou"] }\n  ]\n}`,
      '.clb-guard.json:3: /accounts/0/region: unknown property "region"',
    ],
    [
      'the same account twice (names are case-blind, as artifact names)',
      `{\n  "accounts": [\n    { "name": "prod", "regions": ["ap-guangzhou"] },\n    { "name": "Prod", "regions": ["ap-shanghai"] }\n  ]\n}`,
      '.clb-guard.json:4: /accounts/1/name: account "Prod" is already /accounts/0 ("prod")',
    ],
    [
      'a region twice',
      `{\n  "accounts": [\n    {\n      "name": "prod",\n      "regions": [\n        "ap-guangzhou",\n        "ap-guangzhou"\n      ]\n    }\n  ]\n}`,
      '.clb-guard.json:7: /accounts/0/regions/1: region ap-guangzhou is listed twice for account "prod"',
    ],
    [
      'half of OIDC',
      `{\n  "accounts": [\n    {\n      "name": "prod",\n      "roleArn": "${ROLE}",\n      "regions": ["ap-guangzhou"]\n    }\n  ]\n}`,
      '.clb-guard.json:5: /accounts/0/roleArn: OIDC needs both roleArn and oidcProviderId (account "prod" has only roleArn)',
    ],
  ])('refuses %s with a located line, exit 2', async (_name, config, line) => {
    const run = await shards(config);
    expect(run.code).toBe(2);
    expect(run.errors.join('\n')).toContain(line);
    // Every problem is its own line, file:line: /pointer: what is wrong (a misspelt "regions" is two: unknown and missing).
    for (const error of run.errors) expect(error).toMatch(/^(clb-guard: )?\.clb-guard\.json:\d+: \/\S*: \S/);
    expect(run.errors.length).toBeLessThanOrEqual(2);
  });

  it('refuses more shards than one matrix can run', async () => {
    const regions = Array.from({ length: 60 }, (_, i) => `ap-region-${i}`);
    const accounts = Array.from({ length: 5 }, (_, i) => ({ name: `a${i}`, regions }));
    const run = await shards(JSON.stringify({ accounts }));
    expect(run.code).toBe(2);
    expect(run.errors[0]).toMatch(/\/accounts: 300 account and region pairs: one GitHub Actions matrix runs at most 256 jobs/);
  });

  it('without accounts says how to add them', async () => {
    const run = await shards('{}');
    expect(run.code).toBe(2);
    expect(run.errors[0]).toMatch(/^clb-guard: \.clb-guard\.json has no "accounts": list them, e\.g\. "accounts": \[\{"name": "prod"/);
  });

  it("--index N prints shard N alone (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX), and says how many there are", async () => {
    const config = JSON.stringify({
      accounts: [
        { name: 'shop', regions: ['ap-guangzhou', 'ap-shanghai'] },
        { name: 'bank', regions: ['ap-beijing'] },
      ],
    });
    expect(JSON.parse((await shards(config, ['shards', '--index', '1'])).stdout)).toEqual({ account: 'shop', region: 'ap-shanghai' });
    const beyond = await shards(config, ['shards', '--index', '3']);
    expect(beyond.code).toBe(2);
    expect(beyond.errors[0]).toBe("clb-guard: there is no shard 3: .clb-guard.json has 3 (0 to 2); set the job's completions to 3");
    expect((await shards(config, ['shards', '--index', '-1'])).errors[0]).toMatch(/--index must be a shard number/);
  });

  it("live --shard N scans that shard's account and region", async () => {
    const account = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures/accounts/demo.json'), 'utf8')) as Account;
    const emulator = await startEmulator({ account });
    try {
      const config = JSON.stringify({
        accounts: [
          { name: 'other', regions: ['ap-beijing'] },
          { name: 'shop', regions: ['ap-guangzhou'] },
        ],
      });
      const [id, key] = Object.entries(TEST_KEYS)[0]!;
      const run = await shards(config, ['live', '--shard', '1', '--api-endpoint', emulator.url, '--format', 'json', '--fail-on', 'never'], {
        TENCENTCLOUD_SECRET_ID: id,
        TENCENTCLOUD_SECRET_KEY: key,
      });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).target).toEqual({ regions: ['ap-guangzhou'], account: 'shop' });
      expect(run.errors).toContain('shard 1: account shop, region ap-guangzhou');
      expect((await shards(config, ['live', '--shard', '1', '--region', 'ap-guangzhou'])).errors[0]).toMatch(
        /--shard N takes the account and region from the config/,
      );
    } finally {
      await emulator.close();
    }
  });
});
