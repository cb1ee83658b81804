import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats, statSync } from 'node:fs';
import { InputError } from '../errors/inputError.js';
import { deepestNesting, lineAndColumn } from '../text/jsonNesting.js';
import { jsonPathPosition } from '../text/jsonPathPosition.js';
import { startNestingCheck } from './nestingCheck.js';
import { isObject, type JsonObject } from './planDocument.js';
import { parsePlanJsonText } from './planJsonText.js';
import { jsonPointer, malformedResourceChange, trimmedFromChecked } from './resourceChangeShape.js';
import { marksAny } from './sensitiveValues.js';

/** The plan argument that means "read the plan from standard input". */
export const STDIN_PLAN = '-';
/** Larger plans are refused: the whole text must fit a JavaScript string. */
export const MAX_PLAN_BYTES = 500 * 1024 * 1024;
/** Deeper JSON is refused: no plan nests this deep, and recursive readers would overflow. */
export const MAX_PLAN_DEPTH = 256;

/**
 * Reads a plan from a regular file: the whole text parsed by native JSON.parse (one pass, no
 * JavaScript-level scanning), then trimmed to what the checks read, so that the rest is garbage
 * before linking starts. Devices, FIFOs, directories and sockets are refused, as are files over
 * `MAX_PLAN_BYTES` and JSON nested deeper than `MAX_PLAN_DEPTH` (anywhere in the file), each
 * with one line naming the file. (Standard input, `STDIN_PLAN`, is read by the caller and handed
 * to `parsePlanBytes`.)
 */
export function readPlanFile(path: string, file: string): unknown {
  refuseNonFile(statSync(path), file);
  // Non-blocking, so that a FIFO put in the file's place cannot hang the open.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    refuseNonFile(stats, file);
    let text = '';
    const nesting = startNestingCheck(fd, stats.size, MAX_PLAN_DEPTH, () => text);
    // Decoded straight into a string: a Buffer first, then a string, would hold the file twice.
    text = readFileSync(fd, 'utf8');
    let parsed: unknown;
    let parseError: unknown;
    try {
      parsed = parsePlanJsonText(text, file);
    } catch (error) {
      parseError = error;
    }
    const deep = nesting.result();
    if (deep !== undefined) throw tooDeep(file, lineAndColumnInFile(fd, deep));
    if (parseError !== undefined) throw parseError;
    text = ''; // garbage from here on: only the trimmed tree is kept
    refuseMalformedChanges(parsed, file, () => textOfFile(fd, stats.size));
    return trimPlan(parsed);
  } finally {
    closeSync(fd);
  }
}

function refuseNonFile(stats: Stats, file: string): void {
  if (!stats.isFile()) {
    const kind = stats.isDirectory()
      ? 'a directory'
      : stats.isCharacterDevice()
        ? 'a character device'
        : stats.isBlockDevice()
          ? 'a block device'
          : stats.isFIFO()
            ? 'a FIFO'
            : stats.isSocket()
              ? 'a socket'
              : 'not a regular file';
    throw new InputError(
      `not a file (${kind}): pass the JSON of \`terraform show -json PLANFILE\` as a file, or \`-\` to read it from standard input`,
      { file },
    );
  }
  if (stats.size > MAX_PLAN_BYTES) throw planTooLarge(file);
}

export function planTooLarge(file: string): InputError {
  return new InputError(`too large: clb-guard reads plans up to ${MAX_PLAN_BYTES / 1024 / 1024} MiB`, { file });
}

function tooDeep(file: string, place: { line: number; column: number }): InputError {
  return new InputError(`nested deeper than ${MAX_PLAN_DEPTH} levels: no Terraform plan nests this deep`, {
    file,
    place: `line ${place.line} column ${place.column}`,
  });
}

/** A whole plan text (standard input): valid JSON (or the located error), and not nested too deep. */
export function parsePlanBytes(bytes: Buffer, file: string): unknown {
  const text = bytes.toString('utf8');
  const deep = deepestNesting(text, MAX_PLAN_DEPTH);
  if (deep !== undefined) throw tooDeep(file, lineAndColumn(text, deep));
  const parsed = parsePlanJsonText(text, file);
  refuseMalformedChanges(parsed, file, () => text);
  return parsed;
}

