import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { loadConfig } from '../../src/policy/configLoader.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import type { Account } from '../emulator/accountFixture.js';
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { type ScenarioSpec, toAccount, toPlan } from '../fixtures/scenarios/scenarioSpec.js';
import { expectValidReport } from '../report/reportSchema.js';

const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/**
 * An instance that is a backend only through an ENI IP on its secondary interface. Its primary
 * interface (the CVM-level groups) has a DROP that the first group's ACCEPT makes ineffective;
 * a second ENI has no security group at all, so it admits everything — SSH from anywhere too.
 */
const SPEC: ScenarioSpec = {
  vpc: { id: 'vpc-eni', cidr: '10.0.0.0/16' },
  subnets: [{ id: 'subnet-eni', cidr: '10.0.1.0/24' }],
  groups: [
    { id: 'sg-open', ingress: ['ACCEPT#0.0.0.0/0#80#TCP'] },
    { id: 'sg-blocklist', ingress: ['DROP#45.33.0.0/16#80#TCP'] },
    { id: 'sg-eni', ingress: ['ACCEPT#0.0.0.0/0#8080#TCP'] },
  ],
  instances: [{ id: 'ins-app', subnet: 'subnet-eni', ip: '10.0.1.10', groups: ['sg-open', 'sg-blocklist'] }],
  clbs: [
    {
      id: 'lb-eni',
      network: 'OPEN',
      vip: '119.28.5.5',
      listeners: [{ id: 'lbl-eni', protocol: 'TCP', port: 80, healthSource: 1, targets: [] }],
    },
  ],
};
const ENIS = [
  { id: 'eni-app', ip: '10.0.1.20', groups: ['sg-eni'] },
  { id: 'eni-bare', ip: '10.0.1.21', groups: [] as string[] },
];

/** The scenario as a plan: the spec's resources, the two ENIs, their attachments and the ENI-IP target. */
function planOf(): unknown {
  const plan = toPlan(SPEC) as {
    resource_changes: { type: string; name: string; change: { after: Record<string, unknown>; before: Record<string, unknown> } }[];
  };
  const add = (type: string, name: string, values: Record<string, unknown>) =>
    plan.resource_changes.push({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      change: { actions: ['no-op'], before: values, after: values, after_unknown: {} },
    } as never);
  for (const eni of ENIS) {
    const name = eni.id.replace(/-/g, '_');
    add('tencentcloud_eni', name, {
      id: eni.id,
      name: eni.id,
      vpc_id: SPEC.vpc.id,
      subnet_id: 'subnet-eni',
      security_groups: eni.groups,
      ipv4s: [{ ip: eni.ip, primary: true, description: '' }],
    });
    add('tencentcloud_eni_attachment', `${name}_attachment`, { id: `${eni.id}+ins-app`, eni_id: eni.id, instance_id: 'ins-app' });
  }
  const targets = plan.resource_changes.find((r) => r.type === 'tencentcloud_clb_attachment')!;
  const values = { ...targets.change.after, targets: [{ instance_id: '', eni_ip: '10.0.1.20', port: 8080, weight: 10 }] };
  targets.change.after = values;
  targets.change.before = values;
  return plan;
}

/** The same as the account the API would describe. */
function accountOf(): Account {
  const account = toAccount(SPEC);
  const region = account.regions['ap-guangzhou']!;
  region.targets['lb-eni'] = [
    {
      ListenerId: 'lbl-eni',
      Protocol: 'TCP',
      Port: 80,
      Targets: [{ Type: 'ENI', Port: 8080, Weight: 10, PrivateIpAddresses: ['10.0.1.20'] }],
    },
  ];
  region.networkInterfaces = [
    {
      NetworkInterfaceId: 'eni-primary',
      Primary: true,
      GroupSet: ['sg-open', 'sg-blocklist'],
      PrivateIpAddressSet: [{ PrivateIpAddress: '10.0.1.10', Primary: true }],
      SubnetId: 'subnet-eni',
      VpcId: SPEC.vpc.id,
      Attachment: { InstanceId: 'ins-app' },
    },
    ...ENIS.map((eni) => ({
      NetworkInterfaceId: eni.id,
      Primary: false,
      GroupSet: eni.groups,
      PrivateIpAddressSet: [{ PrivateIpAddress: eni.ip, Primary: true }],
      SubnetId: 'subnet-eni',
      VpcId: SPEC.vpc.id,
      Attachment: { InstanceId: 'ins-app' },
    })),
  ];
  return account;
}

