import type { AssertionContext, AssertionFailure } from './assertionTypes.js';

/** A failure that says the assertion could not be decided for the subject, and why. */
export function unknownFailure(ctx: AssertionContext, reason: string, key: string): AssertionFailure {
  return {
    status: 'unknown',
    resource: ctx.subject.resource,
    related: ctx.subject.related,
    evidence: [{ verdict: 'unknown', rule: 'not decided', reason }],
    vars: new Map([
      ['reason', reason],
      ['refused', `(unknown: ${reason})`],
      ['flow', ''],
      ['decidedBy', ''],
    ]),
    location: ctx.subject.provenance.location ?? null,
    key,
  };
}
