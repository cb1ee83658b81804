import type { Inventory } from '../../../src/model/inventory.js';
import { planToInventory } from '../../../src/sources/plan/index.js';
import type { TfFileReader } from '../../../src/terraform/terraformSources.js';

/**
 * Tiny synthetic `terraform show -json` plans: resource changes plus the configuration that
 * explains their unknown values. Addresses are written as Terraform prints them.
 */

export const ref = (...references: string[]) => ({ references });
export const constant = (value: unknown) => ({ constant_value: value });

/** `tencentcloud_security_group.web.id` → the two references Terraform records for it. */
export const idOf = (address: string, attribute = 'id') => ref(`${address}.${attribute}`, address);

interface ResourceOptions {
  /** `after_unknown`; default `{}`. */
  unknown?: Record<string, unknown>;
  actions?: string[];
  /** Only in prior state (no resource change). */
  priorOnly?: boolean;
}

interface ConfigOptions {
  count?: unknown;
  forEach?: unknown;
  dependsOn?: string[];
}

interface ModuleConfig {
  source?: string;
  expressions: Record<string, unknown>;
  forEach?: unknown;
  count?: unknown;
  resources: Record<string, unknown>[];
  calls: Record<string, ModuleConfig>;
  variables: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

function emptyModule(): ModuleConfig {
  return { expressions: {}, resources: [], calls: {}, variables: {}, outputs: {} };
}

export class PlanBuilder {
  private readonly changes: Record<string, unknown>[] = [];
  private readonly prior: Record<string, unknown>[] = [];
  private readonly root = emptyModule();
  private readonly variables: Record<string, { value: unknown }> = {};
  private readonly files = new Map<string, string>();

  /** A resource instance after apply, e.g. `module.app["b"].tencentcloud_instance.web[0]`. */
  resource(address: string, after: Record<string, unknown>, options: ResourceOptions = {}): this {
    const match = /^((?:module\.[\w-]+(?:\[[^\]]+\])?\.)*)(data\.)?([\w-]+)\.([\w-]+)(?:\[(\d+|"[^"]*")\])?$/.exec(address);
    if (match === null) throw new Error(`cannot read ${address}`);
    const moduleAddress = match[1]!.replace(/\.$/, '');
    const index = match[5] === undefined ? undefined : match[5].startsWith('"') ? (JSON.parse(match[5]) as string) : Number(match[5]);
    const entry = {
      address,
      ...(moduleAddress ? { module_address: moduleAddress } : {}),
      mode: match[2] ? 'data' : 'managed',
      type: match[3],
      name: match[4],
      ...(index !== undefined ? { index } : {}),
    };
    if (options.priorOnly) this.prior.push({ ...entry, values: after });
    else
      this.changes.push({
        ...entry,
        change: { actions: options.actions ?? ['create'], before: null, after, after_unknown: options.unknown ?? {} },
      });
    return this;
  }

  /** The configuration of a resource block in a module (`[]` = root): its expressions. */
  config(module: string[], address: string, expressions: Record<string, unknown>, options: ConfigOptions = {}): this {
    const [type, name] = address.replace(/^data\./, '').split('.') as [string, string];
    this.module(module).resources.push({
      address,
      mode: address.startsWith('data.') ? 'data' : 'managed',
      type,
      name,
      expressions,
      ...(options.count !== undefined ? { count_expression: options.count } : {}),
      ...(options.forEach !== undefined ? { for_each_expression: options.forEach } : {}),
      ...(options.dependsOn !== undefined ? { depends_on: options.dependsOn } : {}),
    });
    return this;
  }

  /** A module call at `path` (its last element is the call name). */
  call(
    path: string[],
    call: {
      source?: string;
      expressions?: Record<string, unknown>;
      forEach?: unknown;
      count?: unknown;
      variables?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    },
  ): this {
    const module = this.module(path);
    if (call.source !== undefined) module.source = call.source;
    Object.assign(module.expressions, call.expressions ?? {});
    if (call.forEach !== undefined) module.forEach = call.forEach;
    if (call.count !== undefined) module.count = call.count;
    Object.assign(module.variables, call.variables ?? {});
    Object.assign(module.outputs, call.outputs ?? {});
    return this;
  }

  variable(name: string, value: unknown): this {
    this.variables[name] = { value };
    return this;
  }

  /** A `.tf` file, for locations and locals (path relative to the root module directory `/tf`). */
  file(path: string, text: string): this {
    this.files.set(`/tf/${path}`, text);
    return this;
  }

  build(): Record<string, unknown> {
    const plan: Record<string, unknown> = {
      format_version: '1.2',
      terraform_version: '1.11.4',
      variables: this.variables,
      planned_values: { root_module: {} },
      resource_changes: this.changes,
      configuration: { root_module: toJson(this.root) },
    };
    if (this.prior.length > 0) plan['prior_state'] = { format_version: '1.0', values: { root_module: { resources: this.prior } } };
    return plan;
  }

  /** The `.tf` files given with `file()`, as a reader for `planToInventory`. */
  tfFiles(): TfFileReader {
    const files = this.files;
    return {
      list: (dir) => [...files.keys()].filter((path) => path.slice(0, path.lastIndexOf('/')) === dir).sort(),
      read: (path) => files.get(path),
    };
  }

  inventory(): Inventory {
    return planToInventory(this.build(), { file: 'plan.json', tfRoot: '/tf', repoRoot: '/', tfFiles: this.tfFiles() });
  }

  private module(path: string[]): ModuleConfig {
    let module = this.root;
    for (const name of path) {
      module.calls[name] ??= emptyModule();
      module = module.calls[name]!;
    }
    return module;
  }
}

function toJson(module: ModuleConfig): Record<string, unknown> {
  const calls: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(module.calls)) {
    calls[name] = {
      ...(call.source !== undefined ? { source: call.source } : {}),
      expressions: call.expressions,
      ...(call.forEach !== undefined ? { for_each_expression: call.forEach } : {}),
      ...(call.count !== undefined ? { count_expression: call.count } : {}),
      module: toJson(call),
    };
  }
  const variables = Object.fromEntries(Object.entries(module.variables).map(([name, value]) => [name, { default: value }]));
  const outputs = Object.fromEntries(Object.entries(module.outputs).map(([name, expression]) => [name, { expression }]));
  return { resources: module.resources, module_calls: calls, variables, outputs };
}
