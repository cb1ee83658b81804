import type { AddressSpec, ServiceSpec } from '../../src/model/address.js';
import type { Instance, NetworkInterface } from '../../src/model/instance.js';
import { emptyInventory, type Inventory } from '../../src/model/inventory.js';
import type { HealthCheck, Listener, LoadBalancer, Target } from '../../src/model/loadBalancer.js';
import type { Subnet, Vpc } from '../../src/model/network.js';
import type { NetworkAcl, NetworkAclEntry } from '../../src/model/networkAcl.js';
import type { SecurityGroup, SecurityGroupRule } from '../../src/model/securityGroup.js';
import { type Maybe, unknown } from '../../src/model/value.js';

/** `ACCEPT 0.0.0.0/0 TCP 80` / `DROP sg:web ALL` / `ACCEPT vip:lb TCP 8080`. */
export function rule(text: string, index = 0, group = 'sg'): SecurityGroupRule {
  const [action, peer, protocol, ports] = text.split(/\s+/);
  let spec: AddressSpec;
  if (peer!.startsWith('sg:')) spec = { kind: 'securityGroup', ref: peer!.slice(3) };
  else if (peer!.startsWith('vip:')) spec = { kind: 'loadBalancerVip', ref: peer!.slice(4) };
  else if (peer === '?') spec = { kind: 'unknown', reason: 'known after apply' };
  else spec = { kind: 'cidr', cidr: peer! };
  const service: ServiceSpec = { kind: 'protocol', protocol: protocol ?? 'ALL', ports: ports ?? 'ALL' };
  return {
    action: action === '?' ? unknown('known after apply') : (action as 'ACCEPT' | 'DROP'),
    peer: spec,
    service,
    provenance: {
      address: `${group}_rules`,
      type: 'tencentcloud_security_group_rule_set',
      path: `ingress[${index}]`,
      location: { file: 'main.tf', line: 100 + index },
    },
  };
}

export function aclEntry(text: string, index = 0): NetworkAclEntry {
  const [action, cidr, port, protocol] = text.split('#');
  return {
    action: action as 'ACCEPT' | 'DROP',
    peerCidr: cidr!,
    port: port!,
    protocol: protocol!,
    provenance: { address: 'acl', path: `ingress[${index}]` },
  };
}

interface ListenerSpec {
  protocol?: Listener['protocol'];
  port?: number;
  health?: Partial<Omit<HealthCheck, 'provenance'>>;
  targets?: { instance?: string; eniIp?: string; port: number }[];
  rules?: { key: string; health?: Partial<Omit<HealthCheck, 'provenance'>>; targets: { instance: string; port: number }[] }[];
}

/** A small fluent builder for policy tables: each case is a few lines. */
export class Scenario {
  private vpcs = new Map<string, Vpc>();
  private subnets = new Map<string, Subnet>();
  private groups = new Map<string, SecurityGroup>();
  private instances = new Map<string, Instance>();
  private acls = new Map<string, NetworkAcl>();
  private lbs = new Map<string, LoadBalancer & { listeners: Listener[] }>();

  vpc(key: string, cidr: string): this {
    this.vpcs.set(key, { key, cidr, provenance: { address: key } });
    return this;
  }

  subnet(key: string, cidr: string, options: { vpc?: string; acl?: string } = {}): this {
    this.subnets.set(key, { key, cidr, vpc: options.vpc ?? 'vpc', networkAcl: options.acl ?? null, provenance: { address: key } });
    return this;
  }

  sg(key: string, ingress: string[], options: { unknownReason?: string } = {}): this {
    this.groups.set(key, {
      key,
      name: key,
      ingress: {
        rules: ingress.map((r, i) => rule(r, i, key)),
        ...(options.unknownReason ? { unknownReason: options.unknownReason } : {}),
      },
      egress: { rules: [] },
      provenance: { address: key, location: { file: 'main.tf', line: 10 } },
    });
    return this;
  }

