import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { readPlanFacts, resolveHybrid } from '../../src/sources/hybrid/index.js';
import { resolveCredentials } from '../../src/sources/live/index.js';
import type { TencentApi } from '../../src/sources/live/tencentApi.js';
import { planToInventory, readPlan } from '../../src/sources/plan/index.js';
import { fixtureCopy, hybridEnv, startAccount, stopEmulator } from './hybridRun.js';

afterEach(stopEmulator);

describe("resolveHybrid: the live reader's set-up of the API and its scheduler", () => {
  it('every call goes through what the options say: the interceptor sees each one the emulator answers', async () => {
    const dir = fixtureCopy('blast-radius');
    const emulator = await startAccount('blast-radius');
    const { plan, file } = readPlan(join(dir, 'plan.json'), dir);
    const inventory = planToInventory(plan, { file, tfRoot: dir, repoRoot: dir });
    const facts = readPlanFacts(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')));
    const seen = new Map<string, number>();
    const intercept = (api: TencentApi): TencentApi => ({
      call: (service, action, region, params) => {
        seen.set(action, (seen.get(action) ?? 0) + 1);
        return api.call(service, action, region, params);
      },
    });
    const hybrid = await resolveHybrid(inventory, facts, {
      regions: ['ap-guangzhou'],
      credentials: await resolveCredentials(hybridEnv, { apiEndpoint: emulator.url }),
      apiEndpoint: emulator.url,
      logger: silentLogger,
      budgetScope: 'region',
      intercept,
    });
    expect(hybrid.resolution.complete).toBe(true);
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(emulator.calls));
    expect(Object.fromEntries(seen)).toEqual(hybrid.resolution.calls);
  });
});
