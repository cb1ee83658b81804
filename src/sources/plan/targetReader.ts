import type { Target } from '../../model/loadBalancer.js';
import type { Ref } from '../../model/network.js';
import type { Provenance } from '../../model/provenance.js';
import { isUnknown, type Maybe, unknown } from '../../model/value.js';
import { isObjectValue, Opaque, Unknown, type Value } from '../../terraform/evaluate.js';
import { hasTemplate } from '../../terraform/expression.js';
import type { HclToken } from '../../terraform/hcl/index.js';
import { isObject } from '../../terraform/planDocument.js';
import type { PlanResource } from '../../terraform/planResources.js';
import { NOT_KNOWN, type PlanValue } from '../../terraform/planValue.js';
import type { Resolved } from '../../terraform/referenceResolver.js';
import { AFTER_APPLY, type AttributeState } from './attributeState.js';
import type { ListenerDraft, ListenerIndex, RuleDraft } from './listenerDrafts.js';
import { someOf } from './messageList.js';
import type { PlanContext } from './planContext.js';
import type { ResourceView } from './resourceView.js';
import { describeItem } from './rulePeer.js';

const DYNAMIC_TARGETS =
  'known after apply; the targets are written in a `dynamic` block, which the plan does not describe, so they cannot be linked to instances';

/**
 * Backends: `tencentcloud_clb_attachment` (onto a listener, or an L7 rule by `rule_id` or
 * domain + URL) and target groups (`_clb_target_group` members from
 * `_clb_target_group_instance_attachment`, bound by `_clb_target_group_attachment(s)`).
 */
export function readTargets(context: PlanContext, index: ListenerIndex): void {
  for (const resource of context.resources.ofType('tencentcloud_clb_attachment')) readAttachment(context, index, resource);
  const groups = targetGroupMembers(context);
  for (const resource of context.resources.ofType('tencentcloud_clb_target_group_attachment')) {
    const view = context.view(resource);
    bindTargetGroup(context, index, groups, resource, view.link(['target_group_id']), view.link(['listener_id']), view.link(['rule_id']));
  }
  for (const resource of context.resources.ofType('tencentcloud_clb_target_group_attachments')) {
    const view = context.view(resource);
    const state = view.attribute(['associations']);
    if (state.state !== 'set' || !Array.isArray(state.value)) {
      if (state.state === 'unknown')
        context.unlinked(resource, `cannot tell which target groups it binds to which listeners (associations: ${AFTER_APPLY})`);
      continue;
    }
    const topGroup = view.link(['target_group_id']);
    state.value.forEach((_, i) => {
      const group = view.link(['associations', i, 'target_group_id']) ?? topGroup;
      bindTargetGroup(
        context,
        index,
        groups,
        resource,
        group,
        view.link(['associations', i, 'listener_id']),
        view.link(['associations', i, 'location_id']),
      );
    });
  }
}

function readAttachment(context: PlanContext, index: ListenerIndex, resource: PlanResource): void {
  const view = context.view(resource);
  const listener = listenerOf(context, index, resource, view.link(['listener_id']));
  if (listener === undefined) return;
  let rule: RuleDraft | undefined;
  const ruleRef = view.link(['rule_id']);
  if (ruleRef !== null) {
    rule = isUnknown(ruleRef) ? undefined : index.rules.get(ruleRef);
    if (rule === undefined) {
      context.unlinked(resource, missingRule(index, ruleRef, 'attaches to'));
      return;
    }
  } else {
    const domain = view.string(['domain']);
    const url = view.string(['url']);
    if (domain !== undefined || url !== undefined) {
      rule = listener.rules.find((r) => r.base.domain === domain && r.base.url === url);
      if (rule === undefined) {
        context.unlinked(
          resource,
          `no rule of ${listener.base.key} matches domain ${String(typeof domain === 'string' ? domain : '?')} and url ${String(typeof url === 'string' ? url : '?')}`,
        );
        return;
      }
    }
  }
  const via = rule === undefined ? 'listener' : 'rule';
  const state = view.attribute(['targets']);
  // `targets` is required: missing from the configuration, it was written with `dynamic`.
  const dynamicUnknown = isObject(resource.unknown) && resource.unknown['targets'] === true;
  if (state.state === 'unset' && !dynamicUnknown) return;
  if (state.state !== 'set' || !Array.isArray(state.value)) {
    if (state.state === 'set') context.warn(resource, 'targets: expected a list of blocks');
    const dynamic = state.state !== 'set' ? dynamicTargets(context, view) : undefined;
    if (dynamic !== undefined && 'open' in dynamic && dynamic.candidates !== undefined) {
      // Not even the number of targets is known, but each one is one of the candidates.
      const port = numberOfState(dynamic.port);
      const provenance = context.provenance(resource, { path: 'targets', ...(dynamic.location ? { location: dynamic.location } : {}) });
      (rule?.targets ?? listener.targets).push({
        instance: unknown(dynamic.open),
        instanceCandidates: dynamic.candidates,
        port,
        via,
        provenance,
      });
      return;
    }
    listener.targetsUnknownReasons.push(`targets of ${resource.address}: ${AFTER_APPLY}`);
    return;
  }
  const destination = rule?.targets ?? listener.targets;
  for (const target of attachmentTargets(context, view, state.value.length, via)) destination.push(target);
}

