import { beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/model/inventory.js';
import { isUnknown } from '../../../src/model/value.js';
import { aclText, groupsOfInstance, lbOf, listener, maybe, readFixture, rule, rulesOf, targetText } from './inventoryText.js';

describe('the demo plan (a create plan: every ID is known only after apply)', () => {
  let inventory: Inventory;
  beforeAll(async () => {
    inventory = await readFixture('demo', '.');
  });

  it('reads without warnings and links every instance to its ordered security groups', () => {
    expect(inventory.warnings).toEqual([]);
    expect(inventory.mode).toBe('plan');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web[0]')).toBe('tencentcloud_security_group.web');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web[1]')).toBe('tencentcloud_security_group.web');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.api')).toBe('tencentcloud_security_group.api');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.admin')).toBe('tencentcloud_security_group.admin');
  });

  it('gives each static targets block its own instance, by count index', () => {
    const https = listener(inventory, 'tencentcloud_clb_instance.web', 'tencentcloud_clb_listener.https');
    expect(https.targets.map(targetText).sort()).toEqual(['tencentcloud_instance.web[0]:8443', 'tencentcloud_instance.web[1]:8443']);
    expect(listener(inventory, 'tencentcloud_clb_instance.api', 'tencentcloud_clb_listener.api').targets.map(targetText)).toEqual([
      'tencentcloud_instance.api:9000',
    ]);
  });

  it('keeps the rule-set order, with the late DROP after the broad ACCEPT', () => {
    expect(rulesOf(inventory.securityGroups.get('tencentcloud_security_group.web'))).toEqual([
      'ACCEPT 0.0.0.0/0 TCP:8443',
      'DROP 45.33.0.0/16 TCP:8443',
      'ACCEPT 0.0.0.0/0 TCP:22',
    ]);
  });

  it('reads the CLBs: network, pass-to-target, their own groups, subnet and unknown VIP', () => {
    const admin = lbOf(inventory, 'tencentcloud_clb_instance.admin');
    expect([admin.network, admin.passToTarget, maybe(admin.securityGroups)]).toEqual([
      'OPEN',
      true,
      'tencentcloud_security_group.admin_clb',
    ]);
    const api = lbOf(inventory, 'tencentcloud_clb_instance.api');
    expect([api.network, api.subnet, api.vpc, api.passToTarget, maybe(api.securityGroups)]).toEqual([
      'INTERNAL',
      'tencentcloud_subnet.lb',
      'tencentcloud_vpc.shop',
      false,
      '',
    ]);
    expect(isUnknown(api.vips)).toBe(true);
    expect(api.snat).toBe(false);
  });

  it('reads the health check of each listener: port, source type and switch', () => {
    const https = listener(inventory, 'tencentcloud_clb_instance.web', 'tencentcloud_clb_listener.https');
    expect([https.protocol, https.port, https.healthCheck.enabled, https.healthCheck.port, https.healthCheck.sourceIpType]).toEqual([
      'TCP',
      443,
      true,
      8444,
      0,
    ]);
    expect(listener(inventory, 'tencentcloud_clb_instance.admin', 'tencentcloud_clb_listener.admin').healthCheck.sourceIpType).toBe(1);
  });

  it('binds the web ACL to the web subnet only, with its string entries in order', () => {
    expect(inventory.subnets.get('tencentcloud_subnet.web')?.networkAcl).toBe('tencentcloud_vpc_acl.web');
    expect(inventory.subnets.get('tencentcloud_subnet.api')?.networkAcl).toBeNull();
    const acl = inventory.networkAcls.get('tencentcloud_vpc_acl.web')!;
    expect(acl.ingress.entries.map(aclText)).toEqual(['ACCEPT 0.0.0.0/0 TCP 8443', 'ACCEPT 0.0.0.0/0 TCP 8444']);
    expect(acl.egress.entries.map(aclText)).toEqual(['ACCEPT 172.16.0.0/16 ALL ALL']);
  });

  it('places resources, rule blocks and ACL strings on their own lines of main.tf', () => {
    const web = inventory.instances.get('tencentcloud_instance.web[1]')!;
    expect(web.provenance.location).toEqual({ file: 'test/fixtures/plans/demo/main.tf', line: 91, endLine: 101 });
    const drop = inventory.securityGroups.get('tencentcloud_security_group.web')!.ingress.rules[1]!;
    expect(drop.provenance).toMatchObject({
      address: 'tencentcloud_security_group_rule_set.web',
      path: 'ingress[1]',
      location: { line: 75, endLine: 81 },
    });
    const entry = inventory.networkAcls.get('tencentcloud_vpc_acl.web')!.ingress.entries[1]!;
    expect(entry.provenance.location).toEqual({ file: 'test/fixtures/plans/demo/main.tf', line: 48 });
  });
});

