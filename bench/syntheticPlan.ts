/**
 * Deterministic synthetic `terraform show -json` plans for the benchmark: a create plan whose IDs
 * are all unknown, so every link goes through configuration references — the expensive path.
 * Size unit `k`: k CLBs, 5k listeners, 5k instances, 25k backends, 1.25k security groups with
 * 20 ordered rules each (DROPs included), 2 groups per instance, subnets with ACLs.
 */
export interface PlanSize {
  readonly loadBalancers: number;
  readonly listeners: number;
  readonly instances: number;
  readonly backends: number;
  readonly securityGroups: number;
  readonly rules: number;
}

export function sizeFor(k: number): PlanSize {
  const securityGroups = Math.max(2, Math.round(k * 2.5));
  return { loadBalancers: k, listeners: 5 * k, instances: 5 * k, backends: 25 * k, securityGroups, rules: securityGroups * 20 };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same plan on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Change {
  address: string;
  mode: 'managed';
  type: string;
  name: string;
  index?: number;
  change: { actions: ['create']; before: null; after: Record<string, unknown>; after_unknown: Record<string, unknown> };
}

export function syntheticPlan(k: number, seed = 42): { plan: unknown; size: PlanSize } {
  const size = sizeFor(k);
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const changes: Change[] = [];
  const configResources: Record<string, unknown>[] = [];
  const ref = (address: string, attribute = 'id') => ({ references: [`${address}.${attribute}`, address] });
  const add = (
    type: string,
    name: string,
    index: number | undefined,
    after: Record<string, unknown>,
    unknownValues: Record<string, unknown>,
  ) => {
    const address = `${type}.${name}${index === undefined ? '' : `[${index}]`}`;
    changes.push({
      address,
      mode: 'managed',
      type,
      name,
      ...(index === undefined ? {} : { index }),
      change: { actions: ['create'], before: null, after, after_unknown: { id: true, ...unknownValues } },
    });
    return address;
  };
  const config = (type: string, name: string, expressions: Record<string, unknown>, count?: number) => {
    configResources.push({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      expressions,
      ...(count !== undefined ? { count_expression: { constant_value: count } } : {}),
    });
  };

  add('tencentcloud_vpc', 'main', undefined, { name: 'main', cidr_block: '10.0.0.0/8' }, {});
  config('tencentcloud_vpc', 'main', { name: { constant_value: 'main' }, cidr_block: { constant_value: '10.0.0.0/8' } });

  const subnets = Math.max(1, Math.ceil(size.instances / 200));
  const acls = Math.max(1, Math.ceil(subnets / 2));
  for (let a = 0; a < acls; a++) {
    const name = `acl${a}`;
    const ingress = ['DROP#45.33.0.0/16#ALL#ALL', 'ACCEPT#0.0.0.0/0#1-65535#TCP', 'ACCEPT#10.0.0.0/8#ALL#ALL'];
    const egress = [pick(['ACCEPT#0.0.0.0/0#ALL#ALL', 'ACCEPT#10.0.0.0/8#ALL#ALL'])];
    add('tencentcloud_vpc_acl', name, undefined, { name, ingress, egress }, { vpc_id: true });
    config('tencentcloud_vpc_acl', name, {
      vpc_id: ref('tencentcloud_vpc.main'),
      ingress: { constant_value: ingress },
      egress: { constant_value: egress },
    });
  }
  for (let s = 0; s < subnets; s++) {
    const name = `s${s}`;
    const cidr = `10.${Math.floor(s / 256)}.${s % 256}.0/24`;
    add('tencentcloud_subnet', name, undefined, { name, cidr_block: cidr }, { vpc_id: true });
    config('tencentcloud_subnet', name, { vpc_id: ref('tencentcloud_vpc.main'), cidr_block: { constant_value: cidr } });
    if (s % 2 === 0) {
      const acl = `tencentcloud_vpc_acl.acl${Math.floor(s / 2) % acls}`;
      add('tencentcloud_vpc_acl_attachment', name, undefined, {}, { acl_id: true, subnet_id: true });
      config('tencentcloud_vpc_acl_attachment', name, { acl_id: ref(acl), subnet_id: ref(`tencentcloud_subnet.${name}`) });
    }
  }

  add(
    'tencentcloud_address_template',
    'office',
    undefined,
    { name: 'office', addresses: ['203.0.113.0/24', '198.51.100.1-198.51.100.20'] },
    {},
  );
  config('tencentcloud_address_template', 'office', {
    name: { constant_value: 'office' },
    addresses: { constant_value: ['203.0.113.0/24', '198.51.100.1-198.51.100.20'] },
  });

  const ports = [80, 443, 8080, 8443, 9000];
  for (let g = 0; g < size.securityGroups; g++) {
    const name = `sg${g}`;
    add('tencentcloud_security_group', name, undefined, { name }, {});
    config('tencentcloud_security_group', name, { name: { constant_value: name } });
    const ingress: Record<string, unknown>[] = [];
    const unknownIngress: Record<string, unknown>[] = [];
    const configIngress: Record<string, unknown>[] = [];
    for (let r = 0; r < 20; r++) {
      const roll = rand();
      const block: Record<string, unknown> = {
        action: 'ACCEPT',
        cidr_block: null,
        address_template_id: null,
        source_security_id: null,
        protocol: 'TCP',
        port: String(pick(ports)),
        description: null,
      };
      const unknownBlock: Record<string, unknown> = { policy_index: true };
      const configBlock: Record<string, unknown> = { action: { constant_value: 'ACCEPT' } };
      if (roll < 0.2) {
        block.action = 'DROP';
        block.cidr_block = `${1 + Math.floor(rand() * 200)}.${Math.floor(rand() * 256)}.0.0/16`;
      } else if (roll < 0.3) {
        block.address_template_id = null;
        unknownBlock.address_template_id = true;
        configBlock.address_template_id = ref('tencentcloud_address_template.office');
      } else if (roll < 0.4) {
        unknownBlock.source_security_id = true;
        configBlock.source_security_id = ref(`tencentcloud_security_group.sg${Math.floor(rand() * size.securityGroups)}`);
      } else if (roll < 0.5) {
        block.cidr_block = '0.0.0.0/0';
        block.port = `${pick(ports)},${pick(ports)}`;
      } else {
        block.cidr_block = pick(['0.0.0.0/0', '10.0.0.0/8', '172.16.0.0/12', `10.${Math.floor(rand() * 4)}.0.0/16`]);
      }
      if (block.action === 'DROP') configBlock.action = { constant_value: 'DROP' };
      ingress.push(block);
      unknownIngress.push(unknownBlock);
      configIngress.push(configBlock);
    }
    add(
      'tencentcloud_security_group_rule_set',
      name,
      undefined,
      { ingress, egress: [] },
      { security_group_id: true, ingress: unknownIngress },
    );
    config('tencentcloud_security_group_rule_set', name, {
      security_group_id: ref(`tencentcloud_security_group.${name}`),
      ingress: configIngress,
    });
  }

  // Instances in groups of 25 (one resource with count each), each group with its own pair of groups.
  const perGroup = 25;
  const groups = Math.ceil(size.instances / perGroup);
  const instanceAddress = (i: number) => `tencentcloud_instance.app${Math.floor(i / perGroup)}[${i % perGroup}]`;
  for (let g = 0; g < groups; g++) {
    const count = Math.min(perGroup, size.instances - g * perGroup);
    const subnet = g % subnets;
    for (let i = 0; i < count; i++) {
      const ip = `10.${Math.floor(subnet / 256)}.${subnet % 256}.${10 + i}`;
      add(
        'tencentcloud_instance',
        `app${g}`,
        i,
        { instance_name: `app-${g}-${i}`, image_id: 'img-9qabwvbn', private_ip: ip },
        { subnet_id: true, vpc_id: true, orderly_security_groups: true },
      );
    }
    const sgA = (2 * g) % size.securityGroups;
    const sgB = (2 * g + 1) % size.securityGroups;
    configResources.push({
      address: `tencentcloud_instance.app${g}`,
      mode: 'managed',
      type: 'tencentcloud_instance',
      name: `app${g}`,
      count_expression: { constant_value: count },
      expressions: {
        subnet_id: ref(`tencentcloud_subnet.s${subnet}`),
        vpc_id: ref('tencentcloud_vpc.main'),
        orderly_security_groups: {
          references: [
            `tencentcloud_security_group.sg${sgA}.id`,
            `tencentcloud_security_group.sg${sgA}`,
            `tencentcloud_security_group.sg${sgB}.id`,
            `tencentcloud_security_group.sg${sgB}`,
          ],
        },
      },
    });
  }

  let listenerIndex = 0;
  for (let c = 0; c < size.loadBalancers; c++) {
    const name = `lb${c}`;
    const open = rand() < 0.6;
    add(
      'tencentcloud_clb_instance',
      name,
      undefined,
      { clb_name: name, network_type: open ? 'OPEN' : 'INTERNAL', load_balancer_pass_to_target: rand() < 0.3 },
      { clb_vips: true, vpc_id: true, subnet_id: !open, security_groups: true },
    );
    config('tencentcloud_clb_instance', name, {
      network_type: { constant_value: open ? 'OPEN' : 'INTERNAL' },
      vpc_id: ref('tencentcloud_vpc.main'),
      ...(open ? {} : { subnet_id: ref('tencentcloud_subnet.s0') }),
    });
    for (let l = 0; l < 5; l++) {
      const lname = `l${listenerIndex++}`;
      const port = ports[l]!;
      add(
        'tencentcloud_clb_listener',
        lname,
        undefined,
        {
          listener_name: lname,
          protocol: pick(['TCP', 'TCP', 'HTTP', 'UDP']),
          port,
          health_check_switch: true,
          health_check_port: rand() < 0.3 ? port + 1 : null,
          health_source_ip_type: rand() < 0.5 ? 0 : 1,
        },
        { clb_id: true, listener_id: true },
      );
      config('tencentcloud_clb_listener', lname, { clb_id: ref(`tencentcloud_clb_instance.${name}`) });
      const targets: Record<string, unknown>[] = [];
      const targetUnknown: Record<string, unknown>[] = [];
      const targetConfig: Record<string, unknown>[] = [];
      for (let t = 0; t < 5; t++) {
        const instance = Math.floor(rand() * size.instances);
        targets.push({ eni_ip: '', port: 8000 + l, weight: 10 });
        targetUnknown.push({ instance_id: true });
        targetConfig.push({
          instance_id: { references: [`${instanceAddress(instance)}.id`, instanceAddress(instance)] },
          port: { constant_value: 8000 + l },
        });
      }
      add('tencentcloud_clb_attachment', lname, undefined, { targets }, { clb_id: true, listener_id: true, targets: targetUnknown });
      config('tencentcloud_clb_attachment', lname, {
        clb_id: ref(`tencentcloud_clb_instance.${name}`),
        listener_id: ref(`tencentcloud_clb_listener.${lname}`, 'listener_id'),
        targets: targetConfig,
      });
    }
  }

  return {
    size,
    plan: {
      format_version: '1.2',
      terraform_version: '1.11.4',
      planned_values: { root_module: { resources: [] } },
      resource_changes: changes,
      configuration: { root_module: { resources: configResources } },
      applyable: true,
      complete: true,
      errored: false,
    },
  };
}
