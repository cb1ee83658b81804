import { resolve } from 'node:path';
import type { Report } from '../model/finding.js';
import { loadConfig } from '../policy/configLoader.js';
import { readPlanInventory } from '../sources/plan/index.js';
import { checkInventory } from './checkInventory.js';
import type { PlanCheckOptions } from './options.js';

export { checkInventory, exitCodeFor, compareFindings } from './checkInventory.js';
export type { CheckOptions, FailOn, LiveCheckOptions, PlanCheckOptions } from './options.js';

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Plan mode: config and policies, then the plan, then the report. Throws InputError for user mistakes. */
export async function checkPlan(options: PlanCheckOptions): Promise<Report> {
  const config = await loadConfig({ cwd: options.cwd, ...(options.configFile ? { configFile: options.configFile } : {}), ...(options.policyPaths ? { policyPaths: options.policyPaths } : {}) });
  const inventory = await options.logger.group('Reading the plan', () =>
    readPlanInventory({ planFile: resolve(options.cwd, options.planFile), tfRoot: resolve(options.cwd, options.tfRoot ?? '.'), repoRoot: options.cwd }),
  );
  for (const warning of inventory.warnings) options.logger.warning(warning.address ? `${warning.address}: ${warning.message}` : warning.message);
  return checkInventory(inventory, config, { today: options.today ?? todayUtc(), target: { planFile: options.planFile } });
}
