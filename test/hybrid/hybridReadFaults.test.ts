import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerFault } from '../emulator/server.js';
import { fixtureAccount, hybridCheck, lastEmulator, stopEmulator } from './hybridRun.js';

afterEach(stopEmulator);

/** The API's answer when a call names an ID the region does not have: an error for the whole call. */
const notFound = (action: string, code: string, when: AnswerFault['when']): AnswerFault => ({
  action,
  kind: 'raw',
  status: 200,
  body: JSON.stringify({ Response: { Error: { Code: code, Message: 'The resource is not found.' }, RequestId: 'r-1' } }),
  ...(when ? { when } : {}),
});
const asks = (param: string, id: string) => (p: Record<string, unknown>) => Array.isArray(p[param]) && (p[param] as string[]).includes(id);
const incompleteWarning = (warnings: readonly string[], text: string) => warnings.some((w) => w.includes(text));

describe('plan --resolve-live: a "not found" error for a batch of IDs', () => {
  it('is narrowed down to the IDs the account lacks: the others are read, not reported absent', async () => {
    // subnet-lb is gone; the API refuses every call that names it.
    const account = fixtureAccount('external-private-acl');
    const region = account.regions['ap-guangzhou']!;
    region.subnets = region.subnets.filter((s) => s.SubnetId !== 'subnet-lb');
    const report = await hybridCheck(
      'external-private-acl',
      { answers: [notFound('DescribeSubnets', 'ResourceNotFound', asks('SubnetIds', 'subnet-lb'))] },
      { account },
    );
    const subnets = Object.fromEntries(report.resolution!.objects.filter((o) => o.kind === 'subnet').map((o) => [o.id, o.status]));
    expect(subnets).toEqual({ 'subnet-db': 'live', 'subnet-lb': 'notFound' });
    expect(report.resolution?.complete).toBe(true);
    // One call for both, then one for each half.
    expect(
      lastEmulator()
        .log.filter((c) => c.action === 'DescribeSubnets')
        .map((c) => (c.params.SubnetIds as string[]).length),
    ).toEqual([2, 1, 1]);
  });

  it('inside a filtered, paged read (the members of a changed group) makes the resolution incomplete, never "no members"', async () => {
    const report = await hybridCheck('blast-radius', {
      answers: [notFound('DescribeInstances', 'InvalidInstanceId.NotFound', (p) => p.Filters !== undefined)],
    });
    expect(report.resolution?.complete).toBe(false);
    expect(report.complete).toBe(false);
    expect(incompleteWarning(report.warnings, 'DescribeInstances failed: InvalidInstanceId.NotFound')).toBe(true);
  });
});

describe("plan --resolve-live: answers that do not add up are the live reader's problems too", () => {
  it('an ID answer shorter than its TotalCount: the object left out is unreadable, not absent', async () => {
    const report = await hybridCheck('external-private-acl', {
      answers: [{ action: 'DescribeSubnets', kind: 'dropItem', field: 'SubnetSet' }],
    });
    const statuses = report.resolution!.objects.filter((o) => o.kind === 'subnet').map((o) => o.status);
    expect(statuses.sort()).toEqual(['failed', 'live']);
    expect(report.resolution?.complete).toBe(false);
  });

  it('a short page in a filtered read (the members of a changed group) makes the resolution incomplete', async () => {
    const report = await hybridCheck('blast-radius', {
      answers: [{ action: 'DescribeInstances', kind: 'dropItem', field: 'InstanceSet', times: 1, when: (p) => p.Filters !== undefined }],
    });
    expect(report.resolution?.complete).toBe(false);
  });

  it('a CLB listed by backend IP without its LoadBalancerId makes the resolution incomplete', async () => {
    const report = await hybridCheck('blast-radius', {
      answers: [
        {
          action: 'DescribeLoadBalancers',
          kind: 'dropItemField',
          field: 'LoadBalancerSet',
          itemField: 'LoadBalancerId',
          when: (p) => p.BackendPrivateIps !== undefined,
        },
      ],
    });
    expect(report.resolution?.complete).toBe(false);
    expect(incompleteWarning(report.warnings, 'DescribeLoadBalancers listed an object without "LoadBalancerId"')).toBe(true);
  });

  it('a member of a changed group listed without its security groups makes the resolution incomplete', async () => {
    const report = await hybridCheck('blast-radius', {
      answers: [
        {
          action: 'DescribeInstances',
          kind: 'dropItemField',
          field: 'InstanceSet',
          itemField: 'SecurityGroupIds',
          when: (p) => p.Filters !== undefined,
        },
      ],
    });
    expect(report.resolution?.complete).toBe(false);
    expect(incompleteWarning(report.warnings, 'without its security groups')).toBe(true);
  });

  it('a listener DescribeTargets leaves out has unknown targets, and the resolution is incomplete', async () => {
    const report = await hybridCheck('blast-radius', {
      answers: [{ action: 'DescribeTargets', kind: 'dropItem', field: 'Listeners', when: (p) => p.LoadBalancerId === 'lb-other' }],
    });
    expect(report.resolution?.complete).toBe(false);
    expect(incompleteWarning(report.warnings, 'DescribeTargets did not list lbl-other of lb-other')).toBe(true);
  });
});
