import type { AddressSpec } from '../model/address.js';
import { isUnknown, type Maybe } from '../model/value.js';

/** How a rule's peer reads in a finding: `0.0.0.0/0`, `sg tencentcloud_security_group.lb`, … */
export function describePeer(spec: AddressSpec): string {
  switch (spec.kind) {
    case 'cidr':
      return spec.cidr;
    case 'securityGroup':
      return `members of ${spec.ref}`;
    case 'addressTemplate':
    case 'addressTemplateGroup':
      return spec.ref;
    case 'loadBalancerVip':
      return `VIP of ${spec.ref}`;
    case 'any':
      return 'any source';
    case 'unknown':
      return '(unknown)';
  }
}

export function describeAction(action: Maybe<string>): string {
  return isUnknown(action) ? '(unknown action)' : action.toUpperCase();
}