/**
 * Refuses a plan with an entry of `resource_changes` that Terraform would not write, on one line
 * with its line, column and JSON pointer. The entries are checked on the tree (fast); the text
 * is scanned for the place only when one is wrong. (`readPlanDocument` checks the same, without
 * a line, for a plan handed over as a value.)
 */
function refuseMalformedChanges(root: unknown, file: string, text: () => string): void {
  const changes = isObject(root) ? root['resource_changes'] : undefined;
  const problem = Array.isArray(changes) ? malformedResourceChange(changes) : undefined;
  if (problem === undefined) return;
  const pointer = jsonPointer(problem.path);
  const body = text();
  const place = jsonPathPosition(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body, problem.path);
  throw new InputError(problem.message, {
    file,
    place: place === undefined ? pointer : `line ${place.line} column ${place.column}: ${pointer}`,
  });
}

/** The whole text once more (the first copy is garbage by now): only to place an error. */
function textOfFile(fd: number, size: number): string {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, buffer, filled, size - filled, filled);
    if (read <= 0) break;
    filled += read;
  }
  return buffer.toString('utf8', 0, filled);
}

/** Line and column of a byte offset, counted in chunks (only when reporting an error). */
function lineAndColumnInFile(fd: number, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (let at = 0; at < offset; ) {
    const read = readSync(fd, buffer, 0, Math.min(CHUNK, offset - at), at);
    if (read <= 0) break;
    for (let i = 0; i < read; i++) {
      if (buffer[i] === 0x0a) {
        line++;
        lineStart = at + i + 1;
      }
    }
    at += read;
  }
  return { line, column: offset - lineStart + 1 };
}

const CHUNK = 1 << 20;

/** Top-level keys that no check reads. `values`/`resources` are a state's. */
const UNREAD = ['relevant_attributes', 'output_changes', 'resource_drift', 'checks', 'values', 'resources'];

/**
 * The plan with only what the checks read: of each managed resource change its identity and
 * `actions`, `after`, `after_unknown`, `after_sensitive`, and of a change that changes something
 * the IDs of `before` a hybrid check reads (`BEFORE_KEPT`, with their `before_sensitive` marks;
 * from the prior state when `before` is not an object, as that check would look there); of the
 * prior state the resources that have no
 * change; `planned_values` only when there are no changes (it repeats them, without the
 * unknowns); of each deferred change its address (the plan is incomplete without them). Anything
 * of an unexpected shape is left as it is, for `readPlanDocument` to name.
 */
function trimPlan(root: unknown): unknown {
  if (!isObject(root)) return root;
  const changes = root['resource_changes'];
  if (changes !== undefined && !Array.isArray(changes)) return root;
  const trimmed: JsonObject = { ...root };
  const changed = new Set<string>();
  /** Changes whose `before` is not an object, by address: their IDs come from the prior state. */
  const beforeFromPrior = new Map<string, JsonObject>();
  if (Array.isArray(changes)) {
    const kept: JsonObject[] = [];
    for (const change of changes) {
      const slim = trimChange(change);
      if (slim === undefined) continue;
      if (typeof slim['address'] === 'string' && slim['mode'] === 'managed') {
        changed.add(slim['address']);
        const body = slim['change'];
        if (isObject(body) && body['before'] === undefined && changesSomething(body['actions'])) beforeFromPrior.set(slim['address'], body);
      }
      kept.push(slim);
    }
    trimmed['resource_changes'] = kept;
    trimmedFromChecked(changes, kept);
    if (kept.length > 0 && 'planned_values' in root) trimmed['planned_values'] = {};
  }
  for (const key of UNREAD) if (key in root) trimmed[key] = {};
  const deferred = root['deferred_changes'];
  if (Array.isArray(deferred)) trimmed['deferred_changes'] = deferred.map(deferredAddress);
  const prior = root['prior_state'];
  if (isObject(prior) && isObject(prior['values'])) {
    const rootModule = prior['values']['root_module'];
    trimmed['prior_state'] = {
      ...prior,
      values: rootModule === undefined ? {} : { root_module: trimStateModule(rootModule, changed, beforeFromPrior) },
    };
  }
  return trimmed;
}