  instance(
    key: string,
    options: { subnet?: string; ips?: Maybe<string[]>; sgs?: Maybe<string[]>; unordered?: boolean; os?: 'linux' | 'windows' } = {},
  ): this {
    const nic: NetworkInterface = {
      key: `${key}/eth0`,
      primary: true,
      instance: key,
      privateIps: options.ips ?? ['10.0.1.5'],
      subnet: options.subnet ?? 'subnet',
      securityGroups: options.sgs ?? ['sg'],
      ...(options.unordered === true ? { securityGroupsUnordered: true } : {}),
      provenance: { address: key },
    };
    this.instances.set(key, {
      key,
      name: key,
      os: options.os ?? 'linux',
      vpc: 'vpc',
      interfaces: [nic],
      provenance: { address: key, location: { file: 'main.tf', line: 50, endLine: 60 } },
    });
    return this;
  }

  acl(key: string, ingress: string[], egress: string[]): this {
    this.acls.set(key, {
      key,
      type: 'TRIPLE',
      vpc: 'vpc',
      ingress: { entries: ingress.map((e, i) => aclEntry(e, i)) },
      egress: { entries: egress.map((e, i) => aclEntry(e, i)) },
      provenance: { address: key, location: { file: 'main.tf', line: 30 } },
    });
    return this;
  }

  clb(
    key: string,
    options: Partial<
      Pick<LoadBalancer, 'network' | 'vips' | 'passToTarget' | 'securityGroups' | 'snat' | 'snatPro' | 'snatIps' | 'ipVersion' | 'subnet'>
    > = {},
  ): this {
    this.lbs.set(key, {
      key,
      name: key,
      network: options.network ?? 'OPEN',
      ipVersion: options.ipVersion ?? 'IPV4',
      vips: options.vips ?? unknown('known after apply'),
      vpc: 'vpc',
      subnet: options.subnet ?? null,
      securityGroups: options.securityGroups ?? [],
      passToTarget: options.passToTarget ?? false,
      snat: options.snat ?? false,
      snatPro: options.snatPro ?? false,
      snatIps: options.snatIps ?? [],
      listeners: [],
      provenance: { address: key, location: { file: 'main.tf', line: 70 } },
    });
    return this;
  }

  listener(lbKey: string, key: string, spec: ListenerSpec = {}): this {
    const health = (h: ListenerSpec['health']): HealthCheck => ({ enabled: true, sourceIpType: 0, ...h, provenance: { address: key } });
    const target = (t: { instance?: string; eniIp?: string; port: number }, via: Target['via']): Target => ({
      ...(t.instance ? { instance: t.instance } : {}),
      ...(t.eniIp ? { eniIp: t.eniIp } : {}),
      port: t.port,
      via,
      provenance: { address: `${key}_attachment` },
    });
    this.lbs.get(lbKey)!.listeners.push({
      key,
      loadBalancer: lbKey,
      protocol: spec.protocol ?? 'TCP',
      port: spec.port ?? 80,
      healthCheck: health(spec.health),
      targets: (spec.targets ?? []).map((t) => target(t, 'listener')),
      rules: (spec.rules ?? []).map((r) => ({
        key: r.key,
        healthCheck: health(r.health),
        targets: r.targets.map((t) => target(t, 'rule')),
        provenance: { address: r.key },
      })),
      provenance: { address: key, location: { file: 'main.tf', line: 80 } },
    });
    return this;
  }

  build(): Inventory {
    return {
      ...emptyInventory('plan'),
      vpcs: this.vpcs,
      subnets: this.subnets,
      securityGroups: this.groups,
      instances: this.instances,
      networkAcls: this.acls,
      loadBalancers: this.lbs,
    };
  }
}

/** The usual start: VPC 10.0.0.0/16, backend subnet 10.0.1.0/24, instance `web` in SG `sg`. */
export function scenario(ingress: string[] = ['ACCEPT 0.0.0.0/0 TCP 8080']): Scenario {
  return new Scenario().vpc('vpc', '10.0.0.0/16').subnet('subnet', '10.0.1.0/24').sg('sg', ingress).instance('web');
}

/** A public CLB whose TCP (or UDP/HTTP) listener on 80 forwards to `web` on 8080. */
export function publicLb(
  ingress: string[],
  options: { vips?: string[]; passToTarget?: boolean; protocol?: 'TCP' | 'UDP' | 'HTTP' } = {},
): Scenario {
  return scenario(ingress)
    .clb('lb', { network: 'OPEN', ...(options.vips ? { vips: options.vips } : {}), passToTarget: options.passToTarget ?? false })
    .listener('lb', 'listener', { protocol: options.protocol ?? 'TCP', port: 80, targets: [{ instance: 'web', port: 8080 }] });
}
