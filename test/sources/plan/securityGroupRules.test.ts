import { describe, expect, it } from 'vitest';
import { rulesOf } from './inventoryText.js';
import { constant, idOf, PlanBuilder, ref } from './planBuilder.js';

const SG = 'tencentcloud_security_group.web';

function withGroup(plan = new PlanBuilder()): PlanBuilder {
  return plan.resource(SG, { name: 'web' }, { unknown: { id: true } }).config([], SG, { name: constant('web') });
}

function liteRule(ingress: unknown, egress: unknown = []): PlanBuilder {
  return withGroup()
    .resource('tencentcloud_security_group_lite_rule.web', { ingress, egress }, { unknown: { security_group_id: true } })
    .config([], 'tencentcloud_security_group_lite_rule.web', { security_group_id: idOf(SG) });
}

function singleRule(plan: PlanBuilder, name: string, values: Record<string, unknown>): PlanBuilder {
  return plan
    .resource(
      `tencentcloud_security_group_rule.${name}`,
      { type: 'ingress', ...values },
      { unknown: { security_group_id: true, address_template: true, protocol_template: true } },
    )
    .config([], `tencentcloud_security_group_rule.${name}`, { security_group_id: idOf(SG) });
}

describe('security group rules from lite-rule strings', () => {
  it('reads ACTION#SOURCE#PORT#PROTOCOL with CIDR, group, address template and protocol template sources', () => {
    const inventory = liteRule(
      [
        'ACCEPT#10.0.0.0/8#80,443#TCP',
        'accept#sg-abc#ALL#ALL',
        'DROP#ipm-1#22#tcp',
        'DROP#ipmg-2#ALL#ALL',
        'ACCEPT#0.0.0.0/0#ALL#ppm-3',
        'ACCEPT#::/0#ALL#ppmg-4',
      ],
      ['ACCEPT#0.0.0.0/0#ALL#ALL'],
    ).inventory();
    expect(rulesOf(inventory.securityGroups.get(SG))).toEqual([
      'ACCEPT 10.0.0.0/8 TCP:80,443',
      'ACCEPT sg:sg-abc ALL:ALL',
      'DROP ipm:ipm-1 TCP:22',
      'DROP ipmg:ipmg-2 ALL:ALL',
      'ACCEPT 0.0.0.0/0 ppm:ppm-3',
      'ACCEPT ::/0 ppmg:ppmg-4',
    ]);
    expect(rulesOf(inventory.securityGroups.get(SG), 'egress')).toEqual(['ACCEPT 0.0.0.0/0 ALL:ALL']);
  });

  it('warns about a string it cannot read and makes that rule unknown instead of failing', () => {
    const inventory = liteRule(['ACCEPT#10.0.0.0/8#80', 'MAYBE#10.0.0.0/8#80#TCP']).inventory();
    expect(rulesOf(inventory.securityGroups.get(SG))).toEqual(['? ? ?:?', '? 10.0.0.0/8 TCP:80']);
    expect(inventory.warnings).toEqual([
      {
        address: 'tencentcloud_security_group_lite_rule.web',
        message: 'ingress[0] "ACCEPT#10.0.0.0/8#80" is not ACTION#SOURCE#PORT#PROTOCOL',
      },
    ]);
  });

  it('says a list with an interpolated value is unknown when the .tf files are not there to rebuild it', () => {
    const plan = withGroup().resource('tencentcloud_clb_instance.lb', { network_type: 'OPEN' }, { unknown: { id: true, clb_vips: true } });
    plan.resource('tencentcloud_security_group_lite_rule.web', { egress: [] }, { unknown: { security_group_id: true, ingress: true } });
    plan.config([], 'tencentcloud_security_group_lite_rule.web', {
      security_group_id: idOf(SG),
      ingress: ref('tencentcloud_clb_instance.lb.clb_vips[0]', 'tencentcloud_clb_instance.lb.clb_vips', 'tencentcloud_clb_instance.lb'),
    });
    const group = plan.inventory().securityGroups.get(SG)!;
    expect(group.ingress.rules).toEqual([]);
    expect(group.ingress.unknownReason).toMatch(/known after apply \(it interpolates tencentcloud_clb_instance\.lb\.clb_vips\.0\)/);
  });

  it('rebuilds that list from the .tf strings, each on its line, with count.index and var. interpolations', () => {
    const plan = new PlanBuilder().variable('port', 8443);
    plan.resource('tencentcloud_clb_instance.lb', { network_type: 'OPEN' }, { unknown: { id: true, clb_vips: true } });
    for (const key of [0, 1]) {
      plan.resource(`tencentcloud_security_group.web[${key}]`, { name: 'web' }, { unknown: { id: true } });
      plan.resource(
        `tencentcloud_security_group_lite_rule.web[${key}]`,
        { egress: [] },
        { unknown: { security_group_id: true, ingress: true } },
      );
    }
    plan.config([], 'tencentcloud_security_group.web', {}, { count: constant(2) });
    plan.config(
      [],
      'tencentcloud_security_group_lite_rule.web',
      {
        security_group_id: ref('tencentcloud_security_group.web', 'count.index'),
        ingress: ref('tencentcloud_clb_instance.lb.clb_vips[0]', 'var.port', 'count.index'),
      },
      { count: constant(2) },
    );
    plan.file(
      'main.tf',
      [
        'resource "tencentcloud_security_group_lite_rule" "web" {',
        '  count             = 2',
        '  security_group_id = tencentcloud_security_group.web[count.index].id',
        '  ingress = [',
        '    "ACCEPT#${tencentcloud_clb_instance.lb.clb_vips[0]}#${var.port}#TCP", # the VIP',
        '    "ACCEPT#10.${count.index}.0.0/16#ALL#ALL",',
        '    "DROP#0.0.0.0/0#ALL#ALL"',
        '  ]',
        '}',
      ].join('\n'),
    );
    const inventory = plan.inventory();
    expect(rulesOf(inventory.securityGroups.get('tencentcloud_security_group.web[1]'))).toEqual([
      'ACCEPT vip:tencentcloud_clb_instance.lb TCP:8443',
      'ACCEPT 10.1.0.0/16 ALL:ALL',
      'DROP 0.0.0.0/0 ALL:ALL',
    ]);
    const rule = inventory.securityGroups.get('tencentcloud_security_group.web[0]')!.ingress.rules[2]!;
    expect(rule.provenance).toMatchObject({
      address: 'tencentcloud_security_group_lite_rule.web[0]',
      path: 'ingress[2]',
      location: { file: 'tf/main.tf', line: 7 },
    });
  });
});

