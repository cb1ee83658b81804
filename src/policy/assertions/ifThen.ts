import { evaluateCondition, fieldSource, unknownFieldsOf } from '../conditions.js';
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
    const source = fieldSource(ctx.subject.fields, ctx.params);
    const truth = evaluateCondition(assertion.if, source);
    if (truth === 'no') return [];
    const failures = run(assertion.then, ctx);
    if (truth === 'yes' || failures.length === 0) return failures;
    // The finding says what is not known: the condition's fields, then what `then` could not tell.
    const fields = [...new Set(unknownFieldsOf(assertion.if, source))].join('; ');
    const condition = `whether this check applies depends on unknown values (${fields})`;
    return failures.map((f) => {
      const own = f.status === 'unknown' ? f.vars.get('reason') : undefined;
      return { ...f, status: 'unknown' as const, vars: new Map([...f.vars, ['reason', own ? `${condition}; ${own}` : condition]]) };
    });
  },
};
