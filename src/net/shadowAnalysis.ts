import type { Ref } from '../model/network.js';
import type { AddressSet } from './addressSet.js';
import type { CompiledRule } from './compiledRule.js';
import type { RuleRef } from './flow.js';
import { describePorts, type PortSet } from './portSet.js';
import { PROTOCOLS, type Protocol } from './protocol.js';

export interface Shadowing {
  /** The earlier ACCEPT that already decides the traffic. */
  readonly rule: RuleRef;
  /** What of the DROP's match it takes: "TCP 0.0.0.0/0 → 8443" style text. */
  readonly overlap: string;
}

export interface IneffectiveDeny {
  readonly rule: RuleRef;
  readonly shadowedBy: readonly Shadowing[];
  /** True when the DROP decides nothing at all. */
  readonly wholly: boolean;
}

interface Box {
  readonly addresses: AddressSet;
  readonly ports: PortSet;
}

/**
 * Security groups whose priority against each other is not defined (a Terraform set): a rule of
 * one never certainly runs before a rule of another, and each may run first.
 */
export interface UnorderedGroups {
  readonly groups: ReadonlySet<Ref>;
}

type Precedence = 'yes' | 'maybe' | 'no';

/** Does rule `j` of the list run before rule `i`: for sure, perhaps (the order is open), or not? */
type Precedes = (j: number, i: number) => Precedence;

function precedenceOf(rules: readonly CompiledRule[], unordered: UnorderedGroups | undefined): Precedes {
  // A list whose order is not known (it carries an opaque stand-in): none of its rules certainly
  // precedes another of the same list. Earlier lists still do.
  const opaque = new Set(rules.filter((r) => r.ref.kind === 'opaque').map((r) => r.ref.list));
  return (j, i) => {
    const list = rules[i]!.ref.list;
    const other = rules[j]!.ref.list;
    if (other !== list && unordered !== undefined && unordered.groups.has(list) && unordered.groups.has(other)) return 'maybe';
    if (j >= i) return 'no';
    return other === list && opaque.has(list) ? 'maybe' : 'yes';
  };
}

/**
 * An ACCEPT whose whole match lies strictly inside a later DROP's is a carve-out — "drop this
 * range except that", the only way to write it in a first-match list (the CLB's VIP inside a
 * dropped VPC range) — not a shadow: moving the DROP above it would refuse what it admits on
 * purpose. An ACCEPT that covers the DROP, or reaches outside it, still shadows.
 */
function isCarveOut(accept: CompiledRule, drop: CompiledRule): boolean {
  if (accept.action !== 'ACCEPT' || accept.local !== 'yes' || drop.local !== 'yes') return false;
  const within =
    [...accept.protocols.possible].every((p) => drop.protocols.definite.has(p)) &&
    drop.peer.definite.covers(accept.peer.possible) &&
    drop.ports.definite.covers(accept.ports.possible);
  const coversDrop =
    [...drop.protocols.definite].every((p) => accept.protocols.definite.has(p)) &&
    accept.peer.definite.covers(drop.peer.definite) &&
    accept.ports.definite.covers(drop.ports.definite);
  return within && !coversDrop;
}

/**
 * For each DROP rule of an ordered list, the traffic it would match that an earlier ACCEPT already
 * decided: such a deny is partly or wholly ineffective. Only certain matches count, so unknown
 * values never produce a claim; nor do rules of groups whose priority is open (`unordered`), nor
 * carve-outs (`isCarveOut`).
 */
export function findIneffectiveDenies(rules: readonly CompiledRule[], unordered?: UnorderedGroups): IneffectiveDeny[] {
  const out: IneffectiveDeny[] = [];
  const precedes = precedenceOf(rules, unordered);
  rules.forEach((rule, i) => {
    if (rule.action !== 'DROP' || rule.local !== 'yes') return;
    const shadows = new Map<number, { rule: RuleRef; parts: string[] }>();
    let remainsSomewhere = false;
    let matchesSomething = false;
    for (const protocol of PROTOCOLS) {
      if (!rule.protocols.definite.has(protocol)) continue;
      let region: Box[] = [{ addresses: rule.peer.definite, ports: rule.ports.definite }].filter(nonEmpty);
      if (region.length === 0) continue;
      matchesSomething = true;
      for (let j = 0; j < i && region.length > 0; j++) {
        const earlier = rules[j]!;
        if (earlier.local !== 'yes' || !earlier.protocols.definite.has(protocol)) continue;
        if (precedes(j, i) !== 'yes') continue;
        const match: Box = { addresses: earlier.peer.definite, ports: earlier.ports.definite };
        if (!nonEmpty(match)) continue;
        const overlap = region.map((box) => intersect(box, match)).filter(nonEmpty);
        if (overlap.length > 0 && earlier.action === 'ACCEPT' && !isCarveOut(earlier, rule)) {
          const entry = shadows.get(j) ?? { rule: earlier.ref, parts: [] };
          entry.parts.push(...overlap.map((box) => describeBox(protocol, box)));
          shadows.set(j, entry);
        }
        region = region.flatMap((box) => subtract(box, match));
      }
      if (region.length > 0) remainsSomewhere = true;
    }
    if (shadows.size > 0 && matchesSomething) {
      out.push({
        rule: rule.ref,
        shadowedBy: [...shadows.values()].map((s) => ({ rule: s.rule, overlap: s.parts.join('; ') })),
        wholly: !remainsSomewhere,
      });
    }
  });
  return out;
}

