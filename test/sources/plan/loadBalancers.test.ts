import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../src/model/value.js';
import { lbOf, listener, maybe, rule, targetText } from './inventoryText.js';
import { constant, idOf, PlanBuilder, ref } from './planBuilder.js';

const LB = 'tencentcloud_clb_instance.lb';

function withListener(
  values: Record<string, unknown> = {},
  lb: Record<string, unknown> = {},
  lbUnknown: Record<string, unknown> = {},
): PlanBuilder {
  const plan = new PlanBuilder();
  plan
    .resource(LB, { network_type: 'OPEN', clb_name: 'lb', ...lb }, { unknown: { id: true, clb_vips: true, ...lbUnknown } })
    .config([], LB, { network_type: constant('OPEN') });
  plan.resource(
    'tencentcloud_clb_listener.l',
    { protocol: 'TCP', port: 80, listener_name: 'l', ...values },
    { unknown: { id: true, clb_id: true, listener_id: true } },
  );
  return plan.config([], 'tencentcloud_clb_listener.l', { clb_id: idOf(LB) });
}

function attach(
  plan: PlanBuilder,
  name: string,
  after: Record<string, unknown>,
  unknown: Record<string, unknown>,
  config: Record<string, unknown>,
): PlanBuilder {
  plan.resource(`tencentcloud_clb_attachment.${name}`, after, { unknown: { clb_id: true, listener_id: true, ...unknown } });
  return plan.config([], `tencentcloud_clb_attachment.${name}`, {
    clb_id: idOf(LB),
    listener_id: idOf('tencentcloud_clb_listener.l', 'listener_id'),
    ...config,
  });
}

describe('load balancers', () => {
  it('reads the IP version: IPv6FullChain and IPV6 serve IPv6, unset is IPv4', () => {
    expect(lbOf(withListener({}, { address_ip_version: 'IPv6FullChain' }).inventory(), LB).ipVersion).toBe('IPV6');
    expect(lbOf(withListener({}, { address_ip_version: 'ipv6' }).inventory(), LB).ipVersion).toBe('IPV6');
    expect(lbOf(withListener({}, {}, { address_ip_version: true }).inventory(), LB).ipVersion).toBe('IPV4');
  });

  it('takes known VIPs, defaults pass-to-target to off, and reads SnatPro with its SNAT IPs', () => {
    const plan = withListener(
      {},
      {
        clb_vips: ['1.2.3.4'],
        snat_pro: true,
        snat_ips: [
          { subnet_id: 'subnet-1', ip: '10.0.0.9' },
          { subnet_id: 'subnet-2', ip: '' },
        ],
      },
      { clb_vips: false },
    );
    plan.resource('tencentcloud_subnet.s', { id: 'subnet-2', cidr_block: '10.0.2.0/24' }, { actions: ['no-op'] });
    const lb = lbOf(plan.inventory(), LB);
    expect([maybe(lb.vips), lb.passToTarget, lb.snatPro]).toEqual(['1.2.3.4', false, true]);
    expect(lb.snatIps).toEqual([
      { subnet: 'subnet-1', ip: '10.0.0.9' },
      { subnet: 'tencentcloud_subnet.s', ip: { unknown: true, reason: 'allocated from the subnet at apply' } },
    ]);
  });

  it("appends groups bound by tencentcloud_clb_security_group_attachment after the CLB's own", () => {
    const plan = withListener({}, { security_groups: ['sg-own'] });
    plan.resource('tencentcloud_security_group.extra', { name: 'extra' }, { unknown: { id: true } });
    plan.resource('tencentcloud_clb_security_group_attachment.x', {}, { unknown: { security_group: true, load_balancer_ids: true } });
    plan.config([], 'tencentcloud_clb_security_group_attachment.x', {
      security_group: idOf('tencentcloud_security_group.extra'),
      load_balancer_ids: idOf(LB),
    });
    expect(maybe(lbOf(plan.inventory(), LB).securityGroups)).toBe('sg-own,tencentcloud_security_group.extra');
  });

  it('turns health checks on by default and leaves an unset probe source unknown, since it depends on the account', () => {
    const hc = listener(withListener().inventory(), LB, 'tencentcloud_clb_listener.l').healthCheck;
    expect(hc.enabled).toBe(true);
    expect(hc.port).toBeUndefined();
    expect(hc.sourceIpType).toMatchObject({ unknown: true, reason: expect.stringContaining('2023-02-24') });
    const off = listener(
      withListener({ health_check_switch: false, health_source_ip_type: 1, health_check_port: 8081 }).inventory(),
      LB,
      'tencentcloud_clb_listener.l',
    ).healthCheck;
    expect([off.enabled, off.sourceIpType, off.port]).toEqual([false, 1, 8081]);
  });

  it('hangs a listener on a CLB outside the plan on a placeholder whose properties are unknown', () => {
    const plan = new PlanBuilder().resource(
      'tencentcloud_clb_listener.l',
      { clb_id: 'lb-elsewhere', protocol: 'UDP', port: 53 },
      { unknown: { id: true } },
    );
    const inventory = plan.inventory();
    const lb = lbOf(inventory, 'lb-elsewhere');
    expect(isUnknown(lb.network) && isUnknown(lb.passToTarget) && isUnknown(lb.vips)).toBe(true);
    expect(lb.listeners.map((l) => [l.key, l.protocol, l.port])).toEqual([['tencentcloud_clb_listener.l', 'UDP', 53]]);
    expect(inventory.warnings).toEqual([
      { address: 'tencentcloud_clb_listener.l', message: 'its CLB lb-elsewhere is not in this plan: checks that need the CLB are unknown' },
    ]);
  });
});

