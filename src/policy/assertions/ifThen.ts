import { evaluateCondition, fieldSource } from '../conditions.js';
import type { Assertion } from '../policyTypes.js';
import type { AssertionKind } from './assertionKind.js';

/** `then` must hold where `if` does; where `if` is unknown, what `then` finds is unknown too. */
export const ifThen: AssertionKind<Extract<Assertion, { if: unknown }>> = {
  name: 'if',
  label: 'if/then',
  // biome-ignore lint/suspicious/noThenProperty: `then` is the policy language's keyword (if/then), not a thenable
  properties: { if: { $ref: '#/$defs/condition' }, then: { $ref: '#/$defs/assertion' } },
  variables: [],
  composite: true,
  evaluate: (assertion, ctx, run) => {
    const truth = evaluateCondition(assertion.if, fieldSource(ctx.subject.fields, ctx.params));
    if (truth === 'no') return [];
    const failures = run(assertion.then, ctx);
    return truth === 'yes' ? failures : failures.map((f) => ({ ...f, status: 'unknown' as const }));
  },
};
