import { describe, expect, it } from 'vitest';
import type { AddressSpec, ServiceSpec } from '../../src/model/address.js';
import type { NetworkInterface } from '../../src/model/instance.js';
import { emptyInventory, type Inventory } from '../../src/model/inventory.js';
import type { NetworkAcl } from '../../src/model/networkAcl.js';
import type { SecurityGroup, SecurityGroupRule } from '../../src/model/securityGroup.js';
import { unknown } from '../../src/model/value.js';
import { admitThroughAcl } from '../../src/net/aclAdmission.js';
import { AddressSet } from '../../src/net/addressSet.js';
import type { FlowQuery } from '../../src/net/flow.js';
import { admitThroughGroups, admitToInterface } from '../../src/net/interfaceAdmission.js';
import { InventoryResolver } from '../../src/net/inventoryResolver.js';
import { ALL_PORTS, parsePorts, portRange } from '../../src/net/portSet.js';
import type { Protocol } from '../../src/net/protocol.js';
import { compileSecurityGroup } from '../../src/net/securityGroupRules.js';
import { findIneffectiveDenies } from '../../src/net/shadowAnalysis.js';

// Each case cites the fact it checks by its tag (§ section, [S…] source) in docs/semantics.md.

type Peer = string | AddressSpec;
const rule = (action: 'ACCEPT' | 'DROP', peer: Peer, protocol: string, ports: string, i = 0): SecurityGroupRule => ({
  action,
  peer: typeof peer === 'string' ? { kind: 'cidr', cidr: peer } : peer,
  service: { kind: 'protocol', protocol, ports },
  provenance: { address: 'rules', path: `ingress[${i}]` },
});
const templated = (action: 'ACCEPT' | 'DROP', peer: Peer, service: ServiceSpec): SecurityGroupRule => ({
  ...rule(action, peer, 'ALL', 'ALL'),
  service,
});
const group = (key: string, rules: SecurityGroupRule[]): SecurityGroup => ({
  key,
  ingress: { rules },
  egress: { rules: [] },
  provenance: { address: key },
});
const nic = (key: string, groups: string[], ips = ['10.0.1.5'], subnet = 'subnet'): NetworkInterface => ({
  key,
  primary: true,
  privateIps: ips,
  subnet,
  securityGroups: groups,
  provenance: { address: key },
});

function inventory(groups: SecurityGroup[], extra: Partial<Inventory> = {}): InventoryResolver {
  return new InventoryResolver({ ...emptyInventory('plan'), securityGroups: new Map(groups.map((g) => [g.key, g])), ...extra });
}
const flow = (cidr: string, protocol: Protocol, ports: string): FlowQuery => ({
  protocol,
  addresses: AddressSet.parse(cidr)!,
  symbols: [],
  ports: parsePorts(ports) ?? ALL_PORTS,
});
const verdictOf = (resolver: InventoryResolver, groups: string[], query: FlowQuery) =>
  admitToInterface(resolver, nic('nic', groups), query).verdict;

