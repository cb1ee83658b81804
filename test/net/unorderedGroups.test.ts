import { describe, expect, it } from 'vitest';
import type { NetworkInterface } from '../../src/model/instance.js';
import { emptyInventory } from '../../src/model/inventory.js';
import type { SecurityGroup, SecurityGroupRule } from '../../src/model/securityGroup.js';
import { AddressSet } from '../../src/net/addressSet.js';
import type { FlowQuery, FlowVerdict } from '../../src/net/flow.js';
import { admitToInterface } from '../../src/net/interfaceAdmission.js';
import { InventoryResolver } from '../../src/net/inventoryResolver.js';
import { parsePorts } from '../../src/net/portSet.js';
import { compileInterface, compileSecurityGroup, unorderedGroupsOf } from '../../src/net/securityGroupRules.js';
import { findIneffectiveDenies, findUndecidedDenies } from '../../src/net/shadowAnalysis.js';

// Groups from a Terraform set (the deprecated `security_groups`, `tencentcloud_eni_sg_attachment.
// security_group_ids`) have no defined priority: every order is possible (§1.1 "SG order matters
// when DROP rules exist" [S21]). docs/semantics.md, "Groups of no defined priority".

const rule = (text: string, i: number): SecurityGroupRule => {
  const [action, cidr, protocol, ports] = text.split(' ') as ['ACCEPT' | 'DROP', string, string, string];
  return {
    action,
    peer: { kind: 'cidr', cidr },
    service: { kind: 'protocol', protocol, ports },
    provenance: { address: 'rules', path: `ingress[${i}]` },
  };
};
const group = (key: string, rules: string[]): SecurityGroup => ({
  key,
  ingress: { rules: rules.map(rule) },
  egress: { rules: [] },
  provenance: { address: key },
});
const nic = (key: string, groups: string[], unordered: boolean): NetworkInterface => ({
  key,
  primary: true,
  privateIps: ['10.0.1.5'],
  subnet: 'subnet',
  securityGroups: groups,
  ...(unordered ? { securityGroupsUnordered: true } : {}),
  provenance: { address: key },
});
const resolverOf = (groups: SecurityGroup[]) =>
  new InventoryResolver({ ...emptyInventory('plan'), securityGroups: new Map(groups.map((g) => [g.key, g])) });
const query = (cidr: string, ports = '8080'): FlowQuery => ({
  protocol: 'TCP',
  addresses: AddressSet.parse(cidr)!,
  symbols: [],
  ports: parsePorts(ports)!,
});
const verdictAt = (verdict: FlowVerdict, address: string) => verdict.parts.find((p) => p.addresses.covers(AddressSet.parse(address)!));

const DROP_ALL = group('sg-drop', ['DROP 0.0.0.0/0 TCP 8080']);
const OPEN_ALL = group('sg-open', ['ACCEPT 0.0.0.0/0 TCP 8080']);

