import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { loadConfig } from '../../src/policy/configLoader.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import type { Account } from '../emulator/accountFixture.js';
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/server.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function account(egress: Record<string, unknown>[]): Account {
  return {
    regions: {
      'ap-guangzhou': {
        loadBalancers: [
          {
            LoadBalancerId: 'lb-q',
            LoadBalancerType: 'OPEN',
            LoadBalancerVips: ['119.28.3.3'],
            VpcId: 'vpc-q',
            SecureGroups: [],
            LoadBalancerPassToTarget: false,
          },
        ],
        listeners: { 'lb-q': [{ ListenerId: 'lbl-q', Protocol: 'TCP', Port: 80, HealthCheck: { HealthSwitch: 0 } }] },
        targets: { 'lb-q': [{ ListenerId: 'lbl-q', Targets: [{ Type: 'ENI', Port: 80, Weight: 10, PrivateIpAddresses: ['10.0.5.9'] }] }] },
        instances: [],
        networkInterfaces: [
          {
            NetworkInterfaceId: 'eni-1',
            Primary: false,
            GroupSet: ['sg-eni'],
            PrivateIpAddressSet: [{ PrivateIpAddress: '10.0.5.9', Primary: true }],
            SubnetId: 'subnet-q',
            Attachment: { InstanceId: 'ins-x' },
          },
        ],
        securityGroupPolicies: {
          'sg-eni': { Ingress: [{ PolicyIndex: 0, Action: 'ACCEPT', CidrBlock: '0.0.0.0/0', Protocol: 'TCP', Port: '80' }], Egress: [] },
        },
        subnets: [{ SubnetId: 'subnet-q', VpcId: 'vpc-q', CidrBlock: '10.0.5.0/24', NetworkAclId: 'acl-q' }],
        vpcs: [{ VpcId: 'vpc-q', CidrBlock: '10.0.0.0/16' }],
        networkAcls: [{ NetworkAclId: 'acl-q', VpcId: 'vpc-q', NetworkAclType: 'QUINTUPLE' }],
        quintupleEntries: {
          'acl-q': [
            {
              NetworkAclDirection: 'INGRESS',
              Priority: 1,
              Action: 'ACCEPT',
              Protocol: 'TCP',
              SourceCidr: '0.0.0.0/0',
              SourcePort: 'ALL',
              DestinationCidr: '10.0.5.0/24',
              DestinationPort: '80',
            },
            ...egress,
          ],
        },
      },
    },
  };
}

async function scan(a: Account) {
  emulator = await startEmulator({ account: a });
  const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey });
  const inventory = await readLiveInventory({
    regions: ['ap-guangzhou'],
    credentials,
    apiEndpoint: emulator.url,
    logger: silentLogger,
    retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
  });
  const config = await loadConfig({ cwd: join(repoRoot, 'test/e2e'), configFile: 'empty-config.json' });
  return { inventory, report: checkInventory(inventory, config, { today: '2026-11-24', target: {} }) };
}

describe('live reads beyond instances', () => {
  it('finds the ENI behind a target registered by IP, with its own groups', async () => {
    const { inventory } = await scan(
      account([
        {
          NetworkAclDirection: 'EGRESS',
          Priority: 1,
          Action: 'ACCEPT',
          Protocol: 'TCP',
          SourceCidr: '10.0.5.0/24',
          SourcePort: '80',
          DestinationCidr: '0.0.0.0/0',
          DestinationPort: '1024-65535',
        },
      ]),
    );
    expect(inventory.networkInterfaces.get('eni-1')).toMatchObject({
      securityGroups: ['sg-eni'],
      privateIps: ['10.0.5.9'],
      instance: 'ins-x',
    });
    expect(inventory.securityGroups.has('sg-eni')).toBe(true);
    expect(emulator!.calls.get('DescribeNetworkInterfaces')).toBe(1);
  });

  it('reads quintuple ACL entries and checks both directions with them', async () => {
    const ok = await scan(
      account([
        {
          NetworkAclDirection: 'EGRESS',
          Priority: 1,
          Action: 'ACCEPT',
          Protocol: 'TCP',
          SourceCidr: '10.0.5.0/24',
          SourcePort: '80',
          DestinationCidr: '0.0.0.0/0',
          DestinationPort: '1024-65535',
        },
      ]),
    );
    expect(ok.inventory.networkAcls.get('acl-q')?.ingress.entries[0]).toMatchObject({
      peerCidr: '0.0.0.0/0',
      localCidr: '10.0.5.0/24',
      port: '80',
    });
    expect(ok.report.findings.filter((f) => f.policy === 'acl-allows-both-directions')).toEqual([]);
    await emulator!.close();
    const broken = await scan(
      account([
        {
          NetworkAclDirection: 'EGRESS',
          Priority: 1,
          Action: 'ACCEPT',
          Protocol: 'TCP',
          SourceCidr: '10.0.5.0/24',
          SourcePort: '22',
          DestinationCidr: '0.0.0.0/0',
          DestinationPort: 'ALL',
        },
      ]),
    );
    expect(broken.report.findings.map((f) => `${f.status} ${f.policy} ${f.resource}`)).toContain('fail acl-allows-both-directions acl-q');
  });
});
