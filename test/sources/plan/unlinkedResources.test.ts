import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../src/model/value.js';
import { constant, idOf, PlanBuilder, ref } from './planBuilder.js';

const SG = 'tencentcloud_security_group.web';
const OTHER_SG = 'tencentcloud_security_group.api';
const RULES = 'tencentcloud_security_group_rule_set.web';
const CLB = 'tencentcloud_clb_instance.web';
const LISTENER = 'tencentcloud_clb_listener.https';
const ATTACHMENT = 'tencentcloud_clb_attachment.https';
const INSTANCE = 'tencentcloud_instance.web';

// Links through a local whose `.tf` source is not there: the plan JSON keeps only `local.x`.

function groups(plan = new PlanBuilder()): PlanBuilder {
  return plan
    .resource(SG, { name: 'web' }, { unknown: { id: true } })
    .config([], SG, { name: constant('web') })
    .resource(OTHER_SG, { name: 'api' }, { unknown: { id: true } })
    .config([], OTHER_SG, { name: constant('api') });
}

/** What Terraform writes for `dynamic "ingress" { for_each = <known after apply> }`: no `after.ingress`, no configuration. */
function dynamicRuleSet(withSource: boolean): PlanBuilder {
  const plan = groups()
    .resource(RULES, { egress: [] }, { unknown: { id: true, security_group_id: true, ingress: true, egress: [] } })
    .config([], RULES, { security_group_id: idOf(SG) });
  if (withSource)
    plan.file(
      'main.tf',
      `resource "tencentcloud_security_group_rule_set" "web" {\n  security_group_id = tencentcloud_security_group.web.id\n  dynamic "ingress" {\n    for_each = terraform_data.rules.output\n    content {\n      action     = ingress.value.action\n      cidr_block = ingress.value.cidr\n      protocol   = "TCP"\n      port       = ingress.value.port\n    }\n  }\n}\n`,
    );
  return plan;
}

describe('a rule set whose blocks are written with dynamic over a collection known only after apply', () => {
  it('is unknown, not "no rules", with its .tf source', () => {
    const inventory = dynamicRuleSet(true).inventory();
    const group = inventory.securityGroups.get(SG)!;
    expect(group.ingress.rules).toEqual([]);
    expect(group.ingress.unknownReason).toContain(`ingress of ${RULES}`);
    // Egress is planned as [] (not written): no rules, known.
    expect(group.egress).toEqual({ rules: [] });
    // A value known only after apply is not data that did not arrive.
    expect(inventory.complete).toBe(true);
  });

  it('is unknown without its .tf source too: the provider plans blocks that are not written as []', () => {
    const group = dynamicRuleSet(false).inventory().securityGroups.get(SG)!;
    expect(group.ingress.unknownReason).toContain(`ingress of ${RULES}`);
  });

  it('a top-level dynamic block of another resource is unknown too (snat_ips of a CLB)', () => {
    const inventory = new PlanBuilder()
      .resource(CLB, { network_type: 'OPEN', clb_name: 'web' }, { unknown: { id: true, snat_ips: true } })
      .config([], CLB, { network_type: constant('OPEN'), clb_name: constant('web') })
      .file(
        'main.tf',
        `resource "tencentcloud_clb_instance" "web" {\n  network_type = "OPEN"\n  clb_name     = "web"\n  dynamic "snat_ips" {\n    for_each = terraform_data.snat.output\n    content {\n      subnet_id = snat_ips.value\n    }\n  }\n}\n`,
      )
      .inventory();
    expect(isUnknown(inventory.loadBalancers.get(CLB)!.snatIps)).toBe(true);
  });

  it('an optional block that is not written stays "not set"', () => {
    const inventory = new PlanBuilder()
      .resource(CLB, { network_type: 'OPEN', clb_name: 'web' }, { unknown: { id: true, snat_ips: true } })
      .config([], CLB, { network_type: constant('OPEN'), clb_name: constant('web') })
      .file('main.tf', `resource "tencentcloud_clb_instance" "web" {\n  network_type = "OPEN"\n  clb_name     = "web"\n}\n`)
      .inventory();
    expect(inventory.loadBalancers.get(CLB)!.snatIps).toEqual([]);
  });
});