/** Why the L7 rule an attachment names is not there: unknown, in the plan but not linked to a listener, or outside the plan. */
function missingRule(index: ListenerIndex, ref: Maybe<Ref>, verb: string): string {
  if (isUnknown(ref)) return `cannot tell which rule it ${verb} (${ref.reason})`;
  if (index.unlinkedRules.has(ref)) return `the rule it ${verb} (${ref}) cannot be linked to a listener`;
  return `the rule it ${verb} (${ref}) is not in this plan`;
}

function listenerOf(context: PlanContext, index: ListenerIndex, resource: PlanResource, ref: Maybe<Ref> | null): ListenerDraft | undefined {
  if (ref === null || isUnknown(ref)) {
    context.unlinked(resource, `cannot tell which listener it attaches to (${ref === null ? 'listener_id is not set' : ref.reason})`);
    return undefined;
  }
  const listener = index.listeners.get(ref);
  // A listener of the plan is always indexed (one whose CLB cannot be told hangs on a placeholder):
  // what is missing here is a listener outside the plan, written by ID.
  if (listener === undefined) context.unlinked(resource, `its listener ${ref} is not in this plan`);
  return listener;
}

interface WrittenTarget {
  readonly index: number;
  readonly block: Record<string, unknown>;
  /** A target of a `dynamic` block: its fields, evaluated from the `.tf` source for one element. */
  readonly states?: Readonly<Record<string, AttributeState>>;
  readonly line?: number;
  readonly endLine?: number;
}

/**
 * `targets` is a set: the plan's order is not the configuration's. Targets whose instance ID is
 * known after apply are matched to the written blocks by their known fields (port, weight);
 * blocks that agree on those fields are interchangeable, so the matching cannot change the result.
 */