export interface UndecidedDeny {
  /** A DROP, or a rule whose action is not known. */
  readonly rule: RuleRef;
  /** Earlier rules that may admit part of what it may match, first. */
  readonly mayBeShadowedBy: readonly RuleRef[];
  /** What is not known, as a finding says it. */
  readonly reason: string;
}

/**
 * The DROP rules (and rules of unknown action) that an earlier rule may shadow, though not for
 * certain: a source, port, protocol or action known only after apply, a template or group not
 * in the check, or rules nobody can see (an opaque stand-in, which may be an ACCEPT of
 * anything) in front. `findIneffectiveDenies` claims only what is certain; what it cannot
 * claim but may hold is undecided, never a pass. With every value known this finds nothing
 * that `findIneffectiveDenies` does not.
 */
export function findUndecidedDenies(rules: readonly CompiledRule[], unordered?: UnorderedGroups): UndecidedDeny[] {
  const out: UndecidedDeny[] = [];
  const precedes = precedenceOf(rules, unordered);
  rules.forEach((rule, i) => {
    if (rule.action === 'ACCEPT' || rule.local === 'no' || rule.ref.kind !== undefined) return;
    const may = new Map<string, CompiledRule>();
    // Groups of open priority whose rules may run first and admit its traffic.
    const openOrder = new Set<Ref>();
    for (const protocol of PROTOCOLS) {
      if (!rule.protocols.possible.has(protocol)) continue;
      let region: Box[] = [{ addresses: rule.peer.possible, ports: rule.ports.possible }].filter(nonEmpty);
      // Rules of a group of open priority may run first from anywhere in the list.
      const end = unordered === undefined ? i : rules.length;
      for (let j = 0; j < end && region.length > 0; j++) {
        const earlier = rules[j]!;
        const placed = precedes(j, i);
        if (placed === 'no' || earlier.local === 'no' || !earlier.protocols.possible.has(protocol)) continue;
        const possible: Box = { addresses: earlier.peer.possible, ports: earlier.ports.possible };
        if (earlier.action !== 'DROP' && !isCarveOut(earlier, rule) && region.some((box) => nonEmpty(intersect(box, possible)))) {
          may.set(`${earlier.ref.list}#${earlier.ref.index}`, earlier);
          if (earlier.ref.list !== rule.ref.list && unordered?.groups.has(earlier.ref.list) === true) openOrder.add(earlier.ref.list);
        }
        // What an earlier rule of known action and place certainly decides never reaches this one.
        if (earlier.action !== undefined && earlier.local === 'yes' && earlier.protocols.definite.has(protocol) && placed === 'yes') {
          const match: Box = { addresses: earlier.peer.definite, ports: earlier.ports.definite };
          if (nonEmpty(match)) region = region.flatMap((box) => subtract(box, match));
        }
      }
    }
    if (may.size === 0) return;
    const earlier = [...may.values()];
    const unknowns = [rule, ...earlier]
      .map((r) => r.unknownReason)
      .filter((r, k, all): r is string => r !== undefined && all.indexOf(r) === k);
    if (openOrder.size > 0) {
      unknowns.push(
        `the priority of ${rule.ref.list} against ${[...openOrder].join(', ')} is not defined (an unordered set); list them in orderly_security_groups`,
      );
    }
    const subject =
      rule.action === undefined ? `whether ${rule.ref.text} is a DROP that takes effect` : `whether ${rule.ref.text} takes effect`;
    out.push({
      rule: rule.ref,
      mayBeShadowedBy: earlier.map((r) => r.ref),
      reason: `${subject} is not known: ${earlier.map((r) => r.ref.text).join(', ')} may admit its traffic first (${unknowns.length > 0 ? unknowns.join('; ') : 'the addresses they match are not all known'})`,
    });
  });
  return out;
}

function nonEmpty(box: Box): boolean {
  return !box.addresses.isEmpty() && !box.ports.isEmpty();
}

function intersect(a: Box, b: Box): Box {
  return { addresses: a.addresses.intersect(b.addresses), ports: a.ports.intersect(b.ports) };
}

function subtract(box: Box, cut: Box): Box[] {
  const inside = box.addresses.intersect(cut.addresses);
  if (inside.isEmpty() || !box.ports.overlaps(cut.ports)) return [box];
  return [
    { addresses: box.addresses.subtract(cut.addresses), ports: box.ports },
    { addresses: inside, ports: box.ports.subtract(cut.ports) },
  ].filter(nonEmpty);
}

function describeBox(protocol: Protocol, box: Box): string {
  const ports = protocol === 'TCP' || protocol === 'UDP' ? `:${describePorts(box.ports)}` : '';
  return `${box.addresses.describe()} ${protocol}${ports}`;
}
