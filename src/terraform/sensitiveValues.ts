import { SENSITIVE, scrubbable } from '../model/sensitiveText.js';
import { isObject, type JsonObject } from './planDocument.js';

/**
 * The values a plan marks sensitive, taken out of its parsed tree before anything reads it.
 *
 * `terraform show -json` writes sensitive values in clear and says which they are beside them
 * (https://developer.hashicorp.com/terraform/internals/json-format): `after_sensitive` /
 * `before_sensitive` next to a change's `after` / `before`, `sensitive_values` next to the
 * `values` of `planned_values` and `prior_state` — each the value's shape with `true` at every
 * sensitive leaf, or `true` for the whole value — and `"sensitive": true` on a root module
 * variable in `configuration` (the plan's `variables` hold its value in clear).
 *
 * Every sensitive string that can be scrubbed from output text exactly as written (`scrubbable`)
 * stays, so that it still decides (a sensitive CIDR still admits or refuses), and is returned for
 * the outputs to scrub. Every other sensitive leaf — a number, a boolean, a short or common word,
 * a port list, a rule string — is replaced in place by `SENSITIVE`, which the plan reader reads
 * as unknown ("marked sensitive in the plan"): it can neither be printed nor silently pass.
 * Outputs are not read, so their sensitivity does not matter here.
 */
export function takeSensitiveValues(root: unknown): string[] {
  const texts: string[] = [];
  if (!isObject(root)) return texts;
  const changes = root['resource_changes'];
  if (Array.isArray(changes)) {
    for (const change of changes) {
      const body = isObject(change) ? change['change'] : undefined;
      if (!isObject(body)) continue;
      take(body, 'after', body['after_sensitive'], texts);
      take(body, 'before', body['before_sensitive'], texts);
    }
  }
  for (const section of ['planned_values', 'prior_state']) {
    const part = root[section];
    const values = section === 'prior_state' && isObject(part) ? part['values'] : part;
    if (isObject(values)) takeModule(values['root_module'], texts);
  }
  const configuration = root['configuration'];
  const declared =
    isObject(configuration) && isObject(configuration['root_module']) ? configuration['root_module']['variables'] : undefined;
  const variables = root['variables'];
  if (isObject(declared) && isObject(variables)) {
    for (const [name, declaration] of Object.entries(declared)) {
      const entry = variables[name];
      if (isObject(declaration) && declaration['sensitive'] === true && isObject(entry)) take(entry, 'value', true, texts);
    }
  }
  return texts;
}

function takeModule(module: unknown, texts: string[]): void {
  if (!isObject(module)) return;
  const resources = module['resources'];
  if (Array.isArray(resources))
    for (const resource of resources) if (isObject(resource)) take(resource, 'values', resource['sensitive_values'], texts);
  const children = module['child_modules'];
  if (Array.isArray(children)) for (const child of children) takeModule(child, texts);
}

/**
 * `holder[key]` against its mark tree. Only the mark tree is walked until it says `true`; a plan
 * file's reader keeps only the trees that mark something (`trimPlan`), so most changes have none.
 */
function take(holder: JsonObject | unknown[], key: string | number, marks: unknown, texts: string[]): void {
  if (marks === true) {
    takeAll(holder, key, texts);
    return;
  }
  if (!marksAny(marks)) return;
  const value = (holder as Record<string | number, unknown>)[key];
  if (Array.isArray(marks)) {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < marks.length && i < value.length; i++) take(value, i, marks[i], texts);
  } else if (isObject(value) && isObject(marks)) {
    for (const name in marks) if (name in value) take(value, name, marks[name], texts);
  }
}

/** Whether a mark tree (`after_sensitive`, `sensitive_values`, …) holds a `true` anywhere. */
export function marksAny(marks: unknown): boolean {
  if (marks === true) return true;
  if (typeof marks !== 'object' || marks === null) return false;
  if (Array.isArray(marks)) {
    for (let i = 0; i < marks.length; i++) if (marksAny(marks[i])) return true;
    return false;
  }
  for (const name in marks) if (marksAny((marks as JsonObject)[name])) return true;
  return false;
}

/** A wholly sensitive value: every leaf (and map key) collected or replaced. */
function takeAll(holder: JsonObject | unknown[], key: string | number, texts: string[]): void {
  const slot = holder as Record<string | number, unknown>;
  const value = slot[key];
  // Nothing to hide in an unset value, and an empty string keeps meaning "not set".
  if (value === null || value === undefined || value === '') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) takeAll(value, i, texts);
  } else if (isObject(value)) {
    for (const name of Object.keys(value)) {
      if (scrubbable(name)) texts.push(name);
      takeAll(value, name, texts);
    }
  } else if (typeof value === 'string' && scrubbable(value)) texts.push(value);
  else if (value !== SENSITIVE) slot[key] = SENSITIVE;
}