describe('security group rules from rule sets', () => {
  function ruleSet(
    ingress: Record<string, unknown>[],
    unknownIngress: Record<string, unknown>[],
    config: Record<string, unknown>[],
  ): PlanBuilder {
    const plan = withGroup();
    plan.resource('tencentcloud_clb_instance.lb', { network_type: 'INTERNAL' }, { unknown: { id: true, clb_vips: true } });
    plan.resource('tencentcloud_subnet.app', { cidr_block: '10.1.0.0/24' }, { unknown: { id: true } });
    plan.resource(
      'tencentcloud_security_group_rule_set.web',
      { ingress, egress: [] },
      { unknown: { security_group_id: true, ingress: unknownIngress } },
    );
    return plan.config([], 'tencentcloud_security_group_rule_set.web', { security_group_id: idOf(SG), ingress: config });
  }

  it('reads an omitted protocol and port as ALL, but one set from an unknown value as unknown', () => {
    const inventory = ruleSet(
      [
        { action: 'ACCEPT', cidr_block: '10.0.0.0/8' },
        { action: 'DROP', cidr_block: '0.0.0.0/0' },
      ],
      [
        { protocol: true, port: true },
        { protocol: true, port: true },
      ],
      [
        { action: constant('ACCEPT'), cidr_block: constant('10.0.0.0/8') },
        {
          action: constant('DROP'),
          cidr_block: constant('0.0.0.0/0'),
          protocol: ref('data.x.y.protocol', 'data.x.y'),
          port: ref('data.x.y.port', 'data.x.y'),
        },
      ],
    ).inventory();
    expect(rulesOf(inventory.securityGroups.get(SG))).toEqual(['ACCEPT 10.0.0.0/8 ALL:ALL', 'DROP 0.0.0.0/0 ?:?']);
  });

  it('keeps a peer that references the CLB VIP symbolic, through clb_vips, vip or address_ipv6', () => {
    const vip = (attribute: string) => ({
      action: constant('ACCEPT'),
      protocol: constant('TCP'),
      port: constant('80'),
      cidr_block: ref(`tencentcloud_clb_instance.lb.${attribute}`, 'tencentcloud_clb_instance.lb'),
    });
    const inventory = ruleSet(
      [0, 1, 2].map(() => ({ action: 'ACCEPT', protocol: 'TCP', port: '80' })),
      [0, 1, 2].map(() => ({ cidr_block: true })),
      [vip('clb_vips[0]'), vip('vip'), vip('address_ipv6')],
    ).inventory();
    expect(rulesOf(inventory.securityGroups.get(SG))).toEqual(Array(3).fill('ACCEPT vip:tencentcloud_clb_instance.lb TCP:80'));
  });

  it('follows a CIDR that reads another resource attribute, and leaves a data source unknown', () => {
    const inventory = ruleSet(
      [{ action: 'ACCEPT' }, { action: 'ACCEPT' }],
      [{ cidr_block: true }, { cidr_block: true }],
      [
        { action: constant('ACCEPT'), cidr_block: ref('tencentcloud_subnet.app.cidr_block', 'tencentcloud_subnet.app') },
        { action: constant('ACCEPT'), cidr_block: ref('data.tencentcloud_vpc.v.cidr_block', 'data.tencentcloud_vpc.v') },
      ],
    ).inventory();
    const group = inventory.securityGroups.get(SG)!;
    expect(rulesOf(group)).toEqual(['ACCEPT 10.1.0.0/24 ALL:ALL', 'ACCEPT ? ALL:ALL']);
    expect(group.ingress.rules[1]!.peer).toEqual({ kind: 'unknown', reason: 'external: data source data.tencentcloud_vpc.v' });
  });

  it("reads the provider's empty strings in known rule blocks as not set", () => {
    const inventory = ruleSet(
      [{ action: 'ACCEPT', cidr_block: '', source_security_id: 'sg-peer', protocol: '', port: '' }],
      [{}],
      [{}],
    ).inventory();
    expect(rulesOf(inventory.securityGroups.get(SG))).toEqual(['ACCEPT sg:sg-peer ALL:ALL']);
  });

  it('gives each rule block its own line and path', () => {
    const plan = ruleSet(
      [
        { action: 'ACCEPT', cidr_block: '1.1.1.1' },
        { action: 'DROP', cidr_block: '2.2.2.2' },
      ],
      [{}, {}],
      [{}, {}],
    );
    plan.file(
      'sg.tf',
      'resource "tencentcloud_security_group_rule_set" "web" {\n  security_group_id = tencentcloud_security_group.web.id\n  ingress {\n    action = "ACCEPT" # {\n  }\n\n  ingress {\n    action = "DROP"\n    description = "a } brace"\n  }\n}\n',
    );
    const rules = plan.inventory().securityGroups.get(SG)!.ingress.rules;
    expect(rules.map((r) => [r.provenance.path, r.provenance.location])).toEqual([
      ['ingress[0]', { file: 'tf/sg.tf', line: 3, endLine: 5 }],
      ['ingress[1]', { file: 'tf/sg.tf', line: 7, endLine: 10 }],
    ]);
  });
});

