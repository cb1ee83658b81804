import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../src/model/value.js';
import { planToInventory } from '../../../src/sources/plan/index.js';
import { aclText, groupsOfInstance, maybe } from './inventoryText.js';
import { constant, idOf, PlanBuilder } from './planBuilder.js';

describe('network ACLs and subnets', () => {
  it('reads ACTION#CIDR#PORT#PROTOCOL#DESCRIPTION strings in order, the description kept whole', () => {
    const plan = new PlanBuilder().resource('tencentcloud_vpc_acl.a', {
      vpc_id: 'vpc-1',
      name: 'a',
      ingress: ['DROP#198.51.100.0/24#ALL#ALL', 'accept#0.0.0.0/0#80-90#tcp#web # and more'],
      egress: [],
    });
    const acl = plan.inventory().networkAcls.get('tencentcloud_vpc_acl.a')!;
    expect(acl.type).toBe('TRIPLE');
    expect(acl.ingress.entries.map(aclText)).toEqual(['DROP 198.51.100.0/24 ALL ALL', 'ACCEPT 0.0.0.0/0 TCP 80-90']);
    expect(acl.ingress.entries[1]!.description).toBe('web # and more');
    expect(acl.egress.entries).toEqual([]);
  });

  it('binds an ACL to a subnet through the attachment, and makes a doubly bound subnet unknown', () => {
    const plan = new PlanBuilder();
    for (const name of ['one', 'two'])
      plan.resource(`tencentcloud_vpc_acl.${name}`, { name, ingress: [], egress: [] }, { unknown: { id: true } });
    for (const name of ['s1', 's2', 's3'])
      plan.resource(`tencentcloud_subnet.${name}`, { cidr_block: '10.0.0.0/24' }, { unknown: { id: true, vpc_id: true } });
    const bind = (name: string, acl: string, subnet: string) =>
      plan
        .resource(`tencentcloud_vpc_acl_attachment.${name}`, {}, { unknown: { acl_id: true, subnet_id: true } })
        .config([], `tencentcloud_vpc_acl_attachment.${name}`, {
          acl_id: idOf(`tencentcloud_vpc_acl.${acl}`),
          subnet_id: idOf(`tencentcloud_subnet.${subnet}`),
        });
    bind('a', 'one', 's1');
    bind('b', 'one', 's2');
    bind('c', 'two', 's2');
    const subnets = plan.inventory().subnets;
    expect(subnets.get('tencentcloud_subnet.s1')!.networkAcl).toBe('tencentcloud_vpc_acl.one');
    expect(isUnknown(subnets.get('tencentcloud_subnet.s2')!.networkAcl)).toBe(true);
    expect(subnets.get('tencentcloud_subnet.s3')!.networkAcl).toBeNull();
  });

  it('reads quintuple entries by priority, with peer and local sides per direction', () => {
    const plan = new PlanBuilder().resource(
      'tencentcloud_vpc_acl.q',
      { name: 'q', vpc_id: 'vpc-1', ingress: [], egress: [] },
      { unknown: { id: true } },
    );
    plan.resource(
      'tencentcloud_vpc_network_acl_quintuple.q',
      {
        network_acl_quintuple_set: [
          {
            ingress: [
              {
                action: 'ACCEPT',
                protocol: 'tcp',
                source_cidr: '0.0.0.0/0',
                destination_cidr: '10.0.0.0/24',
                destination_port: '443',
                source_port: 'ALL',
                priority: 2,
              },
              { action: 'DROP', protocol: 'ALL', source_cidr: '45.33.0.0/16', priority: 1 },
            ],
            egress: [
              {
                action: 'ACCEPT',
                protocol: 'TCP',
                source_cidr: '10.0.0.0/24',
                destination_cidr: '0.0.0.0/0',
                destination_port: '1024-65535',
              },
            ],
          },
        ],
      },
      { unknown: { network_acl_id: true } },
    );
    plan.config([], 'tencentcloud_vpc_network_acl_quintuple.q', { network_acl_id: idOf('tencentcloud_vpc_acl.q') });
    const acl = plan.inventory().networkAcls.get('tencentcloud_vpc_acl.q')!;
    expect(acl.type).toBe('QUINTUPLE');
    expect(acl.ingress.entries.map((e) => [aclText(e), maybe(e.localCidr), maybe(e.sourcePort)])).toEqual([
      ['DROP 45.33.0.0/16 ALL ALL', '0.0.0.0/0', 'ALL'],
      ['ACCEPT 0.0.0.0/0 TCP 443', '10.0.0.0/24', 'ALL'],
    ]);
    expect(acl.egress.entries.map((e) => [aclText(e), maybe(e.localCidr)])).toEqual([['ACCEPT 0.0.0.0/0 TCP 1024-65535', '10.0.0.0/24']]);
  });
});

