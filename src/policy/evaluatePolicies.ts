import { hash } from 'node:crypto';
import { type Evidence, type Finding, type Fix, fixAsText } from '../model/finding.js';
import type { FlowPath } from '../model/flowPath.js';
import type { Inventory } from '../model/inventory.js';
import { InventoryResolver } from '../net/inventoryResolver.js';
import type { AssertionFailure } from './assertions/assertionTypes.js';
import { ALWAYS_AVAILABLE_VARIABLES, ASSERTION_KINDS, runAssertion } from './assertions/registry.js';
import { CheckCache } from './checkCache.js';
import { evaluateCondition, fieldSource, type Truth, unknownFieldsOf } from './conditions.js';
import { innerMap } from './innerMap.js';
import { renderTemplate, type TemplateVariables } from './messageTemplate.js';
import type { LoadedPolicy, ParamValue, SubjectKind } from './policyTypes.js';
import { type FixPlan, renderFixPlans } from './remediation.js';
import { type Subject, subjectsOf } from './subjects.js';

export interface Evaluation {
  readonly findings: Finding[];
  readonly counts: { loadBalancers: number; backends: number; securityGroups: number };
}

/** Runs every loaded policy over the inventory and returns findings, merged per resource. */
export interface EvaluationOptions {
  /** Findings an exception will suppress (see `exceptionCovers`): kept out of shared fixes. */
  readonly suppressed?: (finding: { readonly policy: string; readonly resource: string }) => boolean;
  /**
   * Draw each failing flow's whole path (`Finding.paths`, default true). Only the Markdown report
   * and `explain` show paths, and building them is a good part of evaluating a large plan.
   */
  readonly paths?: boolean;
}

export function evaluatePolicies(inventory: Inventory, policies: readonly LoadedPolicy[], options: EvaluationOptions = {}): Evaluation {
  const resolver = new InventoryResolver(inventory);
  const cache = new CheckCache(resolver);
  // By policy, resource and key, without building one key string per failure: a large plan
  // merges hundreds of thousands of failures, and hashing a fresh string for each was a cost.
  const byPolicy = new Map<string, Map<string, Map<string, KeptFinding>>>();
  const findings: KeptFinding[] = [];
  const mergeStates = new Map<KeptFinding, MergeState>();
  const plans = new Map<KeptFinding, FixPlan>();
  const withPaths = options.paths !== false;
  let backends = 0;
  for (const { policy, severity, params } of policies) {
    const subjects = subjectsFor(policy.subject, params, cache);
    const ofPolicy = innerMap(byPolicy, policy.id);
    const failuresOf = (subject: Subject): AssertionFailure[] => {
      const source = fieldSource(subject.fields, params);
      const applies: Truth = policy.where === undefined ? 'yes' : evaluateCondition(policy.where, source);
      if (applies === 'no') return [];
      const failures = runAssertion(policy.assert, { subject, resolver, params, cache });
      // The policy may not apply at all; what it found cannot be called a failure.
      if (applies === 'unknown' && policy.where !== undefined) {
        const unknownFields = [...new Set(unknownFieldsOf(policy.where, source))].join('; ');
        const reason = `whether the policy applies depends on unknown values (${unknownFields})`;
        return failures.map((f) => ({ ...f, status: 'unknown' as const, vars: new Map([...f.vars, ['reason', reason]]) }));
      }
      return failures;
    };
    const report = (subject: Subject, failures: readonly AssertionFailure[], note: string | undefined): void => {
      const source = fieldSource(subject.fields, params);
      for (const failure of failures) {
        const byKey = innerMap(ofPolicy, failure.resource);
        const existing = byKey.get(failure.key);
        if (existing !== undefined) {
          const nowFails = existing.status === 'unknown' && failure.status === 'fail';
          merge(existing, failure, mergeStates, withPaths);
          // A finding that began as an unknown and now fails says what fails, not "could not decide".
          if (nowFails) {
            const vars = withDeclaredVariables(failure.vars, subject.texts);
            const rendered = renderTemplate(policy.message, source, vars);
            existing.message = note === undefined ? rendered : `${rendered} (${note})`;
            const plan = failure.fix?.();
            if (plan !== undefined && !plans.has(existing)) plans.set(existing, plan);
          }
          continue;
        }
        const fingerprint = fingerprintOf(policy.id, failure.resource, failure.key);
        // Texts only for findings that are kept: merged flows need none.
        const vars = withDeclaredVariables(failure.vars, subject.texts);
        const rendered = renderTemplate(failure.status === 'unknown' ? unknownMessage(policy.message) : policy.message, source, vars);
        const message = note === undefined ? rendered : `${rendered} (${note})`;
        const advice = policy.remediation ? renderTemplate(policy.remediation, source, vars) : '';
        const plan = failure.fix?.();
        const path = withPaths ? failure.path?.() : undefined;
        const kept: KeptFinding = {
          policy: policy.id,
          title: policy.title,
          severity,
          status: failure.status,
          resource: failure.resource,
          related: failure.related,
          message,
          location: failure.location,
          evidence: failure.evidence,
          ...(path !== undefined ? { paths: [path] } : {}),
          ...(advice !== '' ? { remediation: advice, advice } : {}),
          ...(policy.docs ? { docs: policy.docs } : {}),
          fingerprint,
          ...(failure.consoleUrl ? { consoleUrl: failure.consoleUrl } : {}),
          extra: 0,
        };
        byKey.set(failure.key, kept);
        findings.push(kept);
        if (plan !== undefined) plans.set(kept, plan);
      }
    };
    for (const subject of subjects) {
      for (const { subject: reported, failures, note } of outcomesOf(subject, failuresOf)) report(reported, failures, note);
    }
  }
  for (const lb of inventory.loadBalancers.values())
    for (const l of lb.listeners) backends += l.targets.length + l.rules.reduce((n, r) => n + r.targets.length, 0);
  // A shared fix is rendered from the findings that remain: a suppressed one adds no rule to it.
  if (options.suppressed !== undefined) for (const finding of findings) if (options.suppressed(finding)) plans.delete(finding);
  const fixes = groupFixes(plans);
  // A shared fix (one per merge key, told by thousands of findings) is written out as text once.
  const fixTexts = new Map<Fix, string>();
  const out = findings.map((kept) => {
    const { extra, ...found } = kept;
    const finding =
      extra > 0 ? { ...found, message: `${found.message} (and ${extra} more ${extra === 1 ? 'flow' : 'flows'} like it)` } : found;
    const fix = fixes.get(kept);
    if (fix === undefined) return finding;
    let fixText = fixTexts.get(fix);
    if (fixText === undefined) {
      fixText = fixAsText(fix);
      fixTexts.set(fix, fixText);
    }
    const remediation = [finding.advice, fixText].filter((r) => r !== undefined && r !== '').join('\n');
    return { ...finding, remediation, fix };
  });
  return {
    findings: out,
    counts: { loadBalancers: inventory.loadBalancers.size, backends, securityGroups: inventory.securityGroups.size },
  };
}

