import { silentLogger } from '../src/logging/logger.js';
import { PUBLISHED_RATE_LIMITS } from '../src/sources/live/callScheduler.js';
import { readLiveInventory, resolveCredentials } from '../src/sources/live/index.js';
import { startEmulator, TEST_KEYS } from '../test/emulator/server.js';
import { liveLowerBounds, minimumCalls, syntheticAccount } from './syntheticAccount.js';

export interface LiveMeasurement {
  readonly clbs: number;
  readonly throttleRate: number;
  readonly calls: number;
  readonly minCalls: number;
  /** Actions whose calls exceeded their minimum: action → [calls, minimum]. */
  readonly overMinimum: Readonly<Record<string, readonly [number, number]>>;
  readonly seconds: number;
  /** The rate-limit floor: the largest (calls of one action ÷ its limit), plus one round trip. */
  readonly perActionSeconds: number;
  /** The dependent phases one after another: the figure this bench compared with before. */
  readonly phasedSeconds: number;
  readonly slowestAction: string;
  readonly complete: boolean;
}

const LATENCY_MS = 50;

/** One scan of a synthetic account through the emulator with published limits and 50 ms latency. */
export async function measureLive(k: number, throttleRate: number): Promise<LiveMeasurement> {
  const { account, size } = syntheticAccount(k);
  const emulator = await startEmulator({
    account,
    faults: { latencyMs: LATENCY_MS, throttleRate, seed: 3 },
    rateLimits: { ...PUBLISHED_RATE_LIMITS, DescribeSubnets: 20, DescribeVpcs: 20 },
  });
  try {
    const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
    const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
    const start = performance.now();
    const inventory = await readLiveInventory({
      regions: ['ap-guangzhou'],
      credentials,
      apiEndpoint: emulator.url,
      logger: silentLogger,
      retry: { attempts: 8, baseDelayMs: 100, maxDelayMs: 2000 },
    });
    const seconds = (performance.now() - start) / 1000;
    const calls = [...emulator.calls.values()].reduce((a, b) => a + b, 0);
    const bound = liveLowerBounds(size, LATENCY_MS / 1000);
    const minimum = minimumCalls(size);
    const overMinimum = Object.fromEntries(
      [...emulator.calls]
        .filter(([action, n]) => n > (minimum[action] ?? 0))
        .map(([action, n]) => [action, [n, minimum[action] ?? 0] as const]),
    );
    return {
      clbs: k,
      throttleRate,
      calls,
      minCalls: bound.calls,
      overMinimum,
      seconds,
      perActionSeconds: bound.perActionSeconds,
      phasedSeconds: bound.phasedSeconds,
      slowestAction: bound.slowest,
      complete: inventory.complete,
    };
  } finally {
    await emulator.close();
  }
}
