import type { NetworkInterface } from '../../model/instance.js';
import { compileAclEntries } from '../../net/aclAdmission.js';
import { AddressSet } from '../../net/addressSet.js';
import type { RuleRef } from '../../net/flow.js';
import { ALL_PORTS } from '../../net/portSet.js';
import { compileInterface, compileSecurityGroup, unorderedGroupsOf } from '../../net/securityGroupRules.js';
import { findIneffectiveDenies, findUndecidedDenies, type IneffectiveDeny, type UndecidedDeny } from '../../net/shadowAnalysis.js';
import type { Assertion } from '../policyTypes.js';
import { moveDenyFixPlan } from '../remediation.js';
import type { AssertionKind } from './assertionKind.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';

/**
 * Who holds an interface's group list: the instance for its primary interface, the ENI itself
 * for a secondary one (its own ordered list, domain §1.1): findings and fixes name that one.
 */
const listOwner = (nic: NetworkInterface): string => (nic.primary ? (nic.instance ?? nic.key) : nic.key);

export const noIneffectiveDeny: AssertionKind<Extract<Assertion, { noIneffectiveDeny: unknown }>> = {
  name: 'noIneffectiveDeny',
  properties: {
    noIneffectiveDeny: { type: 'object', additionalProperties: false, properties: { direction: { enum: ['ingress', 'egress'] } } },
  },
  variables: ['denyRule', 'denyIndex', 'shadowingRule', 'overlap', 'extent'],
  subjects: ['securityGroup', 'networkAcl'],
  evaluate: (assertion, ctx) => checkNoIneffectiveDeny(assertion.noIneffectiveDeny.direction ?? 'ingress', ctx),
};

/**
 * A DROP that an earlier ACCEPT makes ineffective, in the group alone and in the effective order
 * of every interface the group is bound to (groups concatenated in priority order).
 */