describe('security groups (docs/semantics.md, §1)', () => {
  it.each<[string, SecurityGroupRule[], FlowQuery, string]>([
    [
      'first match wins: an ACCEPT before a DROP admits (§1.1 [S2][S3][S4])',
      [rule('ACCEPT', '0.0.0.0/0', 'TCP', '80'), rule('DROP', '0.0.0.0/0', 'TCP', '80')],
      flow('1.2.3.4', 'TCP', '80'),
      'allow',
    ],
    [
      'first match wins: a DROP before an ACCEPT refuses (§1.1)',
      [rule('DROP', '0.0.0.0/0', 'TCP', '80'), rule('ACCEPT', '0.0.0.0/0', 'TCP', '80')],
      flow('1.2.3.4', 'TCP', '80'),
      'deny',
    ],
    ['no match = DROP (§1.1 [S2][S3][S4])', [rule('ACCEPT', '10.0.0.0/8', 'TCP', '80')], flow('1.2.3.4', 'TCP', '80'), 'deny'],
    ['an empty group refuses everything (§1.1 [S2])', [], flow('1.2.3.4', 'TCP', '80'), 'deny'],
    ['protocol names are case-insensitive (§1.2 [S17])', [rule('ACCEPT', '0.0.0.0/0', 'tcp', '80')], flow('1.2.3.4', 'TCP', '80'), 'allow'],
    ['ALL protocol matches every protocol (§1.2)', [rule('ACCEPT', '0.0.0.0/0', 'All', 'ALL')], flow('1.2.3.4', 'UDP', '53'), 'allow'],
    ['port lists: 80,443 (§1.2 [S1])', [rule('ACCEPT', '0.0.0.0/0', 'TCP', '80,443')], flow('1.2.3.4', 'TCP', '443'), 'allow'],
    [
      'port ranges: 8000-8010 covers 8005 (§1.2)',
      [rule('ACCEPT', '0.0.0.0/0', 'TCP', '8000-8010')],
      flow('1.2.3.4', 'TCP', '8000-8010'),
      'allow',
    ],
    [
      'a range does not cover the port after it (§1.2)',
      [rule('ACCEPT', '0.0.0.0/0', 'TCP', '8000-8010')],
      flow('1.2.3.4', 'TCP', '8011'),
      'deny',
    ],
    ['port all in lower case (§1.2 [S1])', [rule('ACCEPT', '0.0.0.0/0', 'TCP', 'all')], flow('1.2.3.4', 'TCP', '1-65535'), 'allow'],
    ['0.0.0.0/n is mapped to 0.0.0.0/0 (§1.2 [S1])', [rule('ACCEPT', '0.0.0.0/8', 'TCP', '80')], flow('203.0.113.7', 'TCP', '80'), 'allow'],
    [
      'the bare 0.0.0.0 is 0.0.0.0/32, so 0.0.0.0/0 too (§1.2 [S1])',
      [rule('ACCEPT', '0.0.0.0', 'TCP', '22')],
      flow('203.0.113.7', 'TCP', '22'),
      'allow',
    ],
    ['an IPv4 rule never matches IPv6 (§1.2, §3.4)', [rule('ACCEPT', '0.0.0.0/0', 'TCP', '80')], flow('2001:db8::1', 'TCP', '80'), 'deny'],
    ['an IPv6 rule never matches IPv4 (§1.2)', [rule('ACCEPT', '::/0', 'TCP', '80')], flow('1.2.3.4', 'TCP', '80'), 'deny'],
    [
      'an ICMP rule admits ICMP without ports (§1.2 [S1])',
      [rule('ACCEPT', '0.0.0.0/0', 'ICMP', 'ALL')],
      flow('1.2.3.4', 'ICMP', 'ALL'),
      'allow',
    ],
    ['a TCP rule does not admit UDP (§1.2)', [rule('ACCEPT', '0.0.0.0/0', 'TCP', 'ALL')], flow('1.2.3.4', 'UDP', '53'), 'deny'],
  ])('%s', (_name, rules, query, expected) => {
    expect(verdictOf(inventory([group('sg', rules)]), ['sg'], query)).toBe(expected);
  });

  it("an interface's groups are one list in priority order (§1.1 [S2][S3][S21], cvm AssociateSecurityGroups)", () => {
    const resolver = inventory([
      group('open', [rule('ACCEPT', '0.0.0.0/0', 'TCP', '22')]),
      group('closed', [rule('DROP', '0.0.0.0/0', 'TCP', '22')]),
    ]);
    expect(verdictOf(resolver, ['open', 'closed'], flow('1.2.3.4', 'TCP', '22'))).toBe('allow');
    expect(verdictOf(resolver, ['closed', 'open'], flow('1.2.3.4', 'TCP', '22'))).toBe('deny');
  });

  it('a verdict names the deciding group, rule index and rule text, or the default deny', () => {
    const resolver = inventory([group('sg', [rule('ACCEPT', '10.0.0.0/8', 'TCP', '80', 0), rule('DROP', '45.33.0.0/16', 'TCP', '80', 1)])]);
    const verdict = admitToInterface(resolver, nic('nic', ['sg']), flow('0.0.0.0/0', 'TCP', '80'));
    const byAddress = (a: string) => verdict.parts.find((p) => p.addresses.covers(AddressSet.parse(a)!))!;
    expect(byAddress('10.1.1.1').decidedBy).toMatchObject({ list: 'sg', index: 0, text: 'ACCEPT 10.0.0.0/8 TCP:80' });
    expect(byAddress('45.33.1.1')).toMatchObject({ verdict: 'deny', decidedBy: { list: 'sg', index: 1 } });
    expect(byAddress('8.8.8.8')).toMatchObject({ verdict: 'deny', decidedBy: { index: -1, text: 'default deny (no rule matched)' } });
  });

  it('a security-group source means the private IPs of its members (§1.2 [S1][S22])', () => {
    const groups = [group('lb', []), group('web', [rule('ACCEPT', { kind: 'securityGroup', ref: 'lb' }, 'TCP', '80')])];
    const resolver = new InventoryResolver({
      ...emptyInventory('plan'),
      securityGroups: new Map(groups.map((g) => [g.key, g])),
      networkInterfaces: new Map([
        ['member', nic('member', ['lb'], ['10.0.2.7'])],
        ['web', nic('web', ['web'], ['10.0.1.5'])],
      ]),
    });
    expect(admitToInterface(resolver, nic('web', ['web']), flow('10.0.2.7', 'TCP', '80')).verdict).toBe('allow');
    expect(admitToInterface(resolver, nic('web', ['web']), flow('10.0.2.8', 'TCP', '80')).verdict).toBe('deny');
  });

  it('IP templates hold CIDRs, single IPs and ranges a-b, and groups join them (§1.2 [S14])', () => {
    const resolver = new InventoryResolver({
      ...emptyInventory('plan'),
      securityGroups: new Map([['sg', group('sg', [rule('ACCEPT', { kind: 'addressTemplateGroup', ref: 'ipmg' }, 'TCP', '80')])]]),
      addressTemplates: new Map([
        ['ipm-a', { key: 'ipm-a', addresses: ['10.0.0.1-10.0.0.100'], provenance: { address: 'ipm-a' } }],
        ['ipm-b', { key: 'ipm-b', addresses: ['192.168.1.0/24', '172.16.0.9'], provenance: { address: 'ipm-b' } }],
      ]),
      addressTemplateGroups: new Map([['ipmg', { key: 'ipmg', members: ['ipm-a', 'ipm-b'], provenance: { address: 'ipmg' } }]]),
    });
    expect(verdictOf(resolver, ['sg'], flow('10.0.0.100', 'TCP', '80'))).toBe('allow');
    expect(verdictOf(resolver, ['sg'], flow('10.0.0.101', 'TCP', '80'))).toBe('deny');
    expect(verdictOf(resolver, ['sg'], flow('172.16.0.9', 'TCP', '80'))).toBe('allow');
    expect(verdictOf(resolver, ['sg'], flow('192.168.1.0/24', 'TCP', '80'))).toBe('allow');
  });

  it('service templates expand in place, in order (§1.2 [S14])', () => {
    const resolver = new InventoryResolver({
      ...emptyInventory('plan'),
      securityGroups: new Map([
        [
          'sg',
          group('sg', [templated('DROP', '0.0.0.0/0', { kind: 'serviceTemplate', ref: 'ppm' }), rule('ACCEPT', '0.0.0.0/0', 'ALL', 'ALL')]),
        ],
      ]),
      serviceTemplates: new Map([['ppm', { key: 'ppm', services: ['TCP:80,443', 'UDP:ALL'], provenance: { address: 'ppm' } }]]),
    });
    expect(verdictOf(resolver, ['sg'], flow('1.2.3.4', 'TCP', '443'))).toBe('deny');
    expect(verdictOf(resolver, ['sg'], flow('1.2.3.4', 'UDP', '9999'))).toBe('deny');
    expect(verdictOf(resolver, ['sg'], flow('1.2.3.4', 'TCP', '8080'))).toBe('allow');
  });

  it('an unknown value makes only the traffic it may decide unknown — never a guess', () => {
    const maybe: SecurityGroupRule = { ...rule('DROP', '0.0.0.0/0', 'TCP', '80'), peer: { kind: 'unknown', reason: 'known after apply' } };
    const resolver = inventory([group('sg', [maybe, rule('ACCEPT', '0.0.0.0/0', 'TCP', '80,443')])]);
    const verdict = admitToInterface(resolver, nic('nic', ['sg']), flow('1.2.3.4', 'TCP', '80,443'));
    expect(verdict.parts.find((p) => p.ports.has(80))?.verdict).toBe('unknown');
    expect(verdict.parts.find((p) => p.ports.has(443))?.verdict).toBe('allow');
    const unknownAction: SecurityGroupRule = { ...rule('ACCEPT', '0.0.0.0/0', 'TCP', '80'), action: unknown('known after apply') };
    expect(verdictOf(inventory([group('sg', [unknownAction])]), ['sg'], flow('1.2.3.4', 'TCP', '80'))).toBe('unknown');
  });

  it('a group outside the check is unknown, not empty', () => {
    expect(verdictOf(inventory([]), ['sg-external'], flow('1.2.3.4', 'TCP', '80'))).toBe('unknown');
  });

  it('a symbolic VIP is admitted by a rule that covers its bounds, and unknown against a rule that may catch it (§7.7)', () => {
    const within = AddressSet.parse('172.16.3.0/24')!;
    const query: FlowQuery = {
      protocol: 'TCP',
      addresses: AddressSet.EMPTY,
      symbols: [{ id: 'vip:lb', label: 'VIP of lb', within }],
      ports: portRange(80),
    };
    expect(
      admitToInterface(inventory([group('sg', [rule('ACCEPT', '172.16.0.0/16', 'TCP', '80')])]), nic('n', ['sg']), query).verdict,
    ).toBe('allow');
    expect(
      admitToInterface(inventory([group('sg', [rule('ACCEPT', '172.16.3.0/25', 'TCP', '80')])]), nic('n', ['sg']), query).verdict,
    ).toBe('unknown');
    expect(admitToInterface(inventory([group('sg', [rule('ACCEPT', '10.0.0.0/8', 'TCP', '80')])]), nic('n', ['sg']), query).verdict).toBe(
      'deny',
    );
  });

  it('a CLB without security groups admits all listener traffic (§3.2 [S5][S6])', () => {
    expect(admitThroughGroups(inventory([]), 'lb', [], flow('0.0.0.0/0', 'TCP', '443')).verdict).toBe('allow');
  });
});

