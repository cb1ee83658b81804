import { DEFAULT_RATE, PUBLISHED_RATE_LIMITS } from '../src/sources/live/callScheduler.js';
import type { Account } from '../test/emulator/accountFixture.js';

export interface AccountSize {
  readonly loadBalancers: number;
  readonly listeners: number;
  readonly backends: number;
  readonly instances: number;
  /** Instances that are backends only through an ENI IP on their secondary interface. */
  readonly eniBackends: number;
  readonly securityGroups: number;
  readonly subnets: number;
  readonly networkAcls: number;
}

/**
 * A deterministic emulator account: k CLBs with 5 listeners and 20 backends each (4 per
 * listener), instances 5 per CLB, 2 security groups per instance, subnets with ACLs. Every tenth
 * CLB has one backend registered by the IP of a secondary ENI whose instance is a backend
 * nowhere else (its primary interface is found only through the ENI).
 */
export function syntheticAccount(k: number): { account: Account; size: AccountSize } {
  const instances = 5 * k;
  const groups = Math.max(2, 2 * k);
  const subnets = Math.max(1, Math.ceil(instances / 200));
  const region = {
    loadBalancers: [] as Record<string, unknown>[],
    listeners: {} as Record<string, Record<string, unknown>[]>,
    targets: {} as Record<string, Record<string, unknown>[]>,
    instances: [] as Record<string, unknown>[],
    networkInterfaces: [] as Record<string, unknown>[],
    securityGroupPolicies: {} as Record<string, { Ingress: Record<string, unknown>[]; Egress: Record<string, unknown>[] }>,
    subnets: [] as Record<string, unknown>[],
    vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/8' }],
    networkAcls: [] as Record<string, unknown>[],
  };
  for (let s = 0; s < subnets; s++) {
    region.subnets.push({
      SubnetId: `subnet-${s}`,
      VpcId: 'vpc-1',
      CidrBlock: `10.${Math.floor(s / 256)}.${s % 256}.0/24`,
      NetworkAclId: s % 2 === 0 ? `acl-${s}` : '',
    });
    if (s % 2 === 0)
      region.networkAcls.push({
        NetworkAclId: `acl-${s}`,
        VpcId: 'vpc-1',
        NetworkAclType: 'TRIPLE',
        IngressEntries: [{ Priority: 1, Action: 'ACCEPT', CidrBlock: '0.0.0.0/0', Port: 'ALL', Protocol: 'ALL' }],
        EgressEntries: [{ Priority: 1, Action: 'ACCEPT', CidrBlock: '0.0.0.0/0', Port: 'ALL', Protocol: 'ALL' }],
      });
  }
  for (let g = 0; g < groups; g++) {
    region.securityGroupPolicies[`sg-${g}`] = {
      Ingress: Array.from({ length: 20 }, (_, r) => ({
        PolicyIndex: r,
        Action: r % 5 === 4 ? 'DROP' : 'ACCEPT',
        CidrBlock: r % 5 === 4 ? `${1 + r}.${g % 256}.0.0/16` : '0.0.0.0/0',
        Protocol: 'TCP',
        Port: String(8000 + (r % 5)),
      })),
      Egress: [],
    };
  }
  for (let i = 0; i < instances; i++) {
    const subnet = i % subnets;
    region.instances.push({
      InstanceId: `ins-${i}`,
      OsName: 'TencentOS',
      PrivateIpAddresses: [`10.${Math.floor(subnet / 256)}.${subnet % 256}.${10 + (i % 200)}`],
      VirtualPrivateCloud: { VpcId: 'vpc-1', SubnetId: `subnet-${subnet}` },
      SecurityGroupIds: [`sg-${(2 * i) % groups}`, `sg-${(2 * i + 1) % groups}`],
    });
  }
  let backends = 0;
  let eniBackends = 0;
  for (let c = 0; c < k; c++) {
    const id = `lb-${c}`;
    region.loadBalancers.push({
      LoadBalancerId: id,
      LoadBalancerType: c % 3 === 0 ? 'INTERNAL' : 'OPEN',
      LoadBalancerVips: [
        c % 3 === 0
          ? `10.200.${Math.floor(c / 256) % 256}.${c % 256}`
          : `119.${28 + Math.floor(c / 65536)}.${Math.floor(c / 256) % 256}.${c % 256}`,
      ],
      VpcId: 'vpc-1',
      SecureGroups: [],
      LoadBalancerPassToTarget: c % 4 === 0,
    });
    region.listeners[id] = Array.from({ length: 5 }, (_, l) => ({
      ListenerId: `lbl-${c}-${l}`,
      Protocol: l === 4 ? 'UDP' : 'TCP',
      Port: 80 + l,
      HealthCheck: { HealthSwitch: 1, SourceIpType: l % 2 },
    }));
    region.targets[id] = Array.from({ length: 5 }, (_, l) => ({
      ListenerId: `lbl-${c}-${l}`,
      Targets: Array.from({ length: 4 }, (_, t) => {
        backends++;
        if (c % 10 === 0 && l === 0 && t === 0) {
          // The secondary ENI of an instance that is no other target.
          const e = eniBackends++;
          const subnet = e % subnets;
          const ip = `10.${Math.floor(subnet / 256)}.${subnet % 256}.${210 + (e % 40)}`;
          region.instances.push({
            InstanceId: `ins-e${e}`,
            OsName: 'TencentOS',
            PrivateIpAddresses: [`10.${Math.floor(subnet / 256)}.${subnet % 256}.${250 - (e % 40)}`],
            VirtualPrivateCloud: { VpcId: 'vpc-1', SubnetId: `subnet-${subnet}` },
            SecurityGroupIds: [`sg-${e % groups}`, `sg-${(e + 1) % groups}`],
          });
          region.networkInterfaces.push({
            NetworkInterfaceId: `eni-${e}`,
            Primary: false,
            GroupSet: [`sg-${(e + 2) % groups}`],
            PrivateIpAddressSet: [{ PrivateIpAddress: ip, Primary: true }],
            SubnetId: `subnet-${subnet}`,
            VpcId: 'vpc-1',
            Attachment: { InstanceId: `ins-e${e}` },
          });
          return { Type: 'ENI', Port: 8000 + l, Weight: 10, PrivateIpAddresses: [ip] };
        }
        const instance = (c * 5 + ((l + t) % 5)) % instances;
        return { Type: 'CVM', InstanceId: `ins-${instance}`, Port: 8000 + l, Weight: 10 };
      }),
    }));
  }
  return {
    account: { regions: { 'ap-guangzhou': region } },
    size: {
      loadBalancers: k,
      listeners: 5 * k,
      backends,
      instances: instances + eniBackends,
      eniBackends,
      securityGroups: groups,
      subnets,
      networkAcls: region.networkAcls.length,
    },
  };
}

