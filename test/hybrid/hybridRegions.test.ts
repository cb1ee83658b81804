import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/finding.js';
import { EMPTY_REGION, fixtureAccount, hybridCheck, lastEmulator, stopEmulator } from './hybridRun.js';

afterEach(stopEmulator);

const summary = (report: Report) =>
  report.findings.map((f) => `${f.status} ${f.policy} ${f.resource} ${f.outsidePlan?.preexisting ?? '-'}`).sort();

/** The fixture's account with an empty ap-shanghai, asked first: every object lives in the second region. */
async function inSecondRegion(name: string): Promise<Report> {
  const account = fixtureAccount(name);
  return hybridCheck(name, undefined, {
    account: { regions: { 'ap-shanghai': EMPTY_REGION, ...account.regions } },
    resolveLive: { regions: ['ap-shanghai', 'ap-guangzhou'] },
  });
}

describe('plan --resolve-live in several regions: what is read follows the region the objects are in', () => {
  it.each([
    // blast radius: the changed group, its members and their CLBs
    'blast-radius',
    'blast-radius-acl',
    // ENIs found by the IP a listener registers
    'external-eni-target',
    // members of a group named as a rule's source
    'external-template-and-peer',
  ])('%s: the same findings as when the region is the only one', async (name) => {
    const alone = summary(await hybridCheck(name));
    await stopEmulator();
    const report = await inSecondRegion(name);
    expect(summary(report)).toEqual(alone);
    expect(report.resolution?.complete).toBe(true);
  });

  it("a changed group's members and their CLBs are read only in the region that has the group", async () => {
    const report = await inSecondRegion('blast-radius');
    expect([...report.resolution!.dependents].sort()).toEqual(['ins-old', 'ins-other']);
    const log = lastEmulator().log;
    const members = log.filter((c) => c.action === 'DescribeInstances' || c.action === 'DescribeNetworkInterfaces');
    expect(members.map((c) => c.region)).toEqual(['ap-guangzhou', 'ap-guangzhou']);
    expect(log.filter((c) => c.action === 'DescribeLoadBalancers').every((c) => c.region === 'ap-guangzhou')).toBe(true);
  });

  it('the members of a source group are read in the region where the group was found', async () => {
    await inSecondRegion('external-template-and-peer');
    const members = lastEmulator().log.filter((c) => c.action === 'DescribeInstances');
    expect(members.map((c) => [c.region, c.params.Filters])).toEqual([
      ['ap-guangzhou', [{ Name: 'security-group-id', Values: ['sg-bastion'] }]],
    ]);
  });
});
