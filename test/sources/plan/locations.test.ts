import { describe, expect, it } from 'vitest';
import { constant, idOf, PlanBuilder } from './planBuilder.js';

const VPC_TF = `
resource "tencentcloud_vpc" "main" {
  name       = "main"
  cidr_block = "10.0.0.0/16"
}
`;

describe('locations of resources in the .tf files', () => {
  it('places a root resource on its block, relative to the repository root', () => {
    const plan = new PlanBuilder()
      .resource('tencentcloud_vpc.main', { cidr_block: '10.0.0.0/16' }, { unknown: { id: true } })
      .file('network.tf', VPC_TF);
    expect(plan.inventory().vpcs.get('tencentcloud_vpc.main')!.provenance.location).toEqual({ file: 'tf/network.tf', line: 2, endLine: 5 });
  });

  it('places a resource of a local module in the module directory, for every instance', () => {
    const plan = new PlanBuilder();
    for (const key of ['a', 'b'])
      plan.resource(`module.net["${key}"].tencentcloud_vpc.main`, { cidr_block: '10.0.0.0/16' }, { unknown: { id: true } });
    plan.call(['net'], { source: './modules/net', forEach: constant(['a', 'b']) }).file('modules/net/main.tf', VPC_TF);
    const vpcs = plan.inventory().vpcs;
    expect(vpcs.get('module.net["a"].tencentcloud_vpc.main')!.provenance.location).toEqual({
      file: 'tf/modules/net/main.tf',
      line: 2,
      endLine: 5,
    });
    expect(vpcs.get('module.net["b"].tencentcloud_vpc.main')!.provenance.location).toEqual({
      file: 'tf/modules/net/main.tf',
      line: 2,
      endLine: 5,
    });
  });

  it("finds a registry module through Terraform's module manifest", () => {
    const plan = new PlanBuilder().resource(
      'module.net.module.inner.tencentcloud_vpc.main',
      { cidr_block: '10.0.0.0/16' },
      { unknown: { id: true } },
    );
    plan.call(['net'], { source: 'tencentcloudstack/vpc/tencentcloud' }).call(['net', 'inner'], { source: './inner' });
    plan.file(
      '.terraform/modules/modules.json',
      JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'net', Source: 'registry.terraform.io/tencentcloudstack/vpc/tencentcloud', Dir: '.terraform/modules/net' },
        ],
      }),
    );
    plan.file('.terraform/modules/net/inner/vpc.tf', VPC_TF);
    expect(plan.inventory().vpcs.get('module.net.module.inner.tencentcloud_vpc.main')!.provenance.location).toEqual({
      file: 'tf/.terraform/modules/net/inner/vpc.tf',
      line: 2,
      endLine: 5,
    });
  });

  it('has no location, and no error, when the .tf files are not found', () => {
    const plan = new PlanBuilder().resource('tencentcloud_vpc.main', { cidr_block: '10.0.0.0/16' }, { unknown: { id: true } });
    const inventory = plan.inventory();
    expect(inventory.vpcs.get('tencentcloud_vpc.main')!.provenance.location).toBeUndefined();
    expect(inventory.warnings).toEqual([]);
  });

  it('points an ACL entry and a target at their own line', () => {
    const plan = new PlanBuilder();
    plan.resource(
      'tencentcloud_vpc_acl.a',
      { name: 'a', ingress: ['ACCEPT#10.0.0.0/8#ALL#ALL', 'DROP#0.0.0.0/0#ALL#ALL'], egress: [] },
      { unknown: { id: true } },
    );
    plan.resource('tencentcloud_clb_instance.lb', { network_type: 'OPEN' }, { unknown: { id: true } });
    plan
      .resource('tencentcloud_clb_listener.l', { protocol: 'TCP', port: 80 }, { unknown: { id: true, clb_id: true, listener_id: true } })
      .config([], 'tencentcloud_clb_listener.l', { clb_id: idOf('tencentcloud_clb_instance.lb') });
    plan.resource(
      'tencentcloud_clb_attachment.t',
      {
        targets: [
          { instance_id: 'ins-2', eni_ip: '', port: 81, weight: 10 },
          { instance_id: 'ins-1', eni_ip: '', port: 80, weight: 10 },
        ],
      },
      { unknown: { clb_id: true, listener_id: true } },
    );
    plan.config([], 'tencentcloud_clb_attachment.t', {
      listener_id: idOf('tencentcloud_clb_listener.l', 'listener_id'),
      targets: [
        { instance_id: constant('ins-1'), port: constant(80) },
        { instance_id: constant('ins-2'), port: constant(81) },
      ],
    });
    plan.file(
      'main.tf',
      [
        'resource "tencentcloud_vpc_acl" "a" {',
        '  ingress = ["ACCEPT#10.0.0.0/8#ALL#ALL",',
        '    "DROP#0.0.0.0/0#ALL#ALL"]',
        '}',
        'resource "tencentcloud_clb_attachment" "t" {',
        '  targets {',
        '    instance_id = "ins-1"',
        '    port        = 80',
        '  }',
        '  targets {',
        '    instance_id = "ins-2"',
        '    port        = 81',
        '  }',
        '}',
      ].join('\n'),
    );
    const inventory = plan.inventory();
    expect(inventory.networkAcls.get('tencentcloud_vpc_acl.a')!.ingress.entries.map((e) => e.provenance.location?.line)).toEqual([2, 3]);
    const targets = inventory.loadBalancers.get('tencentcloud_clb_instance.lb')!.listeners[0]!.targets;
    expect(targets.map((t) => [t.instance, t.provenance.path, t.provenance.location?.line])).toEqual([
      ['ins-2', 'targets[1]', 10],
      ['ins-1', 'targets[0]', 6],
    ]);
  });
});
