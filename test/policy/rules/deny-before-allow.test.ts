import { describe, expect, it } from 'vitest';
import type { NetworkInterface } from '../../../src/model/instance.js';
import type { Inventory } from '../../../src/model/inventory.js';
import type { SecurityGroupRule } from '../../../src/model/securityGroup.js';
import { unknown } from '../../../src/model/value.js';
import { runPolicy } from '../runPolicy.js';
import { rule, scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'deny-before-allow';
const twoGroups = (sgs: string[], unordered = false) =>
  scenario([]).sg('allow', ['ACCEPT 0.0.0.0/0 TCP 8443']).sg('block', ['DROP 45.33.0.0/16 TCP 8443']).instance('web', { sgs, unordered });
/** The CLB's VIP admitted before a DROP of the VPC half it lies in (§3.3: the backend must admit it). */
const CARVE_OUT = ['ACCEPT 10.0.2.5/32 TCP 8080', 'DROP 10.0.0.0/17 TCP 8080'];
const DENY = 'DROP 45.33.0.0/16 TCP 8443';
/** The scenario's group with exactly these rules (for values the text form cannot write). */
function withRules(rules: SecurityGroupRule[]): Inventory {
  const inventory = scenario([]).build();
  const sg = inventory.securityGroups.get('sg')!;
  (inventory.securityGroups as Map<string, typeof sg>).set('sg', {
    ...sg,
    ingress: { rules: rules.map((r, i) => ({ ...r, provenance: rule('ACCEPT 0.0.0.0/0', i).provenance })) },
  });
  return inventory;
}
const unknownPorts = (text: string): SecurityGroupRule => ({
  ...rule(text),
  service: { kind: 'protocol', protocol: 'TCP', ports: unknown('known after apply') },
});
const fromTemplate = (text: string): SecurityGroupRule => ({ ...rule(text), peer: { kind: 'addressTemplate', ref: 'ipm-notinplan' } });
/**
 * `web` with its primary interface in `sg` and a secondary ENI `eni` in these groups: the ENI holds
 * its own ordered list (§1.1 per-NIC).
 */
function withEni(groups: string[]): Inventory {
  const inventory = scenario([]).sg('allow', ['ACCEPT 0.0.0.0/0 TCP 8443']).sg('block', [DENY]).build();
  (inventory.networkInterfaces as Map<string, NetworkInterface>).set('eni', {
    key: 'eni',
    primary: false,
    instance: 'web',
    privateIps: ['10.0.1.9'],
    subnet: 'subnet',
    securityGroups: groups,
    provenance: { address: 'eni', type: 'tencentcloud_eni', location: { file: 'main.tf', line: 90 } },
  });
  return inventory;
}

policyTable(id, {
  passing: [
    {
      name: 'DROP before ACCEPT is how a deny list works',
      inventory: scenario(['DROP 45.33.0.0/16 TCP 8443', 'ACCEPT 0.0.0.0/0 TCP 8443']),
    },
    {
      name: 'an ACCEPT on another port does not shadow the DROP',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 443', 'DROP 45.33.0.0/16 TCP 8443']),
    },
    { name: "two groups, the DROP's first (§1.1 multiple SGs)", inventory: twoGroups(['block', 'allow']) },
    { name: "a secondary ENI's groups, the DROP's first (§1.1 per-NIC)", inventory: withEni(['block', 'allow']) },
    { name: 'an ACCEPT strictly inside the later DROP is a carve-out, not a shadow (§3.3 VIP)', inventory: scenario(CARVE_OUT) },
    {
      name: 'carve-outs before DROPs of both halves of the VPC (§3.3 VIP)',
      inventory: scenario([...CARVE_OUT, 'ACCEPT 10.0.200.0/24 TCP 8080', 'DROP 10.0.128.0/17 TCP 8080']),
    },
    {
      name: 'a carve-out in one group of no defined priority is no shadow of the DROP in another either',
      inventory: scenario([])
        .sg('vip', ['ACCEPT 10.0.2.5/32 TCP 8080'])
        .sg('block', ['DROP 10.0.0.0/17 TCP 8080'])
        .instance('web', { sgs: ['vip', 'block'], unordered: true }),
    },
    { name: 'an unknown source on an ACCEPT after the DROP changes nothing', inventory: scenario([DENY, 'ACCEPT ? TCP 8443']) },
    { name: 'an ACCEPT of unknown source on another port cannot shadow', inventory: scenario(['ACCEPT ? TCP 443', DENY]) },
    {
      name: 'an earlier DROP of unknown source still leaves a later certain shadow the only question',
      inventory: scenario(['DROP ? TCP 8443', 'ACCEPT 10.0.0.0/8 TCP 8443', DENY]),
    },
  ],
  failing: [
    {
      name: 'DROP after ACCEPT of the same traffic never matches (§1.1 first match)',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP 45.33.0.0/16 TCP 8443']),
      findings: ['fail sg main.tf:101'],
    },
    {
      name: 'ACCEPT ALL shadows a later DROP of anything',
      inventory: scenario(['ACCEPT 0.0.0.0/0 ALL', 'DROP 45.33.0.0/16 UDP 53']),
      findings: ['fail sg main.tf:101'],
    },
    {
      name: "two groups, the ACCEPT's first: the DROP of the second never matches (§1.1 multiple SGs)",
      inventory: twoGroups(['allow', 'block']),
      findings: ['fail block main.tf:100'],
    },
    // A Terraform set (`security_groups`, `eni_sg_attachment.security_group_ids`) orders nothing:
    // the ACCEPT group may or may not run first, whatever the array says (§1.1 [S21]).
    {
      name: 'two groups of no defined priority, the ACCEPT listed first: unknown, not a certain shadow',
      inventory: twoGroups(['allow', 'block'], true),
      findings: ['unknown block main.tf:100'],
    },
    {
      name: 'two groups of no defined priority, the DROP listed first: unknown all the same',
      inventory: twoGroups(['block', 'allow'], true),
      findings: ['unknown block main.tf:100'],
    },
    {
      name: 'inside one group of a list of no defined priority, the shadow still holds',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 8443', DENY])
        .sg('other', ['ACCEPT 10.0.0.0/8 TCP 22'])
        .instance('web', { sgs: ['other', 'sg'], unordered: true }),
      findings: ['fail sg main.tf:101'],
    },
    {
      name: 'an ACCEPT inside the DROP range but on more ports is no carve-out: it shadows (§3.3)',
      inventory: scenario(['ACCEPT 10.0.2.5/32 TCP ALL', 'DROP 10.0.0.0/17 TCP 8080']),
      findings: ['fail sg main.tf:101'],
    },
    {
      name: 'an ACCEPT that covers the DROP exactly shadows it',
      inventory: scenario(['ACCEPT 10.0.0.0/17 TCP 8080', 'DROP 10.0.0.0/17 TCP 8080']),
      findings: ['fail sg main.tf:101'],
    },
    // What may be shadowed but cannot be decided is unknown, never a pass.
    {
      name: 'an earlier ACCEPT of unknown source: unknown',
      inventory: scenario(['ACCEPT ? TCP 8443', DENY]),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'an earlier rule of unknown action: unknown',
      inventory: scenario(['? 0.0.0.0/0 TCP 8443', DENY]),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'an earlier ACCEPT of unknown ports: unknown',
      inventory: withRules([unknownPorts('ACCEPT 0.0.0.0/0 TCP'), rule(DENY)]),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'an earlier ACCEPT from an address template not in the plan: unknown',
      inventory: withRules([fromTemplate('ACCEPT 0.0.0.0/0 TCP 8443'), rule(DENY)]),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'a DROP of unknown source after an ACCEPT: unknown',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP ? TCP 8443']),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'a DROP of unknown ports after an ACCEPT: unknown',
      inventory: withRules([rule('ACCEPT 0.0.0.0/0 TCP 8443'), unknownPorts('DROP 45.33.0.0/16 TCP')]),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'a rule of unknown action after an ACCEPT of the same traffic (it may be a DROP): unknown',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 8443', '? 45.33.0.0/16 TCP 8443']),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'a group whose rule order is open: unknown',
      inventory: scenario([]).sg('sg', ['ACCEPT 0.0.0.0/0 TCP 8443', DENY], { unknownReason: 'the order is known only after apply' }),
      findings: ['unknown sg main.tf:101'],
    },
    {
      name: 'two groups, the first not in the check: unknown (§1.1 multiple SGs)',
      inventory: scenario([])
        .sg('block', [DENY])
        .instance('web', { sgs: ['missing', 'block'] }),
      findings: ['unknown block main.tf:100'],
    },
    {
      name: 'two groups, the first with an ACCEPT of unknown source: unknown (§1.1 multiple SGs)',
      inventory: scenario([])
        .sg('allow', ['ACCEPT ? TCP 8443'])
        .sg('block', [DENY])
        .instance('web', { sgs: ['allow', 'block'] }),
      findings: ['unknown block main.tf:100'],
    },
    {
      name: 'an interface whose group list is not known may hold an ACCEPT group before the DROP: unknown (§1.1 multiple SGs)',
      inventory: scenario([])
        .sg('allow', ['ACCEPT 0.0.0.0/0 TCP 8443'])
        .sg('block', [DENY])
        .instance('web', { sgs: ['block'] })
        .instance('api', { sgs: unknown('known after apply') }),
      findings: ['unknown block main.tf:100'],
    },
    {
      name: 'an interface of unknown groups and a DROP already shadowed for sure: the failure stands alone',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 8443', DENY]).instance('api', { sgs: unknown('known after apply') }),
      findings: ['fail sg main.tf:101'],
    },
    {
      name: "a secondary ENI's groups, the ACCEPT's first: the DROP of the second never matches (§1.1 per-NIC)",
      inventory: withEni(['allow', 'block']),
      findings: ['fail block main.tf:100'],
    },
    {
      name: 'a certain shadow stays a failure beside an uncertain one',
      inventory: scenario(['ACCEPT ? TCP 8443', 'ACCEPT 0.0.0.0/0 TCP 8443', DENY]),
      findings: ['fail sg main.tf:102'],
    },
  ],
});

describe(`${id}: what a finding says`, () => {
  it('an unknown says which rule may shadow the DROP and what is not known', () => {
    const [finding] = runPolicy(scenario(['ACCEPT ? TCP 8443', DENY]).build(), id);
    expect(finding?.status).toBe('unknown');
    expect(finding?.message).toContain('whether DROP 45.33.0.0/16 TCP:8443 takes effect is not known');
    expect(finding?.message).toContain('ACCEPT (unknown) TCP:8443 may admit its traffic first (known after apply)');
  });

  it('an interface of unknown groups is named with the reason', () => {
    const inventory = scenario([])
      .sg('block', [DENY])
      .instance('web', { sgs: ['block'] })
      .instance('api', { sgs: unknown('known after apply') });
    const [finding] = runPolicy(inventory.build(), id);
    expect(finding?.status).toBe('unknown');
    expect(finding?.message).toContain('security groups of api/eth0: known after apply');
    expect(finding?.related).toContain('api');
  });

  it('an unknown for groups of no defined priority names them and says to order them', () => {
    const [finding] = runPolicy(twoGroups(['allow', 'block'], true).build(), id);
    expect(finding?.status).toBe('unknown');
    expect(finding?.message).toContain('the priority of block against allow is not defined');
    expect(finding?.message).toContain('orderly_security_groups');
    expect(finding?.related).toEqual(expect.arrayContaining(['allow', 'web']));
  });

  it('names the shadowing rule, and the fix names the resource that holds the ingress blocks', () => {
    const [finding] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP 45.33.0.0/16 TCP 8443']).build(), id);
    expect(finding?.message).toContain('rule 0 (ACCEPT 0.0.0.0/0 TCP:8443)');
    // The rule set, not the group.
    expect(finding?.remediation).toContain(
      'In sg_rules, move the ingress block of rule 1 (DROP 45.33.0.0/16 TCP:8443) at main.tf:101 above the ingress block of rule 0 (ACCEPT 0.0.0.0/0 TCP:8443) at main.tf:100.',
    );
  });

  it("groups in the wrong order on an instance: the fix reorders the instance's list, with cvm ModifyInstancesAttribute", () => {
    const [finding] = runPolicy(twoGroups(['allow', 'block']).build(), id);
    expect(finding?.related).toEqual(['allow', 'web']);
    expect(finding?.fix?.text).toContain(
      'or list block before it in orderly_security_groups of web (main.tf:50) (or the tencentcloud_cvm_security_group_attachment that binds it). With the API, cvm ModifyInstancesAttribute',
    );
    expect(finding?.fix?.resource).toBe('web');
    expect(finding?.fix?.api).toEqual({
      service: 'cvm',
      action: 'ModifyInstancesAttribute',
      request: { InstanceIds: ['<ID of web>'], SecurityGroups: ['<ID of block>', '<ID of allow>'] },
    });
  });

  it('groups in the wrong order on a secondary ENI: finding and fix name the ENI, not its instance, and the vpc API for ENI groups', () => {
    const [finding] = runPolicy(withEni(['allow', 'block']), id);
    expect(finding?.related).toEqual(['allow', 'eni']);
    const fix = finding!.fix!;
    expect(fix.text).toContain(
      "or list block before it in orderly_security_groups of eni (main.tf:90) (or the tencentcloud_eni_sg_attachment that binds it). With the API, vpc ModifyNetworkInterfaceAttribute (SecurityGroupIds) sets an ENI's whole ordered list.",
    );
    expect(fix.text).not.toMatch(/tencentcloud_instance|ModifyInstancesAttribute|\bweb\b/);
    expect(fix.resource).toBe('eni');
    expect(fix.location).toEqual({ file: 'main.tf', line: 90 });
    expect(fix.api).toEqual({
      service: 'vpc',
      action: 'ModifyNetworkInterfaceAttribute',
      request: { NetworkInterfaceId: '<ID of eni>', SecurityGroupIds: ['<ID of block>', '<ID of allow>'] },
    });
  });
});
