import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { digestOf, type Snapshot } from '../../src/sources/live/snapshotFormat.js';
import { replayApi } from '../../src/sources/live/snapshotReplay.js';
import type { Account } from '../emulator/accountFixture.js';
import { type Emulator, type EmulatorFaults, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { expectValidReport } from '../report/reportSchema.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const demoAccount = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) as Account;
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
const env = {
  TENCENTCLOUD_SECRET_ID: secretId,
  TENCENTCLOUD_SECRET_KEY: secretKey,
  CLB_GUARD_LIVE_RETRY_MS: '5',
  CLB_GUARD_LIVE_TIMEOUT: '2',
};
const config = ['--config', 'test/e2e/empty-config.json', '--today', '2026-11-24'];

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function cli(args: string[], environment: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    cwd: repoRoot,
    env: environment,
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A scan of the emulated account that also writes a snapshot; the emulator is closed after it. */
async function scanWithSnapshot(
  options: { faults?: EmulatorFaults; environment?: Record<string, string>; keys?: Record<string, string> } = {},
) {
  emulator = await startEmulator({
    account: demoAccount,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
  });
  const file = join(mkdtempSync(join(tmpdir(), 'clb-guard-snapshot-')), 'snap.json');
  const live = await cli(
    [
      'live',
      '--region',
      'ap-guangzhou',
      '--api-endpoint',
      emulator.url,
      '--save-snapshot',
      file,
      '--account',
      'shop',
      '--format',
      'json',
      ...config,
    ],
    options.environment ?? env,
  );
  await emulator.close();
  emulator = undefined;
  return { live, file, text: readFileSync(file, 'utf8') };
}

/** What may differ between a scan and the check of its snapshot: the target names the snapshot file. */
const withoutTarget = (json: string) => {
  const { target, ...rest } = JSON.parse(json) as { target: Record<string, unknown> };
  const { snapshot: _file, ...kept } = target;
  return { ...rest, target: kept };
};

describe('snapshots: live --save-snapshot, then live --snapshot offline', () => {
  it('the offline check of a snapshot gives the report of the scan that wrote it, with no credentials and no endpoint', async () => {
    const { live, file, text } = await scanWithSnapshot();
    expect(live.code).toBe(1);
    const snapshot = JSON.parse(text) as Snapshot;
    expect(snapshot).toMatchObject({
      version: 1,
      tool: { name: 'clb-guard' },
      account: 'shop',
      complete: true,
      regions: [{ region: 'ap-guangzhou', complete: true }],
    });
    expect(Date.parse(snapshot.takenAt)).not.toBeNaN();
    const offline = await cli(['live', '--snapshot', file, '--format', 'json', ...config], {});
    expect(offline.stderr).not.toMatch(/^clb-guard: /m);
    expect(offline.code).toBe(1);
    expect(withoutTarget(offline.stdout)).toEqual(withoutTarget(live.stdout));
    expect(JSON.parse(offline.stdout).target).toEqual({ regions: ['ap-guangzhou'], account: 'shop', snapshot: file });
    expectValidReport(offline.stdout, 'snapshot check');
  });

  it('never holds a secret: not the key, not the token, not one an answer echoes; no signed headers', async () => {
    const canaryKey = 'CANARY-snapshot-key-5a1e';
    const canaryToken = 'CANARY-snapshot-token-9d2f';
    const { text } = await scanWithSnapshot({
      keys: { [secretId]: canaryKey },
      environment: { TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: canaryKey, TENCENTCLOUD_SESSION_TOKEN: canaryToken },
      // A broken endpoint that puts the caller's key into an answer.
      faults: {
        answers: [{ action: 'DescribeLoadBalancers', kind: 'setField', field: 'Echo', value: `key=${canaryKey} token=${canaryToken}` }],
      },
    });
    expect(text).toContain('"Echo"');
    for (const secret of [canaryKey, canaryToken, canaryKey.slice(0, 12), canaryToken.slice(0, 12)]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/TC3-HMAC|Authorization|X-TC-Token|Signature=|RequestId/i);
    expect(text).not.toContain(secretId);
  });

  it('an incomplete scan writes an incomplete snapshot, whose check is incomplete the same way (exit 2)', async () => {
    const { live, file, text } = await scanWithSnapshot({
      faults: { stuck: (action, params) => action === 'DescribeSecurityGroupPolicies' && params.SecurityGroupId === 'sg-api' },
      environment: { ...env, CLB_GUARD_LIVE_TIMEOUT: '1' },
    });
    expect(live.code).toBe(2);
    const snapshot = JSON.parse(text) as Snapshot;
    expect(snapshot.complete).toBe(false);
    expect(snapshot.regions[0]!.complete).toBe(false);
    expect(snapshot.regions[0]!.calls.find((c) => 'error' in c)).toMatchObject({
      action: 'DescribeSecurityGroupPolicies',
      params: { SecurityGroupId: 'sg-api' },
      error: { reason: 'timed out' },
    });
    const offline = await cli(['live', '--snapshot', file, '--format', 'json', ...config], {});
    expect(offline.code).toBe(2);
    expect(withoutTarget(offline.stdout)).toEqual(withoutTarget(live.stdout));
    expect(offline.stderr).toMatch(/the scan is incomplete/);
  });

  it('a truncated snapshot is refused with one located line, exit 2', async () => {
    const { file, text } = await scanWithSnapshot();
    const cut = text.slice(0, Math.floor(text.length / 2));
    writeFileSync(file, cut);
    const run = await cli(['live', '--snapshot', file, ...config], {});
    expect(run.code).toBe(2);
    const line = cut.split('\n').length;
    expect(
      run.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('clb-guard: ')),
    ).toEqual([
      expect.stringMatching(new RegExp(`^clb-guard: ${escapeRegExp(file)}:${line}: /: invalid JSON: .*\\(line ${line}, column \\d+\\)$`)),
    ]);
  });

  it('a tampered snapshot is refused where it was changed: an edited answer at its region digest, a wrong type at its place', async () => {
    const { file, text } = await scanWithSnapshot();
    // Someone "fixes" the SSH rule in the snapshot instead of in the account.
    writeFileSync(file, text.replace('"0.0.0.0/0"', '"10.0.0.0/8"'));
    let run = await cli(['live', '--snapshot', file, ...config], {});
    expect(run.code).toBe(2);
    const digestLine = text.split('\n').findIndex((l) => l.includes('"digest"')) + 1;
    expect(run.stderr).toContain(
      `clb-guard: ${file}:${digestLine}: /regions/0/digest: does not match the calls of ap-guangzhou: the snapshot was changed or damaged after it was written`,
    );

    writeFileSync(file, text.replace('"complete": true', '"complete": "yes"'));
    run = await cli(['live', '--snapshot', file, ...config], {});
    expect(run.code).toBe(2);
    const completeLine = text.split('\n').findIndex((l) => l.includes('"complete": true')) + 1;
    expect(run.stderr).toContain(`clb-guard: ${file}:${completeLine}: /complete: must be boolean`);

    writeFileSync(file, text.replace('"version": 1', '"version": 2'));
    run = await cli(['live', '--snapshot', file, ...config], {});
    expect(run.stderr).toMatch(/\/version: a version 2 snapshot; this clb-guard reads version 1$/m);
  });

  it('--region picks regions of the snapshot; one it does not have is an error', async () => {
    const { file } = await scanWithSnapshot();
    const run = await cli(['live', '--snapshot', file, '--region', 'ap-beijing', ...config], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no region ap-beijing in this snapshot (it has ap-guangzhou)');
    expect((await cli(['live', '--snapshot', file, '--save-snapshot', 'x.json'], {})).stderr).toMatch(/give one of them/);
  });
});

describe('replaying a snapshot', () => {
  const call = (ids: string[]) => ({
    service: 'cvm' as const,
    action: 'DescribeInstances',
    params: { InstanceIds: ids },
    response: { TotalCount: ids.length, InstanceSet: ids.map((id) => ({ InstanceId: id })) },
  });
  const calls = [call(['ins-a', 'ins-b']), call(['ins-c'])];
  const snapshot: Snapshot = {
    version: 1,
    tool: { name: 'clb-guard', version: '0' },
    takenAt: '2026-12-01T00:00:00Z',
    complete: true,
    regions: [{ region: 'ap-guangzhou', complete: true, calls, digest: digestOf(calls) }],
  };

  it('answers the same IDs batched differently from what was read, and refuses IDs the scan never asked for', async () => {
    const api = replayApi(snapshot);
    expect(await api.call('cvm', 'DescribeInstances', 'ap-guangzhou', { InstanceIds: ['ins-a', 'ins-b'] })).toEqual(calls[0]!.response);
    expect(await api.call('cvm', 'DescribeInstances', 'ap-guangzhou', { InstanceIds: ['ins-c', 'ins-a'] })).toEqual({
      TotalCount: 2,
      InstanceSet: [{ InstanceId: 'ins-a' }, { InstanceId: 'ins-c' }],
    });
    await expect(api.call('cvm', 'DescribeInstances', 'ap-guangzhou', { InstanceIds: ['ins-a', 'ins-d'] })).rejects.toThrow(
      /not in the snapshot/,
    );
    await expect(api.call('cvm', 'DescribeInstances', 'ap-shanghai', { InstanceIds: ['ins-a'] })).rejects.toThrow(/not in the snapshot/);
    await expect(api.call('vpc', 'DescribeSubnets', 'ap-guangzhou', {})).rejects.toThrow(/not in the snapshot/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
