import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlan } from '../../src/check/index.js';
import type { ResolveLiveOptions } from '../../src/check/options.js';
import { type Logger, silentLogger } from '../../src/logging/logger.js';
import type { Report } from '../../src/model/finding.js';
import type { Account, RegionAccount } from '../emulator/accountFixture.js';
import { type Emulator, type EmulatorFaults, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { expectValidReport } from '../report/reportSchema.js';

export const repoRoot = join(import.meta.dirname, '..', '..');
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
/** Test keys, and retries 5 ms apart so that throttling tests stay quick. */
export const hybridEnv: Record<string, string> = {
  TENCENTCLOUD_SECRET_ID: secretId,
  TENCENTCLOUD_SECRET_KEY: secretKey,
  CLB_GUARD_LIVE_RETRY_MS: '5',
};
export const today = '2026-11-24';

let running: Emulator | undefined;

/** Stops the emulator of the last check (call in afterEach). */
export async function stopEmulator(): Promise<void> {
  await running?.close();
  running = undefined;
}

export function lastEmulator(): Emulator {
  return running!;
}

/** A fixture copied into a folder of its own (no config above it): the plan's folder and where the CLI would run. */
export function fixtureCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `clb-guard-hybrid-${name}-`));
  cpSync(join(repoRoot, 'test/fixtures/hybrid', name), dir, { recursive: true });
  return dir;
}

/** A fixture's account as the emulator serves it. */
export function fixtureAccount(name: string): Account {
  return JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/hybrid', name, 'account.json'), 'utf8')) as Account;
}

/** A region without any object: what is not found there is looked for in the next region. */
export const EMPTY_REGION: RegionAccount = {
  loadBalancers: [],
  listeners: {},
  targets: {},
  instances: [],
  securityGroupPolicies: {},
  subnets: [],
  networkAcls: [],
};

export async function startAccount(name: string, faults?: EmulatorFaults, account: Account = fixtureAccount(name)): Promise<Emulator> {
  running = await startEmulator({ account, ...(faults ? { faults } : {}) });
  return running;
}

/** `plan plan.json --resolve-live` of a fixture against the emulator holding its account; the report must match the schema. */
export async function hybridCheck(
  name: string,
  faults?: EmulatorFaults,
  options: { env?: Record<string, string>; logger?: Logger; resolveLive?: Partial<ResolveLiveOptions>; account?: Account } = {},
): Promise<Report> {
  const dir = fixtureCopy(name);
  const emulator = await startAccount(name, faults, options.account);
  const report = await checkPlan({
    cwd: dir,
    logger: options.logger ?? silentLogger,
    planFile: 'plan.json',
    today,
    resolveLive: { env: options.env ?? hybridEnv, apiEndpoint: emulator.url, ...options.resolveLive },
  });
  expectValidReport(report, name);
  return report;
}
