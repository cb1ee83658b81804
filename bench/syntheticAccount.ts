import type { Account } from '../test/emulator/accountFixture.js';

/**
 * A deterministic emulator account: k CLBs with 5 listeners and 20 backends each (4 per
 * listener), instances 5 per CLB, 2 security groups per instance, subnets with ACLs.
 */
export function syntheticAccount(k: number): { account: Account; size: { loadBalancers: number; listeners: number; backends: number; instances: number; securityGroups: number } } {
  const instances = 5 * k;
  const groups = Math.max(2, 2 * k);
  const subnets = Math.max(1, Math.ceil(instances / 200));
  const region = {
    loadBalancers: [] as Record<string, unknown>[],
    listeners: {} as Record<string, Record<string, unknown>[]>,
    targets: {} as Record<string, Record<string, unknown>[]>,
    instances: [] as Record<string, unknown>[],
    securityGroupPolicies: {} as Record<string, { Ingress: Record<string, unknown>[]; Egress: Record<string, unknown>[] }>,
    subnets: [] as Record<string, unknown>[],
    vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/8' }],
    networkAcls: [] as Record<string, unknown>[],
  };
  for (let s = 0; s < subnets; s++) {
    region.subnets.push({ SubnetId: `subnet-${s}`, VpcId: 'vpc-1', CidrBlock: `10.${Math.floor(s / 256)}.${s % 256}.0/24`, NetworkAclId: s % 2 === 0 ? `acl-${s}` : '' });
    if (s % 2 === 0) region.networkAcls.push({ NetworkAclId: `acl-${s}`, VpcId: 'vpc-1', NetworkAclType: 'TRIPLE', IngressEntries: [{ Priority: 1, Action: 'ACCEPT', CidrBlock: '0.0.0.0/0', Port: 'ALL', Protocol: 'ALL' }], EgressEntries: [{ Priority: 1, Action: 'ACCEPT', CidrBlock: '0.0.0.0/0', Port: 'ALL', Protocol: 'ALL' }] });
  }
  for (let g = 0; g < groups; g++) {
    region.securityGroupPolicies[`sg-${g}`] = {
      Ingress: Array.from({ length: 20 }, (_, r) => ({ PolicyIndex: r, Action: r % 5 === 4 ? 'DROP' : 'ACCEPT', CidrBlock: r % 5 === 4 ? `${1 + r}.${g % 256}.0.0/16` : '0.0.0.0/0', Protocol: 'TCP', Port: String(8000 + (r % 5)) })),
      Egress: [],
    };
  }
  for (let i = 0; i < instances; i++) {
    const subnet = i % subnets;
    region.instances.push({ InstanceId: `ins-${i}`, OsName: 'TencentOS', PrivateIpAddresses: [`10.${Math.floor(subnet / 256)}.${subnet % 256}.${10 + (i % 200)}`], VirtualPrivateCloud: { VpcId: 'vpc-1', SubnetId: `subnet-${subnet}` }, SecurityGroupIds: [`sg-${(2 * i) % groups}`, `sg-${(2 * i + 1) % groups}`] });
  }
  let backends = 0;
  for (let c = 0; c < k; c++) {
    const id = `lb-${c}`;
    region.loadBalancers.push({ LoadBalancerId: id, LoadBalancerType: c % 3 === 0 ? 'INTERNAL' : 'OPEN', LoadBalancerVips: [c % 3 === 0 ? `10.200.${Math.floor(c / 256) % 256}.${c % 256}` : `119.${28 + Math.floor(c / 65536)}.${Math.floor(c / 256) % 256}.${c % 256}`], VpcId: 'vpc-1', SecureGroups: [], LoadBalancerPassToTarget: c % 4 === 0 });
    region.listeners[id] = Array.from({ length: 5 }, (_, l) => ({ ListenerId: `lbl-${c}-${l}`, Protocol: l === 4 ? 'UDP' : 'TCP', Port: 80 + l, HealthCheck: { HealthSwitch: 1, SourceIpType: l % 2 } }));
    region.targets[id] = Array.from({ length: 5 }, (_, l) => ({
      ListenerId: `lbl-${c}-${l}`,
      Targets: Array.from({ length: 4 }, (_, t) => {
        backends++;
        const instance = (c * 5 + ((l + t) % 5)) % instances;
        return { Type: 'CVM', InstanceId: `ins-${instance}`, Port: 8000 + l, Weight: 10 };
      }),
    }));
  }
  return { account: { regions: { 'ap-guangzhou': region } }, size: { loadBalancers: k, listeners: 5 * k, backends, instances, securityGroups: groups } };
}

/**
 * The fewest calls this account needs, and the fastest the published rate limits allow them:
 * dependent phases one after another, each at its action's rate (listeners and targets in parallel).
 */
export function liveLowerBounds(size: { loadBalancers: number; instances: number; securityGroups: number }, subnetCount: number, aclCount: number): { calls: number; seconds: number } {
  const pages = Math.ceil(size.loadBalancers / 100);
  const instanceCalls = Math.ceil(size.instances / 100);
  const subnetCalls = Math.ceil(subnetCount / 100);
  const aclCalls = Math.ceil(aclCount / 100);
  const calls = pages + 2 * size.loadBalancers + instanceCalls + size.securityGroups + subnetCalls + 1 + aclCalls;
  const seconds = pages / 20 + size.loadBalancers / 20 + instanceCalls / 40 + size.securityGroups / 100 + subnetCalls / 20 + 1 / 20 + aclCalls / 20;
  return { calls, seconds };
}
