import { relative, resolve, sep } from 'node:path';
import { InputError } from '../../errors/inputError.js';
import type { Inventory, InventoryWarning } from '../../model/inventory.js';
import { ConfigurationTree } from '../../terraform/configurationTree.js';
import { loadHclParser } from '../../terraform/hcl/index.js';
import { installedModules } from '../../terraform/moduleManifest.js';
import { readPlanDocument } from '../../terraform/planDocument.js';
import { readPlanFile } from '../../terraform/planFileReader.js';
import { PlanResources } from '../../terraform/planResources.js';
import { ReferenceResolver } from '../../terraform/referenceResolver.js';
import { takeSensitiveValues } from '../../terraform/sensitiveValues.js';
import { SourceValues } from '../../terraform/sourceValues.js';
import { TerraformSources, type TfFileReader } from '../../terraform/terraformSources.js';
import { readMachines } from './instanceReader.js';
import { readLoadBalancers } from './loadBalancerReader.js';
import { readNetworkAcls, readSubnets, readVpcs } from './networkReader.js';
import { PlanContext } from './planContext.js';
import { readSecurityGroups } from './securityGroupReader.js';
import { readTemplates } from './templateReader.js';
import { withUnlinkedGroupAttachments } from './unlinkedGroupAttachments.js';

export interface PlanReadOptions {
  /** The output of `terraform show -json PLANFILE`. */
  readonly planFile: string;
  /** The root module's directory (`--tf-root`); default: the current directory. */
  readonly tfRoot?: string;
  /** Locations are relative to it; default: the current directory. */
  readonly repoRoot?: string;
}

/** Reads a plan file (parsed, and its name in messages). User mistakes throw `InputError` (one line, file + place). */
export function readPlan(planFile: string, repoRoot: string = process.cwd()): { plan: unknown; file: string } {
  const file = displayPath(resolve(planFile), resolve(repoRoot));
  try {
    // Read in chunks, never the whole text and the whole tree at once (see planFileReader).
    return { plan: readPlanFile(planFile, file), file };
  } catch (error) {
    throw error instanceof InputError ? error : fileError(error, file);
  }
}

/** Reads a plan file into an inventory. */
export async function readPlanInventory(options: PlanReadOptions): Promise<Inventory> {
  await loadHclParser();
  const repoRoot = resolve(options.repoRoot ?? process.cwd());
  const { plan, file } = readPlan(options.planFile, repoRoot);
  return planToInventory(plan, { file, ...(options.tfRoot !== undefined ? { tfRoot: options.tfRoot } : {}), repoRoot });
}

export interface PlanToInventoryOptions {
  /** The plan's name in messages. */
  readonly file: string;
  readonly tfRoot?: string;
  readonly repoRoot?: string;
  /** Where `.tf` files come from (tests); default: the disk. */
  readonly tfFiles?: TfFileReader;
}

/**
 * A parsed plan into the inventory. Pure apart from reading the `.tf` files (and Terraform's
 * module manifest) that give locations and the locals the plan JSON leaves out.
 */
export function planToInventory(plan: unknown, options: PlanToInventoryOptions): Inventory {
  const repoRoot = resolve(options.repoRoot ?? process.cwd());
  const tfRoot = resolve(options.tfRoot ?? process.cwd());
  // Before anything reads a value (the document copies the variables' values): what cannot be
  // shown is replaced, the rest is kept for the outputs to scrub.
  const sensitiveTexts = takeSensitiveValues(plan);
  const document = readPlanDocument(plan, options.file);
  const warnings: InventoryWarning[] = [];
  const incompleteReasons: string[] = [];
  if (document.partial) {
    warnings.push({
      message: 'the plan is marked incomplete (planning failed or deferred some changes): what it leaves out is not checked',
    });
    incompleteReasons.push(
      'Terraform marked the plan incomplete (planning failed or deferred some changes); what it leaves out is not checked',
    );
  }
  if (document.configuration === undefined)
    warnings.push({ message: 'the plan has no "configuration": values known only after apply cannot be linked to resources' });
  const resources = new PlanResources(document, warnings);
  const config = new ConfigurationTree(document.configuration, tfRoot, installedModules(tfRoot, options.tfFiles));
  const sources = new TerraformSources(repoRoot, options.tfFiles);
  const resolver = new ReferenceResolver(config, resources, document.variables, sources);
  const values = new SourceValues(config, resources, resolver, sources, document.variables);
  const context = new PlanContext(resources, config, resolver, sources, values);

  // Each part is read on its own, so that an unexpected shape in one costs only that part.
  const guarded = <T>(what: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      const message = `could not read the ${what} of the plan: ${error instanceof Error ? error.message : String(error)}`;
      context.warnings.push({ message });
      incompleteReasons.push(message);
      return fallback;
    }
  };
  const templates = guarded('parameter templates', () => readTemplates(context), {
    addressTemplates: new Map(),
    addressTemplateGroups: new Map(),
    serviceTemplates: new Map(),
    serviceTemplateGroups: new Map(),
  });
  const vpcs = guarded('VPCs', () => readVpcs(context), new Map());
  const subnets = guarded('subnets', () => readSubnets(context), new Map());
  const networkAcls = guarded('network ACLs', () => readNetworkAcls(context), new Map());
  const securityGroups = guarded('security groups', () => readSecurityGroups(context), new Map());
  const machines = guarded('instances', () => withUnlinkedGroupAttachments(context, readMachines(context)), {
    instances: new Map(),
    networkInterfaces: new Map(),
  });
  const loadBalancers = guarded('load balancers', () => readLoadBalancers(context), new Map());
  incompleteReasons.push(...context.incompleteReasons);
  return {
    mode: 'plan',
    loadBalancers,
    instances: machines.instances,
    networkInterfaces: machines.networkInterfaces,
    securityGroups,
    networkAcls,
    subnets,
    vpcs,
    ...templates,
    aliases: context.links.aliases,
    warnings: [...warnings, ...context.warnings],
    complete: incompleteReasons.length === 0,
    ...(incompleteReasons.length > 0 ? { incompleteReasons } : {}),
    ...(sensitiveTexts.length > 0 ? { sensitiveTexts } : {}),
  };
}

function fileError(error: unknown, file: string): InputError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return new InputError('cannot read the plan: no such file', { file });
  if (code === 'EISDIR')
    return new InputError('cannot read the plan: this is a directory; pass the JSON file written by `terraform show -json PLANFILE`', {
      file,
    });
  return new InputError(`cannot read the plan: ${error instanceof Error ? error.message : String(error)}`, { file });
}

function displayPath(path: string, repoRoot: string): string {
  const rel = relative(repoRoot, path);
  return rel === '' || rel.startsWith('..') ? path : rel.split(sep).join('/');
}
