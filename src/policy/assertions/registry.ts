import type { Assertion } from '../policyTypes.js';
import { all } from './all.js';
import type { AssertionKind, JsonSchema } from './assertionKind.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';
import { check } from './check.js';
import { denyEffectiveForLoadBalancerTraffic } from './denyEffectiveForLoadBalancerTraffic.js';
import { ifThen } from './ifThen.js';
import { noIneffectiveDeny } from './noIneffectiveDeny.js';
import { notReachable } from './notReachable.js';
import { reachable } from './reachable.js';

/**
 * Every assertion kind, in the order the schema tries them (as Cloud Custodian's filter
 * registry): adding a kind is adding its module here; the `assertion` definition of
 * schema/policy.schema.json is generated from this list (`assertionSchema`).
 */
export const ASSERTION_KINDS: readonly AssertionKind[] = [
  all,
  ifThen,
  reachable,
  notReachable,
  noIneffectiveDeny,
  denyEffectiveForLoadBalancerTraffic,
  check,
];

/** `reason` is always there: every assertion can end unknown, and its message says why. */
export const ALWAYS_AVAILABLE_VARIABLES: readonly string[] = ['reason'];

const BY_NAME: ReadonlyMap<string, AssertionKind> = new Map(ASSERTION_KINDS.map((kind) => [kind.name, kind]));

/** The kind of a validated assertion: the one whose name is among its keys. */
export function assertionKindOf(assertion: Assertion): AssertionKind {
  for (const key in assertion) {
    const kind = BY_NAME.get(key);
    if (kind !== undefined) return kind;
  }
  throw new Error(`not an assertion: ${Object.keys(assertion).join(', ')}`);
}

export function runAssertion(assertion: Assertion, ctx: AssertionContext): AssertionFailure[] {
  return assertionKindOf(assertion).evaluate(assertion, ctx, runAssertion);
}

const labelOf = (kind: AssertionKind) => kind.label ?? kind.name;

/**
 * The `assertion` definition of the policy schema: an if/then/else chain keyed on each kind's
 * name, so that a wrong assertion is told the errors of the kind it names, not of all of them.
 */
export function assertionSchema(): JsonSchema {
  const labels = ASSERTION_KINDS.map(labelOf);
  let chain: JsonSchema = { type: 'object', not: {}, description: `expected one of: ${labels.join(', ')}` };
  for (const kind of [...ASSERTION_KINDS].reverse()) {
    chain = {
      if: { type: 'object', required: [kind.name] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, not a thenable
      then: { type: 'object', required: Object.keys(kind.properties), additionalProperties: false, properties: kind.properties },
      else: chain,
    };
  }
  return { description: `An assertion: ${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}.`, ...chain };
}
