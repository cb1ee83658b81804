import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { PlanJson, PlanModuleJson } from '../../../bench/planJson.js';
import { expectNoEscape, guardedNodeArgs } from '../../support/guardedProcess.js';
import { FIXTURES, REPO_ROOT } from './inventoryText.js';

/**
 * A large update plan: the p21 scenario repeated in module instances (`module.copy["17"]…`),
 * with its prior state and planned values, as real plans of big estates look.
 */
function largeUpdatePlan(copies: number): string {
  const plan = JSON.parse(readFileSync(join(FIXTURES, 'p21-scenario-update/plan.json'), 'utf8')) as PlanJson;
  const prefix = (i: number) => `module.copy["${i}"]`;
  const within = (i: number, address: string) => `${prefix(i)}.${address}`;
  const moduleOf = (i: number, module: string | undefined) => (module ? `${prefix(i)}.${module}` : prefix(i));
  const changes: unknown[] = [];
  const priorModules: unknown[] = [];
  const plannedModules: unknown[] = [];
  const copyModule = (i: number, module: PlanModuleJson): PlanModuleJson => ({
    address: moduleOf(i, module.address),
    resources: (module.resources ?? []).map((r) => ({ ...r, address: within(i, r.address) })),
    child_modules: (module.child_modules ?? []).map((c) => copyModule(i, c)),
  });
  // Each copy gets its own cloud IDs (`sg-e5d5aaac` → `sg-e5d5aaac-17`), as separate estates have.
  const ownIds = <T>(value: T, i: number): T =>
    JSON.parse(JSON.stringify(value).replace(/"((?:sg|lb|lbl|loc|ins|subnet|vpc|acl|ipm|ipmg|lbtg)-[0-9a-f]{8})"/g, `"$1-${i}"`)) as T;
  for (let i = 0; i < copies; i++) {
    for (const change of plan['resource_changes'])
      changes.push(ownIds({ ...change, address: within(i, change.address), module_address: moduleOf(i, change.module_address) }, i));
    priorModules.push(ownIds(copyModule(i, plan['prior_state'].values.root_module), i));
    plannedModules.push(ownIds(copyModule(i, plan['planned_values'].root_module), i));
  }
  const root = plan['configuration'].root_module;
  return JSON.stringify({
    ...plan,
    planned_values: { root_module: { resources: [], child_modules: plannedModules } },
    resource_changes: changes,
    prior_state: { ...plan['prior_state'], values: { root_module: { resources: [], child_modules: priorModules } } },
    configuration: {
      ...plan['configuration'],
      root_module: {
        resources: [],
        module_calls: { copy: { source: './copy', for_each_expression: { references: ['var.copies'] }, expressions: {}, module: root } },
      },
    },
    relevant_attributes: Array.from({ length: copies }, () => plan['relevant_attributes']).flat(),
  });
}

describe('memory', () => {
  it('reads a 100 MB update plan within 1.5 times the peak memory of a bare JSON.parse of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-plan-memory-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const planFile = join(dir, 'plan.json');
    const copies = 780;
    writeFileSync(planFile, largeUpdatePlan(copies));
    const size = statSync(planFile).size;
    expect(size).toBeGreaterThan(95e6);
    // A separate process, so that its peak memory is the plan's alone.
    const entry = join(dir, 'measure.ts');
    writeFileSync(
      entry,
      `import { readPlanInventory } from ${JSON.stringify(join(REPO_ROOT, 'src/sources/plan/index.js'))};
const inventory = await readPlanInventory({ planFile: ${JSON.stringify(planFile)}, tfRoot: '/nonexistent', repoRoot: ${JSON.stringify(dir)} });
process.stdout.write(JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024, balancers: inventory.loadBalancers.size, groups: inventory.securityGroups.size }));`,
    );
    await build({
      entryPoints: [entry],
      outfile: join(dir, 'measure.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      mainFields: ['module', 'main'],
      loader: { '.wasm': 'binary' },
      logLevel: 'warning',
    });
    const child = spawnSync(process.execPath, [...guardedNodeArgs(), join(dir, 'measure.mjs')], { encoding: 'utf8' });
    expectNoEscape(child.stderr, child.status);
    expect(child.stderr).toBe('');
    const measured = JSON.parse(child.stdout) as { rss: number; balancers: number; groups: number };
    expect([measured.balancers, measured.groups]).toEqual([copies * 2, copies * 5]);
    // The yardstick: the same file read and parsed natively, nothing else, in its own process.
    const bareScript = `const t = require('node:fs').readFileSync(${JSON.stringify(planFile)}, 'utf8'); JSON.parse(t); process.stdout.write(String(process.resourceUsage().maxRSS * 1024));`;
    const bare = spawnSync(process.execPath, [...guardedNodeArgs(), '-e', bareScript], { encoding: 'utf8' });
    expectNoEscape(bare.stderr, bare.status);
    const bareRss = Number(bare.stdout);
    console.log(
      `peak RSS ${(measured.rss / 1e6).toFixed(0)} MB for a ${(size / 1e6).toFixed(0)} MB plan; bare JSON.parse ${(bareRss / 1e6).toFixed(0)} MB (${(measured.rss / bareRss).toFixed(2)}x)`,
    );
    // The text and the parsed tree are the bare parse's peak too; what is above it is the depth
    // check's worker thread, the HCL grammar (WebAssembly) and the inventory built before the collector frees the untrimmed tree.
    expect(measured.rss / bareRss).toBeLessThan(1.5);
  }, 120_000);
});