describe('network ACLs (docs/semantics.md, §2)', () => {
  const acl = (ingress: string[], egress: string[], type: 'TRIPLE' | 'QUINTUPLE' = 'TRIPLE'): NetworkAcl => {
    const entries = (list: string[]) =>
      list.map((text, i) => {
        const [action, cidr, port, protocol, local, sourcePort] = text.split('#');
        return {
          action: action as 'ACCEPT' | 'DROP',
          peerCidr: cidr!,
          port: port!,
          protocol: protocol!,
          ...(local ? { localCidr: local } : {}),
          ...(sourcePort ? { sourcePort } : {}),
          provenance: { address: 'acl', path: `[${i}]` },
        };
      });
    return {
      key: 'acl',
      type,
      vpc: 'vpc',
      ingress: { entries: entries(ingress) },
      egress: { entries: entries(egress) },
      provenance: { address: 'acl' },
    };
  };
  const check = (theAcl: NetworkAcl, query: FlowQuery, subnetCidr = '10.0.1.0/24') => {
    const resolver = new InventoryResolver({
      ...emptyInventory('plan'),
      subnets: new Map([['subnet', { key: 'subnet', vpc: 'vpc', cidr: subnetCidr, networkAcl: 'acl', provenance: { address: 'subnet' } }]]),
      networkAcls: new Map([['acl', theAcl]]),
    });
    const local = { definite: AddressSet.parse('10.0.1.5')!, possible: AddressSet.parse('10.0.1.5')! };
    const result = admitThroughAcl(resolver, 'subnet', local, query);
    if (result.kind !== 'checked') throw new Error(result.kind);
    return { inbound: result.inbound.verdict, reply: result.reply.verdict, overall: result.verdict };
  };

  it.each<[string, NetworkAcl, FlowQuery, { inbound: string; reply: string }]>([
    [
      'stateless: the reply needs its own outbound rule (§2 [S11][S12])',
      acl(['ACCEPT#0.0.0.0/0#80#TCP'], []),
      flow('1.2.3.4', 'TCP', '80'),
      { inbound: 'allow', reply: 'deny' },
    ],
    [
      'default deny inbound (§2 [S11][S18])',
      acl([], ['ACCEPT#0.0.0.0/0#ALL#ALL']),
      flow('1.2.3.4', 'TCP', '80'),
      { inbound: 'deny', reply: 'allow' },
    ],
    [
      'replies go to the client ephemeral ports 1024-65535 (§2)',
      acl(['ACCEPT#0.0.0.0/0#80#TCP'], ['ACCEPT#0.0.0.0/0#1024-65535#TCP']),
      flow('1.2.3.4', 'TCP', '80'),
      { inbound: 'allow', reply: 'allow' },
    ],
    [
      'a reply rule for the service port alone does not cover the client ports',
      acl(['ACCEPT#0.0.0.0/0#80#TCP'], ['ACCEPT#0.0.0.0/0#80#TCP']),
      flow('1.2.3.4', 'TCP', '80'),
      { inbound: 'allow', reply: 'deny' },
    ],
    [
      'first match wins in an ACL (§2 [S11])',
      acl(['DROP#1.2.3.0/24#ALL#ALL', 'ACCEPT#0.0.0.0/0#ALL#ALL'], ['ACCEPT#0.0.0.0/0#ALL#ALL']),
      flow('1.2.3.4', 'TCP', '80'),
      { inbound: 'deny', reply: 'allow' },
    ],
    [
      'quintuple entries match the local side too (§2 [S1])',
      acl(['ACCEPT#0.0.0.0/0#80#TCP#10.0.1.0/24', 'DROP#0.0.0.0/0#ALL#ALL'], ['ACCEPT#0.0.0.0/0#ALL#ALL'], 'QUINTUPLE'),
      flow('1.2.3.4', 'TCP', '80'),
      { inbound: 'allow', reply: 'allow' },
    ],
    [
      'a quintuple entry for another local CIDR does not match',
      acl(['ACCEPT#0.0.0.0/0#80#TCP#10.0.9.0/24'], ['ACCEPT#0.0.0.0/0#ALL#ALL'], 'QUINTUPLE'),
      flow('1.2.3.4', 'TCP', '80'),
      { inbound: 'deny', reply: 'allow' },
    ],
  ])('%s', (_name, theAcl, query, expected) => {
    expect(check(theAcl, query)).toMatchObject(expected);
  });

  it('does not filter traffic inside the subnet (§2 [S11] limits)', () => {
    expect(check(acl([], []), flow('10.0.1.9', 'TCP', '80')).overall).toBe('allow');
  });
});