function attachmentTargets(context: PlanContext, view: ResourceView, count: number, via: Target['via']): Target[] {
  const resource = view.resource;
  const dynamic = dynamicTargets(context, view);
  const written = dynamic !== undefined && 'targets' in dynamic ? dynamic.targets : writtenTargets(context, view);
  const openReason = dynamic !== undefined && 'open' in dynamic ? dynamic.open : undefined;
  const candidates = dynamic !== undefined && 'open' in dynamic ? dynamic.candidates : undefined;
  const used = new Set<number>();
  const targets: Target[] = [];
  const elements = resource.values['targets'];
  const unknownTargets = isObject(resource.unknown) ? resource.unknown['targets'] : undefined;
  // Plain loops and no closures or spreads per target: a large plan has tens of thousands.
  for (let j = 0; j < count; j++) {
    const element = Array.isArray(elements) && isObject(elements[j]) ? elements[j] : NO_FIELDS;
    const unknownElement = unknownTargets === true ? true : Array.isArray(unknownTargets) ? unknownTargets[j] : undefined;
    const instanceValue = planField(element, unknownElement, 'instance_id');
    const eniValue = planField(element, unknownElement, 'eni_ip');
    const portValue = planField(element, unknownElement, 'port');
    const weightValue = planField(element, unknownElement, 'weight');
    let block: WrittenTarget | undefined;
    // Matched even when every value is known: the block gives the target its own line.
    if (written !== undefined) {
      const known = [portValue, weightValue, instanceValue, eniValue] as const;
      for (const candidate of written) {
        if (used.has(candidate.index)) continue;
        const fits =
          candidate.states !== undefined
            ? agreesEvaluated(candidate.states, known)
            : agrees(context, view, candidate.block, candidate.index, known);
        if (fits) {
          block = candidate;
          break;
        }
      }
      if (block !== undefined) used.add(block.index);
    }
    const location = block?.line !== undefined ? locationOf(context, view, block) : undefined;
    const path = context.shared.elementPath('targets', block?.index ?? j);
    const provenance: Provenance = context.provenance(resource, location ? { path, location } : { path });
    // Fields in the order reports print them: port, weight, instance or eniIp, instanceCandidates, via, provenance.
    const target: {
      port: Maybe<number>;
      weight?: Maybe<number>;
      instance?: Maybe<Ref>;
      eniIp?: Maybe<string>;
      instanceCandidates?: readonly Ref[];
      via: Target['via'];
      provenance: Provenance;
    } = { port: numberOf(portValue, context, view, block, 'port') } as typeof target;
    const weight = numberOf(weightValue, context, view, block, 'weight');
    if (!(isUnknown(weight) && weightValue.known)) target.weight = weight;
    if (isSetValue(instanceValue)) target.instance = context.links.alias(String((instanceValue as { value: unknown }).value));
    else if (isSetValue(eniValue)) target.eniIp = String((eniValue as { value: unknown }).value);
    else if (!instanceValue.known)
      target.instance =
        openReason !== undefined
          ? unknown(openReason)
          : instanceOfItems(context, writtenItems(context, view, block, 'instance_id'), written === undefined);
    else if (!eniValue.known)
      target.eniIp =
        openReason !== undefined
          ? unknown(openReason)
          : ipOfItems(context, writtenItems(context, view, block, 'eni_ip'), written === undefined);
    else {
      context.warn(resource, `targets[${j}] has neither instance_id nor eni_ip`);
      continue;
    }
    if (candidates !== undefined && openReason !== undefined && target.instance !== undefined && isUnknown(target.instance))
      target.instanceCandidates = candidates;
    target.via = via;
    target.provenance = provenance;
    targets.push(target);
  }
  return targets;
}

const NO_FIELDS: Readonly<Record<string, unknown>> = {};

/** A field of a target as the plan has it: known (null when absent), or known only after apply. */
function planField(element: Readonly<Record<string, unknown>>, unknownElement: unknown, name: string): PlanValue {
  return unknownElement === true || (isObject(unknownElement) && unknownElement[name] === true)
    ? NOT_KNOWN
    : { known: true, value: element[name] ?? null };
}

function isSetValue(value: PlanValue): boolean {
  return value.known && value.value !== null && value.value !== '';
}

/** What the matched written block says of a field: its evaluated state, or its expression resolved; undefined without a block. */
function writtenItems(
  context: PlanContext,
  view: ResourceView,
  block: WrittenTarget | undefined,
  name: string,
): readonly Resolved[] | undefined {
  if (block === undefined) return undefined;
  return block.states !== undefined
    ? itemsOfState(block.states[name])
    : resolveWritten(context, view, block.block[name], block.index, name);
}

/** The static `targets` blocks of the configuration, with their lines; undefined when written with `dynamic`. */
function writtenTargets(context: PlanContext, view: ResourceView): WrittenTarget[] | undefined {
  const blocks = view.config?.expressions['targets'];
  if (!Array.isArray(blocks) || blocks.length === 0) return undefined;
  const source = context.sourceBlock(view.resource)?.block;
  const sourceBlocks = source?.blocks.filter((b) => b.type === 'targets');
  const dynamic = source?.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === 'targets') ?? true;
  const lined = !dynamic && sourceBlocks !== undefined && sourceBlocks.length === blocks.length ? sourceBlocks : undefined;
  return blocks.map((block, index) => ({
    index,
    block: isObject(block) ? block : {},
    ...(lined !== undefined ? { line: lined[index]!.line, endLine: lined[index]!.endLine } : {}),
  }));
}

/**
 * `dynamic "targets"`: the plan's configuration leaves the block out, so `for_each` and
 * `content` are read from the `.tf` source and evaluated for each element (the iterator bound
 * as `<name>.key` / `<name>.value`). `open` when the collection itself cannot be decided.
 */
