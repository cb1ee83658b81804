import type { Listener, ListenerRule, Target } from '../../model/loadBalancer.js';
import type { Ref } from '../../model/network.js';

/** A listener while its rules and targets are still being collected from other resources. */
export interface ListenerDraft {
  readonly base: Omit<Listener, 'rules' | 'targets' | 'targetsUnknownReason'>;
  readonly rules: RuleDraft[];
  readonly targets: Target[];
  readonly targetsUnknownReasons: string[];
}

export interface RuleDraft {
  readonly base: Omit<ListenerRule, 'targets'>;
  readonly listener: ListenerDraft;
  readonly targets: Target[];
}

/** Listeners and L7 rules of the plan by address, to hang targets on. */
export class ListenerIndex {
  readonly listeners = new Map<Ref, ListenerDraft>();
  readonly rules = new Map<Ref, RuleDraft>();
  /** L7 rules of the plan whose listener cannot be told: attachments to them must not say "not in this plan". */
  readonly unlinkedRules = new Set<Ref>();

  finish(draft: ListenerDraft): Listener {
    const reasons = [...new Set(draft.targetsUnknownReasons)];
    return {
      ...draft.base,
      rules: draft.rules.map((rule) => ({ ...rule.base, targets: rule.targets })),
      targets: draft.targets,
      ...(reasons.length > 0 ? { targetsUnknownReason: reasons.join('; ') } : {}),
    };
  }
}