function checkNoIneffectiveDeny(direction: 'ingress' | 'egress', ctx: AssertionContext): AssertionFailure[] {
  const { subject, resolver, cache } = ctx;
  const found = new Map<
    number,
    {
      deny: IneffectiveDeny;
      interfaces: Set<string>;
      shadowing: Map<string, { text: string; list: string; index: number; overlap: string; ref: RuleRef }>;
    }
  >();
  const record = (deny: IneffectiveDeny, nicKey?: string) => {
    const entry = found.get(deny.rule.index) ?? { deny, interfaces: new Set<string>(), shadowing: new Map() };
    if (nicKey !== undefined) entry.interfaces.add(nicKey);
    for (const s of deny.shadowedBy)
      entry.shadowing.set(`${s.rule.list}#${s.rule.index}`, {
        text: s.rule.text,
        list: s.rule.list,
        index: s.rule.index,
        overlap: s.overlap,
        ref: s.rule,
      });
    found.set(deny.rule.index, entry);
  };
  // What may be ineffective but cannot be decided, by rule: unknown unless it certainly is.
  const undecided = new Map<number, { deny: UndecidedDeny; interfaces: Set<string> }>();
  const recordUndecided = (deny: UndecidedDeny, nicKey?: string) => {
    const entry = undecided.get(deny.rule.index) ?? { deny, interfaces: new Set<string>() };
    if (nicKey !== undefined) entry.interfaces.add(nicKey);
    undecided.set(deny.rule.index, entry);
  };

  if (subject.securityGroup !== undefined) {
    const key = subject.securityGroup.key;
    const own = compileSecurityGroup(resolver, key, direction);
    for (const deny of findIneffectiveDenies(own)) record(deny);
    for (const deny of findUndecidedDenies(own)) recordUndecided(deny);
    for (const nic of resolver.groupMembers(key)) {
      // Interfaces with the same group list have the same effective order: analyse it once.
      const listKey = `${direction}:${cache.groupListKey(nic)}`;
      const denies = cache.ineffectiveDenies(listKey, () =>
        findIneffectiveDenies(compileInterface(resolver, nic, direction), unorderedGroupsOf(nic)),
      );
      for (const deny of denies) {
        if (deny.rule.list === key) record(deny, listOwner(nic));
      }
      for (const deny of cache.undecidedDenies(listKey, () =>
        findUndecidedDenies(compileInterface(resolver, nic, direction), unorderedGroupsOf(nic)),
      )) {
        if (deny.rule.list === key) recordUndecided(deny, listOwner(nic));
      }
    }
    // An interface whose group list is not known may hold this group behind any other, whose
    // rules nobody can see: each DROP of the group may be shadowed there. One such interface
    // gives the reason; the others are named with it.
    const unplaced = resolver.interfacesOfUnknownGroups();
    const first = unplaced[0];
    if (first !== undefined) {
      for (const deny of findUndecidedDenies([...compileInterface(resolver, first, direction), ...own]))
        for (const nic of unplaced) recordUndecided(deny, listOwner(nic));
    }
  } else if (subject.networkAcl !== undefined) {
    const everywhere = { definite: AddressSet.ALL, possible: AddressSet.ALL };
    const entries = compileAclEntries(subject.networkAcl, direction, everywhere, ALL_PORTS);
    for (const deny of findIneffectiveDenies(entries)) record(deny);
    for (const deny of findUndecidedDenies(entries)) recordUndecided(deny);
  } else return [];

  const unknowns = [...undecided.values()]
    .filter(({ deny }) => !found.has(deny.rule.index))
    .map(({ deny, interfaces }): AssertionFailure => {
      const listKey = subject.resource;
      const shadowing = deny.mayBeShadowedBy.map((r) =>
        r.kind !== undefined ? r.text : r.list === listKey ? `rule ${r.index} (${r.text})` : `${r.list} rule ${r.index} (${r.text})`,
      );
      return {
        status: 'unknown',
        resource: listKey,
        related: [...new Set([...deny.mayBeShadowedBy.map((r) => r.list).filter((l) => l !== listKey), ...interfaces])],
        evidence: [
          {
            verdict: 'unknown',
            list: listKey,
            direction,
            index: deny.rule.index,
            rule: deny.rule.text,
            part: 'may not take effect',
            reason: deny.reason,
            location: deny.rule.provenance?.location ?? null,
          },
        ],
        vars: new Map([
          ['denyRule', deny.rule.text],
          ['denyIndex', String(deny.rule.index)],
          ['shadowingRule', shadowing.join(', ')],
          ['overlap', 'its traffic (not known)'],
          ['extent', 'may never match'],
          ['reason', deny.reason],
        ]),
        location: deny.rule.provenance?.location ?? subject.provenance.location ?? null,
        key: `${direction}:${deny.rule.index}:unknown`,
      };
    });

  const failures = [...found.values()].map(({ deny, interfaces, shadowing }): AssertionFailure => {
    const shadows = [...shadowing.values()];
    const listKey = subject.resource;
    return {
      status: 'fail' as const,
      resource: listKey,
      related: [...new Set([...shadows.map((s) => s.list).filter((l) => l !== listKey), ...interfaces])],
      evidence: [
        {
          verdict: 'deny' as const,
          list: listKey,
          direction,
          index: deny.rule.index,
          rule: deny.rule.text,
          part: deny.wholly ? 'decides nothing' : 'decides only part of what it matches',
          location: deny.rule.provenance?.location ?? null,
        },
        ...shadows.map((s) => {
          const ref = deny.shadowedBy.find((x) => x.rule.list === s.list && x.rule.index === s.index)?.rule;
          return {
            verdict: 'allow' as const,
            list: s.list,
            direction,
            index: s.index,
            rule: s.text,
            part: `already admits ${s.overlap}`,
            location: ref?.provenance?.location ?? null,
          };
        }),
      ],
      vars: new Map([
        ['denyRule', deny.rule.text],
        ['denyIndex', String(deny.rule.index)],
        [
          'shadowingRule',
          shadows.map((s) => (s.list === listKey ? `rule ${s.index} (${s.text})` : `${s.list} rule ${s.index} (${s.text})`)).join(', '),
        ],
        ['overlap', shadows.map((s) => s.overlap).join('; ')],
        ['extent', deny.wholly ? 'never matches' : 'matches only part of its traffic'],
      ]),
      location: deny.rule.provenance?.location ?? subject.provenance.location ?? null,
      fix: () =>
        moveDenyFixPlan(
          resolver,
          deny.rule,
          shadows.map((s) => s.ref),
          listKey,
          [...interfaces],
        ),
      key: `${direction}:${deny.rule.index}`,
    };
  });
  return [...failures, ...unknowns];
}
