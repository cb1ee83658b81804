import type { VerdictPart } from '../../net/flow.js';
import type { AssertionContext } from './assertionTypes.js';
import type { LayerOutcome } from './flowPreparation.js';

/**
 * The resources a finding at one layer relates to: the subject's own (its CLB, listener…), the
 * subject itself when the finding sits on another resource (its ACL), and every list whose rule
 * decided one of the parts; each once, never the finding's own resource.
 */
export function relatedOf(ctx: AssertionContext, outcome: LayerOutcome, parts: readonly VerdictPart[]): string[] {
  const lists = parts.map((p) => p.decidedBy?.list).filter((l): l is string => l !== undefined);
  const out = [...ctx.subject.related, ...(outcome.resource !== ctx.subject.resource ? [ctx.subject.resource] : []), ...lists];
  return out.filter((v, i) => out.indexOf(v) === i && v !== outcome.resource);
}
