import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlanChangeJson, PlanJson } from './planJson.js';

/**
 * A real-format large plan for the benchmark, built from the committed Terraform fixtures: the
 * root of `p21-scenario-update` (an update plan with prior state) and its `module "internal"`
 * (`for_each`) replicated to `instances` module instances. Even instances are copies of p21's
 * module instance (updates and no-ops, known IDs, each copy with its own IDs, and its prior
 * state); odd ones are copies of p20's (creates: every ID known only after apply, so linking
 * goes through the configuration's references). Addresses, `module_address`, `prior_state`,
 * `planned_values` and `configuration` are as Terraform writes them; the `.tf` files are the
 * fixture's, with the module's `for_each` set to the generated keys, so locations and `.tf`
 * evaluation run as on a real repository.
 */
/** The committed fixtures (the benchmark runs from the repository root). */
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'plans');
const MODULE = 'module.internal["blue"]';

export function moduleKey(i: number): string {
  return `m${String(i).padStart(5, '0')}`;
}

/** Writes `plan.json` and `config/` (the root module's `.tf` files) into `dir`; returns the plan file. */
export function writeModulePlan(dir: string, instances: number, fixturesDir: string = FIXTURES): { planFile: string; tfRoot: string } {
  const update = JSON.parse(readFileSync(join(fixturesDir, 'p21-scenario-update', 'plan.json'), 'utf8')) as PlanJson;
  const create = JSON.parse(readFileSync(join(fixturesDir, 'p20-scenario-clb-backends', 'plan.json'), 'utf8')) as PlanJson;
  const ofModule = (plan: PlanJson) => plan.resource_changes.filter((c) => c.module_address === MODULE);
  const updateChanges = JSON.stringify(ofModule(update));
  const createChanges = JSON.stringify(ofModule(create));
  const priorModule = JSON.stringify(update.prior_state.values.root_module.child_modules!.find((m) => m.address === MODULE));
  const plannedUpdate = JSON.stringify(update.planned_values.root_module.child_modules!.find((m) => m.address === MODULE));
  const plannedCreate = JSON.stringify(create.planned_values.root_module.child_modules!.find((m) => m.address === MODULE));
  // The module's own cloud IDs (not the root's VPC and subnet, which every copy shares).
  const ownIds = [
    ...new Set(
      ofModule(update)
        .map((c) => c.change.before?.id)
        .filter((id): id is string => typeof id === 'string'),
    ),
  ];
  const copy = (text: string, i: number): unknown => {
    const key = moduleKey(i);
    let out = text.replaceAll('blue', key);
    for (const id of ownIds) out = out.replaceAll(`"${id}"`, `"${id}-${i}"`);
    return JSON.parse(out) as unknown;
  };
  const changes: unknown[] = update.resource_changes.filter((c) => c.module_address === undefined);
  const priorModules: unknown[] = [];
  const plannedModules: unknown[] = [];
  for (let i = 0; i < instances; i++) {
    if (i % 2 === 0) {
      changes.push(...(copy(updateChanges, i) as PlanChangeJson[]));
      priorModules.push(copy(priorModule, i));
      plannedModules.push(copy(plannedUpdate, i));
    } else {
      changes.push(...(copy(createChanges, i) as PlanChangeJson[]));
      plannedModules.push(copy(plannedCreate, i));
    }
  }
  const plan = {
    ...update,
    planned_values: { root_module: { ...update['planned_values'].root_module, child_modules: plannedModules } },
    resource_changes: changes,
    prior_state: {
      ...update['prior_state'],
      values: {
        ...update['prior_state'].values,
        root_module: { ...update['prior_state'].values.root_module, child_modules: priorModules },
      },
    },
  };
  const planFile = join(dir, 'plan.json');
  mkdirSync(dir, { recursive: true });
  // Terraform writes the plan JSON on one line.
  writeFileSync(planFile, JSON.stringify(plan));
  const tfRoot = join(dir, 'config');
  const keys = Array.from({ length: instances }, (_, i) => JSON.stringify(moduleKey(i))).join(', ');
  const sourceRoot = join(fixturesDir, 'p21-scenario-update', 'config');
  const main = readFileSync(join(sourceRoot, 'main.tf'), 'utf8').replace('for_each  = toset(["blue"])', `for_each  = toset([${keys}])`);
  write(join(tfRoot, 'main.tf'), main);
  write(join(tfRoot, 'modules', 'internal-clb', 'main.tf'), readFileSync(join(sourceRoot, 'modules', 'internal-clb', 'main.tf'), 'utf8'));
  return { planFile, tfRoot };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
