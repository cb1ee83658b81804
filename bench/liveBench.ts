import { silentLogger } from '../src/logging/logger.js';
import { PUBLISHED_RATE_LIMITS } from '../src/sources/live/callScheduler.js';
import { readLiveInventory, resolveCredentials } from '../src/sources/live/index.js';
import { startEmulator, TEST_KEYS } from '../test/emulator/server.js';
import { liveLowerBounds, syntheticAccount } from './syntheticAccount.js';

export interface LiveMeasurement {
  readonly clbs: number;
  readonly throttleRate: number;
  readonly calls: number;
  readonly minCalls: number;
  readonly seconds: number;
  readonly minSeconds: number;
  readonly complete: boolean;
}

/** One scan of a synthetic account through the emulator with published limits and 50 ms latency. */
export async function measureLive(k: number, throttleRate: number): Promise<LiveMeasurement> {
  const { account, size } = syntheticAccount(k);
  const region = account.regions['ap-guangzhou']!;
  const emulator = await startEmulator({ account, faults: { latencyMs: 50, throttleRate, seed: 3 }, rateLimits: { ...PUBLISHED_RATE_LIMITS, DescribeSubnets: 20, DescribeVpcs: 20 } });
  try {
    const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
    const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
    const start = performance.now();
    const inventory = await readLiveInventory({ regions: ['ap-guangzhou'], credentials, apiEndpoint: emulator.url, logger: silentLogger, retry: { attempts: 8, baseDelayMs: 100, maxDelayMs: 2000 } });
    const seconds = (performance.now() - start) / 1000;
    const calls = [...emulator.calls.values()].reduce((a, b) => a + b, 0);
    const bound = liveLowerBounds(size, region.subnets.length, region.networkAcls.length);
    return { clbs: k, throttleRate, calls, minCalls: bound.calls, seconds, minSeconds: bound.seconds, complete: inventory.complete };
  } finally {
    await emulator.close();
  }
}
