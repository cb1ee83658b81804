import { describe, expect, it } from 'vitest';
import type { NetworkInterface } from '../../../src/model/instance.js';
import type { Inventory } from '../../../src/model/inventory.js';
import type { SecurityGroupRule } from '../../../src/model/securityGroup.js';
import { runPolicy } from '../runPolicy.js';
import { rule, scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'admin-port-not-public';

/** The scenario's group with extra rules put in front of / after the world-open SSH rule. */
function withRules(before: SecurityGroupRule[], after: SecurityGroupRule[] = []): Inventory {
  const inventory = scenario(['ACCEPT 0.0.0.0/0 TCP 22']).build();
  const sg = inventory.securityGroups.get('sg')!;
  const rules = [...before, ...sg.ingress.rules, ...after];
  (inventory.securityGroups as Map<string, typeof sg>).set('sg', { ...sg, ingress: { rules } });
  return inventory;
}
function onlyRules(rules: SecurityGroupRule[]): Inventory {
  const inventory = scenario([]).build();
  const sg = inventory.securityGroups.get('sg')!;
  (inventory.securityGroups as Map<string, typeof sg>).set('sg', { ...sg, ingress: { rules } });
  return inventory;
}
/** The scenario with an extra ENI (in the inventory's interfaces) attached to `instance`, in these groups. */
function withEni(instance: string | undefined, groups: string[]): Inventory {
  const inventory = scenario(['ACCEPT 10.0.0.0/8 TCP 22']).sg('open', ['ACCEPT 0.0.0.0/0 TCP 22']).build();
  (inventory.networkInterfaces as Map<string, NetworkInterface>).set('eni', {
    key: 'eni',
    primary: false,
    ...(instance !== undefined ? { instance } : {}),
    privateIps: ['10.0.1.9'],
    subnet: 'subnet',
    securityGroups: groups,
    provenance: { address: 'eni', location: { file: 'main.tf', line: 90 } },
  });
  return inventory;
}
const templateRule = (action: 'ACCEPT' | 'DROP'): SecurityGroupRule => ({
  ...rule(`${action} 0.0.0.0/0 TCP 22`),
  peer: { kind: 'addressTemplate', ref: 'ipm-notinplan' },
});

// What cannot be decided is unknown, never a silent pass (the unknown cases below).
policyTable(id, {
  passing: [
    { name: 'ACCEPT 0.0.0.0/0 on 443 only is not open', inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 443']) },
    { name: '22 from a private range is not public', inventory: scenario(['ACCEPT 10.0.0.0/8 TCP 22']) },
    { name: 'an IPv4 rule never matches IPv6 (§1.2)', inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 80', 'ACCEPT ::/0 TCP 80']) },
    {
      name: 'a DROP before the open rule takes the admin ports out',
      inventory: scenario(['DROP 0.0.0.0/0 TCP 22,3389', 'ACCEPT 0.0.0.0/0 ALL']),
    },
    { name: 'a narrow rule with an unreadable port is not "open to the world"', inventory: scenario(['ACCEPT 10.0.0.0/8 TCP 22-x']) },
    { name: 'an ENI attached to nothing exposes no instance', inventory: withEni(undefined, ['open']) },
    {
      name: 'two halves of the internet, each on another admin port: no port is open to all',
      inventory: scenario(['ACCEPT ::/1 TCP 22', 'ACCEPT 8000::/1 TCP 3389']),
    },
  ],
  failing: [
    { name: '22 from 0.0.0.0/0 is public', inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 22']), findings: ['fail web main.tf:50'] },
    {
      name: '22 from the bare 0.0.0.0 is public (0.0.0.0/32 is one of the 0.0.0.0/n, §1.2)',
      inventory: scenario(['ACCEPT 0.0.0.0 TCP 22']),
      findings: ['fail web main.tf:50'],
    },
    { name: '3389 from ::/0 is public (IPv6)', inventory: scenario(['ACCEPT ::/0 TCP 3389']), findings: ['fail web main.tf:50'] },
    { name: 'ACCEPT ALL from 0.0.0.0/0 opens 22 too', inventory: scenario(['ACCEPT 0.0.0.0/0 ALL']), findings: ['fail web main.tf:50'] },
    {
      name: 'a DROP of 22 alone leaves 3389 open to ACCEPT ALL',
      inventory: scenario(['DROP 0.0.0.0/0 TCP 22', 'ACCEPT 0.0.0.0/0 ALL']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'the same rule written twice: one failure',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 22', 'ACCEPT 0.0.0.0/0 TCP 22']),
      findings: ['fail web main.tf:50'],
    },
    // Rules that together cover the whole internet open it as one ::/0 rule does. (In IPv4 any
    // 0.0.0.0/n is already all of it, §1.2: 0.0.0.0/1 alone covers 0.0.0.0/0.)
    {
      name: '0.0.0.0/1 + 128.0.0.0/1 are public (0.0.0.0/1 alone is 0.0.0.0/0, §1.2)',
      inventory: scenario(['ACCEPT 0.0.0.0/1 TCP 22', 'ACCEPT 128.0.0.0/1 TCP 22']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'two rules that together cover ::/0 (::/1 + 8000::/1) are public (IPv6)',
      inventory: scenario(['ACCEPT ::/1 TCP 3389', 'ACCEPT 8000::/1 TCP 3389']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'halves of the internet behind a DROP of one address: still public, as one open rule would be',
      inventory: scenario(['DROP 2001:db8::1 TCP 22', 'ACCEPT ::/1 TCP 22', 'ACCEPT 8000::/1 TCP 22']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'one half open, the other half by a rule of unknown action: unknown',
      inventory: scenario(['ACCEPT ::/1 TCP 22', '? 8000::/1 TCP 22']),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'one half open, the other from an address template not in the plan: unknown',
      inventory: onlyRules([
        rule('ACCEPT ::/1 TCP 22'),
        { ...rule('ACCEPT ::/0 TCP 22', 1), peer: { kind: 'addressTemplate', ref: 'ipm-notinplan' } },
      ]),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'an unreadable rule after the open rule: still a failure',
      inventory: withRules([], [rule('ACCEPT 0.0.0.0/0 TCP 22-x')]),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'an unreadable rule before the open rule that can only ACCEPT: still a failure',
      inventory: withRules([rule('ACCEPT 0.0.0.0/0 TCP 22-x')]),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'a port the engine cannot read ("22-x") alone: unknown',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 22-x']),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'an out-of-range port ("1-65536") alone: unknown',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 1-65536']),
      findings: ['unknown web main.tf:50'],
    },
    { name: 'a rule of unknown source: unknown', inventory: scenario(['ACCEPT ? TCP 22']), findings: ['unknown web main.tf:50'] },
    {
      name: 'a DROP with an unreadable CIDR (0.0.0.0/33) before the open rule: unknown',
      inventory: scenario(['DROP 0.0.0.0/33 TCP 22', 'ACCEPT 0.0.0.0/0 TCP 22']),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'a DROP from an address template not in the plan before the open rule: unknown',
      inventory: withRules([templateRule('DROP')]),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'an ACCEPT from an address template not in the plan alone: unknown',
      inventory: onlyRules([templateRule('ACCEPT')]),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'rules nobody can see in front of the open rule: unknown',
      inventory: scenario([]).sg('sg', ['ACCEPT 0.0.0.0/0 TCP 22'], { unknownReason: 'the order is known only after apply' }),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'security groups of the instance unknown: unknown',
      inventory: scenario([]).instance('web', { sgs: { unknown: true, reason: 'known after apply' } as never }),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'an ENI of an instance not in the check still exposes that instance (§1.1 every NIC counts)',
      inventory: withEni('ins-elsewhere', ['open']),
      findings: ['fail eni main.tf:90'],
    },
    {
      name: 'a secondary ENI of an instance in the check, open to the world',
      inventory: withEni('web', ['open']),
      findings: ['fail eni main.tf:90'],
    },
  ],
});

describe(`${id}: what a finding says`, () => {
  it('says why it could not decide', () => {
    const [finding] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 22-x']).build(), id);
    expect(finding!.message).toContain('ACCEPT 0.0.0.0/0 TCP:22-x');
    expect(finding!.evidence[0]).toMatchObject({ verdict: 'unknown' });
  });

  it('the fix names the rule set that holds the rule, its line, and no admin-specific advice of its own', () => {
    const [finding] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 22']).build(), id);
    expect(finding!.fix?.text).toBe(
      'Narrow the source of, or remove, the ingress block ACCEPT 0.0.0.0/0 TCP:22 in sg_rules (main.tf:100).',
    );
    expect(finding!.fix?.text).not.toContain('adminCidrs');
    // The admin-network advice comes from the policy's own remediation.
    expect(finding!.advice).toContain('params.adminCidrs');
  });

  it('an ENI of an instance not in the check names the instance', () => {
    const [finding] = runPolicy(withEni('ins-elsewhere', ['open']), id);
    expect(finding?.message).toBe('ins-elsewhere admits 0.0.0.0/0 TCP:22 by ACCEPT 0.0.0.0/0 TCP:22.');
    expect(finding?.related).toContain('ins-elsewhere');
  });

  it('a secondary ENI without groups admits all, and says so (not "default deny")', () => {
    const [finding] = runPolicy(withEni('web', []), id);
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toContain('by no security group is bound to eni: it admits all traffic');
  });

  it('the fix for a secondary ENI without groups binds a group to that ENI: there is no rule to narrow (§1.1 [S32])', () => {
    const fix = runPolicy(withEni('web', []), id)[0]!.fix!;
    expect(fix.text).toBe(
      "Bind a security group that admits only what it serves to eni (main.tf:90): with none bound, an ENI admits all traffic. List it in the ENI's orderly_security_groups, or bind it with a tencentcloud_eni_sg_attachment:",
    );
    expect(fix.resource).toBe('eni');
    expect(fix.location).toEqual({ file: 'main.tf', line: 90 });
    expect(fix.hcl).toBe(
      [
        'resource "tencentcloud_eni_sg_attachment" "eni" {',
        '  network_interface_ids = ["<ID of eni>"]',
        '  security_group_ids    = ["<security group ID>"]',
        '}',
      ].join('\n'),
    );
    expect(fix.api).toEqual({
      service: 'vpc',
      action: 'AssociateNetworkInterfaceSecurityGroups',
      request: { NetworkInterfaceIds: ['<ID of eni>'], SecurityGroupIds: ['<security group ID>'] },
    });
    expect(fix.rules).toBe(0);
    expect(JSON.stringify(fix)).not.toMatch(/Narrow|DeleteSecurityGroupPolicies|PolicyIndex/);
  });
});