describe('p20: count, for_each, module for_each, dynamic blocks and every rule resource', () => {
  let inventory: Inventory;
  beforeAll(async () => {
    inventory = await readFixture('p20-scenario-clb-backends');
  });

  it('orders count instances by orderly_security_groups, every reference counted', () => {
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web[0]')).toBe(
      'tencentcloud_security_group.backend,tencentcloud_security_group.backend_hc',
    );
    expect(maybe(inventory.instances.get('tencentcloud_instance.web[1]')!.interfaces[0]!.privateIps)).toBe('10.20.1.11');
  });

  it('appends the CVM security-group attachment (for_each over instances) after the deprecated set', () => {
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.api["a"]')).toBe(
      'tencentcloud_security_group.ops,tencentcloud_security_group.backend',
    );
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.api["b"]')).toBe(
      'tencentcloud_security_group.ops,tencentcloud_security_group.backend',
    );
  });

  it('links targets from a dynamic block (for_each over the counted instances) through its .tf source', () => {
    const tcp = listener(inventory, 'tencentcloud_clb_instance.web', 'tencentcloud_clb_listener.tcp');
    expect(tcp.targets.map(targetText)).toEqual(['tencentcloud_instance.web[0]:8080', 'tencentcloud_instance.web[1]:8080']);
    expect(tcp.targets[0]!.provenance.location).toMatchObject({
      file: 'test/fixtures/plans/p20-scenario-clb-backends/config/main.tf',
      line: 251,
    });
    expect(tcp.healthCheck.port).toBe(8081);
  });

  it('hangs target-group members on the L7 rule the group is bound to', () => {
    const http = listener(inventory, 'tencentcloud_clb_instance.web', 'tencentcloud_clb_listener.http');
    const api = rule(http, 'tencentcloud_clb_listener_rule.api');
    expect(api.targets.map(targetText)).toEqual([
      '10.20.1.20:9000 (tg tencentcloud_clb_target_group.api)',
      '10.20.1.21:9000 (tg tencentcloud_clb_target_group.api)',
    ]);
    expect([api.domain, api.url, api.healthCheck.port, api.healthCheck.enabled]).toEqual(['api.example.com', '/', 9090, true]);
    expect(http.targets).toEqual([]);
  });

  it('resolves module variables to the root VPC and subnet, per module instance', () => {
    for (const key of ['blue', 'green']) {
      const lb = lbOf(inventory, `module.internal["${key}"].tencentcloud_clb_instance.this`);
      expect([lb.network, lb.vpc, lb.subnet, maybe(lb.securityGroups)]).toEqual([
        'INTERNAL',
        'tencentcloud_vpc.main',
        'tencentcloud_subnet.app',
        `module.internal["${key}"].tencentcloud_security_group.this`,
      ]);
      const redis = listener(inventory, lb.key, `module.internal["${key}"].tencentcloud_clb_listener.redis`);
      expect(redis.targets.map(targetText)).toEqual(['10.20.1.10:6379', '10.20.1.11:6379']);
    }
  });

  it('reads the ACCEPT-before-DROP rule set with ALL for an omitted protocol and port', () => {
    expect(rulesOf(inventory.securityGroups.get('tencentcloud_security_group.backend'))).toEqual([
      'ACCEPT 0.0.0.0/0 ALL:ALL',
      'DROP 0.0.0.0/0 TCP:22',
      'ACCEPT sg:tencentcloud_security_group.clb TCP:8080',
      'ACCEPT ipmg:tencentcloud_address_template_group.office TCP:22',
      'ACCEPT 10.20.0.0/16 ALL:ALL',
    ]);
  });

  it('rebuilds the lite rule list that interpolates the CLB VIP from main.tf, VIP kept symbolic', () => {
    const hc = inventory.securityGroups.get('tencentcloud_security_group.backend_hc')!;
    expect(rulesOf(hc)).toEqual([
      'ACCEPT vip:tencentcloud_clb_instance.web TCP:8081',
      'ACCEPT 100.64.0.0/10 TCP:8081',
      'DROP 0.0.0.0/0 ALL:ALL',
    ]);
    expect(rulesOf(hc, 'egress')).toEqual(['ACCEPT 0.0.0.0/0 ALL:ALL']);
    expect(hc.ingress.rules[0]!.provenance).toMatchObject({ path: 'ingress[0]', location: { line: 156 } });
  });

  it('orders single rules: without policy_index on top, then by index', () => {
    const ops = inventory.securityGroups.get('tencentcloud_security_group.ops')!;
    expect(rulesOf(ops)).toEqual(['ACCEPT 10.0.0.0/8 TCP:22', 'DROP 0.0.0.0/0 ALL:ALL']);
    expect(ops.ingress.unknownReason).toBeUndefined();
  });

  it('adds CLB groups from the module attachment and links templates', () => {
    expect(maybe(lbOf(inventory, 'tencentcloud_clb_instance.web').securityGroups)).toBe('tencentcloud_security_group.clb');
    expect(maybe(inventory.addressTemplateGroups.get('tencentcloud_address_template_group.office')!.members)).toBe(
      'tencentcloud_address_template.office',
    );
    expect(maybe(inventory.addressTemplates.get('tencentcloud_address_template.office')!.addresses)).toBe('198.51.100.10,203.0.113.0/24');
  });

  it('locates module resources in the module directory', () => {
    const lb = lbOf(inventory, 'module.internal["green"].tencentcloud_clb_instance.this');
    expect(lb.provenance.location).toEqual({
      file: 'test/fixtures/plans/p20-scenario-clb-backends/config/modules/internal-clb/main.tf',
      line: 40,
      endLine: 45,
    });
    expect(inventory.subnets.get('tencentcloud_subnet.app')!.networkAcl).toBe('tencentcloud_vpc_acl.app');
  });
});