function dynamicTargets(context: PlanContext, view: ResourceView): { targets: WrittenTarget[] } | OpenTargets | undefined {
  const source = context.sourceBlock(view.resource);
  const dynamic = source?.block.blocks.find((b) => b.type === 'dynamic' && b.labels[0] === 'targets');
  if (source === undefined || dynamic === undefined) return undefined;
  const forEach = dynamic.attributes.get('for_each');
  const content = dynamic.blocks.find((b) => b.type === 'content');
  if (forEach === undefined || content === undefined) return { open: `${DYNAMIC_TARGETS} (its for_each or content could not be read)` };
  const iteratorTokens = dynamic.attributes.get('iterator')?.tokens.filter((t) => t.kind !== 'newline');
  const iterator = iteratorTokens?.length === 1 && iteratorTokens[0]!.kind === 'ident' ? iteratorTokens[0]!.text : 'targets';
  const collection = context.values.evaluateTokens(forEach.tokens, view.frame);
  let entries: [string | number, Value][];
  if (Array.isArray(collection)) entries = (collection as readonly Value[]).map((v, i) => [i, v]);
  else if (isObjectValue(collection))
    entries = Object.keys(collection)
      .sort()
      .map((k) => [k, collection[k]!]);
  else {
    const why =
      collection instanceof Unknown
        ? collection.reason
        : collection instanceof Opaque
          ? `${collection.text} is known only after apply`
          : 'it is not a collection';
    const open = `the for_each of the dynamic "targets" block cannot be decided: ${why}`;
    const candidates = candidateInstances(context, view, iterator, forEach.tokens, content.attributes.get('instance_id')?.tokens);
    if (candidates === undefined) return { open };
    // The iterator is not known; a port written without it still is.
    const unbound = { ...view.frame, bindings: new Map([...(view.frame.bindings ?? []), [iterator, new Unknown(open)]]) };
    const portAttribute = content.attributes.get('port');
    const port =
      portAttribute === undefined
        ? undefined
        : context.stateOfValue(context.values.evaluateTokens(portAttribute.tokens, unbound), view.scope);
    const location = locationOf(context, view, { index: 0, block: {}, line: dynamic.line, endLine: dynamic.endLine });
    return { open, candidates, ...(port !== undefined ? { port } : {}), ...(location ? { location } : {}) };
  }
  const targets = entries.map(([key, value], index): WrittenTarget => {
    const frame = { ...view.frame, bindings: new Map([...(view.frame.bindings ?? []), [iterator, { key, value } as Value]]) };
    const states: Record<string, AttributeState> = {};
    for (const attribute of content.attributes.values())
      states[attribute.name] = context.stateOfValue(context.values.evaluateTokens(attribute.tokens, frame), view.scope);
    return { index, block: {}, states, line: dynamic.line, endLine: dynamic.endLine };
  });
  return { targets };
}

interface OpenTargets {
  /** Why the collection cannot be decided. */
  readonly open: string;
  /** Every instance a target can be: set when the expressions name the instances of one resource and nothing else. */
  readonly candidates?: readonly Ref[];
  /** `port` of `content`, evaluated without the iterator. */
  readonly port?: AttributeState;
  readonly location?: ReturnType<typeof locationOf>;
}

const KEYWORDS = new Set(['for', 'in', 'if', 'true', 'false', 'null']);

/**
 * The resources an expression names (`type.name`), and every other root name it uses (besides
 * functions, keywords, `for` variables and `allowed`); undefined when a string interpolates.
 */
function namesOf(tokens: readonly HclToken[], allowed: ReadonlySet<string>): { resources: Set<string>; others: Set<string> } | undefined {
  const bound = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || t.text !== 'for') continue;
    for (let j = i + 1; j < tokens.length; j++) {
      const b = tokens[j]!;
      if (b.kind === 'ident' && b.text === 'in') break;
      if (b.kind === 'ident') bound.add(b.text);
    }
  }
  const resources = new Set<string>();
  const others = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'string') {
      if (t.parts.some((p) => !('literal' in p))) return undefined;
      continue;
    }
    if (t.kind !== 'ident') continue;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (previous?.kind === 'punct' && (previous.text === '.' || previous.text === '::')) continue;
    if (next?.kind === 'punct' && next.text === '(') continue;
    if (KEYWORDS.has(t.text) || bound.has(t.text) || allowed.has(t.text)) continue;
    const name = tokens[i + 2];
    if (t.text.includes('_') && next?.kind === 'punct' && next.text === '.' && name?.kind === 'ident')
      resources.add(`${t.text}.${name.text}`);
    else others.add(t.text);
  }
  return { resources, others };
}

