import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { Report } from '../../src/model/finding.js';
import type { Inventory } from '../../src/model/inventory.js';
import { isUnknown } from '../../src/model/value.js';
import { redactSecrets } from '../../src/sources/live/callScheduler.js';
import { readLiveInventory, resolveCredentials } from '../../src/sources/live/index.js';
import { isLoopbackHost, parseApiEndpoint } from '../../src/sources/live/tencentApi.js';
import type { Account } from '../emulator/accountFixture.js';
import { type AnswerFault, type Emulator, startEmulator } from '../emulator/server.js';
import { installNetworkGuard } from '../support/networkGuard.mjs';

/**
 * Each way an API answer can fall short of its promised shape, through the whole CLI against
 * the emulator: the report is incomplete, the objects the answer was for say why they are
 * unknown, the exit code is 2, and the canary secret is nowhere in what the run prints.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const demoAccount = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) as Account;
const CANARY_ID = 'AKIDcanaryfaults';
const CANARY = 'CANARYsecret9f2c4e1d7b';
const ENV = {
  TENCENTCLOUD_SECRET_ID: CANARY_ID,
  TENCENTCLOUD_SECRET_KEY: CANARY,
  CLB_GUARD_LIVE_TIMEOUT: '2',
  CLB_GUARD_LIVE_RETRY_MS: '2',
};

// In this process too: nothing these runs do may leave loopback (the SDK's default endpoint included).
const violations: string[] = [];
installNetworkGuard((message) => violations.push(message));

let emulator: Emulator | undefined;
let sink: Server | undefined;
afterEach(async () => {
  expect(violations).toEqual([]);
  await emulator?.close();
  emulator = undefined;
  await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  sink = undefined;
});

async function live(
  account: Account,
  answers: readonly AnswerFault[],
): Promise<{ code: number; report: Report; text: string; stderr: string }> {
  emulator = await startEmulator({ account, keys: { [CANARY_ID]: CANARY }, faults: { answers, seed: 11 } });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    ['live', '--region', 'ap-guangzhou', '--api-endpoint', emulator.url, '--format', 'json', '--config', 'test/e2e/empty-config.json'],
    {
      cwd: repoRoot,
      env: ENV,
      stdout: { write: (t: string) => stdout.push(t) },
      stderr: { write: (t: string) => stderr.push(t) },
    },
  );
  const out = stdout.join('');
  return {
    code,
    report: (out.trim().startsWith('{') ? JSON.parse(out) : {}) as Report,
    text: out + stderr.join(''),
    stderr: stderr.join(''),
  };
}

/** The demo account with 101 load balancers (the demo's first, copied), for paging faults. */
function manyLoadBalancers(n: number): Account {
  const base = demoAccount.regions['ap-guangzhou']!;
  return {
    regions: {
      'ap-guangzhou': {
        ...base,
        loadBalancers: Array.from({ length: n }, (_, i) => ({
          ...base.loadBalancers[0],
          LoadBalancerId: `lb-${String(i).padStart(3, '0')}`,
        })),
        listeners: Object.fromEntries(
          Array.from({ length: n }, (_, i) => [`lb-${String(i).padStart(3, '0')}`, base.listeners['lb-web'] ?? []]),
        ),
        targets: Object.fromEntries(
          Array.from({ length: n }, (_, i) => [`lb-${String(i).padStart(3, '0')}`, base.targets['lb-web'] ?? []]),
        ),
      },
    },
  };
}

const reasonOf = (value: unknown): string | undefined => (isUnknown(value) ? value.reason : undefined);
const unknownFindingsOf = (report: Report, resource: string) =>
  report.findings.filter((f) => f.resource === resource && f.status === 'unknown');

interface FaultCase {
  readonly name: string;
  readonly account?: Account;
  readonly answers: readonly AnswerFault[];
  /** Text that says why, in the warnings or on the affected findings. */
  readonly reason: RegExp;
  /** A resource whose findings must be unknown, carrying the reason. */
  readonly unknownResource?: string;
}

