/**
 * Template variables each assertion kind fills, besides subject fields and `params.*`. The
 * validator refuses `{{name}}` that neither the subject nor the policy's assertions provide, as
 * ESLint's RuleTester refuses unfilled placeholders: an unfilled one would print literally.
 * `reason` is always there: every assertion can end unknown, and its message says why.
 */
export const ASSERTION_VARIABLES = {
  reachable: ['refused', 'flow', 'decidedBy', 'layer'],
  notReachable: ['admitted', 'decidedBy', 'flow'],
  noIneffectiveDeny: ['denyRule', 'denyIndex', 'shadowingRule', 'overlap', 'extent'],
  denyEffectiveForLoadBalancerTraffic: ['denyRule', 'carried'],
  check: [],
} as const satisfies Record<string, readonly string[]>;

export type AssertionKind = keyof typeof ASSERTION_VARIABLES;

export const ALWAYS_AVAILABLE_VARIABLES: readonly string[] = ['reason'];
