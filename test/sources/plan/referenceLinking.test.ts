import { describe, expect, it } from 'vitest';
import { groupsOfInstance, lbOf, maybe, targetText } from './inventoryText.js';
import { constant, idOf, PlanBuilder, ref } from './planBuilder.js';

/** A create plan's instance whose groups, subnet and IP are known only after apply. */
function instance(plan: PlanBuilder, address: string, groups: unknown, extra: Record<string, unknown> = {}): PlanBuilder {
  return plan
    .resource(
      address,
      { instance_name: 'x', image_id: 'img-1', ...extra },
      { unknown: { id: true, orderly_security_groups: true, private_ip: true, subnet_id: true } },
    )
    .config([], address.replace(/\[.*$/, ''), { orderly_security_groups: groups });
}

function group(plan: PlanBuilder, name: string, module: string[] = []): PlanBuilder {
  const prefix = module.map((m) => `module.${m}.`).join('');
  return plan
    .resource(`${prefix}tencentcloud_security_group.${name}`, { name }, { unknown: { id: true } })
    .config(module, `tencentcloud_security_group.${name}`, { name: constant(name) });
}

/** `module.app[KEY].tencentcloud_instance.web`, its groups known only after apply. */
function appInstance(plan: PlanBuilder, key: string): PlanBuilder {
  return plan.resource(
    `module.app["${key}"].tencentcloud_instance.web`,
    { instance_name: key },
    { unknown: { id: true, orderly_security_groups: true } },
  );
}

describe('linking values known only after apply through configuration references', () => {
  it('keeps every referenced group, in the order written — not only the first', () => {
    const plan = group(group(group(new PlanBuilder(), 'a'), 'b'), 'c');
    instance(
      plan,
      'tencentcloud_instance.web',
      ref(
        'tencentcloud_security_group.c.id',
        'tencentcloud_security_group.c',
        'tencentcloud_security_group.a.id',
        'tencentcloud_security_group.a',
        'tencentcloud_security_group.b.id',
        'tencentcloud_security_group.b',
      ),
    );
    expect(groupsOfInstance(plan.inventory(), 'tencentcloud_instance.web')).toBe(
      'tencentcloud_security_group.c,tencentcloud_security_group.a,tencentcloud_security_group.b',
    );
  });

  it('resolves count and for_each instance keys in references', () => {
    const plan = new PlanBuilder();
    for (const key of [0, 1]) plan.resource(`tencentcloud_security_group.tier[${key}]`, { name: `t${key}` }, { unknown: { id: true } });
    for (const key of ['blue', 'green'])
      plan.resource(`tencentcloud_security_group.env["${key}"]`, { name: key }, { unknown: { id: true } });
    plan
      .config([], 'tencentcloud_security_group.tier', {}, { count: constant(2) })
      .config([], 'tencentcloud_security_group.env', {}, { forEach: constant(['blue', 'green']) });
    instance(
      plan,
      'tencentcloud_instance.web',
      ref(
        'tencentcloud_security_group.tier[1].id',
        'tencentcloud_security_group.tier[1]',
        'tencentcloud_security_group.tier',
        'tencentcloud_security_group.env["green"].id',
        'tencentcloud_security_group.env["green"]',
        'tencentcloud_security_group.env',
      ),
    );
    expect(groupsOfInstance(plan.inventory(), 'tencentcloud_instance.web')).toBe(
      'tencentcloud_security_group.tier[1],tencentcloud_security_group.env["green"]',
    );
  });

  it('pairs `x[count.index]` with the instance of the same index', () => {
    const plan = new PlanBuilder();
    for (const key of [0, 1]) {
      plan.resource(`tencentcloud_security_group.own[${key}]`, { name: `own${key}` }, { unknown: { id: true } });
      plan.resource(
        `tencentcloud_instance.web[${key}]`,
        { instance_name: `w${key}` },
        { unknown: { id: true, orderly_security_groups: true } },
      );
    }
    plan.config([], 'tencentcloud_security_group.own', {}, { count: constant(2) });
    plan.config(
      [],
      'tencentcloud_instance.web',
      { orderly_security_groups: ref('tencentcloud_security_group.own', 'count.index') },
      { count: constant(2) },
    );
    plan.file(
      'main.tf',
      'resource "tencentcloud_instance" "web" {\n  count = 2\n  orderly_security_groups = [tencentcloud_security_group.own[count.index].id]\n}\n',
    );
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web[0]')).toBe('tencentcloud_security_group.own[0]');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web[1]')).toBe('tencentcloud_security_group.own[1]');
  });

  it('without the .tf source, says a computed index cannot be told — never every instance', () => {
    const plan = new PlanBuilder();
    for (const key of [0, 1]) plan.resource(`tencentcloud_security_group.own[${key}]`, { name: `own${key}` }, { unknown: { id: true } });
    for (const key of [0, 1, 2])
      plan.resource(
        `tencentcloud_instance.web[${key}]`,
        { instance_name: `w${key}` },
        { unknown: { id: true, orderly_security_groups: true } },
      );
    plan.config([], 'tencentcloud_security_group.own', {}, { count: constant(2) });
    // `[tencentcloud_security_group.own[count.index % 2].id]` and `[...own[var.i].id]` are recorded like this:
    plan.config(
      [],
      'tencentcloud_instance.web',
      { orderly_security_groups: ref('tencentcloud_security_group.own', 'count.index') },
      { count: constant(3) },
    );
    const nic = plan.inventory().instances.get('tencentcloud_instance.web[2]')!.interfaces[0]!;
    expect(nic.securityGroups).toMatchObject({
      unknown: true,
      reason: expect.stringContaining('which instance of tencentcloud_security_group.own is meant cannot be told'),
    });
    const other = new PlanBuilder();
    for (const key of [0, 1]) other.resource(`tencentcloud_security_group.own[${key}]`, { name: `own${key}` }, { unknown: { id: true } });
    other.resource('tencentcloud_instance.web', { instance_name: 'w' }, { unknown: { id: true, orderly_security_groups: true } });
    other.config([], 'tencentcloud_instance.web', { orderly_security_groups: ref('tencentcloud_security_group.own', 'var.i') });
    expect(other.inventory().instances.get('tencentcloud_instance.web')!.interfaces[0]!.securityGroups).toMatchObject({ unknown: true });
  });

  it('keeps what a resource reference names apart by how it is written, though it is followed once per module instance', () => {
    const plan = new PlanBuilder();
    for (const key of [0, 1]) plan.resource(`tencentcloud_security_group.own[${key}]`, { name: `own${key}` }, { unknown: { id: true } });
    plan.config([], 'tencentcloud_security_group.own', {}, { count: constant(2) });
    for (const name of ['all', 'picked', 'first'])
      plan.resource(`tencentcloud_instance.${name}`, { instance_name: name }, { unknown: { id: true, orderly_security_groups: true } });
    // The same text `tencentcloud_security_group.own`: alone it is every instance; next to
    // `count.index` (no .tf source) it cannot be told; with a literal key it is that instance.
    plan.config([], 'tencentcloud_instance.all', { orderly_security_groups: ref('tencentcloud_security_group.own') });
    plan.config([], 'tencentcloud_instance.picked', { orderly_security_groups: ref('tencentcloud_security_group.own', 'count.index') });
    plan.config([], 'tencentcloud_instance.first', {
      orderly_security_groups: ref(
        'tencentcloud_security_group.own[0].id',
        'tencentcloud_security_group.own[0]',
        'tencentcloud_security_group.own',
      ),
    });
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.all')).toBe(
      'tencentcloud_security_group.own[0],tencentcloud_security_group.own[1]',
    );
    expect(inventory.instances.get('tencentcloud_instance.picked')!.interfaces[0]!.securityGroups).toMatchObject({
      unknown: true,
      reason: expect.stringContaining('which instance of tencentcloud_security_group.own is meant cannot be told'),
    });
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.first')).toBe('tencentcloud_security_group.own[0]');
    // Read again, the answers are the same (and `all` still names both).
    expect(groupsOfInstance(plan.inventory(), 'tencentcloud_instance.all')).toBe(
      'tencentcloud_security_group.own[0],tencentcloud_security_group.own[1]',
    );
  });

  it('follows each.value of a for_each over another resource to the instance with the same key', () => {
    const plan = group(new PlanBuilder(), 'extra');
    for (const key of ['a', 'b']) {
      plan.resource(`tencentcloud_instance.api["${key}"]`, { instance_name: key, orderly_security_groups: [] }, { unknown: { id: true } });
      plan.resource(
        `tencentcloud_cvm_security_group_attachment.x["${key}"]`,
        {},
        { unknown: { id: true, instance_id: true, security_group_id: true } },
      );
    }
    plan.config([], 'tencentcloud_instance.api', {}, { forEach: constant({ a: 1, b: 2 }) });
    plan.config(
      [],
      'tencentcloud_cvm_security_group_attachment.x',
      { instance_id: ref('each.value.id', 'each.value'), security_group_id: idOf('tencentcloud_security_group.extra') },
      { forEach: ref('tencentcloud_instance.api') },
    );
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.api["a"]')).toBe('tencentcloud_security_group.extra');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.api["b"]')).toBe('tencentcloud_security_group.extra');
  });

  it('resolves references inside a module relative to its instance, and var. through the module call', () => {
    const plan = group(new PlanBuilder(), 'shared');
    for (const key of ['x', 'y']) {
      group(plan, 'own', []);
      plan.resource(`module.app["${key}"].tencentcloud_security_group.own`, { name: key }, { unknown: { id: true } });
      appInstance(plan, key);
    }
    plan.call(['app'], {
      source: './app',
      forEach: constant(['x', 'y']),
      expressions: { extra_group: idOf('tencentcloud_security_group.shared') },
    });
    plan.config(['app'], 'tencentcloud_security_group.own', { name: ref('each.key') });
    plan.config(['app'], 'tencentcloud_instance.web', {
      orderly_security_groups: ref('tencentcloud_security_group.own.id', 'tencentcloud_security_group.own', 'var.extra_group'),
    });
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'module.app["x"].tencentcloud_instance.web')).toBe(
      'module.app["x"].tencentcloud_security_group.own,tencentcloud_security_group.shared',
    );
    expect(groupsOfInstance(inventory, 'module.app["y"].tencentcloud_instance.web')).toBe(
      'module.app["y"].tencentcloud_security_group.own,tencentcloud_security_group.shared',
    );
  });

  it('shares a module argument between instances only when it does not read the instance key', () => {
    const plan = group(new PlanBuilder(), 'shared');
    for (const key of ['x', 'y']) appInstance(plan, key);
    plan.call(['app'], {
      source: './app',
      forEach: constant({ x: 'sg-xxxxxxxx', y: 'sg-yyyyyyyy' }),
      expressions: { own_group: ref('each.value'), extra_group: idOf('tencentcloud_security_group.shared') },
    });
    plan.config(['app'], 'tencentcloud_instance.web', { orderly_security_groups: ref('var.own_group', 'var.extra_group') });
    const inventory = plan.inventory();
    // y is read after x: had x's `own_group` been kept for the whole call, y would name x's group.
    expect(groupsOfInstance(inventory, 'module.app["x"].tencentcloud_instance.web')).toBe('sg-xxxxxxxx,tencentcloud_security_group.shared');
    expect(groupsOfInstance(inventory, 'module.app["y"].tencentcloud_instance.web')).toBe('sg-yyyyyyyy,tencentcloud_security_group.shared');
  });

  it('follows a module output into the child module', () => {
    const plan = new PlanBuilder();
    plan.resource('module.net.tencentcloud_security_group.edge', { name: 'edge' }, { unknown: { id: true } });
    plan.call(['net'], { source: './net', outputs: { edge_id: idOf('tencentcloud_security_group.edge') } });
    instance(plan, 'tencentcloud_instance.web', ref('module.net.edge_id', 'module.net'));
    expect(groupsOfInstance(plan.inventory(), 'tencentcloud_instance.web')).toBe('module.net.tencentcloud_security_group.edge');
  });

  it('reads locals from the module sources, since the plan JSON leaves them out', () => {
    const plan = group(new PlanBuilder(), 'web');
    instance(plan, 'tencentcloud_instance.web', ref('local.groups'));
    plan.file('main.tf', 'locals {\n  groups = [tencentcloud_security_group.web.id]\n}\n');
    expect(groupsOfInstance(plan.inventory(), 'tencentcloud_instance.web')).toBe('tencentcloud_security_group.web');
  });

  it('keeps literal IDs written beside references in a list known only after apply, read from the .tf list', () => {
    const plan = group(group(new PlanBuilder(), 'a'), 'b');
    instance(
      plan,
      'tencentcloud_instance.web',
      ref(
        'tencentcloud_security_group.b.id',
        'tencentcloud_security_group.b',
        'tencentcloud_security_group.a.id',
        'tencentcloud_security_group.a',
      ),
    );
    plan.file(
      'main.tf',
      'resource "tencentcloud_instance" "web" {\n  orderly_security_groups = [tencentcloud_security_group.b.id, "sg-base", tencentcloud_security_group.a.id]\n}\n',
    );
    expect(groupsOfInstance(plan.inventory(), 'tencentcloud_instance.web')).toBe(
      'tencentcloud_security_group.b,sg-base,tencentcloud_security_group.a',
    );
  });

  it('makes references to things outside the plan unknown, with the reason', () => {
    const plan = new PlanBuilder();
    instance(
      plan,
      'tencentcloud_instance.web',
      ref('data.tencentcloud_security_groups.all.security_groups', 'data.tencentcloud_security_groups.all'),
    );
    const nic = plan.inventory().instances.get('tencentcloud_instance.web')!.interfaces[0]!;
    expect(nic.securityGroups).toEqual({ unknown: true, reason: 'external: data source data.tencentcloud_security_groups.all' });
  });

  it('keeps a literal ID of a group outside the plan as an external key, and maps one in prior state to its address', () => {
    const plan = new PlanBuilder();
    plan.resource('tencentcloud_security_group.old', { id: 'sg-known', name: 'old' }, { actions: ['no-op'] });
    plan.resource(
      'tencentcloud_instance.web',
      { instance_name: 'w', orderly_security_groups: ['sg-known', 'sg-elsewhere'] },
      { actions: ['update'] },
    );
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web')).toBe('tencentcloud_security_group.old,sg-elsewhere');
    expect(inventory.securityGroups.has('sg-elsewhere')).toBe(false);
  });

  it('reads resources that do not change from prior state', () => {
    const plan = new PlanBuilder();
    plan.resource('tencentcloud_security_group.kept', { id: 'sg-kept', name: 'kept' }, { priorOnly: true });
    plan.resource('tencentcloud_instance.web', { instance_name: 'w', orderly_security_groups: ['sg-kept'] }, { priorOnly: true });
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web')).toBe('tencentcloud_security_group.kept');
    expect(inventory.securityGroups.get('tencentcloud_security_group.kept')!.ingress.unknownReason).toMatch(
      /not managed in this configuration/,
    );
  });

  it('ignores deleted resources, and a replaced one keeps only its new values', () => {
    const plan = new PlanBuilder();
    plan.resource('tencentcloud_instance.gone', { instance_name: 'gone' }, { actions: ['delete'] });
    plan.resource(
      'tencentcloud_instance.web',
      { id: 'ins-old', instance_name: 'new', orderly_security_groups: [] },
      { actions: ['delete', 'create'], unknown: { id: true } },
    );
    const inventory = plan.inventory();
    expect([...inventory.instances.keys()]).toEqual(['tencentcloud_instance.web']);
    expect(inventory.instances.get('tencentcloud_instance.web')!.name).toBe('new');
  });

  it('reads a module variable left at its default as not set', () => {
    const plan = new PlanBuilder();
    plan.resource(
      'module.lb.tencentcloud_clb_instance.this',
      { network_type: 'OPEN', clb_name: 'x' },
      { unknown: { id: true, security_groups: true, clb_vips: true, address_ip_version: true } },
    );
    plan.call(['lb'], { source: './lb', variables: { groups: null, ip_version: null } });
    plan.config(['lb'], 'tencentcloud_clb_instance.this', {
      security_groups: ref('var.groups'),
      address_ip_version: ref('var.ip_version'),
    });
    const lb = lbOf(plan.inventory(), 'module.lb.tencentcloud_clb_instance.this');
    expect([maybe(lb.securityGroups), lb.ipVersion]).toEqual(['', 'IPV4']);
  });

  it('links a target written as a static block to the instance it names, whatever the set order', () => {
    const plan = new PlanBuilder();
    plan.resource('tencentcloud_clb_instance.lb', { network_type: 'OPEN' }, { unknown: { id: true } });
    plan.resource('tencentcloud_clb_listener.l', { protocol: 'TCP', port: 80 }, { unknown: { id: true, clb_id: true, listener_id: true } });
    plan.config([], 'tencentcloud_clb_listener.l', { clb_id: idOf('tencentcloud_clb_instance.lb') });
    for (const name of ['a', 'b']) plan.resource(`tencentcloud_instance.${name}`, { instance_name: name }, { unknown: { id: true } });
    // The plan lists the set as b:9000, a:8000; the configuration wrote a first.
    plan.resource(
      'tencentcloud_clb_attachment.t',
      {
        targets: [
          { eni_ip: '', port: 9000, weight: 10 },
          { eni_ip: '', port: 8000, weight: 10 },
        ],
      },
      { unknown: { clb_id: true, listener_id: true, targets: [{ instance_id: true }, { instance_id: true }] } },
    );
    plan.config([], 'tencentcloud_clb_attachment.t', {
      clb_id: idOf('tencentcloud_clb_instance.lb'),
      listener_id: idOf('tencentcloud_clb_listener.l', 'listener_id'),
      targets: [
        { instance_id: idOf('tencentcloud_instance.a'), port: constant(8000) },
        { instance_id: idOf('tencentcloud_instance.b'), port: constant(9000) },
      ],
    });
    const targets = lbOf(plan.inventory(), 'tencentcloud_clb_instance.lb').listeners[0]!.targets.map(targetText);
    expect(targets).toEqual(['tencentcloud_instance.b:9000', 'tencentcloud_instance.a:8000']);
  });
});