/**
 * The instances a target of an open `dynamic "targets"` block can be: the instances of the one
 * `tencentcloud_instance` resource its `instance_id` names, or, when `instance_id` is computed from
 * the iterator only, of the one resource `for_each` names. Any other name (a variable, a local,
 * another resource) leaves the candidates open: undefined.
 */
function candidateInstances(
  context: PlanContext,
  view: ResourceView,
  iterator: string,
  forEach: readonly HclToken[],
  instanceId: readonly HclToken[] | undefined,
): readonly Ref[] | undefined {
  if (instanceId === undefined) return undefined;
  const content = namesOf(instanceId, new Set([iterator]));
  if (content === undefined || content.others.size > 0 || content.resources.size > 1) return undefined;
  let resource = [...content.resources][0];
  if (resource === undefined) {
    const collection = namesOf(forEach, new Set());
    if (collection === undefined || collection.others.size > 0 || collection.resources.size !== 1) return undefined;
    resource = [...collection.resources][0]!;
  }
  const [type, name] = resource.split('.') as [string, string];
  if (type !== 'tencentcloud_instance') return undefined;
  const instances = context.resources.instancesIn(view.frame.module, type, name);
  return instances.length === 0 ? undefined : instances.map((r) => r.address);
}

function numberOfState(state: AttributeState | undefined): Maybe<number> {
  if (state === undefined) return unknown('port is not set');
  if (state.state === 'set' && typeof state.value === 'number') return state.value;
  if (state.state === 'set' && typeof state.value === 'string' && /^\d+$/.test(state.value)) return Number(state.value);
  return unknown(state.state === 'unknown' ? `the port of the dynamic "targets" block is ${AFTER_APPLY}` : 'port is not set');
}

function itemsOfState(state: AttributeState | undefined): readonly Resolved[] {
  if (state === undefined || state.state === 'unset') return [];
  return state.state === 'set' ? [{ kind: 'constant', value: state.value }] : state.items;
}

/** `agrees` for an evaluated dynamic target: a field not written takes the provider's default. */
function agreesEvaluated(states: Readonly<Record<string, AttributeState>>, values: readonly PlanValue[]): boolean {
  for (let i = 0; i < WRITTEN_FIELDS.length; i++) {
    const value = values[i]!;
    if (!value.known) continue;
    const name = WRITTEN_FIELDS[i]!;
    const state = states[name];
    const written =
      state === undefined || state.state === 'unset' ? WRITTEN_DEFAULTS[name] : state.state === 'set' ? state.value : undefined;
    if (written === undefined || written === null) continue;
    if (String(written) !== String(value.value ?? '')) return false;
  }
  return true;
}

function locationOf(context: PlanContext, view: ResourceView, block: WrittenTarget) {
  const file = context.sourceBlock(view.resource)?.file;
  return file === undefined || block.line === undefined ? undefined : context.sources.location(file, block.line, block.endLine);
}

const WRITTEN_DEFAULTS: Readonly<Record<string, unknown>> = { weight: 10, instance_id: '', eni_ip: '' };

const WRITTEN_FIELDS = ['port', 'weight', 'instance_id', 'eni_ip'] as const;

/** Whether a written block can be the target whose known fields (port, weight, instance_id, eni_ip) are these. */
function agrees(
  context: PlanContext,
  view: ResourceView,
  block: Record<string, unknown>,
  candidate: number,
  values: readonly PlanValue[],
): boolean {
  for (let i = 0; i < WRITTEN_FIELDS.length; i++) {
    const value = values[i]!;
    if (!value.known) continue;
    const name = WRITTEN_FIELDS[i]!;
    const expression = block[name];
    let written: unknown;
    if (expression === undefined) written = WRITTEN_DEFAULTS[name];
    else if (isObject(expression) && 'constant_value' in expression && !hasTemplate(expression['constant_value']))
      written = expression['constant_value'];
    else {
      const items = resolveWritten(context, view, expression, candidate, name);
      if (items.length !== 1 || items[0]!.kind !== 'constant') continue; // a reference: cannot disagree
      written = items[0]!.value;
    }
    if (written === undefined || written === null) continue;
    if (String(written) !== String(value.value ?? '')) return false;
  }
  return true;
}