/**
 * The subjects of a kind for a policy's params. Subjects read a few params (the health-check
 * source defaults); whichever they read is recorded, and the subjects serve every later policy
 * whose params agree on those.
 */
function subjectsFor(kind: SubjectKind, params: ReadonlyMap<string, ParamValue>, cache: CheckCache): readonly Subject[] {
  const built = cache.subjects(kind, params);
  if (built !== undefined) return built;
  const reads = new Map<string, ParamValue | undefined>();
  const subjects = [
    ...subjectsOf(kind, cache, {
      get: (name) => {
        const value = params.get(name);
        reads.set(name, value);
        return value;
      },
    }),
  ];
  cache.keepSubjects(kind, reads, subjects);
  return subjects;
}

/**
 * What a subject gives: its own failures, or, for a backend that is one of several candidate
 * instances, a failure on each candidate when every candidate fails and all in the same way
 * (the same failures, all `fail`). Otherwise — candidates differ, or one passes — the backend's
 * own (unknown) outcome, its reason saying why the candidates did not decide it.
 */
function outcomesOf(
  subject: Subject,
  failuresOf: (subject: Subject) => AssertionFailure[],
): { subject: Subject; failures: readonly AssertionFailure[]; note?: string }[] {
  const candidates = subject.candidates;
  if (candidates === undefined || candidates.length === 0) return [{ subject, failures: failuresOf(subject) }];
  const outcomes = candidates.map((candidate) => ({ subject: candidate, failures: failuresOf(candidate) }));
  const signature = (failures: readonly AssertionFailure[]) => [...new Set(failures.map((f) => f.key))].sort().join('\u0000');
  const first = signature(outcomes[0]!.failures);
  const same = outcomes.every(
    (o) => o.failures.length > 0 && o.failures.every((f) => f.status === 'fail') && signature(o.failures) === first,
  );
  const n = candidates.length;
  const shown = candidates
    .slice(0, 4)
    .map((c) => c.resource)
    .join(', ');
  const names = n > 4 ? `${shown} and ${n - 4} more` : shown;
  if (same) {
    const note = `the target of ${subject.target?.provenance.address ?? subject.resource} is one of ${n} candidate${n === 1 ? '' : 's'}, ${names}, all of which fail`;
    return outcomes.map((o) => ({ ...o, note }));
  }
  const why = outcomes.some((o) => o.failures.length === 0) ? 'some of them pass' : 'they do not all fail the same way';
  const failures = failuresOf(subject).map((f) =>
    f.status !== 'unknown'
      ? f
      : {
          ...f,
          vars: new Map([
            ...f.vars,
            ['reason', `${f.vars.get('reason') ?? 'unknown'}; it is one of ${n} candidates, ${names}, and ${why}`],
          ]),
        },
  );
  return [{ subject, failures }];
}