const FAULTS: readonly FaultCase[] = [
  {
    name: 'DescribeLoadBalancers: TotalCount 7 and no LoadBalancerSet',
    answers: [
      { action: 'DescribeLoadBalancers', kind: 'dropField', field: 'LoadBalancerSet' },
      { action: 'DescribeLoadBalancers', kind: 'setField', field: 'TotalCount', value: 7 },
    ],
    reason: /DescribeLoadBalancers answered without a list "LoadBalancerSet"/,
  },
  {
    name: 'DescribeLoadBalancers: LoadBalancerSet null',
    answers: [{ action: 'DescribeLoadBalancers', kind: 'nullField', field: 'LoadBalancerSet' }],
    reason: /without a list "LoadBalancerSet"/,
  },
  {
    name: 'DescribeLoadBalancers: LoadBalancerSet is not a list',
    answers: [{ action: 'DescribeLoadBalancers', kind: 'setField', field: 'LoadBalancerSet', value: { LoadBalancerId: 'lb-web' } }],
    reason: /without a list "LoadBalancerSet"/,
  },
  {
    name: 'DescribeLoadBalancers: TotalCount missing',
    answers: [{ action: 'DescribeLoadBalancers', kind: 'dropField', field: 'TotalCount' }],
    reason: /without a valid "TotalCount"/,
  },
  {
    name: 'DescribeLoadBalancers: objects without LoadBalancerId',
    answers: [{ action: 'DescribeLoadBalancers', kind: 'dropItemField', field: 'LoadBalancerSet', itemField: 'LoadBalancerId' }],
    reason: /listed an object without "LoadBalancerId"/,
  },
  {
    name: '101 CLBs, the second page short',
    account: manyLoadBalancers(101),
    answers: [{ action: 'DescribeLoadBalancers', kind: 'dropItem', field: 'LoadBalancerSet', when: (p) => p.Offset === 100 }],
    reason: /DescribeLoadBalancers: 100 objects were read of the 101/,
  },
  {
    name: '101 CLBs, the first page short',
    account: manyLoadBalancers(101),
    answers: [{ action: 'DescribeLoadBalancers', kind: 'dropItem', field: 'LoadBalancerSet', times: 1 }],
    reason: /DescribeLoadBalancers: .*a page before the last had 99 objects|DescribeLoadBalancers: .*came back twice/,
  },
  {
    name: '101 CLBs, shrinking while paging',
    account: manyLoadBalancers(101),
    answers: [{ action: 'DescribeLoadBalancers', kind: 'shrinkTotal', field: 'LoadBalancerSet', by: 1 }],
    reason: /the TotalCount changed from 101 to 100 while paging/,
  },
  {
    name: 'DescribeInstances answers fewer instances than asked',
    answers: [{ action: 'DescribeInstances', kind: 'dropItem', field: 'InstanceSet' }],
    reason: /DescribeInstances (returned 3 of the 4|was asked for ins-)/,
  },
  {
    name: 'DescribeInstances: InstanceSet missing',
    answers: [{ action: 'DescribeInstances', kind: 'dropField', field: 'InstanceSet', when: (p) => Array.isArray(p.InstanceIds) }],
    reason: /DescribeInstances answered without a list "InstanceSet"/,
    unknownResource: 'ins-api',
  },
  {
    name: 'SecurityGroupPolicySet null',
    answers: [{ action: 'DescribeSecurityGroupPolicies', kind: 'policySet', set: 'null', when: (p) => p.SecurityGroupId === 'sg-api' }],
    reason: /answered sg-api without a valid SecurityGroupPolicySet/,
    unknownResource: 'ins-api',
  },
  {
    name: 'SecurityGroupPolicySet missing',
    answers: [{ action: 'DescribeSecurityGroupPolicies', kind: 'policySet', set: 'missing', when: (p) => p.SecurityGroupId === 'sg-api' }],
    reason: /answered sg-api without a valid SecurityGroupPolicySet/,
    unknownResource: 'ins-api',
  },
  {
    name: 'SecurityGroupPolicySet without Ingress',
    answers: [
      { action: 'DescribeSecurityGroupPolicies', kind: 'policySet', set: 'noIngress', when: (p) => p.SecurityGroupId === 'sg-api' },
    ],
    reason: /answered sg-api without a valid Ingress/,
    unknownResource: 'ins-api',
  },
  {
    name: 'DescribeListeners: Listeners missing',
    answers: [{ action: 'DescribeListeners', kind: 'dropField', field: 'Listeners', when: (p) => p.LoadBalancerId === 'lb-api' }],
    reason: /DescribeListeners answered lb-api without a list "Listeners"/,
    unknownResource: 'lb-api/listeners',
  },
  {
    name: 'DescribeTargets: Listeners not a list',
    answers: [
      { action: 'DescribeTargets', kind: 'setField', field: 'Listeners', value: 'none', when: (p) => p.LoadBalancerId === 'lb-api' },
    ],
    reason: /DescribeTargets answered lb-api without a list "Listeners"/,
  },
  {
    name: 'DescribeTargets leaves a listener out',
    answers: [{ action: 'DescribeTargets', kind: 'setField', field: 'Listeners', value: [], when: (p) => p.LoadBalancerId === 'lb-api' }],
    reason: /DescribeTargets did not list lbl-api of lb-api/,
  },
  {
    name: 'DescribeSubnets answers fewer subnets than asked',
    answers: [{ action: 'DescribeSubnets', kind: 'setField', field: 'SubnetSet', value: [] }],
    reason: /DescribeSubnets returned 0 of the 3/,
  },
  {
    name: 'a 200 answer that is not JSON and starts with the secret',
    answers: [
      {
        action: 'DescribeSecurityGroupPolicies',
        kind: 'raw',
        status: 200,
        body: `${CANARY.slice(0, 12)} is not JSON`,
        when: (p) => p.SecurityGroupId === 'sg-api',
      },
    ],
    reason: /DescribeSecurityGroupPolicies failed: the response is not JSON/,
  },
  {
    name: 'an error code carrying the secret',
    answers: [
      {
        action: 'DescribeSecurityGroupPolicies',
        kind: 'raw',
        status: 200,
        body: JSON.stringify({ Response: { Error: { Code: `${CANARY} x`, Message: CANARY } } }),
        when: (p) => p.SecurityGroupId === 'sg-api',
      },
    ],
    reason: /DescribeSecurityGroupPolicies failed: an error whose code is not a well-formed API code/,
  },
  {
    name: 'an answer without "Response"',
    answers: [
      {
        action: 'DescribeSecurityGroupPolicies',
        kind: 'raw',
        status: 200,
        body: JSON.stringify({ Other: CANARY }),
        when: (p) => p.SecurityGroupId === 'sg-api',
      },
    ],
    reason: /DescribeSecurityGroupPolicies failed: the response has no "Response" object/,
  },
];