describe('instances and ENIs', () => {
  it('counts an instance as Windows only when its image or OS name says so', () => {
    const plan = new PlanBuilder()
      .resource('tencentcloud_instance.linux', { image_id: 'img-9qabwvbn', orderly_security_groups: [] })
      .resource('tencentcloud_instance.windows', {
        image_id: 'img-1',
        os_name: 'Windows Server 2019 DataCenter 64bit',
        orderly_security_groups: [],
      });
    const inventory = plan.inventory();
    expect(inventory.instances.get('tencentcloud_instance.linux')!.os).toBe('linux');
    expect(inventory.instances.get('tencentcloud_instance.windows')!.os).toBe('windows');
  });

  it('uses the deprecated security_groups set when orderly_security_groups is empty, warning that its order is not defined', () => {
    const plan = new PlanBuilder().resource(
      'tencentcloud_instance.old',
      { private_ip: '10.0.0.4', orderly_security_groups: [], security_groups: ['sg-a', 'sg-b'] },
      { actions: ['no-op'] },
    );
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.old')).toBe('sg-a,sg-b');
    expect(inventory.warnings[0]).toEqual({
      address: 'tencentcloud_instance.old',
      message: 'security_groups is an unordered set: the priority of its 2 groups is not defined; use orderly_security_groups',
    });
    const nic = inventory.instances.get('tencentcloud_instance.old')!.interfaces[0]!;
    expect([nic.key, nic.primary, nic.instance, maybe(nic.privateIps)]).toEqual([
      'tencentcloud_instance.old/eth0',
      true,
      'tencentcloud_instance.old',
      '10.0.0.4',
    ]);
    // The engine must not take the array order for a priority.
    expect(nic.securityGroupsUnordered).toBe(true);
  });

  it('keeps orderly_security_groups ordered, and a set of one group needs no order', () => {
    const plan = new PlanBuilder()
      .resource('tencentcloud_instance.new', { private_ip: '10.0.0.4', orderly_security_groups: ['sg-a', 'sg-b'] }, { actions: ['no-op'] })
      .resource('tencentcloud_instance.one', { private_ip: '10.0.0.5', security_groups: ['sg-a'] }, { actions: ['no-op'] });
    const inventory = plan.inventory();
    expect(inventory.instances.get('tencentcloud_instance.new')!.interfaces[0]!.securityGroupsUnordered).toBeUndefined();
    expect(inventory.instances.get('tencentcloud_instance.one')!.interfaces[0]!.securityGroupsUnordered).toBeUndefined();
  });

  it('an ENI whose groups come from an eni_sg_attachment set of two has no defined group order', () => {
    const plan = new PlanBuilder()
      .resource('tencentcloud_eni.second', {
        name: 'second',
        ipv4s: [{ ip: '10.0.0.20', primary: true, description: '' }],
        orderly_security_groups: ['sg-own'],
      })
      .resource('tencentcloud_eni.third', {
        name: 'third',
        ipv4s: [{ ip: '10.0.0.21', primary: true, description: '' }],
        security_groups: ['sg-x', 'sg-y'],
      })
      .resource('tencentcloud_eni_sg_attachment.x', {
        network_interface_ids: ['tencentcloud_eni.second'],
        security_group_ids: ['sg-a', 'sg-b'],
      });
    const enis = plan.inventory().networkInterfaces;
    const second = enis.get('tencentcloud_eni.second')!;
    expect([maybe(second.securityGroups), second.securityGroupsUnordered]).toEqual(['sg-own,sg-a,sg-b', true]);
    const third = enis.get('tencentcloud_eni.third')!;
    expect([maybe(third.securityGroups), third.securityGroupsUnordered]).toEqual(['sg-x,sg-y', true]);
  });

  it('reads an ENI with its IPs, its own groups and those attached by eni_sg_attachment', () => {
    const plan = new PlanBuilder();
    plan.resource('tencentcloud_security_group.extra', { name: 'extra' }, { unknown: { id: true } });
    plan.resource(
      'tencentcloud_eni.second',
      { name: 'second', ipv4s: [{ ip: '10.0.0.20', primary: true, description: '' }], orderly_security_groups: ['sg-own'] },
      { unknown: { id: true, subnet_id: true } },
    );
    plan.resource('tencentcloud_eni_sg_attachment.x', {}, { unknown: { network_interface_ids: true, security_group_ids: true } });
    plan.config([], 'tencentcloud_eni_sg_attachment.x', {
      network_interface_ids: idOf('tencentcloud_eni.second'),
      security_group_ids: idOf('tencentcloud_security_group.extra'),
    });
    const eni = plan.inventory().networkInterfaces.get('tencentcloud_eni.second')!;
    expect([eni.primary, maybe(eni.privateIps), maybe(eni.securityGroups)]).toEqual([
      false,
      '10.0.0.20',
      'sg-own,tencentcloud_security_group.extra',
    ]);
  });
});

