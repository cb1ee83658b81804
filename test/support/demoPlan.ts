import { join } from 'node:path';
import type { PlanCheckOptions } from '../../src/check/options.js';
import { silentLogger } from '../../src/logging/logger.js';

/**
 * `checkPlan` options for the bundled demo with the built-in policies at their defaults, on a
 * fixed date (exceptions do not expire under the tests): the plan most tests check end to end.
 */
export const DEMO_PLAN_CHECK: PlanCheckOptions = {
  cwd: join(import.meta.dirname, '..', '..'),
  logger: silentLogger,
  planFile: 'examples/demo/plan.json',
  tfRoot: 'examples/demo',
  configFile: 'test/e2e/empty-config.json',
  today: '2026-11-24',
};