describe('live answers short of their promised shape', () => {
  for (const fault of FAULTS) {
    it(fault.name, async () => {
      const { code, report, text } = await live(fault.account ?? demoAccount, fault.answers);
      expect(code).toBe(2);
      expect(report.complete).toBe(false);
      expect(report.warnings.join('\n')).toMatch(fault.reason);
      if (fault.unknownResource !== undefined) {
        const unknown = unknownFindingsOf(report, fault.unknownResource);
        expect(unknown.length).toBeGreaterThan(0);
        expect(
          report.findings
            .filter((f) => f.resource === fault.unknownResource && f.status !== 'unknown')
            .filter((f) => f.policy === 'backend-allows-clb'),
        ).toEqual([]);
      }
      expect(text).not.toContain(CANARY.slice(0, 6));
    });
  }

  it.each([
    [
      'SecurityGroupPolicySet null',
      { action: 'DescribeSecurityGroupPolicies', kind: 'policySet', set: 'null', when: (p) => p.SecurityGroupId === 'sg-api' },
      (i: Inventory) => i.securityGroups.get('sg-api')?.ingress.unknownReason,
      /SecurityGroupPolicySet/,
    ],
    [
      'Egress missing',
      { action: 'DescribeSecurityGroupPolicies', kind: 'policySet', set: 'noIngress', when: (p) => p.SecurityGroupId === 'sg-api' },
      (i: Inventory) => i.securityGroups.get('sg-api')?.ingress.unknownReason,
      /without a valid Ingress/,
    ],
    [
      'an instance not returned',
      { action: 'DescribeInstances', kind: 'setField', field: 'InstanceSet', value: [], when: (p) => Array.isArray(p.InstanceIds) },
      (i: Inventory) => reasonOf(i.instances.get('ins-api')?.interfaces[0]?.securityGroups),
      /DescribeInstances was asked for ins-api and did not return it/,
    ],
    [
      'a subnet not returned',
      { action: 'DescribeSubnets', kind: 'setField', field: 'SubnetSet', value: [] },
      (i: Inventory) => reasonOf(i.subnets.get('subnet-api')?.cidr),
      /DescribeSubnets was asked for subnet-api/,
    ],
    [
      'an ACL not returned',
      { action: 'DescribeNetworkAcls', kind: 'setField', field: 'NetworkAclSet', value: [] },
      (i: Inventory) => i.networkAcls.get('acl-web')?.ingress.unknownReason,
      /DescribeNetworkAcls was asked for acl-web/,
    ],
  ] as [string, AnswerFault, (i: Inventory) => string | undefined, RegExp][])(
    '%s: the affected object carries the reason',
    async (_name, fault, reasonIn, reason) => {
      emulator = await startEmulator({ account: demoAccount, keys: { [CANARY_ID]: CANARY }, faults: { answers: [fault] } });
      const credentials = await resolveCredentials({ TENCENTCLOUD_SECRET_ID: CANARY_ID, TENCENTCLOUD_SECRET_KEY: CANARY });
      const inventory = await readLiveInventory({
        regions: ['ap-guangzhou'],
        credentials,
        apiEndpoint: emulator.url,
        logger: silentLogger,
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
        rateLimits: { DescribeListeners: 1000, DescribeTargets: 1000, DescribeSecurityGroupPolicies: 1000 },
      });
      expect(inventory.complete).toBe(false);
      expect(reasonIn(inventory)).toMatch(reason);
    },
  );

  it('a clean account is complete (the faults above are what make the difference)', async () => {
    const { code, report } = await live(demoAccount, []);
    expect(report.complete).toBe(true);
    expect(code).not.toBe(2);
  });
});