describe('resources of unexpected shape or unknown type', () => {
  it('ignores resource types it does not know, silently', () => {
    const plan = new PlanBuilder().resource('tencentcloud_cos_bucket.b', { bucket: 'x' }).resource('random_id.r', { byte_length: 4 });
    const inventory = plan.inventory();
    expect(inventory.warnings).toEqual([]);
    expect(inventory.loadBalancers.size + inventory.instances.size + inventory.securityGroups.size).toBe(0);
  });

  it('warns and goes on when a known type has a value of the wrong shape', () => {
    const plan = new PlanBuilder()
      .resource('tencentcloud_security_group.g', { name: 'g' }, { unknown: { id: true } })
      .config([], 'tencentcloud_security_group.g', { name: constant('g') })
      .resource(
        'tencentcloud_security_group_rule_set.g',
        { ingress: 'oops', egress: [{ action: 42, cidr_block: '1.1.1.1' }] },
        { unknown: { security_group_id: true } },
      )
      .config([], 'tencentcloud_security_group_rule_set.g', { security_group_id: idOf('tencentcloud_security_group.g') })
      .resource('tencentcloud_clb_instance.lb', { network_type: 'OPEN', clb_vips: 'not-a-list' }, { unknown: { id: true } })
      .resource('tencentcloud_clb_listener.l', { clb_id: 'lb-1', protocol: 'SCTP', port: 'eighty' })
      .resource('tencentcloud_vpc_acl.a', { ingress: [7], egress: [] });
    const inventory = plan.inventory();
    const group = inventory.securityGroups.get('tencentcloud_security_group.g')!;
    expect(group.ingress.unknownReason).toMatch(/unexpected shape/);
    expect(group.egress.rules.map((r) => maybe(r.action))).toEqual(['?']);
    const l = inventory.loadBalancers.get('lb-1')!.listeners[0]!;
    expect([maybe(l.protocol), maybe(l.port)]).toEqual(['?', '?']);
    expect(inventory.networkAcls.get('tencentcloud_vpc_acl.a')!.ingress.unknownReason).toMatch(/unexpected shape/);
    expect(inventory.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'ingress: expected a list of rule blocks',
        'unsupported listener protocol "SCTP"',
        'port: expected a number',
        'ingress: expected a list of strings',
      ]),
    );
  });

  it('refuses, with its JSON pointer, a resource change that is not an object or has no change', () => {
    const read = (changes: unknown[]) => () => {
      const plan = new PlanBuilder().build();
      plan['resource_changes'] = changes;
      return planToInventory(plan, { file: 'plan.json', tfRoot: '/nonexistent', repoRoot: '/' });
    };
    expect(read([42])).toThrow(expect.objectContaining({ place: '/resource_changes/0', message: expect.stringMatching(/found a number/) }));
    expect(read([{ address: 'tencentcloud_instance.x', mode: 'managed' }])).toThrow(
      expect.objectContaining({ place: '/resource_changes/0', message: '"change" is missing' }),
    );
  });
});