describe('a resource that feeds the checks but cannot be linked', () => {
  it('a rule set whose group cannot be told: incomplete, named, and every group of the plan unknown instead of empty', () => {
    const inventory = groups()
      .resource(
        RULES,
        { ingress: [{ action: 'ACCEPT', cidr_block: '0.0.0.0/0', protocol: 'TCP', port: '22' }], egress: [] },
        { unknown: { id: true, security_group_id: true } },
      )
      .config([], RULES, {
        security_group_id: ref('local.web_sg'),
        ingress: [{ action: constant('ACCEPT'), cidr_block: constant('0.0.0.0/0'), protocol: constant('TCP'), port: constant('22') }],
      })
      .inventory();
    expect(inventory.complete).toBe(false);
    expect(inventory.incompleteReasons).toHaveLength(1);
    expect(inventory.incompleteReasons![0]).toMatch(
      new RegExp(
        `^${RULES.replace(/\./g, '\\.')}: cannot tell which security group these rules belong to .*; the checks it feeds are not decided$`,
      ),
    );
    expect(inventory.warnings.map((w) => w.address)).toContain(RULES);
    for (const key of [SG, OTHER_SG]) {
      const group = inventory.securityGroups.get(key)!;
      expect(group.ingress.unknownReason).toContain(`the rules of ${RULES}`);
      expect(group.egress.unknownReason).toContain(`the rules of ${RULES}`);
    }
  });

  it('a listener whose CLB cannot be told stays, on a CLB whose properties are unknown, and its attachment still finds it', () => {
    const inventory = new PlanBuilder()
      .resource(CLB, { network_type: 'OPEN', clb_name: 'web' }, { unknown: { id: true } })
      .config([], CLB, { network_type: constant('OPEN'), clb_name: constant('web') })
      .resource(INSTANCE, { instance_name: 'web' }, { unknown: { id: true } })
      .config([], INSTANCE, { instance_name: constant('web') })
      .resource(LISTENER, { protocol: 'TCP', port: 443 }, { unknown: { id: true, listener_id: true, clb_id: true } })
      .config([], LISTENER, { clb_id: ref('local.web_clb'), protocol: constant('TCP'), port: constant(443) })
      .resource(
        ATTACHMENT,
        { targets: [{ eni_ip: '', port: 8443, weight: 10 }] },
        { unknown: { id: true, clb_id: true, listener_id: true, targets: [{ instance_id: true }] } },
      )
      .config([], ATTACHMENT, {
        clb_id: ref('local.web_clb'),
        listener_id: idOf(LISTENER, 'listener_id'),
        targets: [{ instance_id: idOf(INSTANCE), port: constant(8443) }],
      })
      .inventory();
    expect(inventory.complete).toBe(false);
    expect(inventory.incompleteReasons).toEqual([
      expect.stringMatching(new RegExp(`^${LISTENER.replace(/\./g, '\\.')}: cannot tell which CLB this listener belongs to`)),
    ]);
    const placeholder = inventory.loadBalancers.get(`${LISTENER}.clb_id`)!;
    expect(isUnknown(placeholder.network)).toBe(true);
    expect(isUnknown(placeholder.passToTarget) && placeholder.passToTarget.reason).toContain(`the CLB of ${LISTENER} cannot be told`);
    expect(placeholder.listeners.map((l) => l.key)).toEqual([LISTENER]);
    expect(placeholder.listeners[0]!.targets.map((t) => t.instance)).toEqual([INSTANCE]);
    // Never the wrong "is not in this plan" for a listener that is in it.
    expect(inventory.warnings.some((w) => /is not in this plan/.test(w.message))).toBe(false);
  });

  it('an instance attachment whose instance cannot be told: incomplete, and no interface has a known group list', () => {
    const inventory = groups()
      .resource(INSTANCE, { instance_name: 'web' }, { unknown: { id: true, orderly_security_groups: true } })
      .config([], INSTANCE, { instance_name: constant('web'), orderly_security_groups: ref(`${OTHER_SG}.id`, OTHER_SG) })
      .resource('tencentcloud_cvm_security_group_attachment.ssh', {}, { unknown: { id: true, instance_id: true, security_group_id: true } })
      .config([], 'tencentcloud_cvm_security_group_attachment.ssh', { instance_id: ref('local.web_id'), security_group_id: idOf(SG) })
      .inventory();
    expect(inventory.complete).toBe(false);
    expect(inventory.incompleteReasons).toEqual([
      expect.stringMatching(/^tencentcloud_cvm_security_group_attachment\.ssh: cannot tell which instance .*not decided$/),
    ]);
    const groupsOfWeb = inventory.instances.get(INSTANCE)!.interfaces[0]!.securityGroups;
    expect(isUnknown(groupsOfWeb) && groupsOfWeb.reason).toContain('tencentcloud_cvm_security_group_attachment.ssh');
  });

  it('a CLB security group attachment whose CLBs cannot be told: incomplete, and no CLB has a known group list', () => {
    const inventory = groups()
      .resource(CLB, { network_type: 'OPEN', clb_name: 'web', security_groups: [] }, { unknown: { id: true } })
      .config([], CLB, { network_type: constant('OPEN'), clb_name: constant('web') })
      .resource(
        'tencentcloud_clb_security_group_attachment.web',
        {},
        { unknown: { id: true, load_balancer_ids: true, security_group: true } },
      )
      .config([], 'tencentcloud_clb_security_group_attachment.web', { load_balancer_ids: ref('local.web_clb'), security_group: idOf(SG) })
      .inventory();
    expect(inventory.complete).toBe(false);
    expect(inventory.incompleteReasons![0]).toMatch(/^tencentcloud_clb_security_group_attachment\.web: cannot tell which CLB/);
    expect(isUnknown(inventory.loadBalancers.get(CLB)!.securityGroups)).toBe(true);
  });

  it('an attachment whose listener cannot be told: incomplete', () => {
    const inventory = new PlanBuilder()
      .resource(ATTACHMENT, { targets: [] }, { unknown: { id: true, listener_id: true } })
      .config([], ATTACHMENT, { listener_id: ref('local.listener_id') })
      .inventory();
    expect(inventory.complete).toBe(false);
    expect(inventory.incompleteReasons![0]).toMatch(/^tencentcloud_clb_attachment\.https: cannot tell which listener it attaches to/);
  });

  it('an attachment to an L7 rule whose listener cannot be told says so, not that the rule is not in this plan', () => {
    const RULE = 'tencentcloud_clb_listener_rule.api';
    const inventory = new PlanBuilder()
      .resource(CLB, { network_type: 'OPEN', clb_name: 'web' }, { unknown: { id: true } })
      .config([], CLB, { network_type: constant('OPEN'), clb_name: constant('web') })
      .resource(LISTENER, { protocol: 'HTTP', port: 80 }, { unknown: { id: true, listener_id: true, clb_id: true } })
      .config([], LISTENER, { clb_id: idOf(CLB), protocol: constant('HTTP'), port: constant(80) })
      .resource(
        RULE,
        { domain: 'shop.example.com', url: '/api' },
        { unknown: { id: true, rule_id: true, listener_id: true, clb_id: true } },
      )
      .config([], RULE, { listener_id: ref('local.listener_id'), domain: constant('shop.example.com'), url: constant('/api') })
      .resource(ATTACHMENT, { targets: [] }, { unknown: { id: true, clb_id: true, listener_id: true, rule_id: true } })
      .config([], ATTACHMENT, { listener_id: idOf(LISTENER, 'listener_id'), rule_id: idOf(RULE, 'rule_id') })
      .inventory();
    expect(inventory.complete).toBe(false);
    expect(inventory.incompleteReasons).toEqual([
      expect.stringMatching(/^tencentcloud_clb_listener_rule\.api: cannot tell which listener it belongs to/),
      `${ATTACHMENT}: the rule it attaches to (${RULE}) cannot be linked to a listener; the checks it feeds are not decided`,
    ]);
    expect(inventory.warnings.some((w) => /is not in this plan/.test(w.message))).toBe(false);
  });

  it('an ACL attachment whose subnet cannot be told: incomplete, and no subnet has a known ACL', () => {
    const SUBNET = 'tencentcloud_subnet.web';
    const inventory = new PlanBuilder()
      .resource(SUBNET, { name: 'web', cidr_block: '10.0.1.0/24' }, { unknown: { id: true, vpc_id: true } })
      .config([], SUBNET, { name: constant('web'), cidr_block: constant('10.0.1.0/24') })
      .resource('tencentcloud_vpc_acl_attachment.web', {}, { unknown: { id: true, acl_id: true, subnet_id: true } })
      .config([], 'tencentcloud_vpc_acl_attachment.web', { acl_id: idOf('tencentcloud_vpc_acl.web'), subnet_id: ref('local.subnet') })
      .inventory();
    expect(inventory.complete).toBe(false);
    expect(isUnknown(inventory.subnets.get(SUBNET)!.networkAcl)).toBe(true);
  });

  it('the same resources linked directly: complete, nothing unknown for it', () => {
    const inventory = groups()
      .resource(RULES, { ingress: [], egress: [] }, { unknown: { id: true, security_group_id: true } })
      .config([], RULES, { security_group_id: idOf(SG) })
      .inventory();
    expect(inventory.complete).toBe(true);
    expect(inventory.incompleteReasons).toBeUndefined();
    expect(inventory.securityGroups.get(OTHER_SG)!.ingress).toEqual({ rules: [] });
  });
});