describe('traffic stays where it should', () => {
  it('a redirect from the API endpoint is refused: never followed, the token never leaves, the call failed', async () => {
    const seen: { url: string; token: string | undefined }[] = [];
    sink = createServer((req, res) => {
      seen.push({ url: req.url ?? '', token: req.headers['x-tc-token'] as string | undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Response: { TotalCount: 0, LoadBalancerSet: [], RequestId: 'x' } }));
    });
    await new Promise<void>((resolve) => sink!.listen(0, '127.0.0.1', resolve));
    const location = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/stolen`;
    const { code, report, text } = await live(demoAccount, [
      { action: 'DescribeLoadBalancers', kind: 'raw', status: 302, headers: { location }, body: '' },
    ]);
    expect(seen).toEqual([]);
    expect(code).toBe(2);
    expect(report.complete).toBe(false);
    expect(text).toMatch(/HTTP 302 \(a redirect, refused/);
    expect(text).not.toContain(CANARY.slice(0, 6));
  });

  it.each([
    'http://127.0.0.1.example.invalid',
    'http://127.0.0.1.nip.io:8080',
    'http://localhost.example.invalid',
    'http://[::ffff:10.0.0.1]',
    'http://10.0.0.1',
    'http://user:pw@127.0.0.1',
  ])('plain http to %s is refused before any lookup', (endpoint) => {
    expect(() => parseApiEndpoint(endpoint)).toThrow(/--api-endpoint/);
  });

  it.each(['http://127.0.0.1:9', 'http://127.3.4.5', 'http://localhost:8080', 'http://[::1]:8080', 'https://clb.internal.example'])(
    '%s is accepted',
    (endpoint) => {
      expect(() => parseApiEndpoint(endpoint)).not.toThrow();
    },
  );

  it('loopback means the literal addresses only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    for (const host of ['127.0.0.1.example.invalid', '127.', '127.0.0', '1270.0.0.1', '128.0.0.1', 'localhost.', 'example.com'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('secrets and their first characters are redacted', () => {
    const secret = 'CANARYsecret9f2c4e1d7b';
    expect(redactSecrets(`Unexpected token 'C', "${secret.slice(0, 10)}"... is not valid JSON`, [secret])).not.toContain(
      secret.slice(0, 4),
    );
    expect(redactSecrets(`a ${secret} b`, [secret])).toBe('a *** b');
    expect(redactSecrets('nothing here', [secret])).toBe('nothing here');
  });
});

describe('values from answers in messages', () => {
  it('are shown only when they are short words', async () => {
    const { shown } = await import('../../src/sources/live/apiToInventory.js');
    expect(shown('GATEWAY')).toBe('"GATEWAY"');
    expect(shown(undefined)).toBe('not returned');
    expect(shown('CANARYsecret9f2c4e1d7b')).toBe('of an unexpected value');
    expect(shown('a b')).toBe('of an unexpected value');
    expect(shown(7)).toBe('of an unexpected value');
  });
});