/** A field of the i-th written `targets` block: its `.tf` expression evaluated, else its references. */
function resolveWritten(context: PlanContext, view: ResourceView, expression: unknown, index: number, name: string): readonly Resolved[] {
  if (isObject(expression) && 'constant_value' in expression) {
    if (!hasTemplate(expression['constant_value'])) return [{ kind: 'constant', value: expression['constant_value'] }];
    const state = view.expressionState(expression);
    return state.state === 'set' ? [{ kind: 'constant', value: state.value }] : state.state === 'unset' ? [] : state.items;
  }
  const state = isObject(expression) ? view.sourceState(['targets', index, name]) : undefined;
  if (state !== undefined)
    return state.state === 'set' ? [{ kind: 'constant', value: state.value }] : state.state === 'unset' ? [] : state.items;
  return context.resolver.resolve(expression, view.scope);
}

function numberOf(
  value: PlanValue,
  context: PlanContext,
  view: ResourceView,
  block: WrittenTarget | undefined,
  name: string,
): Maybe<number> {
  if (value.known)
    return typeof value.value === 'number'
      ? value.value
      : typeof value.value === 'string' && /^\d+$/.test(value.value)
        ? Number(value.value)
        : unknown('not set');
  const items = writtenItems(context, view, block, name);
  const only = items?.length === 1 ? items[0] : undefined;
  if (only?.kind === 'constant' && typeof only.value === 'number') return only.value;
  return unknown(AFTER_APPLY);
}

/** A target's instance from the references of its written block. */
function instanceOfItems(context: PlanContext, items: readonly Resolved[] | undefined, dynamic: boolean): Maybe<Ref> {
  if (items === undefined) return unknown(dynamic ? DYNAMIC_TARGETS : AFTER_APPLY);
  const links = context.links.linksOf({ state: 'unknown', items }, undefined, []);
  if (links.unknownReason !== undefined) return unknown(links.unknownReason);
  if (links.refs.length === 1) return links.refs[0]!;
  return unknown(links.refs.length === 0 ? AFTER_APPLY : `the target names ${links.refs.length} instances: ${someOf(links.refs)}`);
}

/** A target's ENI IP, or a member's `bind_ip`, from references: a constant or another resource's known IP. */
function ipOfItems(context: PlanContext, items: readonly Resolved[] | undefined, dynamic: boolean): Maybe<string> {
  if (items === undefined) return unknown(dynamic ? DYNAMIC_TARGETS : AFTER_APPLY);
  if (items.length !== 1) return unknown(items.length === 0 ? AFTER_APPLY : `depends on ${someOf(items.map(describeItem))}`);
  const item = items[0]!;
  if (item.kind === 'constant')
    return typeof item.value === 'string' && item.value !== '' ? item.value : unknown(`${JSON.stringify(item.value)} is not an IP`);
  if (item.kind === 'resource') {
    const state = context.view(item.resource).attribute(item.attribute);
    if (state.state === 'set' && typeof state.value === 'string') return state.value;
    return unknown(`${describeItem(item)} is ${AFTER_APPLY}`);
  }
  return unknown(item.kind === 'external' ? `external: ${item.reason}` : item.reason);
}

interface TargetGroupDraft {
  readonly targets: Target[];
  readonly unknownReasons: string[];
}