describe('dynamic targets blocks, read from the .tf source', () => {
  function attachment(forEach: string, instanceId = 'tencentcloud_instance.web[targets.key].id'): PlanBuilder {
    const plan = new PlanBuilder();
    plan.resource('tencentcloud_clb_instance.lb', { network_type: 'OPEN' }, { unknown: { id: true } });
    plan.resource('tencentcloud_clb_listener.l', { protocol: 'TCP', port: 80 }, { unknown: { id: true, clb_id: true, listener_id: true } });
    plan.config([], 'tencentcloud_clb_listener.l', { clb_id: idOf('tencentcloud_clb_instance.lb') });
    for (const key of ['a', 'b']) plan.resource(`tencentcloud_instance.web["${key}"]`, { instance_name: key }, { unknown: { id: true } });
    plan.resource(
      'tencentcloud_clb_attachment.t',
      {
        targets: [
          { eni_ip: '', port: 8000, weight: 10 },
          { eni_ip: '', port: 9000, weight: 10 },
        ],
      },
      { unknown: { clb_id: true, listener_id: true, targets: [{ instance_id: true }, { instance_id: true }] } },
    );
    plan.config([], 'tencentcloud_clb_attachment.t', {
      clb_id: idOf('tencentcloud_clb_instance.lb'),
      listener_id: idOf('tencentcloud_clb_listener.l', 'listener_id'),
    });
    plan.file(
      'main.tf',
      `resource "tencentcloud_clb_attachment" "t" {\n  dynamic "targets" {\n    for_each = ${forEach}\n    content {\n      instance_id = ${instanceId}\n      port        = targets.value\n    }\n  }\n}\n`,
    );
    return plan;
  }

  it('evaluates for_each and content per element, matched to the plan by port', () => {
    const targets = lbOf(attachment('{ b = 9000, a = 8000 }').inventory(), 'tencentcloud_clb_instance.lb').listeners[0]!.targets.map(
      targetText,
    );
    expect(targets).toEqual(['tencentcloud_instance.web["a"]:8000', 'tencentcloud_instance.web["b"]:9000']);
  });

  it('is unknown, with the expression, when the for_each collection cannot be decided', () => {
    const targets = lbOf(attachment('{ for i in tencentcloud_instance.web : i.id => 8000 }').inventory(), 'tencentcloud_clb_instance.lb')
      .listeners[0]!.targets;
    expect(targets[0]!.instance).toMatchObject({
      unknown: true,
      reason: expect.stringMatching(
        /the for_each of the dynamic "targets" block cannot be decided: `\{for i in tencentcloud_instance\.web : i\.id => 8000\}` computes on tencentcloud_instance\.web\["a"\]\.id/,
      ),
    });
  });

  it('gives an open target the instances of the one resource its expressions name as candidates', () => {
    const targets = lbOf(attachment('{ for i in tencentcloud_instance.web : i.id => 8000 }').inventory(), 'tencentcloud_clb_instance.lb')
      .listeners[0]!.targets;
    expect(targets.map((t) => t.instanceCandidates)).toEqual([
      ['tencentcloud_instance.web["a"]', 'tencentcloud_instance.web["b"]'],
      ['tencentcloud_instance.web["a"]', 'tencentcloud_instance.web["b"]'],
    ]);
  });

  it('takes the candidates from for_each when instance_id uses only the iterator', () => {
    const targets = lbOf(
      attachment('{ for i in tencentcloud_instance.web : i.id => 8000 }', 'targets.value.id').inventory(),
      'tencentcloud_clb_instance.lb',
    ).listeners[0]!.targets;
    expect(targets[0]!.instanceCandidates).toEqual(['tencentcloud_instance.web["a"]', 'tencentcloud_instance.web["b"]']);
  });

  it('leaves the candidates open when the expressions name anything besides one resource', () => {
    const targets = lbOf(
      attachment('{ for i in tencentcloud_instance.web : i.id => var.port }', 'targets.value.id').inventory(),
      'tencentcloud_clb_instance.lb',
    ).listeners[0]!.targets;
    expect(targets[0]!.instance).toMatchObject({ unknown: true });
    expect(targets.every((t) => t.instanceCandidates === undefined)).toBe(true);
  });
});