/**
 * The fewest calls of each action a scan of this account needs: pages of 100, ID batches of 100,
 * filters of 5 values, one call per CLB (listeners, targets) and per group (rules).
 */
export function minimumCalls(size: AccountSize): Record<string, number> {
  return {
    DescribeRegions: 1,
    DescribeLoadBalancers: Math.ceil(size.loadBalancers / 100),
    DescribeListeners: size.loadBalancers,
    DescribeTargets: size.loadBalancers,
    DescribeInstances: Math.ceil(size.instances / 100),
    // ENI IPs looked up, then every instance's secondary interfaces.
    DescribeNetworkInterfaces: Math.ceil(size.eniBackends / 5) + Math.ceil(size.instances / 5),
    DescribeSecurityGroupPolicies: size.securityGroups,
    DescribeSubnets: Math.ceil(size.subnets / 100),
    DescribeVpcs: 1,
    DescribeNetworkAcls: Math.ceil(size.networkAcls / 100),
  };
}

/**
 * How fast the published limits let those calls go. `perAction`: every action at its own rate
 * at the same time, so the largest (calls ÷ limit) plus one round trip — the floor a pipelined
 * scan can reach. `phased`: the dependent phases one after another (what a scan that waits for
 * each phase can reach), each at its action's rate, listeners and targets side by side.
 */
export function liveLowerBounds(
  size: AccountSize,
  latencySeconds: number,
  rates: Readonly<Record<string, number>> = PUBLISHED_RATE_LIMITS,
): { calls: number; perActionSeconds: number; phasedSeconds: number; slowest: string } {
  const calls = minimumCalls(size);
  const seconds = (action: string) => (calls[action] ?? 0) / (rates[action] ?? DEFAULT_RATE);
  const [slowest] = Object.keys(calls).sort((a, b) => seconds(b) - seconds(a));
  const phases = [
    ['DescribeRegions'],
    ['DescribeLoadBalancers'],
    ['DescribeListeners', 'DescribeTargets'],
    ['DescribeInstances'],
    ['DescribeNetworkInterfaces'],
    ['DescribeSecurityGroupPolicies'],
    ['DescribeSubnets'],
    ['DescribeVpcs'],
    ['DescribeNetworkAcls'],
  ];
  return {
    calls: Object.values(calls).reduce((a, b) => a + b, 0),
    perActionSeconds: seconds(slowest!) + latencySeconds,
    phasedSeconds: phases.reduce((sum, phase) => sum + Math.max(...phase.map(seconds)) + latencySeconds, 0),
    slowest: slowest!,
  };
}
