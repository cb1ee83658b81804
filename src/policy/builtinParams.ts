import type { ParamValue } from './policyTypes.js';

/** What a parameter's value must be: it decides how the validator reads it. */
export type ParamKind = 'cidrs' | 'ports' | 'boolean' | { readonly oneOf: readonly string[] };

export interface BuiltinParam {
  readonly kind: ParamKind;
  /** The value the engine uses when nobody sets it; absent: there is none (the engine derives one or the param stays unset). */
  readonly default?: ParamValue;
  readonly meaning: string;
}

/**
 * Parameters the engine itself reads (docs/policies.md#parameters). A config may set only these
 * and the ones policies declare or reference, so `adminCidr` for `adminCidrs` is refused, not
 * silently ignored.
 */
export const BUILTIN_PARAMS: ReadonlyMap<string, BuiltinParam> = new Map<string, BuiltinParam>([
  ['clientCidrs', { kind: 'cidrs', meaning: 'who the clients of a CLB are' }],
  ['adminCidrs', { kind: 'cidrs', default: [], meaning: 'the networks administrators come from' }],
  ['ephemeralPorts', { kind: 'ports', default: '1024-65535', meaning: 'the client ports replies go to, for stateless ACLs' }],
  [
    'healthCheckRangeAllowlisted',
    { kind: 'boolean', default: true, meaning: 'whether the platform allowlists 100.64.0.0/10 for health checks' },
  ],
  [
    'defaultHealthCheckSource',
    { kind: { oneOf: ['vip', 'range'] }, default: 'vip', meaning: 'health-check source when a listener does not say' },
  ],
]);