describe('groups of no defined priority: the verdict holds under every order', () => {
  it.each([[['sg-drop', 'sg-open']], [['sg-open', 'sg-drop']]])(
    'a DROP group and an ACCEPT group (%j) are unknown, in either array order',
    (order) => {
      const resolver = resolverOf([DROP_ALL, OPEN_ALL]);
      const verdict = admitToInterface(resolver, nic('ins-1/eth0', order, true), query('0.0.0.0/0'));
      expect(verdict.verdict).toBe('unknown');
      expect(verdict.parts.map((p) => p.verdict)).toEqual(['unknown']);
      const reason = verdict.parts[0]!.reason!;
      expect(reason).toContain(
        'the priority of the security groups sg-drop, sg-open is not defined'.replace('sg-drop, sg-open', order.join(', ')),
      );
      expect(reason).toContain('sg-drop rule 0 (DROP 0.0.0.0/0 TCP:8080) refuses it');
      expect(reason).toContain('sg-open rule 0 (ACCEPT 0.0.0.0/0 TCP:8080) admits it');
      expect(reason).toContain('orderly_security_groups');
      // What decides in each order, for policies that accept both (a deliberate DROP, or admission).
      expect(verdict.parts[0]!.byOrder?.map((o) => `${o.verdict} ${o.decidedBy?.list}`).sort()).toEqual(['allow sg-open', 'deny sg-drop']);
    },
  );

  it('the same groups in an ordered list keep their order (control)', () => {
    const resolver = resolverOf([DROP_ALL, OPEN_ALL]);
    expect(admitToInterface(resolver, nic('a/eth0', ['sg-drop', 'sg-open'], false), query('0.0.0.0/0')).verdict).toBe('deny');
    expect(admitToInterface(resolver, nic('b/eth0', ['sg-open', 'sg-drop'], false), query('0.0.0.0/0')).verdict).toBe('allow');
  });

  it('only the traffic the groups disagree on is unknown; the rest is decided by the listed order', () => {
    const resolver = resolverOf([group('sg-block', ['DROP 45.0.0.0/8 TCP 8080']), OPEN_ALL]);
    const verdict = admitToInterface(resolver, nic('ins-1/eth0', ['sg-block', 'sg-open'], true), query('0.0.0.0/0'));
    expect(verdictAt(verdict, '45.1.2.3')?.verdict).toBe('unknown');
    const open = verdictAt(verdict, '8.8.8.8')!;
    expect(open.byOrder).toBeUndefined();
    expect(open.verdict).toBe('allow');
    expect(open.decidedBy).toMatchObject({ list: 'sg-open', index: 0 });
  });

  it('groups that agree decide: all ACCEPT admits, all DROP refuses, none matching is the default deny of the interface', () => {
    const resolver = resolverOf([
      OPEN_ALL,
      group('sg-lan', ['ACCEPT 10.0.0.0/8 TCP 8080']),
      DROP_ALL,
      group('sg-drop2', ['DROP 10.0.0.0/8 TCP 8080']),
    ]);
    const admitted = admitToInterface(resolver, nic('x/eth0', ['sg-lan', 'sg-open'], true), query('10.1.0.0/16'));
    expect(admitted.verdict).toBe('allow');
    expect(admitted.parts.every((p) => p.decidedBy?.list === 'sg-lan')).toBe(true);
    const refused = admitToInterface(resolver, nic('x/eth0', ['sg-drop2', 'sg-drop'], true), query('10.1.0.0/16'));
    expect(refused.parts.map((p) => [p.verdict, p.decidedBy?.list])).toEqual([['deny', 'sg-drop2']]);
    const unmatched = admitToInterface(
      resolver,
      nic('tencentcloud_instance.web[1]/eth0', ['sg-lan', 'sg-drop2'], true),
      query('8.8.8.8/32'),
    );
    expect(unmatched.parts.map((p) => [p.verdict, p.decidedBy?.kind, p.decidedBy?.list])).toEqual([
      ['deny', 'defaultDeny', 'tencentcloud_instance.web[1]/eth0'],
    ]);
  });

  it("each group's own rule order still holds: its DROP before its ACCEPT refuses, whatever the other group", () => {
    const resolver = resolverOf([
      group('sg-own', ['DROP 45.0.0.0/8 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      group('sg-lan', ['ACCEPT 10.0.0.0/8 TCP 8080']),
    ]);
    const verdict = admitToInterface(resolver, nic('x/eth0', ['sg-lan', 'sg-own'], true), query('0.0.0.0/0'));
    expect(verdictAt(verdict, '45.1.2.3')).toMatchObject({ verdict: 'deny', decidedBy: { list: 'sg-own', index: 0 } });
    expect(verdictAt(verdict, '8.8.8.8')?.verdict).toBe('allow');
  });

  it('agrees with every permutation of three groups, packet by packet', () => {
    const groups = [
      group('g1', ['DROP 10.0.0.0/9 TCP 8080', 'ACCEPT 10.0.0.0/8 TCP 8080-8081']),
      group('g2', ['ACCEPT 10.0.0.0/10 TCP 8081', 'DROP 10.64.0.0/10 TCP 8080']),
      group('g3', ['ACCEPT 10.128.0.0/9 TCP 8080', 'DROP 10.0.0.0/7 TCP 8081']),
    ];
    const resolver = resolverOf(groups);
    const keys = groups.map((g) => g.key);
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ].map((o) => o.map((k) => keys[k]!));
    const unordered = admitToInterface(resolver, nic('x/eth0', keys, true), query('10.0.0.0/7', '8080-8081'));
    for (const address of ['10.1.0.1', '10.65.0.1', '10.129.0.1', '11.0.0.1', '10.255.0.1']) {
      for (const port of ['8080', '8081']) {
        const packet = query(`${address}/32`, port);
        const outcomes = new Set(orders.map((o) => admitToInterface(resolver, nic('x/eth0', o, false), packet).verdict));
        const part = unordered.parts.find((p) => p.addresses.covers(packet.addresses) && p.ports.covers(packet.ports));
        expect(part?.verdict, `${address}:${port}`).toBe(outcomes.size === 1 ? [...outcomes][0] : 'unknown');
      }
    }
  });
});

describe('groups of no defined priority: no shadowing is claimed across them', () => {
  const groups = [OPEN_ALL, group('sg-block', ['DROP 45.0.0.0/8 TCP 8080'])];
  const resolver = resolverOf(groups);

  it('an ACCEPT of one group does not make a DROP of another "never match"; it may, so it is undecided', () => {
    const unordered = nic('x/eth0', ['sg-open', 'sg-block'], true);
    const rules = compileInterface(resolver, unordered, 'ingress');
    expect(findIneffectiveDenies(rules, unorderedGroupsOf(unordered))).toEqual([]);
    const [undecided] = findUndecidedDenies(rules, unorderedGroupsOf(unordered));
    expect(undecided?.rule).toMatchObject({ list: 'sg-block', index: 0 });
    expect(undecided?.reason).toContain('the priority of sg-block against sg-open is not defined');
    expect(undecided?.reason).toContain('orderly_security_groups');
  });

  it('whatever the array order: the DROP listed first is undecided too', () => {
    const unordered = nic('x/eth0', ['sg-block', 'sg-open'], true);
    const rules = compileInterface(resolver, unordered, 'ingress');
    expect(findIneffectiveDenies(rules, unorderedGroupsOf(unordered))).toEqual([]);
    expect(findUndecidedDenies(rules, unorderedGroupsOf(unordered)).map((d) => d.rule.list)).toEqual(['sg-block']);
  });

  it('an ordered list still claims it (control)', () => {
    const ordered = nic('x/eth0', ['sg-open', 'sg-block'], false);
    expect(unorderedGroupsOf(ordered)).toBeUndefined();
    expect(findIneffectiveDenies(compileInterface(resolver, ordered, 'ingress')).map((d) => d.rule.list)).toEqual(['sg-block']);
  });

  it('inside one group of such a list the shadow still holds', () => {
    const own = group('sg-own', ['ACCEPT 0.0.0.0/0 TCP 8080', 'DROP 45.0.0.0/8 TCP 8080']);
    const both = resolverOf([own, group('sg-lan', ['ACCEPT 10.0.0.0/8 TCP 8080'])]);
    const unordered = nic('x/eth0', ['sg-lan', 'sg-own'], true);
    const found = findIneffectiveDenies(compileInterface(both, unordered, 'ingress'), unorderedGroupsOf(unordered));
    expect(found.map((d) => [d.rule.list, d.rule.index, d.shadowedBy.map((s) => `${s.rule.list}#${s.rule.index}`)])).toEqual([
      ['sg-own', 1, ['sg-own#0']],
    ]);
  });
});

describe('carve-outs: an ACCEPT strictly inside a later DROP (§3.3: the VIP inside a dropped range)', () => {
  const shadowsOf = (rules: string[]) =>
    findIneffectiveDenies(compileSecurityGroup(resolverOf([group('sg', rules)]), 'sg', 'ingress')).map((d) => d.rule.index);

  it.each<[string, string[], number[]]>([
    ['the VIP /32 before a DROP of its /17 is a carve-out', ['ACCEPT 10.0.2.5/32 TCP 8080', 'DROP 10.0.0.0/17 TCP 8080'], []],
    ['a carve-out on fewer ports of the same range', ['ACCEPT 10.0.0.0/17 TCP 8080', 'DROP 10.0.0.0/17 TCP 8000-8100'], []],
    [
      'two carve-outs, then DROPs of both halves',
      ['ACCEPT 10.0.2.5/32 TCP 8080', 'DROP 10.0.0.0/17 TCP 8080', 'DROP 10.0.128.0/17 TCP 8080'],
      [],
    ],
    ['ACCEPT 0.0.0.0/0 before DROP 45.33.0.0/16 covers it', ['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP 45.33.0.0/16 TCP 8443'], [1]],
    ['an ACCEPT of exactly the same match covers it', ['ACCEPT 10.0.0.0/17 TCP 8080', 'DROP 10.0.0.0/17 TCP 8080'], [1]],
    ['an ACCEPT inside the range but on all ports reaches outside it', ['ACCEPT 10.0.2.5/32 TCP ALL', 'DROP 10.0.0.0/17 TCP 8080'], [1]],
    ['an ACCEPT that straddles the range reaches outside it', ['ACCEPT 10.0.0.0/16 TCP 8080', 'DROP 10.0.0.0/17 TCP 8080'], [1]],
    [
      'an ACCEPT of ALL protocols inside the range reaches outside a TCP DROP',
      ['ACCEPT 10.0.2.5/32 ALL ALL', 'DROP 10.0.0.0/17 TCP ALL'],
      [1],
    ],
  ])('%s', (_name, rules, shadowed) => {
    expect(shadowsOf(rules)).toEqual(shadowed);
  });

  it('a carve-out is not undecided either', () => {
    const rules = compileSecurityGroup(
      resolverOf([group('sg', ['ACCEPT 10.0.2.5/32 TCP 8080', 'DROP 10.0.0.0/17 TCP 8080'])]),
      'sg',
      'ingress',
    );
    expect(findUndecidedDenies(rules)).toEqual([]);
  });
});
