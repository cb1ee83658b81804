import type { Assertion } from '../policyTypes.js';
import type { AssertionKind } from './assertionKind.js';

/** Every part must hold; the failures of all parts are reported. */
export const all: AssertionKind<Extract<Assertion, { all: unknown }>> = {
  name: 'all',
  properties: { all: { type: 'array', minItems: 1, maxItems: 50, items: { $ref: '#/$defs/assertion' } } },
  variables: [],
  composite: true,
  evaluate: (assertion, ctx, run) => assertion.all.flatMap((part) => run(part, ctx)),
};
