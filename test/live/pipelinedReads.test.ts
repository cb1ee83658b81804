import { afterEach, describe, expect, it, vi } from 'vitest';
import { minimumCalls, syntheticAccount } from '../../bench/syntheticAccount.js';
import { silentLogger } from '../../src/logging/logger.js';
import { CallScheduler } from '../../src/sources/live/callScheduler.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import type { TencentApi } from '../../src/sources/live/tencentApi.js';
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/server.js';

const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  vi.useRealTimers();
});

describe('pipelined reads', () => {
  it('40 CLBs at the published limits: each action at its minimum, and the actions overlap in the call log', async () => {
    const { account, size } = syntheticAccount(40);
    emulator = await startEmulator({ account, faults: { latencyMs: 10 } });
    const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
    const inventory = await readLiveInventory({
      regions: ['ap-guangzhou'],
      credentials,
      apiEndpoint: emulator.url,
      logger: silentLogger,
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    });
    expect(inventory.complete).toBe(true);
    expect(inventory.instances.size).toBe(size.instances);
    expect(inventory.networkInterfaces.size).toBe(size.eniBackends);
    expect(Object.fromEntries([...emulator.calls].sort())).toEqual(minimumCalls(size));

    const log = emulator.log;
    const first = (action: string) => Math.min(...log.filter((l) => l.action === action).map((l) => l.startedAt));
    const lastEnd = (action: string) => Math.max(...log.filter((l) => l.action === action).map((l) => l.endedAt ?? Infinity));
    // Instances are read as soon as the first targets name 100 of them, not after the last CLB.
    expect(first('DescribeInstances')).toBeLessThan(lastEnd('DescribeListeners'));
    expect(first('DescribeInstances')).toBeLessThan(lastEnd('DescribeTargets'));
    // Groups and interfaces as soon as an instance names them.
    expect(first('DescribeSecurityGroupPolicies')).toBeLessThan(lastEnd('DescribeTargets'));
    expect(first('DescribeNetworkInterfaces')).toBeLessThan(lastEnd('DescribeTargets'));
    // A DescribeInstances batch is full (100 IDs) whenever it is not the last.
    const batches = log.filter((l) => l.action === 'DescribeInstances').map((l) => (l.params.InstanceIds as string[]).length);
    expect(batches.slice(0, -1).every((n) => n === 100)).toBe(true);
  });
});

describe('rate-limit budgets', () => {
  /** When each call reaches the API, under fake timers: 4 DescribeListeners in each of two regions. */
  async function callTimes(budgetScope: 'account' | 'region'): Promise<Record<string, number[]>> {
    vi.useFakeTimers({ now: 0 });
    const times: Record<string, number[]> = { 'ap-guangzhou': [], 'ap-shanghai': [] };
    const api: TencentApi = {
      call: async (_service, _action, region) => {
        times[region]!.push(Date.now());
        return {};
      },
    };
    const scheduler = new CallScheduler(api, { budgetScope });
    const calls = ['ap-guangzhou', 'ap-shanghai'].flatMap((region) =>
      Array.from({ length: 4 }, () => scheduler.call('clb', 'DescribeListeners', region, {})),
    );
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    return times;
  }

  it('regions share one budget per action by default, and have one each when told so', async () => {
    // 20/s: one call every 50 ms, across both regions.
    expect(await callTimes('account')).toEqual({ 'ap-guangzhou': [0, 50, 100, 150], 'ap-shanghai': [200, 250, 300, 350] });
    expect(await callTimes('region')).toEqual({ 'ap-guangzhou': [0, 50, 100, 150], 'ap-shanghai': [0, 50, 100, 150] });
  });

  it('actions are paced apart: a slow action never holds up another', async () => {
    vi.useFakeTimers({ now: 0 });
    const times: Record<string, number[]> = {};
    const api: TencentApi = {
      call: async (_service, action) => {
        times[action] ??= [];
        times[action].push(Date.now());
        return {};
      },
    };
    const scheduler = new CallScheduler(api);
    const calls = [
      ...Array.from({ length: 3 }, () => scheduler.call('clb', 'DescribeListeners', 'ap-guangzhou', {})),
      ...Array.from({ length: 3 }, () => scheduler.call('vpc', 'DescribeNetworkInterfaces', 'ap-guangzhou', {})),
    ];
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    // DescribeListeners 20/s, DescribeNetworkInterfaces 100/s (published), at the same time.
    expect(times).toEqual({ DescribeListeners: [0, 50, 100], DescribeNetworkInterfaces: [0, 10, 20] });
  });
});

describe('a scan that fails for good', () => {
  it('a permission missing mid-scan ends it with one line, without running the queued reads out', async () => {
    const { account } = syntheticAccount(40);
    emulator = await startEmulator({ account, faults: { denied: ['DescribeNetworkInterfaces'] } });
    const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
    await expect(
      readLiveInventory({ regions: ['ap-guangzhou'], credentials, apiEndpoint: emulator.url, logger: silentLogger }),
    ).rejects.toThrow(/^the credentials may not call DescribeNetworkInterfaces \(UnauthorizedOperation\): the role needs read-only access/);
    // The first interface read comes after the first 100 instances, half-way through the listeners.
    expect(emulator.calls.get('DescribeListeners')).toBeLessThan(40);
  });
});
