import { isAbsolute, resolve } from 'node:path';
import { isObject, type JsonObject } from './planDocument.js';
import type { ModuleStep } from './terraformAddress.js';
import { TwoNameTable } from './twoNameTable.js';

/** One resource block of the configuration, addressed relative to its module. */
export interface ConfigResource {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Attribute name → expression (`constant_value` / `references`), or a list of nested blocks. */
  readonly expressions: JsonObject;
  readonly countExpression?: JsonObject;
  readonly forEachExpression?: JsonObject;
  /** `depends_on`, as written (relative to the module). */
  readonly dependsOn: readonly string[];
}

export interface ModuleCall {
  readonly name: string;
  readonly source?: string;
  readonly expressions: JsonObject;
  readonly countExpression?: JsonObject;
  readonly forEachExpression?: JsonObject;
  readonly module: ConfigModule;
}

export interface ConfigModule {
  /** Module call names from the root: `["internal"]`. */
  readonly path: readonly string[];
  /** Absolute directory of its `.tf` files, when it is known (root, local sources, `.terraform/modules`). */
  readonly dir?: string;
  readonly resources: ReadonlyMap<string, ConfigResource>;
  readonly calls: ReadonlyMap<string, ModuleCall>;
  /** Variable name → default (`null` when none). */
  readonly variables: ReadonlyMap<string, unknown>;
  readonly outputs: ReadonlyMap<string, JsonObject>;
}

/**
 * `configuration` of the plan: modules by path, with the directory of each module's `.tf` files.
 * Local module sources are resolved against their parent's directory; registry and git sources
 * through Terraform's own record, `.terraform/modules/modules.json`, when it is given.
 */
export class ConfigurationTree {
  readonly root: ConfigModule;

  constructor(
    configuration: JsonObject | undefined,
    rootDir: string | undefined,
    installedModules: ReadonlyMap<string, string> = new Map(),
  ) {
    this.root = readModule(configuration?.['root_module'], [], rootDir, rootDir, installedModules);
  }

  module(steps: readonly ModuleStep[]): ConfigModule | undefined {
    let module: ConfigModule | undefined = this.root;
    for (const step of steps) {
      module = module?.calls.get(step.name)?.module;
      if (module === undefined) return undefined;
    }
    return module;
  }

  call(parent: readonly ModuleStep[], name: string): ModuleCall | undefined {
    return this.module(parent)?.calls.get(name);
  }

  /**
   * The managed resources of each module by type and name, indexed once per module of the
   * configuration: every instance of a module call shares them, so a lookup builds no key text.
   */
  private readonly managed = new WeakMap<ConfigModule, TwoNameTable<ConfigResource>>();

  resource(steps: readonly ModuleStep[], mode: ConfigResource['mode'], type: string, name: string): ConfigResource | undefined {
    const module = this.module(steps);
    if (module === undefined) return undefined;
    if (mode === 'data') return module.resources.get(resourceKey(mode, type, name));
    let byType = this.managed.get(module);
    if (byType === undefined) {
      byType = managedByType(module);
      this.managed.set(module, byType);
    }
    return byType.get(type, name);
  }
}

function managedByType(module: ConfigModule): TwoNameTable<ConfigResource> {
  const byType = new TwoNameTable<ConfigResource>();
  for (const resource of module.resources.values()) if (resource.mode === 'managed') byType.set(resource.type, resource.name, resource);
  return byType;
}

function resourceKey(mode: ConfigResource['mode'], type: string, name: string): string {
  return `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
}

function readModule(
  value: unknown,
  path: string[],
  dir: string | undefined,
  rootDir: string | undefined,
  installed: ReadonlyMap<string, string>,
): ConfigModule {
  const body = isObject(value) ? value : {};
  const resources = new Map<string, ConfigResource>();
  if (Array.isArray(body['resources'])) {
    for (const entry of body['resources']) {
      if (!isObject(entry) || typeof entry['type'] !== 'string' || typeof entry['name'] !== 'string') continue;
      const mode = entry['mode'] === 'data' ? 'data' : 'managed';
      resources.set(resourceKey(mode, entry['type'], entry['name']), {
        mode,
        type: entry['type'],
        name: entry['name'],
        expressions: isObject(entry['expressions']) ? entry['expressions'] : {},
        ...(isObject(entry['count_expression']) ? { countExpression: entry['count_expression'] } : {}),
        ...(isObject(entry['for_each_expression']) ? { forEachExpression: entry['for_each_expression'] } : {}),
        dependsOn: Array.isArray(entry['depends_on']) ? entry['depends_on'].filter((d): d is string => typeof d === 'string') : [],
      });
    }
  }
  const variables = new Map<string, unknown>();
  if (isObject(body['variables'])) {
    for (const [name, variable] of Object.entries(body['variables']))
      variables.set(name, isObject(variable) ? (variable['default'] ?? null) : null);
  }
  const outputs = new Map<string, JsonObject>();
  if (isObject(body['outputs'])) {
    for (const [name, output] of Object.entries(body['outputs'])) {
      if (isObject(output) && isObject(output['expression'])) outputs.set(name, output['expression']);
    }
  }
  const calls = new Map<string, ModuleCall>();
  if (isObject(body['module_calls'])) {
    for (const [name, call] of Object.entries(body['module_calls'])) {
      if (!isObject(call)) continue;
      const childPath = [...path, name];
      const source = typeof call['source'] === 'string' ? call['source'] : undefined;
      const childDir = moduleDir(source, dir, rootDir, installed.get(childPath.join('.')));
      calls.set(name, {
        name,
        ...(source !== undefined ? { source } : {}),
        expressions: isObject(call['expressions']) ? call['expressions'] : {},
        ...(isObject(call['count_expression']) ? { countExpression: call['count_expression'] } : {}),
        ...(isObject(call['for_each_expression']) ? { forEachExpression: call['for_each_expression'] } : {}),
        module: readModule(call['module'], childPath, childDir, rootDir, installed),
      });
    }
  }
  return { path, ...(dir !== undefined ? { dir } : {}), resources, calls, variables, outputs };
}

function moduleDir(
  source: string | undefined,
  parentDir: string | undefined,
  rootDir: string | undefined,
  installedDir: string | undefined,
): string | undefined {
  if (source !== undefined && (source.startsWith('./') || source.startsWith('../')) && parentDir !== undefined)
    return resolve(parentDir, source);
  if (installedDir !== undefined && rootDir !== undefined) return isAbsolute(installedDir) ? installedDir : resolve(rootDir, installedDir);
  return undefined;
}