describe('p21: an update against prior state, with replaces and deletes', () => {
  let inventory: Inventory;
  beforeAll(async () => {
    inventory = await readFixture('p21-scenario-update');
  });

  it('ignores what the plan deletes: a count instance and a removed module instance', () => {
    expect([...inventory.instances.keys()]).toEqual([
      'tencentcloud_instance.api["a"]',
      'tencentcloud_instance.api["b"]',
      'tencentcloud_instance.web[0]',
    ]);
    expect([...inventory.loadBalancers.keys()]).toEqual([
      'tencentcloud_clb_instance.web',
      'module.internal["blue"].tencentcloud_clb_instance.this',
    ]);
    expect(inventory.securityGroups.has('module.internal["green"].tencentcloud_security_group.this')).toBe(false);
  });

  it('maps known cloud IDs to addresses, so literal IDs link', () => {
    expect(inventory.aliases.get('sg-e5d5aaac')).toBe('tencentcloud_security_group.backend');
    expect(inventory.aliases.get('lbl-897fa3a9')).toBe('tencentcloud_clb_listener.http');
    // The replaced listener's old ID goes away with it.
    expect(inventory.aliases.has('lbl-804965e3')).toBe(false);
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web[0]')).toBe(
      'tencentcloud_security_group.backend,tencentcloud_security_group.backend_hc',
    );
    expect(inventory.instances.get('tencentcloud_instance.web[0]')!.provenance.cloudId).toBe('ins-5d00042e');
  });

  it('reads the replaced listener and attachment from their new values, linked through the configuration', () => {
    const tcp = listener(inventory, 'tencentcloud_clb_instance.web', 'tencentcloud_clb_listener.tcp');
    expect([tcp.port, tcp.healthCheck.port]).toEqual([8443, 9091]);
    expect(tcp.targets.map(targetText)).toEqual(['tencentcloud_instance.web[0]:8080']);
  });

  it('reads updated values: the reordered rule set, the prepended ACL entry, the flipped pass-to-target, the known VIP', () => {
    expect(rulesOf(inventory.securityGroups.get('tencentcloud_security_group.backend')).slice(0, 2)).toEqual([
      'DROP 0.0.0.0/0 TCP:22',
      'ACCEPT 0.0.0.0/0 ALL:ALL',
    ]);
    expect(aclText(inventory.networkAcls.get('tencentcloud_vpc_acl.app')!.ingress.entries[0]!)).toBe('DROP 198.51.100.0/24 ALL ALL');
    const web = lbOf(inventory, 'tencentcloud_clb_instance.web');
    expect([web.passToTarget, maybe(web.vips)]).toEqual([true, '203.0.113.237']);
    expect(rulesOf(inventory.securityGroups.get('tencentcloud_security_group.backend_hc'))[0]).toBe('ACCEPT 203.0.113.237 TCP:8081');
  });

  it('keeps only the remaining ENI target of the updated module attachment', () => {
    const redis = listener(
      inventory,
      'module.internal["blue"].tencentcloud_clb_instance.this',
      'module.internal["blue"].tencentcloud_clb_listener.redis',
    );
    expect(redis.targets.map(targetText)).toEqual(['10.20.1.10:6379']);
  });
});
