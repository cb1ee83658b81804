import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkInterface } from '../../src/model/instance.js';
import { emptyInventory } from '../../src/model/inventory.js';
import type { SecurityGroup, SecurityGroupRule } from '../../src/model/securityGroup.js';
import { unknown } from '../../src/model/value.js';
import { AddressSet } from '../../src/net/addressSet.js';
import type { FlowQuery } from '../../src/net/flow.js';
import { admitToInterface } from '../../src/net/interfaceAdmission.js';
import { InventoryResolver } from '../../src/net/inventoryResolver.js';
import { parsePorts } from '../../src/net/portSet.js';
import type { Protocol } from '../../src/net/protocol.js';
import { compileInterface } from '../../src/net/securityGroupRules.js';
import { findIneffectiveDenies, findUndecidedDenies } from '../../src/net/shadowAnalysis.js';

/**
 * The engine against a brute-force oracle over a small universe: the 16 addresses of
 * 10.0.0.0/28, a witness address for every other region the rule CIDRs can tell apart (IPv4 and
 * IPv6); ports 0–30 and 5000; TCP, UDP, ICMP (and ICMPv6, GRE for the shadow analysis). Random ordered rule lists in random security-group orders, with unknown values. The oracle
 * walks every packet through the concatenated list (first match wins, no match = DROP) for every
 * concretisation of the unknowns. Whenever the engine says allow or deny, every concretisation
 * must agree; every packet of the query must fall in exactly one part.
 */
const SEED = 424242;
// The normal test run checks 10,000 cases; `npm run bench` runs the same property at a larger size.
const RUNS = Number(process.env.CLB_GUARD_ORACLE_RUNS ?? 10_000);

const INSIDE = Array.from({ length: 16 }, (_, i) => `10.0.0.${i}`);
// One witness for every region the rule CIDRs can tell apart.
const POINTS = [...INSIDE, '10.0.0.200', '1.2.3.4', '203.0.113.9', '2001:db8::1', 'fd00::1'];
const PORTS = [...Array.from({ length: 31 }, (_, i) => i), 5000];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'ICMP'];
const ALL_PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'ICMP', 'ICMPV6', 'GRE'];

const cidrArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 28, max: 32 }), fc.integer({ min: 0, max: 15 }))
      .map(([prefix, host]) => `10.0.0.${host & ~((1 << (32 - prefix)) - 1)}/${prefix}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('0.0.0.0/0', '0.0.0.0/8', '10.0.0.0/24', '1.2.3.4/32', '::/0', '2001:db8::/32') },
);
const portsArb = fc.oneof(
  fc.constant('ALL'),
  fc.integer({ min: 0, max: 30 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([a, b]) => `${a},${b}`),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
);

interface RuleSpec {
  action: 'ACCEPT' | 'DROP' | '?';
  cidr: string | '?';
  protocol: 'TCP' | 'UDP' | 'ICMP' | 'ALL' | 'tcp' | '?';
  ports: string;
}

const ruleArb: fc.Arbitrary<RuleSpec> = fc.record({
  action: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<'ACCEPT' | 'DROP'>('ACCEPT', 'DROP') },
    { weight: 1, arbitrary: fc.constant<'?'>('?') },
  ),
  cidr: fc.oneof({ weight: 12, arbitrary: cidrArb }, { weight: 1, arbitrary: fc.constant<'?'>('?') }),
  protocol: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<RuleSpec['protocol']>('TCP', 'UDP', 'ICMP', 'ALL', 'tcp') },
    { weight: 1, arbitrary: fc.constant<'?'>('?') },
  ),
  ports: portsArb,
});

const scenarioArb = fc.record({
  groups: fc.array(fc.array(ruleArb, { maxLength: 6 }), { minLength: 1, maxLength: 3 }).map(limitUnknowns),
  order: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  query: fc.record({ cidr: cidrArb, protocol: fc.constantFrom(...PROTOCOLS), ports: portsArb }),
});

function toRule(spec: RuleSpec, group: string, index: number): SecurityGroupRule {
  const hasPorts = spec.protocol.toUpperCase() === 'TCP' || spec.protocol.toUpperCase() === 'UDP';
  return {
    action: spec.action === '?' ? unknown('test') : spec.action,
    peer: spec.cidr === '?' ? { kind: 'unknown', reason: 'test' } : { kind: 'cidr', cidr: spec.cidr },
    service: {
      kind: 'protocol',
      protocol: spec.protocol === '?' ? unknown('test') : spec.protocol,
      ports: hasPorts || spec.protocol === '?' ? spec.ports : 'ALL',
    },
    provenance: { address: group, path: `ingress[${index}]` },
  };
}

/** Each unknown field of the list, so the oracle can try every value it could take. */
type Concrete = { action: 'ACCEPT' | 'DROP'; cidr: string; protocol: string; ports: string };
const UNKNOWN_CHOICES = {
  action: ['ACCEPT', 'DROP'],
  cidr: ['10.0.0.0/30', '0.0.0.0/0', '1.2.3.4/32', '::/0'],
  protocol: ['TCP', 'UDP', 'ICMP', 'ALL'],
} as const;

function concretisations(rules: RuleSpec[]): Concrete[][] {
  let out: Concrete[][] = [[]];
  for (const r of rules) {
    const actions = r.action === '?' ? UNKNOWN_CHOICES.action : [r.action];
    const cidrs = r.cidr === '?' ? UNKNOWN_CHOICES.cidr : [r.cidr];
    const protocols = r.protocol === '?' ? UNKNOWN_CHOICES.protocol : [r.protocol.toUpperCase()];
    const next: Concrete[][] = [];
    for (const prefix of out)
      for (const action of actions)
        for (const cidr of cidrs) for (const protocol of protocols) next.push([...prefix, { action, cidr, protocol, ports: r.ports }]);
    out = next;
  }
  return out;
}

/** At most three unknown fields per scenario, so the oracle's worlds stay few (≤ 4³). */
function limitUnknowns(groups: RuleSpec[][]): RuleSpec[][] {
  let left = 3;
  const keep = <T>(value: T | '?', fallback: T): T | '?' => (value === '?' ? (left-- > 0 ? '?' : fallback) : value);
  return groups.map((rules) =>
    rules.map((r) => ({
      action: keep(r.action, 'DROP'),
      cidr: keep(r.cidr, '0.0.0.0/0'),
      protocol: keep(r.protocol, 'TCP'),
      ports: r.ports,
    })),
  );
}

const POINT_SETS = POINTS.map((p) => AddressSet.parse(p)!);
const coverCache = new Map<string, boolean[]>();
const portCache = new Map<string, ReturnType<typeof parsePorts>>();

/** Which universe points a CIDR covers, computed once per CIDR. */
function covered(cidr: string): boolean[] {
  let hit = coverCache.get(cidr);
  if (hit === undefined) {
    const set = AddressSet.parse(cidr)!;
    hit = POINT_SETS.map((p) => set.covers(p));
    coverCache.set(cidr, hit);
  }
  return hit;
}

function portsOf(text: string) {
  let ports = portCache.get(text);
  if (ports === undefined) {
    ports = parsePorts(text);
    portCache.set(text, ports);
  }
  return ports!;
}

function matches(rule: Concrete, point: number, port: number, protocol: Protocol): boolean {
  if (rule.protocol !== 'ALL' && rule.protocol !== protocol) return false;
  if (!covered(rule.cidr)[point]) return false;
  if (rule.protocol === 'ALL' || (protocol !== 'TCP' && protocol !== 'UDP')) return true;
  return portsOf(rule.ports).has(port);
}

/** ACCEPT's match lies strictly inside DROP's, packet by packet: a carve-out, never a shadow. */
const carveOuts = new WeakMap<Concrete, WeakMap<Concrete, boolean>>();
function isCarveOut(accept: Concrete, drop: Concrete): boolean {
  const known = carveOuts.get(accept)?.get(drop);
  if (known !== undefined) return known;
  const result = carveOut(accept, drop);
  const byDrop = carveOuts.get(accept) ?? new WeakMap<Concrete, boolean>();
  byDrop.set(drop, result);
  carveOuts.set(accept, byDrop);
  return result;
}

function carveOut(accept: Concrete, drop: Concrete): boolean {
  let inside = true;
  let smaller = false;
  for (const point of POINTS.keys())
    for (const port of PORTS)
      for (const protocol of ALL_PROTOCOLS) {
        const a = matches(accept, point, port, protocol);
        const d = matches(drop, point, port, protocol);
        if (a && !d) inside = false;
        if (d && !a) smaller = true;
      }
  return inside && smaller;
}

function oracle(list: Concrete[], point: number, port: number, protocol: Protocol): 'allow' | 'deny' {
  for (const rule of list) if (matches(rule, point, port, protocol)) return rule.action === 'ACCEPT' ? 'allow' : 'deny';
  return 'deny';
}

function build(groups: RuleSpec[][], order: number[]) {
  const keys = groups.map((_, g) => `sg${g}`);
  const ordered = [...keys].sort((a, b) => (order[keys.indexOf(a)] ?? 0) - (order[keys.indexOf(b)] ?? 0) || a.localeCompare(b));
  const securityGroups = new Map<string, SecurityGroup>(
    groups.map((rules, g) => [
      keys[g]!,
      {
        key: keys[g]!,
        ingress: { rules: rules.map((r, i) => toRule(r, keys[g]!, i)) },
        egress: { rules: [] },
        provenance: { address: keys[g]! },
      },
    ]),
  );
  const nic: NetworkInterface = {
    key: 'nic',
    primary: true,
    privateIps: ['10.0.0.1'],
    subnet: 'subnet',
    securityGroups: ordered,
    provenance: { address: 'nic' },
  };
  const resolver = new InventoryResolver({ ...emptyInventory('plan'), securityGroups });
  const flat = ordered.flatMap((k) => groups[keys.indexOf(k)]!);
  return { resolver, nic, flat };
}

/** The generated query as the engine takes it (ICMP has no ports). */
function queryOf(q: { cidr: string; protocol: Protocol; ports: string }): FlowQuery {
  return {
    protocol: q.protocol,
    addresses: AddressSet.parse(q.cidr)!,
    symbols: [],
    ports: q.protocol !== 'ICMP' ? parsePorts(q.ports)! : parsePorts('ALL')!,
  };
}

describe('the reachability engine agrees with a brute-force oracle', () => {
  it(`on ${RUNS} random rule lists and group orders (seed ${SEED})`, () => {
    let decided = 0;
    let undecided = 0;
    fc.assert(
      fc.property(scenarioArb, ({ groups, order, query: q }) => {
        const { resolver, nic, flat } = build(groups, order);
        const hasPorts = q.protocol !== 'ICMP';
        const query = queryOf(q);
        const verdict = admitToInterface(resolver, nic, query);
        const worlds = concretisations(flat);
        for (const [index, address] of POINTS.entries()) {
          const point = POINT_SETS[index]!;
          if (!query.addresses.covers(point)) continue;
          for (const port of hasPorts ? PORTS : [0]) {
            if (!query.ports.has(port)) continue;
            const parts = verdict.parts.filter((p) => p.addresses.covers(point) && p.ports.has(port));
            if (parts.length !== 1) throw new Error(`${address}:${port} is in ${parts.length} parts`);
            const engine = parts[0]!.verdict;
            const possible = new Set(worlds.map((w) => oracle(w, index, port, q.protocol)));
            if (engine === 'unknown') undecided++;
            else {
              decided++;
              if (possible.size !== 1 || !possible.has(engine))
                throw new Error(`${address}:${port}/${q.protocol}: engine says ${engine}, oracle allows ${[...possible].join('|')}`);
            }
          }
        }
        // Parts never cover anything outside the query.
        for (const part of verdict.parts) expect(query.addresses.covers(part.addresses) && query.ports.covers(part.ports)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The universe must exercise both definite and unknown answers.
    expect(decided).toBeGreaterThan(undecided);
    expect(undecided).toBeGreaterThan(0);
  });

  it(`finds exactly the DROP rules an earlier ACCEPT shadows (seed ${SEED + 1})`, () => {
    const knownRule = ruleArb.filter((r) => r.action !== '?' && r.cidr !== '?' && r.protocol !== '?');
    fc.assert(
      fc.property(
        fc.array(fc.array(knownRule, { maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        (groups, order) => {
          const { resolver, nic, flat } = build(groups, order);
          const list = concretisations(flat)[0]!;
          const found = findIneffectiveDenies(compileInterface(resolver, nic, 'ingress'));
          const positions = compileInterface(resolver, nic, 'ingress').map((r) => `${r.ref.list}#${r.ref.index}`);
          const expected = new Map<number, Set<number>>();
          const decidesSomething = new Set<number>();
          for (const point of POINTS.keys()) {
            for (const port of PORTS) {
              for (const protocol of ALL_PROTOCOLS) {
                const first = list.findIndex((r) => matches(r, point, port, protocol));
                if (first >= 0) decidesSomething.add(first);
                list.forEach((rule, i) => {
                  if (rule.action !== 'DROP' || i <= first || first < 0 || !matches(rule, point, port, protocol)) return;
                  if (list[first]!.action === 'ACCEPT' && !isCarveOut(list[first]!, rule))
                    expected.set(i, (expected.get(i) ?? new Set()).add(first));
                });
              }
            }
          }
          const actual = new Map(
            found.map((d) => [
              positions.indexOf(`${d.rule.list}#${d.rule.index}`),
              new Set(d.shadowedBy.map((s) => positions.indexOf(`${s.rule.list}#${s.rule.index}`))),
            ]),
          );
          expect(actual).toEqual(expected);
          for (const d of found) expect(d.wholly).toBe(!decidesSomething.has(positions.indexOf(`${d.rule.list}#${d.rule.index}`)));
          // With every value known, nothing is left undecided that is not certain already.
          for (const d of findUndecidedDenies(compileInterface(resolver, nic, 'ingress')))
            expect(actual.has(positions.indexOf(`${d.rule.list}#${d.rule.index}`))).toBe(true);
        },
      ),
      { seed: SEED + 1, numRuns: 3000 },
    );
  });

  it(`leaves no DROP that some value of the unknowns makes shadowed without a finding (seed ${SEED + 2})`, () => {
    fc.assert(
      fc.property(scenarioArb, ({ groups, order }) => {
        const { resolver, nic, flat } = build(groups, order);
        const compiled = compileInterface(resolver, nic, 'ingress');
        const positions = compiled.map((r) => `${r.ref.list}#${r.ref.index}`);
        const reported = new Set(
          [...findIneffectiveDenies(compiled), ...findUndecidedDenies(compiled)].map((d) =>
            positions.indexOf(`${d.rule.list}#${d.rule.index}`),
          ),
        );
        for (const list of concretisations(flat)) {
          for (const point of POINTS.keys())
            for (const port of PORTS)
              for (const protocol of ALL_PROTOCOLS) {
                const first = list.findIndex((r) => matches(r, point, port, protocol));
                if (first < 0 || list[first]!.action !== 'ACCEPT') continue;
                list.forEach((rule, i) => {
                  if (rule.action === 'DROP' && i > first && matches(rule, point, port, protocol) && !isCarveOut(list[first]!, rule))
                    expect(reported).toContain(i);
                });
              }
        }
      }),
      { seed: SEED + 2, numRuns: 60 },
    );
  }, 120_000);

  it(`on groups of no defined priority, agrees with every order of the groups (seed ${SEED + 3})`, () => {
    const permutations = <T>(items: readonly T[]): T[][] =>
      items.length <= 1
        ? [[...items]]
        : items.flatMap((item, k) => permutations(items.filter((_, j) => j !== k)).map((rest) => [item, ...rest]));
    let exact = 0;
    fc.assert(
      fc.property(scenarioArb, ({ groups, order, query: q }) => {
        const built = build(groups, order);
        const nic: NetworkInterface = { ...built.nic, securityGroupsUnordered: true };
        const hasPorts = q.protocol !== 'ICMP';
        const query = queryOf(q);
        const verdict = admitToInterface(built.resolver, nic, query);
        const known = groups.every((rules) => rules.every((r) => r.action !== '?' && r.cidr !== '?' && r.protocol !== '?'));
        const worlds = permutations(groups).flatMap((ordering) => concretisations(ordering.flat()));
        for (const [index, address] of POINTS.entries()) {
          if (!query.addresses.covers(POINT_SETS[index]!)) continue;
          for (const port of hasPorts ? PORTS : [0]) {
            if (!query.ports.has(port)) continue;
            const parts = verdict.parts.filter((p) => p.addresses.covers(POINT_SETS[index]!) && p.ports.has(port));
            if (parts.length !== 1) throw new Error(`${address}:${port} is in ${parts.length} parts`);
            const engine = parts[0]!.verdict;
            const possible = new Set(worlds.map((w) => oracle(w, index, port, q.protocol)));
            if (engine !== 'unknown' && (possible.size !== 1 || !possible.has(engine)))
              throw new Error(`${address}:${port}/${q.protocol}: engine says ${engine}, some order gives ${[...possible].join('|')}`);
            // With every value known, only a real disagreement between orders is unknown.
            if (known && engine === 'unknown' && possible.size === 1)
              throw new Error(`${address}:${port}/${q.protocol}: unknown, though every order gives ${[...possible][0]}`);
            if (known) exact++;
          }
        }
      }),
      { seed: SEED + 3, numRuns: 2000 },
    );
    expect(exact).toBeGreaterThan(0);
  });
});
