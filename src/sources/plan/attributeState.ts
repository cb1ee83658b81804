import type { Resolved } from '../../terraform/referenceResolver.js';

export const AFTER_APPLY = 'known after apply';

/** An attribute as the plan describes it: a value, not set, or unknown with what the configuration says. */
export type AttributeState =
  | { readonly state: 'set'; readonly value: unknown }
  | { readonly state: 'unset' }
  | { readonly state: 'unknown'; readonly items: readonly Resolved[] };

export const UNSET: AttributeState = { state: 'unset' };
export const UNKNOWN_WITHOUT_CONFIG: AttributeState = { state: 'unknown', items: [] };

/** A known value as a state. An empty string is "not set" throughout this provider. */
export function knownState(value: unknown): AttributeState {
  return value === null || value === undefined || value === '' ? UNSET : { state: 'set', value };
}