/** Members of each target group: `_clb_target_group_instance_attachment` and the deprecated `target_group_instances`. */
function targetGroupMembers(context: PlanContext): Map<Ref, TargetGroupDraft> {
  const groups = new Map<Ref, TargetGroupDraft>();
  // Members whose target group cannot be told: any group may have them.
  const unlinked: string[] = [];
  for (const resource of context.resources.ofType('tencentcloud_clb_target_group')) {
    const view = context.view(resource);
    const draft: TargetGroupDraft = { targets: [], unknownReasons: [] };
    groups.set(resource.address, draft);
    const state = view.attribute(['target_group_instances']);
    if (state.state === 'unknown') draft.unknownReasons.push(`target_group_instances of ${resource.address}: ${AFTER_APPLY}`);
    if (state.state !== 'set' || !Array.isArray(state.value)) continue;
    state.value.forEach((_, i) => {
      const ip = view.string(['target_group_instances', i, 'bind_ip']);
      const port = view.number(['target_group_instances', i, 'new_port']) ?? view.number(['target_group_instances', i, 'port']);
      const weight = view.number(['target_group_instances', i, 'weight']);
      draft.targets.push({
        eniIp: ip ?? unknown('bind_ip is not set'),
        port: port ?? unknown('port is not set'),
        ...(weight !== undefined ? { weight } : {}),
        via: 'targetGroup',
        targetGroup: resource.address,
        provenance: context.provenance(resource, { path: `target_group_instances[${i}]` }),
      });
    });
  }
  for (const resource of context.resources.ofType('tencentcloud_clb_target_group_instance_attachment')) {
    const view = context.view(resource);
    const group = view.link(['target_group_id']);
    if (group === null || isUnknown(group)) {
      context.unlinked(
        resource,
        `cannot tell which target group it joins (${group === null ? 'target_group_id is not set' : group.reason}), so every target group of the plan may have another member`,
      );
      unlinked.push(resource.address);
      continue;
    }
    let draft = groups.get(group);
    if (draft === undefined) {
      draft = { targets: [], unknownReasons: [] };
      groups.set(group, draft);
    }
    const weight = view.number(['weight']);
    draft.targets.push({
      ...bindTarget(context, view),
      port: view.number(['port']) ?? unknown('port is not set'),
      ...(weight !== undefined ? { weight } : {}),
      via: 'targetGroup',
      targetGroup: group,
      provenance: context.provenance(resource),
    });
  }
  if (unlinked.length > 0) {
    const reason = `${someOf(unlinked)}, whose target group cannot be told, may be a member`;
    for (const draft of groups.values()) draft.unknownReasons.push(reason);
  }
  return groups;
}

/** `bind_ip` naming an instance's `private_ip` is that instance (its primary interface). */
function bindTarget(context: PlanContext, view: ResourceView): { instance: Maybe<Ref> } | { eniIp: Maybe<string> } {
  const state = view.attribute(['bind_ip']);
  if (state.state === 'unknown') {
    const only = state.items.length === 1 ? state.items[0]! : undefined;
    if (
      only?.kind === 'resource' &&
      only.resource.type === 'tencentcloud_instance' &&
      only.attribute.length === 1 &&
      only.attribute[0] === 'private_ip'
    )
      return { instance: only.resource.address };
    return { eniIp: ipOfItems(context, state.items, false) };
  }
  if (state.state === 'unset') return { eniIp: unknown('bind_ip is not set') };
  return { eniIp: String(state.value) };
}

function bindTargetGroup(
  context: PlanContext,
  index: ListenerIndex,
  groups: ReadonlyMap<Ref, TargetGroupDraft>,
  resource: PlanResource,
  group: Maybe<Ref> | null,
  listenerRef: Maybe<Ref> | null,
  ruleRef: Maybe<Ref> | null,
): void {
  let destination: { targets: Target[]; listener: ListenerDraft } | undefined;
  if (ruleRef !== null) {
    const rule = isUnknown(ruleRef) ? undefined : index.rules.get(ruleRef);
    if (rule === undefined) {
      context.unlinked(resource, missingRule(index, ruleRef, 'binds'));
      return;
    }
    destination = { targets: rule.targets, listener: rule.listener };
  } else {
    const listener = listenerOf(context, index, resource, listenerRef);
    if (listener === undefined) return;
    destination = { targets: listener.targets, listener };
  }
  if (group === null || isUnknown(group)) {
    destination.listener.targetsUnknownReasons.push(
      `the target group of ${resource.address} is ${group === null ? 'not set' : group.reason}`,
    );
    return;
  }
  const members = groups.get(group);
  if (members === undefined) {
    destination.listener.targetsUnknownReasons.push(`target group ${group} is not in this plan`);
    return;
  }
  for (const reason of members.unknownReasons) destination.listener.targetsUnknownReasons.push(reason);
  for (const target of members.targets) destination.targets.push({ ...target, via: 'targetGroup', targetGroup: group });
}