describe('shadowed DROP rules', () => {
  it("reports the ACCEPT that takes a later DROP's traffic, and whether anything is left", () => {
    const resolver = inventory([
      group('sg', [rule('ACCEPT', '0.0.0.0/0', 'TCP', '8443', 0), rule('DROP', '45.33.0.0/16', 'TCP', '8443,22', 1)]),
    ]);
    const [deny] = findIneffectiveDenies(compileSecurityGroup(resolver, 'sg', 'ingress'));
    expect(deny).toMatchObject({
      rule: { index: 1 },
      wholly: false,
      shadowedBy: [{ rule: { index: 0 }, overlap: '45.33.0.0/16 TCP:8443' }],
    });
  });

  it('a DROP before the ACCEPT is effective', () => {
    const resolver = inventory([
      group('sg', [rule('DROP', '45.33.0.0/16', 'TCP', '8443', 0), rule('ACCEPT', '0.0.0.0/0', 'TCP', '8443', 1)]),
    ]);
    expect(findIneffectiveDenies(compileSecurityGroup(resolver, 'sg', 'ingress'))).toEqual([]);
  });
});

describe('interfaces without security groups (docs/semantics.md, §1)', () => {
  it('a secondary interface without groups admits all, named as itself, whichever interface is asked first', () => {
    const resolver = inventory([]);
    const primary = nic('eni-primary', []);
    const secondary = (key: string): NetworkInterface => ({ ...nic(key, []), primary: false });
    const query = flow('203.0.113.0/24', 'TCP', '22');
    // The primary interface first: its empty list must not become the secondary ones' list.
    expect(admitToInterface(resolver, primary, query).verdict).toBe('unknown');
    for (const key of ['eni-a', 'eni-b']) {
      const verdict = admitToInterface(resolver, secondary(key), query);
      expect(verdict.verdict).toBe('allow');
      expect(verdict.parts.map((p) => p.decidedBy?.list)).toEqual([key]);
    }
  });
});
