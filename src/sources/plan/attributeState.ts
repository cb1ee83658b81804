import { SENSITIVE, SENSITIVE_REASON } from '../../model/sensitiveText.js';
import type { Resolved } from '../../terraform/referenceResolver.js';

export const AFTER_APPLY = 'known after apply';

/** An attribute as the plan describes it: a value, not set, or unknown with what the configuration says. */
export type AttributeState =
  | { readonly state: 'set'; readonly value: unknown }
  | { readonly state: 'unset' }
  | { readonly state: 'unknown'; readonly items: readonly Resolved[] };

export const UNSET: AttributeState = { state: 'unset' };
export const UNKNOWN_WITHOUT_CONFIG: AttributeState = { state: 'unknown', items: [] };

/**
 * A sensitive value that cannot be shown safely (`takeSensitiveValues` put `SENSITIVE` in its
 * place): unknown, with the reason, so that what depends on it is `unknown` — never a guess.
 */
export const SENSITIVE_STATE: AttributeState = { state: 'unknown', items: [{ kind: 'opaque', reason: SENSITIVE_REASON }] };

/** A known value as a state. An empty string is "not set" throughout this provider. */
export function knownState(value: unknown): AttributeState {
  if (value === null || value === undefined || value === '') return UNSET;
  return value === SENSITIVE ? SENSITIVE_STATE : { state: 'set', value };
}
