import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/model/inventory.js';
import { isUnknown } from '../../../src/model/value.js';
import { readPlanInventory } from '../../../src/sources/plan/index.js';
import { aclText, groupsOfInstance, lbOf, listener, maybe, REPO_ROOT, rule, rulesOf, targetText } from './inventoryText.js';

/**
 * Real plans of configurations from the provider's repository and the module registry. They are
 * not copied into this project; these tests run where the shared fixtures are checked out.
 */
const SHARED = join(REPO_ROOT, '../shared/fixtures/plans');
const present = existsSync(SHARED);
if (!present) console.log('skipped: ../shared/fixtures/plans not found');

function readShared(name: string, tfDir = 'config'): Promise<Inventory> {
  return readPlanInventory({ planFile: join(SHARED, name, 'plan.json'), tfRoot: join(SHARED, name, tfDir), repoRoot: join(SHARED, name) });
}

describe.skipIf(!present)('the shared plans from the provider repository', () => {
  it('p01: links static targets blocks onto the TCP listener and, by rule_id, onto the HTTPS rule', async () => {
    const inventory = await readShared('p01-provider-example-clb');
    expect(inventory.warnings).toEqual([]);
    const tcp = listener(inventory, 'tencentcloud_clb_instance.example', 'tencentcloud_clb_listener.listener_tcp');
    expect(tcp.targets.map(targetText)).toEqual(['tencentcloud_instance.foo:22']);
    expect([tcp.healthCheck.port, tcp.healthCheck.type]).toEqual([200, 'HTTP']);
    const https = listener(inventory, 'tencentcloud_clb_instance.example', 'tencentcloud_clb_listener.listener_https');
    expect(https.targets).toEqual([]);
    expect(rule(https, 'tencentcloud_clb_listener_rule.rule_https').targets.map(targetText)).toEqual([
      'tencentcloud_instance.foo:443 (rule)',
    ]);
    expect(maybe(lbOf(inventory, 'tencentcloud_clb_instance.example').securityGroups)).toBe('tencentcloud_security_group.foo');
  });

  it('p01: an instance with no security group written is unknown (the cloud binds its default), not "no groups"', async () => {
    const inventory = await readShared('p01-provider-example-clb');
    const nic = inventory.instances.get('tencentcloud_instance.foo')!.interfaces[0]!;
    expect(nic.securityGroups).toMatchObject({ unknown: true, reason: expect.stringContaining('default group') });
    expect(nic.subnet).toBe('tencentcloud_subnet.foo');
  });

  it('p03: keeps the order of ingress and egress blocks, with source groups and address templates', async () => {
    const inventory = await readShared('p03-sg-rule-set');
    const base = inventory.securityGroups.get('tencentcloud_security_group.base');
    expect(rulesOf(base)).toEqual([
      'ACCEPT 10.0.0.0/22 TCP:80-90',
      'ACCEPT 10.0.2.1 UDP:8080',
      'ACCEPT 10.0.2.1 UDP:8080',
      'ACCEPT 172.18.1.2 ALL:ALL',
      'DROP sg:tencentcloud_security_group.relative TCP:80',
    ]);
    expect(rulesOf(base, 'egress')).toEqual([
      'DROP 10.0.0.0/16 ICMP:ALL',
      'DROP ipm:tencentcloud_address_template.foo ALL:ALL',
      'DROP ipmg:tencentcloud_address_template_group.foo ALL:ALL',
    ]);
    expect(base!.egress.rules[2]!.provenance).toMatchObject({
      path: 'egress[2]',
      location: { file: 'config/main.tf', line: 77, endLine: 81 },
    });
  });

  it('p04: pass-to-target with the CLB group; a group created without rules has none', async () => {
    const inventory = await readShared('p04-clb-open-pass-to-target');
    const lb = lbOf(inventory, 'tencentcloud_clb_instance.example');
    expect([lb.network, lb.passToTarget, maybe(lb.securityGroups)]).toEqual(['OPEN', true, 'tencentcloud_security_group.example']);
    expect(inventory.securityGroups.get('tencentcloud_security_group.example')!.ingress).toEqual({ rules: [] });
  });

  it('p09: a rule bound to a target group with no members has no targets', async () => {
    const inventory = await readShared('p09-clb-target-group-attachment');
    const http = listener(inventory, 'tencentcloud_clb_instance.example', 'tencentcloud_clb_listener.example');
    expect(rule(http, 'tencentcloud_clb_listener_rule.example').targets).toEqual([]);
    expect(lbOf(inventory, 'tencentcloud_clb_instance.example').subnet).toBe('tencentcloud_subnet.subnet');
  });

  it('p12: binds the string ACL to the subnet, each entry on its own line', async () => {
    const inventory = await readShared('p12-vpc-acl-attachment');
    expect(inventory.subnets.get('tencentcloud_subnet.subnet')!.networkAcl).toBe('tencentcloud_vpc_acl.example');
    const acl = inventory.networkAcls.get('tencentcloud_vpc_acl.example')!;
    expect(acl.ingress.entries.map(aclText)).toEqual(['ACCEPT 192.168.1.0/24 TCP 800', 'ACCEPT 192.168.1.0/24 TCP 800-900']);
    expect(acl.egress.entries[1]!.provenance.location).toEqual({ file: 'config/main.tf', line: 23 });
  });

  it('p17: follows module outputs and the locals in the module sources to link the listener to its CLB', async () => {
    const inventory = await readShared(
      'p17-modules-clb-layer4',
      'config/terraform-tencentcloud-clb-layer4-listener/examples/simple-clb-layer4-listener',
    );
    expect(inventory.warnings).toEqual([]);
    const lb = lbOf(inventory, 'module.clb-instance.tencentcloud_clb_instance.this');
    expect([lb.network, lb.vpc, lb.subnet, maybe(lb.securityGroups), lb.ipVersion, lb.passToTarget]).toEqual([
      'INTERNAL',
      'vpc-h70b6b49',
      'subnet-1uwh63so',
      '',
      'IPV4',
      false,
    ]);
    const l4 = listener(inventory, lb.key, 'module.clb-layer4-listener.tencentcloud_clb_listener.this[0]');
    expect(l4.targets.map(targetText)).toEqual(['ins-hkdom3go:8899', 'ins-m16vpbkc:8900']);
    expect(l4.provenance.location).toEqual({ file: 'config/terraform-tencentcloud-clb-layer4-listener/main.tf', line: 6, endLine: 20 });
    expect(isUnknown(l4.healthCheck.sourceIpType)).toBe(true);
  });

  it('p17: without the module sources the listener cannot be linked, and says so', async () => {
    const inventory = await readShared('p17-modules-clb-layer4', 'nonexistent');
    expect(inventory.loadBalancers.get('module.clb-instance.tencentcloud_clb_instance.this')!.listeners).toEqual([]);
    expect(inventory.warnings.map((w) => w.message).join('\n')).toMatch(/local\.clb_id/);
  });

  it('every shared plan loads without losing a CLB, instance or group', async () => {
    const counts: Record<string, number[]> = {};
    for (const name of [
      'p01-provider-example-clb',
      'p03-sg-rule-set',
      'p04-clb-open-pass-to-target',
      'p09-clb-target-group-attachment',
      'p12-vpc-acl-attachment',
    ]) {
      const inventory = await readShared(name);
      counts[name] = [inventory.loadBalancers.size, inventory.instances.size, inventory.securityGroups.size, inventory.networkAcls.size];
    }
    expect(counts).toEqual({
      'p01-provider-example-clb': [2, 2, 1, 0],
      'p03-sg-rule-set': [0, 0, 2, 0],
      'p04-clb-open-pass-to-target': [1, 0, 1, 0],
      'p09-clb-target-group-attachment': [1, 0, 0, 0],
      'p12-vpc-acl-attachment': [0, 0, 0, 1],
    });
    expect(groupsOfInstance(await readShared('p01-provider-example-clb'), 'tencentcloud_instance.my_awesome_app')).toBe('?');
  });
});