describe('single security group rules', () => {
  it('orders by policy_index, rules without one on top', () => {
    const plan = withGroup();
    singleRule(plan, 'late', { policy: 'ACCEPT', cidr_ip: '3.3.3.3', ip_protocol: 'TCP', port_range: '80', policy_index: 5 });
    singleRule(plan, 'early', { policy: 'DROP', cidr_ip: '2.2.2.2', policy_index: 1 });
    singleRule(plan, 'top', { policy: 'DROP', cidr_ip: '1.1.1.1' });
    const group = plan.inventory().securityGroups.get(SG)!;
    expect(rulesOf(group)).toEqual(['DROP 1.1.1.1 ALL:ALL', 'DROP 2.2.2.2 ALL:ALL', 'ACCEPT 3.3.3.3 TCP:80']);
    expect(group.ingress.unknownReason).toBeUndefined();
  });

  it('keeps several rules without policy_index in address order when their actions agree', () => {
    const plan = withGroup();
    singleRule(plan, 'b', { policy: 'ACCEPT', cidr_ip: '2.2.2.2' });
    singleRule(plan, 'a', { policy: 'ACCEPT', cidr_ip: '1.1.1.1' });
    const group = plan.inventory().securityGroups.get(SG)!;
    expect(rulesOf(group)).toEqual(['ACCEPT 1.1.1.1 ALL:ALL', 'ACCEPT 2.2.2.2 ALL:ALL']);
    expect(group.ingress.unknownReason).toBeUndefined();
  });

  it('says the order is not determined when rules without policy_index differ in action', () => {
    const plan = withGroup();
    singleRule(plan, 'allow', { policy: 'ACCEPT', cidr_ip: '0.0.0.0/0' });
    singleRule(plan, 'deny', { policy: 'DROP', cidr_ip: '45.33.0.0/16' });
    singleRule(plan, 'out', { type: 'egress', policy: 'ACCEPT', cidr_ip: '0.0.0.0/0' });
    const group = plan.inventory().securityGroups.get(SG)!;
    expect(group.ingress.unknownReason).toMatch(
      /tencentcloud_security_group_rule\.allow, tencentcloud_security_group_rule\.deny .*depends on the order they are applied/,
    );
    expect(group.egress.unknownReason).toBeUndefined();
    expect(rulesOf(group, 'egress')).toEqual(['ACCEPT 0.0.0.0/0 ALL:ALL']);
  });

  it('treats policy_index = 0 like no index (the provider reads it with GetOk): the order with an un-indexed rule is open', () => {
    const plan = withGroup();
    singleRule(plan, 'deny', { policy: 'DROP', cidr_ip: '0.0.0.0/0', policy_index: 0 });
    singleRule(plan, 'allow', { policy: 'ACCEPT', cidr_ip: '0.0.0.0/0' });
    const group = plan.inventory().securityGroups.get(SG)!;
    expect(group.ingress.unknownReason).toMatch(
      /the order of tencentcloud_security_group_rule\.allow, tencentcloud_security_group_rule\.deny \(no policy_index, or policy_index 0.*\) depends on the order they are applied/,
    );
  });

  it('follows depends_on: the rule created later is inserted above', () => {
    const plan = withGroup();
    singleRule(plan, 'deny', { policy: 'DROP', cidr_ip: '0.0.0.0/0', policy_index: 0 });
    singleRule(plan, 'allow', { policy: 'ACCEPT', cidr_ip: '10.0.0.0/8' });
    singleRule(plan, 'log', { policy: 'DROP', cidr_ip: '10.9.0.0/16' });
    // allow depends on deny; log depends on allow (so, through it, on deny).
    plan.config(
      [],
      'tencentcloud_security_group_rule.allow',
      { security_group_id: idOf(SG) },
      { dependsOn: ['tencentcloud_security_group_rule.deny'] },
    );
    plan.config([], 'tencentcloud_security_group_rule.log', {
      security_group_id: idOf(SG),
      description: ref('tencentcloud_security_group_rule.allow.id', 'tencentcloud_security_group_rule.allow'),
    });
    const group = plan.inventory().securityGroups.get(SG)!;
    expect(rulesOf(group)).toEqual(['DROP 10.9.0.0/16 ALL:ALL', 'ACCEPT 10.0.0.0/8 ALL:ALL', 'DROP 0.0.0.0/0 ALL:ALL']);
    expect(group.ingress.unknownReason).toBeUndefined();
  });

  it('keeps the order open between rules that depends_on does not order', () => {
    const plan = withGroup();
    singleRule(plan, 'base', { policy: 'DROP', cidr_ip: '0.0.0.0/0' });
    singleRule(plan, 'a', { policy: 'ACCEPT', cidr_ip: '10.0.0.0/8' });
    singleRule(plan, 'b', { policy: 'DROP', cidr_ip: '10.9.0.0/16' });
    plan.config(
      [],
      'tencentcloud_security_group_rule.a',
      { security_group_id: idOf(SG) },
      { dependsOn: ['tencentcloud_security_group_rule.base'] },
    );
    plan.config(
      [],
      'tencentcloud_security_group_rule.b',
      { security_group_id: idOf(SG) },
      { dependsOn: ['tencentcloud_security_group_rule.base'] },
    );
    const group = plan.inventory().securityGroups.get(SG)!;
    expect(group.ingress.unknownReason).toMatch(/the order of tencentcloud_security_group_rule\.a, tencentcloud_security_group_rule\.b \(/);
    expect(rulesOf(group)[2]).toBe('DROP 0.0.0.0/0 ALL:ALL');
  });

  it('reads a source group and address template blocks', () => {
    const plan = withGroup();
    singleRule(plan, 'peer', { policy: 'ACCEPT', source_sgid: 'sg-other', policy_index: 0 });
    plan.resource(
      'tencentcloud_security_group_rule.tpl',
      { type: 'ingress', policy: 'DROP', policy_index: 1, address_template: [{ template_id: 'ipm-1', group_id: '' }] },
      { unknown: { security_group_id: true, protocol_template: true } },
    );
    plan.config([], 'tencentcloud_security_group_rule.tpl', {
      security_group_id: idOf(SG),
      address_template: [{ template_id: constant('ipm-1') }],
    });
    expect(rulesOf(plan.inventory().securityGroups.get(SG))).toEqual(['ACCEPT sg:sg-other ALL:ALL', 'DROP ipm:ipm-1 ALL:ALL']);
  });
});

describe("which resource owns a group's rules", () => {
  it('says the rules are undetermined when a rule set and a lite rule both write one group', () => {
    const plan = liteRule(['ACCEPT#1.1.1.1#ALL#ALL']);
    plan.resource(
      'tencentcloud_security_group_rule_set.web',
      { ingress: [{ action: 'DROP', cidr_block: '2.2.2.2' }], egress: [] },
      { unknown: { security_group_id: true } },
    );
    plan.config([], 'tencentcloud_security_group_rule_set.web', { security_group_id: idOf(SG) });
    const inventory = plan.inventory();
    expect(inventory.securityGroups.get(SG)!.ingress.unknownReason).toMatch(/written by several resources/);
    expect(inventory.warnings.some((w) => w.address === SG)).toBe(true);
  });

  it('gives a group created without rule resources no rules (deny), and an existing one unknown rules', () => {
    const plan = withGroup().resource('tencentcloud_security_group.old', { id: 'sg-old', name: 'old' }, { actions: ['no-op'] });
    const inventory = plan.inventory();
    expect(inventory.securityGroups.get(SG)!.ingress).toEqual({ rules: [] });
    expect(inventory.securityGroups.get('tencentcloud_security_group.old')!.ingress.unknownReason).toBe(
      'the rules of tencentcloud_security_group.old are not managed in this configuration',
    );
  });

  it('keeps the rule set of a group outside the plan under the group ID', () => {
    const plan = new PlanBuilder().resource('tencentcloud_security_group_rule_set.ext', {
      security_group_id: 'sg-ext',
      ingress: [{ action: 'ACCEPT', cidr_block: '10.0.0.0/8' }],
      egress: [],
    });
    const group = plan.inventory().securityGroups.get('sg-ext')!;
    expect(rulesOf(group)).toEqual(['ACCEPT 10.0.0.0/8 ALL:ALL']);
    expect(group.provenance.address).toBe('sg-ext');
  });

  it('warns, rather than failing, when rules name no group it can tell', () => {
    const plan = new PlanBuilder().resource(
      'tencentcloud_security_group_rule_set.lost',
      { ingress: [], egress: [] },
      { unknown: { security_group_id: true } },
    );
    plan.config([], 'tencentcloud_security_group_rule_set.lost', {
      security_group_id: ref(
        'data.tencentcloud_security_groups.g.security_groups[0].security_group_id',
        'data.tencentcloud_security_groups.g',
      ),
    });
    const inventory = plan.inventory();
    expect(inventory.securityGroups.size).toBe(0);
    expect(inventory.warnings[0]!.message).toMatch(
      /cannot tell which security group .*external: data source data\.tencentcloud_security_groups\.g/,
    );
  });
});
