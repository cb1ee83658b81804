import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../src/model/value.js';
import { instanceOf, networkInterfaceOf } from '../../src/sources/live/apiToInventory.js';

describe('an interface whose answer leaves out its security groups', () => {
  it('has unknown groups, not none: an ENI without groups would admit everything', () => {
    const eni = networkInterfaceOf(
      { NetworkInterfaceId: 'eni-1', Primary: false, SubnetId: 'subnet-1', PrivateIpAddressSet: [] },
      'ap-guangzhou',
    );
    expect(isUnknown(eni.securityGroups)).toBe(true);
    expect(isUnknown(eni.securityGroups) && eni.securityGroups.reason).toBe('GroupSet not returned');
    const instance = instanceOf({ InstanceId: 'ins-1', VirtualPrivateCloud: { VpcId: 'vpc-1', SubnetId: 'subnet-1' } }, 'ap-guangzhou');
    const primary = instance.interfaces[0]!;
    expect(isUnknown(primary.securityGroups) && primary.securityGroups.reason).toBe('SecurityGroupIds not returned');
  });

  it('an empty list stays an empty list', () => {
    const eni = networkInterfaceOf({ NetworkInterfaceId: 'eni-2', Primary: false, SubnetId: 'subnet-1', GroupSet: [] }, 'ap-guangzhou');
    expect(eni.securityGroups).toEqual([]);
    const instance = instanceOf({ InstanceId: 'ins-2', SecurityGroupIds: ['sg-1'] }, 'ap-guangzhou');
    expect(instance.interfaces[0]!.securityGroups).toEqual(['sg-1']);
  });
});
