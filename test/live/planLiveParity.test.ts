import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { loadConfig } from '../../src/policy/configLoader.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { toAccount, toPlan } from '../fixtures/scenarios/scenarioSpec.js';
import { SCENARIOS } from '../fixtures/scenarios/scenarios.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

// What each scenario must produce (policy and cloud ID), in both modes.
const EXPECTED: Record<string, string[]> = {
  healthy: [],
  'udp-health-check': ['fail backend-allows-health-check ins-dns'],
  'group-order': ['fail deny-before-allow sg-blocklist'],
  'private-acl': ['fail acl-allows-both-directions acl-db'],
  'pass-to-target-windows': ['fail admin-port-not-public ins-win'],
};

describe('the same infrastructure as a plan and as a live account', () => {
  it.each(Object.keys(SCENARIOS))('%s: same findings in plan mode and live mode', async (name) => {
    const spec = SCENARIOS[name]!;
    const fixtures = join(repoRoot, 'test/fixtures/scenarios', name);
    // The committed fixtures are exactly what the spec renders to.
    expect(JSON.parse(readFileSync(join(fixtures, 'plan.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(toPlan(spec))));
    expect(JSON.parse(readFileSync(join(fixtures, 'account.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(toAccount(spec))));
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-scenario-'));
    copyFileSync(join(fixtures, 'plan.json'), join(dir, 'plan.json'));
    const plan = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', today: '2026-11-24' });
    // In an applied plan every resource knows its cloud ID: compare by ID.
    const idOf = (address: string) => /\.([A-Za-z0-9_]+)$/.exec(address)?.[1]?.replace(/_/g, '-') ?? address;
    const planFindings = plan.findings.map((f) => `${f.status} ${f.policy} ${idOf(f.resource)}`).sort();

    emulator = await startEmulator({ account: JSON.parse(readFileSync(join(fixtures, 'account.json'), 'utf8')) });
    const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
    const inventory = await readLiveInventory({
      regions: ['ap-guangzhou'],
      credentials,
      apiEndpoint: emulator.url,
      logger: silentLogger,
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    });
    const config = await loadConfig({ cwd: dir });
    const live = checkInventory(inventory, config, { today: '2026-11-24', target: {} });
    const liveFindings = live.findings.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort();

    expect(liveFindings).toEqual(EXPECTED[name]);
    expect(planFindings).toEqual(EXPECTED[name]);
    expect(live.complete).toBe(true);
  });
});