describe('configuration written as .tf.json', () => {
  // Terraform keeps the JSON strings as constants, next to the references they interpolate.
  const template = (text: string, ...references: string[]) => ({ constant_value: text, references });

  it('reads "${…}" constants as expressions, not as literal IDs', () => {
    const plan = group(group(new PlanBuilder(), 'api'), 'ops');
    instance(
      plan,
      'tencentcloud_instance.web',
      template('${tencentcloud_security_group.api.id}', 'tencentcloud_security_group.api.id', 'tencentcloud_security_group.api'),
    );
    plan.resource('tencentcloud_instance.list', { instance_name: 'l' }, { unknown: { id: true, orderly_security_groups: true } });
    plan.config([], 'tencentcloud_instance.list', {
      orderly_security_groups: template(
        ['${tencentcloud_security_group.ops.id}', 'sg-base', '${tencentcloud_security_group.api.id}'] as unknown as string,
        'tencentcloud_security_group.ops.id',
        'tencentcloud_security_group.ops',
        'tencentcloud_security_group.api.id',
        'tencentcloud_security_group.api',
      ),
    });
    const inventory = plan.inventory();
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.web')).toBe('tencentcloud_security_group.api');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.list')).toBe(
      'tencentcloud_security_group.ops,sg-base,tencentcloud_security_group.api',
    );
    expect([...inventory.securityGroups.keys()].some((key) => key.includes('${'))).toBe(false);
  });

  it('links an attachment and its targets through templates', () => {
    const plan = new PlanBuilder();
    plan.resource('tencentcloud_clb_instance.lb', { network_type: 'OPEN' }, { unknown: { id: true } });
    plan.resource('tencentcloud_clb_listener.l', { protocol: 'TCP', port: 80 }, { unknown: { id: true, clb_id: true, listener_id: true } });
    plan.config([], 'tencentcloud_clb_listener.l', {
      clb_id: template('${tencentcloud_clb_instance.lb.id}', 'tencentcloud_clb_instance.lb.id', 'tencentcloud_clb_instance.lb'),
    });
    plan.resource('tencentcloud_instance.a', { instance_name: 'a' }, { unknown: { id: true } });
    plan.resource(
      'tencentcloud_clb_attachment.t',
      { targets: [{ eni_ip: '', port: 8000, weight: 10 }] },
      { unknown: { clb_id: true, listener_id: true, targets: [{ instance_id: true }] } },
    );
    plan.config([], 'tencentcloud_clb_attachment.t', {
      clb_id: template('${tencentcloud_clb_instance.lb.id}', 'tencentcloud_clb_instance.lb.id', 'tencentcloud_clb_instance.lb'),
      listener_id: template(
        '${tencentcloud_clb_listener.l.listener_id}',
        'tencentcloud_clb_listener.l.listener_id',
        'tencentcloud_clb_listener.l',
      ),
      targets: [
        {
          instance_id: template('${tencentcloud_instance.a.id}', 'tencentcloud_instance.a.id', 'tencentcloud_instance.a'),
          port: constant(8000),
        },
      ],
    });
    const inventory = plan.inventory();
    expect(lbOf(inventory, 'tencentcloud_clb_instance.lb').listeners[0]!.targets.map(targetText)).toEqual(['tencentcloud_instance.a:8000']);
    expect(inventory.warnings).toEqual([]);
  });
});
