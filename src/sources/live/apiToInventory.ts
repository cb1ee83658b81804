import type {
  AddressSpec,
  AddressTemplate,
  AddressTemplateGroup,
  ServiceSpec,
  ServiceTemplate,
  ServiceTemplateGroup,
} from '../../model/address.js';
import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { HealthCheck, Listener, ListenerRule, LoadBalancer, Target } from '../../model/loadBalancer.js';
import type { Subnet, Vpc } from '../../model/network.js';
import type { NetworkAcl, NetworkAclEntry } from '../../model/networkAcl.js';
import type { RuleAction, SecurityGroup, SecurityGroupRule } from '../../model/securityGroup.js';
import { type Maybe, unknown } from '../../model/value.js';

/** API 3.0 response objects → the provider-neutral inventory. Keys are cloud IDs. */
type Api = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): Api[] => (Array.isArray(v) ? (v as Api[]) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
/**
 * An interface's groups: an answer without the list says nothing about them, which is not the
 * same as an empty list (a secondary ENI without groups admits everything).
 */
const groupList = (v: unknown, field: string): Maybe<string[]> => (Array.isArray(v) ? strings(v) : unknown(`${field} not returned`));
// DescribeLoadBalancers says true/false, DescribeLoadBalancersDetail 1/0.
/**
 * A value from an answer, for a message: shown only when it is a short word, as real enum values
 * are. Anything else is response text, which messages never echo.
 */
export const shown = (v: unknown): string =>
  v === undefined || v === null
    ? 'not returned'
    : typeof v === 'string' && /^[A-Za-z_]{1,16}$/.test(v)
      ? `"${v}"`
      : 'of an unexpected value';
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'TRUE' || v === 'true';

export function consoleUrl(kind: 'clb' | 'sg' | 'cvm' | 'subnet' | 'acl', region: string, id: string): string {
  switch (kind) {
    case 'clb':
      return `https://console.cloud.tencent.com/clb/detail?rid=${region}&id=${id}`;
    case 'sg':
      return `https://console.cloud.tencent.com/vpc/security-group/detail/${id}?rid=${region}`;
    case 'cvm':
      return `https://console.cloud.tencent.com/cvm/instance/detail?rid=${region}&id=${id}`;
    case 'subnet':
      return `https://console.cloud.tencent.com/vpc/subnet/detail?rid=${region}&id=${id}`;
    case 'acl':
      return `https://console.cloud.tencent.com/vpc/acl/detail?rid=${region}&id=${id}`;
  }
}

const provenance = (id: string, type: string, url: string, path?: string) => ({
  address: id,
  cloudId: id,
  type,
  consoleUrl: url,
  ...(path ? { path } : {}),
});

export function healthCheckOf(api: Api | undefined, owner: string): HealthCheck {
  const check = api ?? {};
  const port = typeof check.CheckPort === 'number' && check.CheckPort > 0 ? check.CheckPort : undefined;
  const source = check.SourceIpType;
  return {
    enabled: check.HealthSwitch === undefined ? true : bool(check.HealthSwitch),
    ...(port !== undefined ? { port } : {}),
    ...(str(check.CheckType) ? { type: str(check.CheckType)! } : {}),
    sourceIpType: source === 0 || source === 1 ? source : unknown('SourceIpType not returned: the account default applies'),
    provenance: { address: owner, cloudId: owner },
  };
}

export function targetOf(backend: Api, via: Target['via'], owner: string, targetGroup?: string): Target {
  const instanceId = str(backend.InstanceId);
  const ip = strings(backend.PrivateIpAddresses)[0] ?? str(backend.EniIp) ?? str(backend.BindIP);
  const isEni = backend.Type === 'ENI' || instanceId === undefined;
  return {
    ...(isEni ? { eniIp: ip ?? unknown('no IP returned for the target') } : { instance: instanceId! }),
    port: typeof backend.Port === 'number' ? backend.Port : unknown('no port returned'),
    ...(typeof backend.Weight === 'number' ? { weight: backend.Weight } : {}),
    via,
    ...(targetGroup ? { targetGroup } : {}),
    provenance: { address: owner, cloudId: owner },
  };
}

export function listenerOf(
  api: Api,
  lbId: string,
  region: string,
  backends: Api | undefined,
  groupMembers: (groupId: string) => Target[] | string,
): Listener {
  const id = String(api.ListenerId);
  const groupTargets = (groups: unknown, via: Target['via']): { targets: Target[]; reason?: string } => {
    const out: Target[] = [];
    let reason: string | undefined;
    for (const g of [...list(groups), ...(api.TargetGroup ? [api.TargetGroup as Api] : [])]) {
      const members = groupMembers(String(g.TargetGroupId));
      if (typeof members === 'string') reason = members;
      else out.push(...members.map((t) => ({ ...t, via })));
    }
    return { targets: out, ...(reason ? { reason } : {}) };
  };
  const rules: ListenerRule[] = list(api.Rules).map((rule) => {
    const location = String(rule.LocationId);
    const fromBackends = list(backends?.Rules).find((r) => r.LocationId === location);
    const viaGroups = groupTargets(rule.TargetGroupList, 'targetGroup');
    return {
      key: location,
      ...(str(rule.Domain) ? { domain: str(rule.Domain)! } : {}),
      ...(str(rule.Url) ? { url: str(rule.Url)! } : {}),
      healthCheck: healthCheckOf(rule.HealthCheck as Api | undefined, location),
      targets: [...list(fromBackends?.Targets).map((t) => targetOf(t, 'rule', location)), ...viaGroups.targets],
      provenance: provenance(location, 'CLB rule', consoleUrl('clb', region, lbId)),
    };
  });
  const viaGroups = groupTargets(api.TargetGroupList, 'targetGroup');
  return {
    key: id,
    ...(str(api.ListenerName) ? { name: str(api.ListenerName)! } : {}),
    loadBalancer: lbId,
    protocol: (str(api.Protocol)?.toUpperCase() as Listener['protocol']) ?? unknown('protocol not returned'),
    port: typeof api.Port === 'number' ? api.Port : unknown('port not returned'),
    ...(typeof api.EndPort === 'number' && api.EndPort > 0 ? { endPort: api.EndPort } : {}),
    healthCheck: healthCheckOf(api.HealthCheck as Api | undefined, id),
    rules,
    targets: backends === undefined ? [] : [...list(backends.Targets).map((t) => targetOf(t, 'listener', id)), ...viaGroups.targets],
    ...(backends === undefined
      ? { targetsUnknownReason: `targets of ${id} could not be read` }
      : viaGroups.reason
        ? { targetsUnknownReason: viaGroups.reason }
        : {}),
    provenance: provenance(id, 'CLB listener', consoleUrl('clb', region, lbId)),
  };
}

const IPV6_VERSIONS = new Set(['IPV6', 'IPV6FULLCHAIN', 'IPV6NAT64']);
/** The documented IPv6 modes, by their upper-case form (a message shows the documented spelling). */
const IPV6_MODES = new Map([
  ['IPV6NAT64', 'IPv6Nat64'],
  ['IPV6FULLCHAIN', 'IPv6FullChain'],
]);

/**
 * IPv4 or IPv6, as plan mode reads `address_ip_version`. DescribeLoadBalancers documents
 * `AddressIPVersion` as `ipv4 | ipv6` with the kind of IPv6 in `IPv6Mode` (`IPv6Nat64`,
 * `IPv6FullChain`), but the creation values (`IPV6` for NAT64, `IPv6FullChain`) come back too:
 * both kinds serve IPv6 clients and always pass traffic to targets (domain §3.1, §3.4). A CLB
 * whose answer says neither is IPv4 (the creation default), unless it has an IPv6 mode or address;
 * a value nothing documents, or IPv4 with an IPv6 mode, is not guessed.
 */
function ipVersionOf(api: Api): Maybe<'IPV4' | 'IPV6'> {
  const version = str(api.AddressIPVersion)?.toUpperCase();
  const mode = str(api.IPv6Mode)?.toUpperCase();
  const ipv6Mode = mode === undefined ? undefined : IPV6_MODES.get(mode);
  if (version !== undefined && IPV6_VERSIONS.has(version)) return 'IPV6';
  if (version === undefined) return ipv6Mode !== undefined || str(api.AddressIPv6) !== undefined ? 'IPV6' : 'IPV4';
  if (version === 'IPV4') return ipv6Mode !== undefined ? unknown(`AddressIPVersion "ipv4" but IPv6Mode "${ipv6Mode}"`) : 'IPV4';
  return unknown(`AddressIPVersion ${shown(api.AddressIPVersion)}`);
}

export function loadBalancerOf(api: Api, region: string, listeners: Listener[]): LoadBalancer {
  const id = String(api.LoadBalancerId);
  const vips = [...strings(api.LoadBalancerVips), ...(str(api.AddressIPv6) ? [str(api.AddressIPv6)!] : [])];
  const type = String(api.LoadBalancerType ?? '').toUpperCase();
  return {
    key: id,
    ...(str(api.LoadBalancerName) ? { name: str(api.LoadBalancerName)! } : {}),
    network:
      type === 'OPEN' || type === 'PUBLIC'
        ? 'OPEN'
        : type === 'INTERNAL' || type === 'PRIVATE'
          ? 'INTERNAL'
          : unknown(`LoadBalancerType ${shown(api.LoadBalancerType)}`),
    ipVersion: ipVersionOf(api),
    vips: vips.length > 0 ? vips : unknown('no VIP returned'),
    vpc: str(api.VpcId) ?? null,
    subnet: str(api.SubnetId) ?? null,
    securityGroups: strings(api.SecureGroups),
    passToTarget: bool(api.LoadBalancerPassToTarget),
    snat: bool(api.Snat),
    snatPro: bool(api.SnatPro),
    snatIps: list(api.SnatIps).map((s) => ({
      subnet: str(s.SubnetId) ?? unknown('no subnet'),
      ip: str(s.Ip) ?? unknown('no IP returned'),
    })),
    listeners,
    provenance: provenance(id, 'CLB', consoleUrl('clb', region, id)),
  };
}

export function instanceOf(api: Api, region: string): Instance {
  const id = String(api.InstanceId);
  const vpc = (api.VirtualPrivateCloud ?? {}) as Api;
  return {
    key: id,
    ...(str(api.InstanceName) ? { name: str(api.InstanceName)! } : {}),
    // OsName says the family; anything not Windows is administered like Linux.
    os: /win/i.test(String(api.OsName ?? '')) ? 'windows' : 'linux',
    vpc: str(vpc.VpcId) ?? unknown('no VPC returned'),
    interfaces: [
      {
        key: `${id}/eth0`,
        primary: true,
        instance: id,
        privateIps: strings(api.PrivateIpAddresses),
        subnet: str(vpc.SubnetId) ?? unknown('no subnet returned'),
        securityGroups: groupList(api.SecurityGroupIds, 'SecurityGroupIds'),
        provenance: provenance(id, 'CVM', consoleUrl('cvm', region, id)),
      },
    ],
    provenance: provenance(id, 'CVM', consoleUrl('cvm', region, id)),
  };
}

/** `ACCEPT` or `DROP` in any case; anything else (or nothing) is an action no check may guess. */
function actionOf(v: unknown): Maybe<RuleAction> {
  const text = typeof v === 'string' ? v.toUpperCase() : '';
  return text === 'ACCEPT' || text === 'DROP' ? text : unknown(`action ${shown(v)}`);
}

/**
 * A field of an ACL entry. Unlike security-group policies (where the API documents a missing
 * field as "match all"), nothing says what a missing ACL field means, so it stays unknown.
 */
const entryField = (name: string, ...values: unknown[]): Maybe<string> => {
  for (const v of values) if (str(v) !== undefined) return str(v)!;
  return unknown(`${name} not returned`);
};

function rulePeer(rule: Api): AddressSpec {
  if (str(rule.CidrBlock)) return { kind: 'cidr', cidr: str(rule.CidrBlock)! };
  if (str(rule.Ipv6CidrBlock)) return { kind: 'cidr', cidr: str(rule.Ipv6CidrBlock)! };
  if (str(rule.SecurityGroupId)) return { kind: 'securityGroup', ref: str(rule.SecurityGroupId)! };
  const template = (rule.AddressTemplate ?? {}) as Api;
  if (str(template.AddressId)) return { kind: 'addressTemplate', ref: str(template.AddressId)! };
  if (str(template.AddressGroupId)) return { kind: 'addressTemplateGroup', ref: str(template.AddressGroupId)! };
  // No source field matches every source, IPv4 and IPv6 alike (legacy API: "a missing field
  // means match all"; domain §1.2 [S22]): 0.0.0.0/0 alone would hide it from checks of ::/0.
  return { kind: 'any' };
}

function ruleService(rule: Api): ServiceSpec {
  const template = (rule.ServiceTemplate ?? {}) as Api;
  if (str(template.ServiceId)) return { kind: 'serviceTemplate', ref: str(template.ServiceId)! };
  if (str(template.ServiceGroupId)) return { kind: 'serviceTemplateGroup', ref: str(template.ServiceGroupId)! };
  return { kind: 'protocol', protocol: str(rule.Protocol) ?? 'ALL', ports: str(rule.Port) ?? 'ALL' };
}

export function securityGroupOf(id: string, set: Api, region: string): SecurityGroup {
  const rules = (direction: 'Ingress' | 'Egress'): SecurityGroupRule[] =>
    [...list(set[direction])]
      .sort((a, b) => Number(a.PolicyIndex ?? 0) - Number(b.PolicyIndex ?? 0))
      .map((rule, i) => ({
        action: actionOf(rule.Action),
        peer: rulePeer(rule),
        service: ruleService(rule),
        ...(str(rule.PolicyDescription) ? { description: str(rule.PolicyDescription)! } : {}),
        provenance: provenance(id, 'security group', consoleUrl('sg', region, id), `${direction.toLowerCase()}[${i}]`),
      }));
  return {
    key: id,
    ingress: { rules: rules('Ingress') },
    egress: { rules: rules('Egress') },
    provenance: provenance(id, 'security group', consoleUrl('sg', region, id)),
  };
}

export function subnetOf(api: Api, region: string): Subnet {
  const id = String(api.SubnetId);
  return {
    key: id,
    ...(str(api.SubnetName) ? { name: str(api.SubnetName)! } : {}),
    vpc: str(api.VpcId) ?? unknown('no VPC'),
    cidr: str(api.CidrBlock) ?? unknown('no CIDR'),
    networkAcl: str(api.NetworkAclId) ?? null,
    provenance: provenance(id, 'subnet', consoleUrl('subnet', region, id)),
  };
}

export function vpcOf(api: Api): Vpc {
  const id = String(api.VpcId);
  return { key: id, cidr: str(api.CidrBlock) ?? unknown('no CIDR'), provenance: { address: id, cloudId: id, type: 'VPC' } };
}

export function networkAclOf(api: Api, region: string): NetworkAcl {
  const id = String(api.NetworkAclId);
  const type = api.NetworkAclType === 'QUINTUPLE' ? 'QUINTUPLE' : 'TRIPLE';
  const entries = (field: string, direction: string): NetworkAclEntry[] =>
    [...list(api[field])]
      .sort((a, b) => Number(a.Priority ?? 0) - Number(b.Priority ?? 0))
      .map((e, i) => ({
        action: actionOf(e.Action),
        protocol: entryField('Protocol', e.Protocol),
        // Port is not allowed with ALL or ICMP, whose entries the engine matches on every port.
        port: entryField('Port', e.Port),
        peerCidr: entryField('CidrBlock', e.CidrBlock, e.Ipv6CidrBlock),
        ...(str(e.Description) ? { description: str(e.Description)! } : {}),
        provenance: provenance(id, 'network ACL', consoleUrl('acl', region, id), `${direction}[${i}]`),
      }));
  // Quintuple entries come from their own action; until read, the lists are unknown.
  const quintuple = type === 'QUINTUPLE' ? { unknownReason: `the quintuple entries of ${id} were not read` } : {};
  return {
    key: id,
    type,
    vpc: str(api.VpcId) ?? unknown('no VPC'),
    ingress: { entries: type === 'TRIPLE' ? entries('IngressEntries', 'ingress') : [], ...quintuple },
    egress: { entries: type === 'TRIPLE' ? entries('EgressEntries', 'egress') : [], ...quintuple },
    provenance: provenance(id, 'network ACL', consoleUrl('acl', region, id)),
  };
}

export const templateOf = {
  address: (api: Api): AddressTemplate => ({
    key: String(api.AddressTemplateId),
    addresses: strings(api.AddressSet),
    provenance: { address: String(api.AddressTemplateId) },
  }),
  addressGroup: (api: Api): AddressTemplateGroup => ({
    key: String(api.AddressTemplateGroupId),
    members: strings(api.AddressTemplateIdSet),
    provenance: { address: String(api.AddressTemplateGroupId) },
  }),
  service: (api: Api): ServiceTemplate => ({
    key: String(api.ServiceTemplateId),
    services: strings(api.ServiceSet),
    provenance: { address: String(api.ServiceTemplateId) },
  }),
  serviceGroup: (api: Api): ServiceTemplateGroup => ({
    key: String(api.ServiceTemplateGroupId),
    members: strings(api.ServiceTemplateIdSet),
    provenance: { address: String(api.ServiceTemplateGroupId) },
  }),
};

/** A secondary or standalone ENI, for targets registered by ENI IP. */
export function networkInterfaceOf(api: Api, region: string): NetworkInterface {
  const id = String(api.NetworkInterfaceId);
  const attachment = (api.Attachment ?? {}) as Api;
  return {
    key: id,
    primary: api.Primary === true,
    ...(str(attachment.InstanceId) ? { instance: str(attachment.InstanceId)! } : {}),
    privateIps: list(api.PrivateIpAddressSet).map((x) => String(x.PrivateIpAddress)),
    subnet: str(api.SubnetId) ?? unknown('no subnet returned'),
    securityGroups: groupList(api.GroupSet, 'GroupSet'),
    provenance: provenance(id, 'ENI', consoleUrl('cvm', region, id)),
  };
}

/** Quintuple entries: both sides and both ports, per direction, in priority order. */
export function quintupleEntriesOf(acl: NetworkAcl, rows: Api[], region: string): NetworkAcl {
  const direction = (d: 'INGRESS' | 'EGRESS') =>
    rows
      .filter((r) => r.NetworkAclDirection === d)
      .sort((a, b) => Number(a.Priority ?? 0) - Number(b.Priority ?? 0))
      .map((r, i): NetworkAclEntry => {
        const source = entryField('SourceCidr', r.SourceCidr, r.SourceIPv6Cidr);
        const destination = entryField('DestinationCidr', r.DestinationCidr, r.DestinationIPv6Cidr);
        return {
          action: actionOf(r.Action),
          protocol: entryField('Protocol', r.Protocol),
          port: entryField('DestinationPort', r.DestinationPort),
          sourcePort: entryField('SourcePort', r.SourcePort),
          // Inbound the peer is the source; outbound the destination.
          peerCidr: d === 'INGRESS' ? source : destination,
          localCidr: d === 'INGRESS' ? destination : source,
          ...(str(r.Description) ? { description: str(r.Description)! } : {}),
          provenance: provenance(acl.key, 'network ACL', consoleUrl('acl', region, acl.key), `${d.toLowerCase()}[${i}]`),
        };
      });
  return { ...acl, ingress: { entries: direction('INGRESS') }, egress: { entries: direction('EGRESS') } };
}
