import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { isUnknown } from '../../src/model/value.js';
import { loadConfig } from '../../src/policy/configLoader.js';
import { loadBalancerOf } from '../../src/sources/live/apiToInventory.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import type { Account } from '../emulator/accountFixture.js';
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/server.js';
import { type ScenarioSpec, toAccount, toPlan } from '../fixtures/scenarios/scenarioSpec.js';

const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

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

/**
 * A public CLB whose backend admits only 10.0.0.0/8: as an IPv4 CLB it refuses its clients and
 * its VIP; as an IPv6 CLB (NAT64 or full chain) it passes traffic to its targets, so nothing fails.
 */
const SPEC: ScenarioSpec = {
  vpc: { id: 'vpc-v6', cidr: '10.0.0.0/16' },
  subnets: [{ id: 'subnet-v6', cidr: '10.0.1.0/24' }],
  groups: [{ id: 'sg-app', ingress: ['ACCEPT#10.0.0.0/8#8080#TCP'] }],
  instances: [{ id: 'ins-app', subnet: 'subnet-v6', ip: '10.0.1.10', groups: ['sg-app'] }],
  clbs: [
    {
      id: 'lb-v6',
      network: 'OPEN',
      vip: '119.28.6.6',
      listeners: [{ id: 'lbl-v6', protocol: 'TCP', port: 80, healthSource: 1, targets: [{ instance: 'ins-app', port: 8080 }] }],
    },
  ],
};

function planWith(addressIpVersion: string): unknown {
  const plan = toPlan(SPEC) as { resource_changes: { type: string; change: { after: Record<string, unknown> } }[] };
  const clb = plan.resource_changes.find((r) => r.type === 'tencentcloud_clb_instance')!;
  clb.change.after.address_ip_version = addressIpVersion;
  return plan;
}

function accountWith(fields: Record<string, unknown>): Account {
  const account = toAccount(SPEC);
  const lb = account.regions['ap-guangzhou']!.loadBalancers[0]!;
  Object.assign(lb, fields);
  return account;
}

const findingsOf = (findings: readonly { status: string; policy: string; resource: string }[]) =>
  findings.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort();

describe('an IPv6 CLB reads as IPv6 in live mode, as in plan mode (domain §3.1, §3.4)', () => {
  it.each([
    ['AddressIPVersion "IPv6FullChain"', { AddressIPVersion: 'IPv6FullChain' }],
    ['AddressIPVersion "ipv6" with IPv6Mode "IPv6FullChain"', { AddressIPVersion: 'ipv6', IPv6Mode: 'IPv6FullChain' }],
    ['AddressIPVersion "IPV6" (NAT64)', { AddressIPVersion: 'IPV6' }],
  ])('%s: the same findings as address_ip_version "IPv6FullChain" in a plan', async (_name, fields) => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-v6-'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planWith('IPv6FullChain')));
    const plan = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', today: '2026-11-24' });
    const idOf = (address: string) => /\.([A-Za-z0-9_]+)$/.exec(address)?.[1]?.replace(/_/g, '-') ?? address;

    const inventory = await scanLive(accountWith({ ...fields, AddressIPv6: '2402:4e00:1::6' }));
    expect(inventory.loadBalancers.get('lb-v6')?.ipVersion).toBe('IPV6');
    const live = checkInventory(inventory, await loadConfig({ cwd: dir }), { today: '2026-11-24', target: {} });

    expect(findingsOf(live.findings)).toEqual([]);
    expect(findingsOf(plan.findings.map((f) => ({ ...f, resource: idOf(f.resource) })))).toEqual([]);
    expect(live.complete).toBe(true);
  });

  it('as IPv4 the same backend fails, in both modes: the IPv6 answers above are what changed the outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-v4-'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planWith('IPV4')));
    const plan = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', today: '2026-11-24' });
    const idOf = (address: string) => /\.([A-Za-z0-9_]+)$/.exec(address)?.[1]?.replace(/_/g, '-') ?? address;
    const inventory = await scanLive(accountWith({ AddressIPVersion: 'ipv4' }));
    const live = checkInventory(inventory, await loadConfig({ cwd: dir }), { today: '2026-11-24', target: {} });
    const expected = ['fail backend-allows-clients ins-app', 'fail backend-allows-vip ins-app'];
    expect(findingsOf(live.findings)).toEqual(expected);
    expect(findingsOf(plan.findings.map((f) => ({ ...f, resource: idOf(f.resource) })))).toEqual(expected);
  });

  it('an IP version nothing documents, or IPv4 with an IPv6 mode, is unknown, not IPv4', () => {
    const lb = (fields: Record<string, unknown>) => loadBalancerOf({ LoadBalancerId: 'lb-1', ...fields }, 'ap-guangzhou', []);
    const odd = lb({ AddressIPVersion: 'dualstack' }).ipVersion;
    expect(isUnknown(odd) && odd.reason).toBe('AddressIPVersion "dualstack"');
    const mixed = lb({ AddressIPVersion: 'ipv4', IPv6Mode: 'IPv6Nat64' }).ipVersion;
    expect(isUnknown(mixed) && mixed.reason).toBe('AddressIPVersion "ipv4" but IPv6Mode "IPv6Nat64"');
    expect(lb({ AddressIPVersion: 'ipv4', IPv6Mode: null }).ipVersion).toBe('IPV4');
    // Not returned: the creation default, unless the answer carries an IPv6 mode or address.
    expect(lb({}).ipVersion).toBe('IPV4');
    expect(lb({ IPv6Mode: 'IPv6FullChain' }).ipVersion).toBe('IPV6');
    expect(lb({ AddressIPv6: '2402:4e00:1::6' }).ipVersion).toBe('IPV6');
  });
});

describe('a security-group rule whose answer names no source matches every source, IPv4 and IPv6 (domain §1.2 [S22])', () => {
  it('SSH allowed with no source field is open to 0.0.0.0/0 and to ::/0', async () => {
    const account = toAccount({ ...SPEC, groups: [{ id: 'sg-app', ingress: ['ACCEPT#10.0.0.0/8#8080#TCP'] }] });
    const policies = account.regions['ap-guangzhou']!.securityGroupPolicies['sg-app']!;
    policies.Ingress!.push({ PolicyIndex: 1, Action: 'ACCEPT', Protocol: 'TCP', Port: '22' });
    const inventory = await scanLive(account);
    const rule = inventory.securityGroups.get('sg-app')!.ingress.rules[1]!;
    expect(rule.peer).toEqual({ kind: 'any' });

    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-nosource-'));
    const live = checkInventory(inventory, await loadConfig({ cwd: dir }), { today: '2026-11-24', target: {} });
    const exposed = live.findings.filter((f) => f.policy === 'admin-port-not-public');
    expect(exposed.map((f) => `${f.status} ${f.resource}`)).toEqual(['fail ins-app']);
    const flows = JSON.stringify(exposed[0]!.evidence);
    expect(flows).toContain('::/0');
    expect(flows).toContain('0.0.0.0/0');
    expect(exposed[0]!.message).toContain('by ACCEPT any source TCP:22');
  });
});
