import { InputError } from '../errors/inputError.js';
import { describeType, isObject, type JsonObject } from './jsonValue.js';
import { jsonPointer, malformedResourceChange, type ResourceChange } from './resourceChangeShape.js';

export { describeType, isObject, type JsonObject };

/** The parts of `terraform show -json PLANFILE` this source reads, checked at the top level. */
export interface PlanDocument {
  readonly formatVersion: string;
  readonly terraformVersion?: string;
  /** Root module input variables: name → value. */
  readonly variables: ReadonlyMap<string, unknown>;
  readonly plannedValues?: JsonObject;
  /** Each entry checked (`malformedResourceChange`): a plan with one Terraform would not write is refused. */
  readonly resourceChanges: readonly ResourceChange[];
  readonly priorState?: JsonObject;
  readonly configuration?: JsonObject;
  /**
   * The addresses of `deferred_changes`: what Terraform left for a later plan (because something
   * it needs is not known yet). They are not checked.
   */
  readonly deferredChanges: readonly string[];
  /**
   * `complete: false`, or changes deferred (a plan may list them without writing `complete`). An
   * `errored` plan is refused outright.
   */
  readonly partial: boolean;
}

/**
 * Terraform 1.0 wrote `0.2`; 1.1 and later, and OpenTofu, write `1.x` (minor bumps are
 * backwards-compatible additions). `0.1` (Terraform 0.12) lacks parts we rely on.
 */
function supportedFormat(version: string): boolean {
  return /^1\.\d+$/.test(version) || version === '0.2';
}

export function readPlanDocument(root: unknown, file: string): PlanDocument {
  if (!isObject(root)) {
    throw new InputError(`expected a JSON object (the output of \`terraform show -json PLANFILE\`), found ${describeType(root)}`, { file });
  }
  const format = root['format_version'];
  if (format === undefined) {
    if ('lineage' in root && 'serial' in root) {
      throw new InputError('this is a Terraform state file, not a plan; pass the output of `terraform show -json PLANFILE`', { file });
    }
    throw new InputError('not a Terraform plan: "format_version" is missing; pass the output of `terraform show -json PLANFILE`', { file });
  }
  if (typeof format !== 'string')
    throw new InputError(`expected a string, found ${describeType(format)}`, { file, place: '/format_version' });
  if (!supportedFormat(format)) {
    throw new InputError(`unsupported plan format_version "${format}": clb-guard reads format 1.x (Terraform 1.0 or later, OpenTofu)`, {
      file,
      place: '/format_version',
    });
  }
  if ('values' in root && !('planned_values' in root) && !('resource_changes' in root)) {
    throw new InputError(
      'this is the JSON of a state (`terraform show -json` without a plan file), not a plan; pass `terraform show -json PLANFILE`',
      { file },
    );
  }
  const objectAt = (key: string): JsonObject | undefined => {
    const value = root[key];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) throw new InputError(`expected an object, found ${describeType(value)}`, { file, place: `/${key}` });
    return value;
  };
  if (root['errored'] === true) {
    throw new InputError(
      'the plan is marked "errored": planning failed part-way, so this is not a plan to judge; fix what `terraform plan` reported and check the new plan',
      { file, place: '/errored' },
    );
  }
  const changes = root['resource_changes'];
  if (changes !== undefined && changes !== null && !Array.isArray(changes)) {
    throw new InputError(`expected an array, found ${describeType(changes)}`, { file, place: '/resource_changes' });
  }
  const malformed = Array.isArray(changes) ? malformedResourceChange(changes) : undefined;
  if (malformed !== undefined) throw new InputError(malformed.message, { file, place: jsonPointer(malformed.path) });
  const complete = root['complete'];
  if (complete !== undefined && complete !== null && typeof complete !== 'boolean')
    throw new InputError(`expected true or false, found ${describeType(complete)}`, { file, place: '/complete' });
  const deferredChanges = deferredAddresses(root['deferred_changes'], file);
  const plannedValues = objectAt('planned_values');
  const priorState = objectAt('prior_state');
  const configuration = objectAt('configuration');
  const variablesObject = objectAt('variables');
  const variables = new Map<string, unknown>();
  for (const [name, entry] of Object.entries(variablesObject ?? {})) {
    if (isObject(entry)) variables.set(name, entry['value'] ?? null);
  }
  const version = root['terraform_version'];
  return {
    formatVersion: format,
    ...(typeof version === 'string' ? { terraformVersion: version } : {}),
    variables,
    ...(plannedValues ? { plannedValues } : {}),
    resourceChanges: Array.isArray(changes) ? (changes as ResourceChange[]) : [],
    ...(priorState ? { priorState } : {}),
    ...(configuration ? { configuration } : {}),
    deferredChanges,
    partial: complete === false || deferredChanges.length > 0,
  };
}

/** The address of each deferred change (`{reason, resource_change: {address, …}}`), or what stands in for one. */
function deferredAddresses(deferred: unknown, file: string): readonly string[] {
  if (deferred === undefined || deferred === null) return [];
  if (!Array.isArray(deferred))
    throw new InputError(`expected an array, found ${describeType(deferred)}`, { file, place: '/deferred_changes' });
  return deferred.map((entry, index) => {
    const change = isObject(entry) ? entry['resource_change'] : undefined;
    const address = isObject(change) ? change['address'] : undefined;
    return typeof address === 'string' ? address : `/deferred_changes/${index}`;
  });
}
