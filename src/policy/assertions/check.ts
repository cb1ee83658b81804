import { evaluateCondition, fieldSource } from '../conditions.js';
import type { Assertion } from '../policyTypes.js';
import type { AssertionKind } from './assertionKind.js';
import { unknownFailure } from './unknownFailure.js';

/** A condition over the subject's fields must be true; unknown when a field it reads is. */
export const check: AssertionKind<Extract<Assertion, { check: unknown }>> = {
  name: 'check',
  properties: { check: { $ref: '#/$defs/condition' } },
  variables: [],
  evaluate: (assertion, ctx) => {
    const truth = evaluateCondition(assertion.check, fieldSource(ctx.subject.fields, ctx.params));
    if (truth === 'yes') return [];
    if (truth === 'unknown') return [unknownFailure(ctx, 'a checked field is unknown', 'check')];
    return [{ ...unknownFailure(ctx, '', 'check'), status: 'fail', evidence: [] }];
  },
};
