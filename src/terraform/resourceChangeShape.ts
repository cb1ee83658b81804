import { describeType, isObject, type JsonObject } from './jsonValue.js';

/** An entry of `resource_changes` as `malformedResourceChange` lets it through. */
export type ResourceChange = JsonObject & {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly change: JsonObject & {
    readonly actions: readonly string[];
    readonly before?: JsonObject | null;
    readonly after?: JsonObject | null;
  };
};

/** Where in the plan something is wrong (JSON pointer steps from the root), and what. */
export interface PlanShapeProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The action lists Terraform (and OpenTofu) write in `change.actions`: one per `plans.Action`
 * (`no-op`, `create`, `read`, `update`, `delete`, `forget`, and the replaces
 * `delete`+`create`, `create`+`delete`, `create`+`forget`), in that order.
 */
const KNOWN_ACTIONS: ReadonlySet<string> = new Set([
  'no-op',
  'create',
  'read',
  'update',
  'delete',
  'forget',
  'delete,create',
  'create,delete',
  'create,forget',
]);

const KNOWN_LIST = [...KNOWN_ACTIONS].map((a) => JSON.stringify(a.split(','))).join(', ');

/**
 * The first entry of `resource_changes` that is not what Terraform writes, or undefined. A
 * change the checks cannot read is a broken input, never an entry to skip: skipping would judge
 * the plan without it and call the report complete. Only what the checks rely on is checked:
 * the entry an object with a string `address` and `mode` `managed` or `data`; `change` an
 * object; `actions` one of the lists Terraform writes; `before` and `after` an object or null,
 * `after` an object wherever a managed resource remains after the change.
 */
export function malformedResourceChange(changes: readonly unknown[]): PlanShapeProblem | undefined {
  if (checkedLists.has(changes)) return undefined;
  for (let index = 0; index < changes.length; index++) {
    const problem = entryProblem(changes[index]);
    if (problem !== undefined) return { path: ['resource_changes', index, ...problem.path], message: problem.message };
  }
  checkedLists.add(changes);
  return undefined;
}

/**
 * Lists found well-formed, and trimmed copies of them: the reader checks a plan's list (where it
 * can say the line), `readPlanDocument` would check it again. Plans are not changed once read.
 */
const checkedLists = new WeakSet<readonly unknown[]>();

/** A list trimmed from one found well-formed (its entries keep what was checked): not checked again. */
export function trimmedFromChecked(original: readonly unknown[], trimmed: readonly unknown[]): void {
  if (checkedLists.has(original)) checkedLists.add(trimmed);
}

function entryProblem(entry: unknown): PlanShapeProblem | undefined {
  if (!isObject(entry)) return { path: [], message: `expected an object (a resource change), found ${describeType(entry)}` };
  const address = entry['address'];
  if (typeof address !== 'string') return missingOrWrong(entry, 'address', 'a string');
  const mode = entry['mode'];
  if (mode !== 'managed' && mode !== 'data') {
    if (typeof mode === 'string')
      return { path: ['mode'], message: `unknown mode ${JSON.stringify(mode)}: Terraform writes "managed" or "data"` };
    return missingOrWrong(entry, 'mode', 'a string');
  }
  const change = entry['change'];
  if (!isObject(change)) return missingOrWrong(entry, 'change', 'an object');
  const actions = change['actions'];
  if (!Array.isArray(actions)) return nested(missingOrWrong(change, 'actions', 'an array of strings'));
  if (!knownActions(actions)) return nested(actionsProblem(actions));
  const problem = valuesProblem(change, 'before') ?? valuesProblem(change, 'after');
  if (problem !== undefined || mode === 'data' || entry['deposed'] !== undefined || removesObject(actions)) return problem;
  // What remains after the change is read from `after`: without it the object would be left out.
  const after = change['after'];
  if (after === null)
    return { path: ['change', 'after'], message: `expected an object (the values after ${JSON.stringify(actions)}), found null` };
  if (after === undefined) return { path: ['change'], message: `"after" is missing (the values after ${JSON.stringify(actions)})` };
  return undefined;
}

/** Actions after which the object is gone from the state: nothing remains to check. */
export function removesObject(actions: readonly string[]): boolean {
  return actions.length === 1 && (actions[0] === 'delete' || actions[0] === 'forget');
}

/** `before` and `after` are the resource's values (an object), or null where there are none. */
function valuesProblem(change: JsonObject, key: 'before' | 'after'): PlanShapeProblem | undefined {
  const value = change[key];
  if (value === undefined || value === null || isObject(value)) return undefined;
  return { path: ['change', key], message: `expected an object or null, found ${describeType(value)}` };
}

/** The fast path: no text is built for the lists Terraform writes. */
function knownActions(actions: readonly unknown[]): boolean {
  const first = actions[0];
  const second = actions[1];
  if (typeof first !== 'string') return false;
  if (actions.length === 1) return KNOWN_ACTIONS.has(first);
  return actions.length === 2 && typeof second === 'string' && KNOWN_ACTIONS.has(`${first},${second}`);
}

function actionsProblem(actions: readonly unknown[]): PlanShapeProblem {
  const notString = actions.findIndex((a) => typeof a !== 'string');
  if (notString >= 0) return { path: ['actions', notString], message: `expected a string, found ${describeType(actions[notString])}` };
  return {
    path: ['actions'],
    message: `${JSON.stringify(actions)} is not a list of actions Terraform writes (${KNOWN_LIST})`,
  };
}

function missingOrWrong(object: Record<string, unknown>, key: string, expected: string): PlanShapeProblem {
  if (!(key in object)) return { path: [], message: `"${key}" is missing` };
  return { path: [key], message: `expected ${expected}, found ${describeType(object[key])}` };
}

function nested(problem: PlanShapeProblem): PlanShapeProblem {
  return { path: ['change', ...problem.path], message: problem.message };
}

/** `['resource_changes', 3, 'change']` → `/resource_changes/3/change` (RFC 6901 escapes). */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((step) => `/${String(step).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