async function scanLive(account: Account) {
  emulator = await startEmulator({ account });
  const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
  return readLiveInventory({
    regions: ['ap-guangzhou'],
    credentials,
    apiEndpoint: emulator.url,
    logger: silentLogger,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  });
}

describe('every interface of every backend', () => {
  it('a late DROP on the primary interface of an ENI-IP backend, and an ENI without groups: the same findings in plan and live mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-eni-'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planOf()));
    const plan = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', today: '2026-11-24' });
    const idOf = (address: string) => /\.([A-Za-z0-9_]+)$/.exec(address)?.[1]?.replace(/_/g, '-') ?? address;
    const planFindings = plan.findings.map((f) => `${f.status} ${f.policy} ${idOf(f.resource)}`).sort();

    const inventory = await scanLive(accountOf());
    const live = checkInventory(inventory, await loadConfig({ cwd: dir }), { today: '2026-11-24', target: {} });
    const liveFindings = live.findings.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort();

    const expected = ['fail admin-port-not-public eni-bare', 'fail deny-before-allow sg-blocklist'];
    expect(planFindings).toEqual(expected);
    expect(liveFindings).toEqual(expected);
    expect(live.complete).toBe(true);
    // The finding names the interface that carries the late DROP, in both modes.
    const deny = live.findings.find((f) => f.policy === 'deny-before-allow')!;
    expect(deny.related).toContain('ins-app');
    const exposed = live.findings.find((f) => f.policy === 'admin-port-not-public')!;
    expect(exposed.related).toContain('ins-app');
    expect(JSON.stringify(exposed.evidence)).toContain('no security group is bound to eni-bare');
    // The fix binds a group to the bare ENI, in both modes.
    expect(exposed.fix?.text).toBe(
      'Bind a security group that admits only what it serves to ENI eni-bare: with none bound, an ENI admits all traffic.',
    );
    expect(exposed.fix?.api).toEqual({
      service: 'vpc',
      action: 'AssociateNetworkInterfaceSecurityGroups',
      request: { NetworkInterfaceIds: ['eni-bare'], SecurityGroupIds: ['<security group ID>'] },
    });
    const planExposed = plan.findings.find((f) => f.policy === 'admin-port-not-public')!;
    expect(planExposed.fix?.resource).toBe('tencentcloud_eni.eni_bare');
    expect(planExposed.fix?.hcl).toContain('network_interface_ids = [tencentcloud_eni.eni_bare.id]');
    expect(planExposed.fix?.api?.request).toEqual({ NetworkInterfaceIds: ['eni-bare'], SecurityGroupIds: ['<security group ID>'] });
    expectValidReport(plan, 'plan report');
    expectValidReport(live, 'live report');
  });

  it('reads the instance behind an ENI IP and all its interfaces, each with its own ordered groups, in the fewest calls', async () => {
    const inventory = await scanLive(accountOf());
    expect(inventory.instances.get('ins-app')?.interfaces).toMatchObject([{ primary: true, securityGroups: ['sg-open', 'sg-blocklist'] }]);
    expect(inventory.networkInterfaces.get('eni-app')).toMatchObject({ primary: false, instance: 'ins-app', securityGroups: ['sg-eni'] });
    expect(inventory.networkInterfaces.get('eni-bare')).toMatchObject({ primary: false, instance: 'ins-app', securityGroups: [] });
    // The primary ENI is the instance's own interface: not a second copy of it.
    expect(inventory.networkInterfaces.has('eni-primary')).toBe(false);
    expect([...inventory.securityGroups.keys()].sort()).toEqual(['sg-blocklist', 'sg-eni', 'sg-open']);
    expect(Object.fromEntries([...emulator!.calls].sort())).toEqual({
      DescribeInstances: 1,
      DescribeListeners: 1,
      DescribeLoadBalancers: 1,
      // One lookup by the target's IP, one for the instance's secondary interfaces.
      DescribeNetworkInterfaces: 2,
      DescribeRegions: 1,
      DescribeSecurityGroupPolicies: 3,
      DescribeSubnets: 1,
      DescribeTargets: 1,
      DescribeVpcs: 1,
    });
  });

  it('a group named as a source brings its members: instances and secondary ENIs bound to it', async () => {
    const account = accountOf();
    const region = account.regions['ap-guangzhou']!;
    region.securityGroupPolicies['sg-open']!.Ingress!.push({
      PolicyIndex: 1,
      Action: 'ACCEPT',
      SecurityGroupId: 'sg-peer',
      Protocol: 'TCP',
      Port: '22',
    });
    region.instances.push({
      InstanceId: 'ins-other',
      OsName: 'TencentOS',
      PrivateIpAddresses: ['10.0.1.98'],
      VirtualPrivateCloud: { VpcId: SPEC.vpc.id, SubnetId: 'subnet-eni' },
      SecurityGroupIds: ['sg-other'],
    });
    region.networkInterfaces!.push({
      NetworkInterfaceId: 'eni-peer',
      Primary: false,
      GroupSet: ['sg-peer'],
      PrivateIpAddressSet: [{ PrivateIpAddress: '10.0.1.99', Primary: true }],
      SubnetId: 'subnet-eni',
      Attachment: { InstanceId: 'ins-other' },
    });
    const inventory = await scanLive(account);
    expect(inventory.networkInterfaces.get('eni-peer')).toMatchObject({ securityGroups: ['sg-peer'], privateIps: ['10.0.1.99'] });
    const peerReads = emulator!.log.filter(
      (l) => l.action === 'DescribeNetworkInterfaces' && JSON.stringify(l.params).includes('groups.security-group-id'),
    );
    expect(peerReads).toHaveLength(1);
    // Members are read for their addresses: their own groups' rules are not.
    expect(inventory.securityGroups.has('sg-peer')).toBe(false);
    expect(inventory.securityGroups.has('sg-other')).toBe(false);
  });

  it('a late DROP in the ordered groups of a secondary ENI: the finding and its fix name the ENI and the vpc API that orders its groups', async () => {
    const account = accountOf();
    const region = account.regions['ap-guangzhou']!;
    // The primary interface lists the block list first; the ENI lists it last.
    region.instances[0]!.SecurityGroupIds = ['sg-blocklist', 'sg-open'];
    region.networkInterfaces![0]!.GroupSet = ['sg-blocklist', 'sg-open'];
    region.networkInterfaces![1]!.GroupSet = ['sg-open', 'sg-blocklist'];
    const inventory = await scanLive(account);
    const live = checkInventory(inventory, await loadConfig({ cwd: mkdtempSync(join(tmpdir(), 'clb-guard-eni-')) }), {
      today: '2026-11-24',
      target: {},
    });
    expectValidReport(live, 'live report');
    const deny = live.findings.find((f) => f.policy === 'deny-before-allow')!;
    expect(deny.resource).toBe('sg-blocklist');
    expect(deny.related).toEqual(['sg-open', 'eni-app']);
    expect(deny.fix?.text).toContain('or list sg-blocklist before it in the security groups of ENI eni-app.');
    expect(deny.fix?.text).not.toContain('ins-app');
    expect(deny.fix?.resource).toBe('eni-app');
    expect(deny.fix?.api).toEqual({
      service: 'vpc',
      action: 'ModifyNetworkInterfaceAttribute',
      request: { NetworkInterfaceId: 'eni-app', SecurityGroupIds: ['sg-blocklist', 'sg-open'] },
    });
  });
});