describe('targets', () => {
  it('reads "" as unset: a target by ENI IP has no instance', () => {
    const plan = attach(withListener(), 't', { targets: [{ instance_id: '', eni_ip: '10.0.0.5', port: 80, weight: 10 }] }, {}, {});
    const target = listener(plan.inventory(), LB, 'tencentcloud_clb_listener.l').targets[0]!;
    expect(target).toMatchObject({ eniIp: '10.0.0.5', port: 80, weight: 10, via: 'listener' });
    expect(target.instance).toBeUndefined();
  });

  it('attaches onto an L7 rule by rule_id, or by domain and URL', () => {
    const plan = withListener({ protocol: 'HTTP' });
    for (const [name, domain] of [
      ['a', 'a.example'],
      ['b', 'b.example'],
    ] as const) {
      plan.resource(
        `tencentcloud_clb_listener_rule.${name}`,
        { domain, url: '/', health_check_switch: true },
        { unknown: { id: true, rule_id: true, listener_id: true } },
      );
      plan.config([], `tencentcloud_clb_listener_rule.${name}`, { listener_id: idOf('tencentcloud_clb_listener.l', 'listener_id') });
    }
    attach(
      plan,
      'by_id',
      { targets: [{ instance_id: 'ins-1', eni_ip: '', port: 8080, weight: 10 }] },
      { rule_id: true },
      { rule_id: idOf('tencentcloud_clb_listener_rule.a', 'rule_id') },
    );
    attach(
      plan,
      'by_name',
      { domain: 'b.example', url: '/', targets: [{ instance_id: 'ins-2', eni_ip: '', port: 8081, weight: 10 }] },
      {},
      {},
    );
    const l = listener(plan.inventory(), LB, 'tencentcloud_clb_listener.l');
    expect(rule(l, 'tencentcloud_clb_listener_rule.a').targets.map(targetText)).toEqual(['ins-1:8080 (rule)']);
    expect(rule(l, 'tencentcloud_clb_listener_rule.b').targets.map(targetText)).toEqual(['ins-2:8081 (rule)']);
    expect(l.targets).toEqual([]);
  });

  it('says the target list may be incomplete when it is wholly unknown', () => {
    const plan = attach(withListener(), 't', {}, { targets: true }, {});
    expect(listener(plan.inventory(), LB, 'tencentcloud_clb_listener.l').targetsUnknownReason).toBe(
      'targets of tencentcloud_clb_attachment.t: known after apply',
    );
  });

  it("links a target-group member whose bind_ip is an instance's private IP to that instance", () => {
    const plan = withListener();
    plan.resource('tencentcloud_instance.app', { instance_name: 'app' }, { unknown: { id: true, private_ip: true } });
    plan.resource('tencentcloud_clb_target_group.tg', { target_group_name: 'tg' }, { unknown: { id: true } });
    plan.resource(
      'tencentcloud_clb_target_group_instance_attachment.m',
      { port: 9000, weight: 10 },
      { unknown: { target_group_id: true, bind_ip: true } },
    );
    plan.config([], 'tencentcloud_clb_target_group_instance_attachment.m', {
      target_group_id: idOf('tencentcloud_clb_target_group.tg'),
      bind_ip: ref('tencentcloud_instance.app.private_ip', 'tencentcloud_instance.app'),
    });
    plan.resource(
      'tencentcloud_clb_target_group_attachment.bind',
      {},
      { unknown: { clb_id: true, listener_id: true, target_group_id: true } },
    );
    plan.config([], 'tencentcloud_clb_target_group_attachment.bind', {
      clb_id: idOf(LB),
      listener_id: idOf('tencentcloud_clb_listener.l', 'listener_id'),
      target_group_id: idOf('tencentcloud_clb_target_group.tg'),
    });
    const targets = listener(plan.inventory(), LB, 'tencentcloud_clb_listener.l').targets;
    expect(targets.map(targetText)).toEqual(['tencentcloud_instance.app:9000 (tg tencentcloud_clb_target_group.tg)']);
    expect(targets[0]!.provenance.address).toBe('tencentcloud_clb_target_group_instance_attachment.m');
  });

  it('reads the deprecated target_group_instances of a target group, and leaves a data-source bind_ip unknown', () => {
    const plan = withListener();
    plan.resource(
      'tencentcloud_clb_target_group.tg',
      { target_group_instances: [{ bind_ip: '10.0.0.7', port: 80, new_port: 8080, weight: 5 }] },
      { unknown: { id: true } },
    );
    plan.resource(
      'tencentcloud_clb_target_group_instance_attachment.m',
      { port: 9000, weight: 10 },
      { unknown: { target_group_id: true, bind_ip: true } },
    );
    plan.config([], 'tencentcloud_clb_target_group_instance_attachment.m', {
      target_group_id: idOf('tencentcloud_clb_target_group.tg'),
      bind_ip: ref('data.tencentcloud_instances.i.instance_list', 'data.tencentcloud_instances.i'),
    });
    plan.resource(
      'tencentcloud_clb_target_group_attachments.all',
      { associations: [{ listener_id: '', location_id: '' }] },
      { unknown: { target_group_id: true, associations: [{ listener_id: true }] } },
    );
    plan.config([], 'tencentcloud_clb_target_group_attachments.all', {
      target_group_id: idOf('tencentcloud_clb_target_group.tg'),
      associations: [{ listener_id: idOf('tencentcloud_clb_listener.l', 'listener_id') }],
    });
    const targets = listener(plan.inventory(), LB, 'tencentcloud_clb_listener.l').targets;
    expect(targets.map(targetText)).toEqual([
      '10.0.0.7:8080 (tg tencentcloud_clb_target_group.tg)',
      '?:9000 (tg tencentcloud_clb_target_group.tg)',
    ]);
    expect(targets[1]!.eniIp).toEqual({ unknown: true, reason: 'external: data source data.tencentcloud_instances.i' });
  });

  it('matches targets by their known fields even when blocks repeat the same port', () => {
    const plan = withListener();
    for (const name of ['a', 'b', 'c']) plan.resource(`tencentcloud_instance.${name}`, { instance_name: name }, { unknown: { id: true } });
    attach(
      plan,
      't',
      {
        targets: [
          { eni_ip: '', port: 80, weight: 10 },
          { eni_ip: '', port: 81, weight: 50 },
          { eni_ip: '', port: 80, weight: 10 },
        ],
      },
      { targets: [{ instance_id: true }, { instance_id: true }, { instance_id: true }] },
      {
        targets: [
          { instance_id: idOf('tencentcloud_instance.a'), port: constant(80) },
          { instance_id: idOf('tencentcloud_instance.b'), port: constant(80) },
          { instance_id: idOf('tencentcloud_instance.c'), port: constant(81), weight: constant(50) },
        ],
      },
    );
    expect(listener(plan.inventory(), LB, 'tencentcloud_clb_listener.l').targets.map(targetText).sort()).toEqual([
      'tencentcloud_instance.a:80',
      'tencentcloud_instance.b:80',
      'tencentcloud_instance.c:81',
    ]);
  });
});
