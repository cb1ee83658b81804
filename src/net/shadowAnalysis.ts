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
 * For each DROP rule of an ordered list, the traffic it would match that an earlier ACCEPT already
 * decided: such a deny is partly or wholly ineffective. Only certain matches count, so unknown
 * values never produce a claim.
 */
export function findIneffectiveDenies(rules: readonly CompiledRule[]): IneffectiveDeny[] {
  const out: IneffectiveDeny[] = [];
  // A list whose order is not known (it carries an opaque stand-in): none of its rules certainly
  // precedes another of the same list, so none can shadow one of them. Earlier lists still do.
  const unordered = new Set(rules.filter((r) => r.ref.kind === 'opaque').map((r) => r.ref.list));
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
        if (earlier.ref.list === rule.ref.list && unordered.has(rule.ref.list)) continue;
        const match: Box = { addresses: earlier.peer.definite, ports: earlier.ports.definite };
        if (!nonEmpty(match)) continue;
        const overlap = region.map((box) => intersect(box, match)).filter(nonEmpty);
        if (overlap.length > 0 && earlier.action === 'ACCEPT') {
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
