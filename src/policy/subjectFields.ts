import type { SubjectKind } from './policyTypes.js';

/**
 * The fields each subject kind has: the contract between `subjects.ts` (which fills them), the
 * validator (which refuses a path a subject does not have, so a typo cannot make a policy that
 * never fires) and docs/policy-language.md (whose table a test holds to this one).
 */
const LB = [
  'lb.key',
  'lb.name',
  'lb.network',
  'lb.ipVersion',
  'lb.passToTarget',
  'lb.passToTargetEffective',
  'lb.snat',
  'lb.snatPro',
  'lb.securityGroups',
  'lb.vips',
  'lb.vipText',
] as const;
const LISTENER = [
  'listener.key',
  'listener.name',
  'listener.protocol',
  'listener.transport',
  'listener.port',
  'listener.isLayer7',
] as const;
const HEALTH_CHECK = [
  'healthCheck.enabled',
  'healthCheck.port',
  'healthCheck.type',
  'healthCheck.sourceIpType',
  'healthCheck.source',
  'healthCheck.sourceAllowlisted',
] as const;
const RULE = ['rule.key', 'rule.domain', 'rule.url'] as const;
const BACKEND = ['backend.port', 'backend.via', 'backend.target', 'backend.resource'] as const;
const INSTANCE = ['instance.key', 'instance.name', 'instance.os'] as const;

export const SUBJECT_FIELDS: Readonly<Record<SubjectKind, readonly string[]>> = {
  loadBalancer: [...LB],
  listener: [...LB, ...LISTENER, ...HEALTH_CHECK],
  backend: [...LB, ...LISTENER, ...HEALTH_CHECK, ...RULE, ...BACKEND, ...INSTANCE, 'subnet.key'],
  instance: [...INSTANCE, 'subnet.key'],
  securityGroup: ['sg.key', 'sg.name'],
  networkAcl: ['acl.key', 'acl.name', 'acl.type'],
};

/** Subjects that carry a load balancer (and so a VIP, SNAT IPs, CLB security groups). */
export const SUBJECTS_WITH_LOAD_BALANCER: ReadonlySet<SubjectKind> = new Set(['loadBalancer', 'listener', 'backend']);

/** Subjects that carry a listener (its port, protocol and health check). */
export const SUBJECTS_WITH_LISTENER: ReadonlySet<SubjectKind> = new Set(['listener', 'backend']);

/** What a field's value can be: a comparison with anything else can never hold (`lb.network` `"OPNE"`). */
export type FieldValues = { readonly oneOf: readonly string[] } | 'boolean' | 'number';

export const FIELD_VALUES: ReadonlyMap<string, FieldValues> = new Map<string, FieldValues>([
  ['lb.network', { oneOf: ['OPEN', 'INTERNAL'] }],
  ['lb.ipVersion', { oneOf: ['IPV4', 'IPV6'] }],
  ['listener.protocol', { oneOf: ['TCP', 'UDP', 'TCP_SSL', 'HTTP', 'HTTPS', 'QUIC'] }],
  ['listener.transport', { oneOf: ['TCP', 'UDP'] }],
  ['healthCheck.source', { oneOf: ['vip', 'range'] }],
  ['backend.via', { oneOf: ['listener', 'rule', 'targetGroup'] }],
  ['instance.os', { oneOf: ['linux', 'windows'] }],
  ['acl.type', { oneOf: ['TRIPLE', 'QUINTUPLE'] }],
  ...[
    'lb.passToTarget',
    'lb.passToTargetEffective',
    'lb.snat',
    'lb.snatPro',
    'listener.isLayer7',
    'healthCheck.enabled',
    'healthCheck.sourceAllowlisted',
  ].map((f) => [f, 'boolean'] as [string, FieldValues]),
  ...['listener.port', 'backend.port', 'healthCheck.port', 'healthCheck.sourceIpType'].map((f) => [f, 'number'] as [string, FieldValues]),
]);

export function subjectHasField(kind: SubjectKind, path: string): boolean {
  return SUBJECT_FIELDS[kind].includes(path);
}
