import { isUnknown } from '../../model/value.js';
import { compileAclEntries } from '../../net/aclAdmission.js';
import { AddressSet } from '../../net/addressSet.js';
import type { RuleRef } from '../../net/flow.js';
import { ALL_PORTS } from '../../net/portSet.js';
import { compileInterface, compileSecurityGroup } from '../../net/securityGroupRules.js';
import { findIneffectiveDenies, type IneffectiveDeny } from '../../net/shadowAnalysis.js';
import type { Assertion } from '../policyTypes.js';
import { moveDenyFixPlan } from '../remediation.js';
import type { AssertionKind } from './assertionKind.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';

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

  if (subject.securityGroup !== undefined) {
    const key = subject.securityGroup.key;
    for (const deny of findIneffectiveDenies(compileSecurityGroup(resolver, key, direction))) record(deny);
    for (const nic of resolver.groupMembers(key)) {
      if (isUnknown(nic.securityGroups)) continue;
      // Interfaces with the same group list have the same effective order: analyse it once.
      const denies = cache.ineffectiveDenies(`${direction}:${cache.groupListKey(nic)}`, () =>
        findIneffectiveDenies(compileInterface(resolver, nic, direction)),
      );
      for (const deny of denies) {
        if (deny.rule.list === key) record(deny, nic.instance ?? nic.key);
      }
    }
  } else if (subject.networkAcl !== undefined) {
    const everywhere = { definite: AddressSet.ALL, possible: AddressSet.ALL };
    for (const deny of findIneffectiveDenies(compileAclEntries(subject.networkAcl, direction, everywhere, ALL_PORTS))) record(deny);
  } else return [];

  return [...found.values()].map(({ deny, interfaces, shadowing }) => {
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
}