const CHANGE_IDENTITY = ['address', 'module_address', 'mode', 'type', 'name', 'index', 'deposed'];

/**
 * What a hybrid check reads of the values before a change: the object's own ID and the IDs of
 * what it belongs to (`src/sources/hybrid/planFacts.ts`). Kept so that it reads the trimmed
 * plan, not the whole file once more.
 */
const BEFORE_KEPT = ['id', 'security_group_id', 'clb_id'];

/** A resource change with only what the checks read (data sources are left out). */
function trimChange(change: unknown): JsonObject | undefined {
  if (!isObject(change) || change['mode'] === 'data') return undefined;
  const body = change['change'];
  const trimmed: JsonObject = {};
  for (const key of CHANGE_IDENTITY) if (key in change) trimmed[key] = change[key];
  if (isObject(body)) {
    const slim: JsonObject = { actions: body['actions'], after: body['after'], after_unknown: body['after_unknown'] };
    // Which values are sensitive, never shown (`sensitiveValues.ts`): kept only when they mark something.
    if (marksAny(body['after_sensitive'])) slim['after_sensitive'] = body['after_sensitive'];
    if (isObject(body['before']) && changesSomething(body['actions'])) {
      slim['before'] = keptBefore(body['before']);
      const marks = body['before_sensitive'];
      const kept = isObject(marks) ? keptBefore(marks) : marks;
      if (marksAny(kept)) slim['before_sensitive'] = kept;
    }
    trimmed['change'] = slim;
  } else if ('change' in change) trimmed['change'] = body;
  return trimmed;
}

/** A deferred change (`{reason, resource_change}`) with only its address, which names it in the report's warnings. */
function deferredAddress(entry: unknown): JsonObject {
  const change = isObject(entry) ? entry['resource_change'] : undefined;
  const address = isObject(change) ? change['address'] : undefined;
  return address === undefined ? {} : { resource_change: { address } };
}

function keptBefore(values: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const key of BEFORE_KEPT) if (key in values) kept[key] = values[key];
  return kept;
}

/** A prior-state resource without its `sensitive_values` that mark nothing: not kept for the whole check. */
function withoutMarks(resource: JsonObject): JsonObject {
  const { sensitive_values: _, ...rest } = resource;
  return rest;
}

/** Actions other than no-op and read: the hybrid check reads `before` of these only. */
function changesSomething(actions: unknown): boolean {
  return Array.isArray(actions) && actions.length > 0 && !actions.every((a) => a === 'no-op' || a === 'read');
}

/**
 * A prior-state module without data sources and without the resources that have a change; the
 * IDs of a changed resource go to its change when that has no `before` of its own.
 */
function trimStateModule(module: unknown, changed: ReadonlySet<string>, beforeFromPrior: ReadonlyMap<string, JsonObject>): unknown {
  if (!isObject(module)) return module;
  const trimmed: JsonObject = { ...module };
  const resources = module['resources'];
  if (Array.isArray(resources)) {
    const kept: unknown[] = [];
    for (const r of resources) {
      if (!isObject(r)) continue;
      const address = r['address'];
      if (typeof address === 'string' && changed.has(address)) {
        const change = beforeFromPrior.get(address);
        // The last entry of an address wins, as in a map built from the prior state.
        if (change !== undefined && isObject(r['values'])) {
          change['before'] = keptBefore(r['values']);
          const marks = isObject(r['sensitive_values']) ? keptBefore(r['sensitive_values']) : undefined;
          if (marksAny(marks)) change['before_sensitive'] = marks;
        }
      } else if (r['mode'] === 'managed') kept.push('sensitive_values' in r && !marksAny(r['sensitive_values']) ? withoutMarks(r) : r);
    }
    trimmed['resources'] = kept;
  }
  const children = module['child_modules'];
  if (Array.isArray(children)) trimmed['child_modules'] = children.map((c) => trimStateModule(c, changed, beforeFromPrior));
  return trimmed;
}
