import type { Assertion, SubjectKind } from '../policyTypes.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';

/** A JSON Schema fragment, as written in schema/policy.schema.json. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Runs a nested assertion: what composite kinds (`all`, `if`) call for their parts. */
export type RunAssertion = (assertion: Assertion, ctx: AssertionContext) => AssertionFailure[];

/**
 * One kind of assertion, with everything the schema, the meaning checks and the evaluator need
 * to know of it in one module: as an ESLint rule is its `meta` and `create`, and a Cloud
 * Custodian filter registers its own `schema`. The registry (`registry.ts`) lists them.
 */
export interface AssertionKind<A extends Assertion = Assertion> {
  /** The key that names the kind in a policy's `assert`: `{ "reachable": { … } }`. */
  readonly name: string;
  /** How messages name the kind when it has more keys than its name (`if/then`). */
  readonly label?: string;
  /** The JSON Schema of each key of the assertion object, its name first; all are required. */
  readonly properties: Readonly<Record<string, JsonSchema>>;
  /** Template variables its failures fill (besides `reason`, which every failure may fill). */
  readonly variables: readonly string[];
  /** Combines other assertions and has no findings or variables of its own. */
  readonly composite?: true;
  /** The subjects it can find anything on; absent: every subject. */
  readonly subjects?: readonly SubjectKind[];
  evaluate(assertion: A, ctx: AssertionContext, run: RunAssertion): AssertionFailure[];
}
