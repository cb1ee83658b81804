import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { loadConfig } from '../../src/policy/configLoader.js';
import { renderJson } from '../../src/report/jsonReport.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { expectValidReport, reportSchemaErrors } from './reportSchema.js';
import { finding, report } from './sampleReport.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const today = '2026-11-24';
const configFile = 'test/e2e/empty-config.json';

const fixturePlans = readdirSync(join(repoRoot, 'test/fixtures/plans')).filter((d) =>
  existsSync(join(repoRoot, 'test/fixtures/plans', d, 'plan.json')),
);
const scenarios = readdirSync(join(repoRoot, 'test/fixtures/scenarios')).filter((d) =>
  existsSync(join(repoRoot, 'test/fixtures/scenarios', d, 'plan.json')),
);

describe('every report the fixtures produce matches schema/report.schema.json', () => {
  it('the demo', async () => {
    const report = await checkPlan({
      cwd: repoRoot,
      logger: silentLogger,
      planFile: 'examples/demo/plan.json',
      tfRoot: 'examples/demo',
      configFile,
      today,
    });
    expect(report.findings.length).toBeGreaterThan(0);
    // The demo has default-deny evidence: it is stated without a fake index.
    const defaults = report.findings.flatMap((f) => f.evidence).filter((e) => e.defaultDeny);
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.every((e) => e.index === undefined)).toBe(true);
    expectValidReport(report, 'examples/demo');
  });

  it.each(fixturePlans)('test/fixtures/plans/%s', async (name) => {
    const dir = join('test/fixtures/plans', name);
    const tfRoot = existsSync(join(repoRoot, dir, 'config')) ? join(dir, 'config') : dir;
    const report = await checkPlan({ cwd: repoRoot, logger: silentLogger, planFile: join(dir, 'plan.json'), tfRoot, configFile, today });
    expectValidReport(report, dir);
  });

  it.each(scenarios)('test/fixtures/scenarios/%s (plan)', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-schema-'));
    copyFileSync(join(repoRoot, 'test/fixtures/scenarios', name, 'plan.json'), join(dir, 'plan.json'));
    const report = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', today });
    expectValidReport(report, `scenario ${name}`);
  });

  describe('live', () => {
    let emulator: Emulator | undefined;
    afterEach(async () => {
      await emulator?.close();
      emulator = undefined;
    });
    const accounts = [
      ['demo', 'test/fixtures/accounts/demo.json'],
      ...scenarios.map((s) => [s, `test/fixtures/scenarios/${s}/account.json`]),
    ];
    it.each(accounts)('%s (live account)', async (_name, file) => {
      const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
      emulator = await startEmulator({ account: JSON.parse(readFileSync(join(repoRoot, file!), 'utf8')) });
      const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
      const inventory = await readLiveInventory({
        regions: ['ap-guangzhou'],
        credentials,
        apiEndpoint: emulator.url,
        logger: silentLogger,
        retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      });
      const config = await loadConfig({ cwd: join(repoRoot, 'test/e2e'), configFile: 'empty-config.json' });
      expectValidReport(checkInventory(inventory, config, { today, target: { regions: ['ap-guangzhou'] } }), file!);
    });
  });

  it('the schema refuses a fake index, and an index together with defaultDeny', () => {
    const withEvidence = (evidence: object) =>
      JSON.parse(renderJson(report([finding({ evidence: [{ verdict: 'deny', rule: 'default deny (no rule matched)', ...evidence }] })])));
    expect(reportSchemaErrors(withEvidence({ list: 'sg', defaultDeny: true }))).toEqual([]);
    expect(reportSchemaErrors(withEvidence({ list: 'sg', index: -1 })).join()).toMatch(/index: must be >= 0/);
    expect(reportSchemaErrors(withEvidence({ list: 'sg', index: 0, defaultDeny: true })).length).toBeGreaterThan(0);
  });
});