const MAX_EVIDENCE = 20;
/** Paths one merged finding keeps (one per backend it merges), enough to draw the shapes. */
const MAX_PATHS = 10;

/** Findings whose fix plans share a merge key get one fix: the same object, rendered once from all of their plans. */
function groupFixes<K>(plans: ReadonlyMap<K, FixPlan>): Map<K, Fix> {
  const byKey = new Map<string, { identities: K[]; plans: FixPlan[] }>();
  for (const [identity, plan] of plans) {
    const group = byKey.get(plan.mergeKey) ?? { identities: [], plans: [] };
    group.identities.push(identity);
    group.plans.push(plan);
    byKey.set(plan.mergeKey, group);
  }
  const out = new Map<K, Fix>();
  for (const group of byKey.values()) {
    const fix = renderFixPlans(group.plans);
    for (const identity of group.identities) out.set(identity, fix);
  }
  return out;
}

/** A finding while failures still merge into it: changed in place, never shared with a failure. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type KeptFinding = Mutable<Finding> & { extra: number };

/** What merging into one finding has seen so far: kept so that each merge looks only at the new failure. */
interface MergeState {
  readonly evidenceKeys: Set<string>;
  readonly related: Set<string>;
  /** The finding's own copies: the first failure's arrays may be shared with other subjects. */
  readonly evidence: Evidence[];
  readonly paths: FlowPath[];
}

const evidenceKey = (e: Evidence) =>
  `${e.verdict}|${e.list ?? ''}|${e.direction ?? ''}|${e.index ?? ''}|${e.rule}|${e.part ?? ''}|${e.flow ?? ''}`;

function merge(existing: KeptFinding, failure: AssertionFailure, states: Map<KeptFinding, MergeState>, withPaths: boolean): void {
  let state = states.get(existing);
  if (state === undefined) {
    state = {
      evidenceKeys: new Set(existing.evidence.map(evidenceKey)),
      related: new Set(existing.related),
      evidence: [...existing.evidence],
      paths: [...(existing.paths ?? [])],
    };
    states.set(existing, state);
  }
  // Merged findings keep the first evidence only: enough to explain, and merging stays cheap.
  const room = MAX_EVIDENCE - existing.evidence.length;
  if (room > 0) {
    // The first `room` pieces not seen before this failure, each key built once.
    const added: Evidence[] = [];
    const keys: string[] = [];
    for (const e of failure.evidence) {
      if (added.length >= room) break;
      const key = evidenceKey(e);
      if (state.evidenceKeys.has(key)) continue;
      added.push(e);
      keys.push(key);
    }
    if (added.length > 0) {
      state.evidence.push(...added);
      for (const key of keys) state.evidenceKeys.add(key);
      existing.evidence = state.evidence;
    }
  }
  if (existing.related.length < 50) {
    const before = state.related.size;
    for (const r of failure.related) state.related.add(r);
    // The first merge also drops repeats the first failure had.
    if (state.related.size !== before || state.related.size !== existing.related.length) existing.related = [...state.related].slice(0, 50);
  }
  // A failure outweighs an unknown for the same resource.
  if (failure.status === 'fail') existing.status = 'fail';
  const path = withPaths && (existing.paths?.length ?? 0) < MAX_PATHS ? failure.path?.() : undefined;
  if (path !== undefined) {
    state.paths.push(path);
    existing.paths = state.paths;
  }
  existing.extra += 1;
}

/**
 * Every variable an assertion declares, empty where this failure has none (a failure has no
 * `reason`, an unknown may have no `refused`): the validator admits only declared names, so a
 * template never prints `{{name}}` as written.
 */
const DECLARED_EMPTY: ReadonlyMap<string, string> = new Map(
  [...ALWAYS_AVAILABLE_VARIABLES, ...ASSERTION_KINDS.flatMap((kind) => kind.variables)].map((name) => [name, '']),
);

/** The failure's variables, then how the subject's fields read in a message (a port range), then the declared empties. */
function withDeclaredVariables(vars: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string> | undefined): TemplateVariables {
  // A view, not a copy: every kept finding renders two templates, and a merged map per finding adds up.
  return { get: (name) => vars.get(name) ?? texts?.get(name) ?? DECLARED_EMPTY.get(name) };
}

function unknownMessage(message: string): string {
  return `Could not decide: {{reason}}. (Policy: ${message})`;
}

export function fingerprintOf(policy: string, resource: string, key: string): string {
  return hash('sha256', `${policy}\u0000${resource}\u0000${key}`, 'hex').slice(0, 32);
}
