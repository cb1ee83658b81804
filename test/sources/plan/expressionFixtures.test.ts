import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../src/check/index.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { groupsOfInstance, listener, REPO_ROOT, readFixture, targetText } from './inventoryText.js';

/** The hand-written plan fixtures of expression forms, checked end to end with the built-in pack. */
async function findings(name: string): Promise<string[]> {
  const report = await checkPlan({
    cwd: REPO_ROOT,
    logger: silentLogger,
    planFile: `test/fixtures/plans/${name}/plan.json`,
    tfRoot: `test/fixtures/plans/${name}`,
    configFile: 'test/e2e/empty-config.json',
    today: '2026-11-24',
  });
  return report.findings.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort();
}

describe('index arithmetic: pool[count.index % 2]', () => {
  it('links each instance to the one group its index picks', async () => {
    const inventory = await readFixture('index-arithmetic', '.');
    expect([0, 1, 2, 3].map((i) => groupsOfInstance(inventory, `tencentcloud_instance.app[${i}]`))).toEqual([
      'tencentcloud_security_group.pool[0]',
      'tencentcloud_security_group.pool[1]',
      'tencentcloud_security_group.pool[0]',
      'tencentcloud_security_group.pool[1]',
    ]);
    expect(inventory.warnings).toEqual([]);
  });

  it('fails the odd instances, which have only the broken group', async () => {
    expect(await findings('index-arithmetic')).toEqual([
      'fail backend-allows-clients tencentcloud_instance.app[1]',
      'fail backend-allows-clients tencentcloud_instance.app[3]',
      'fail backend-allows-health-check tencentcloud_instance.app[1]',
      'fail backend-allows-health-check tencentcloud_instance.app[3]',
      'fail backend-allows-vip tencentcloud_instance.app[1]',
      'fail backend-allows-vip tencentcloud_instance.app[3]',
    ]);
  });
});

describe('each.value through a local map: tier[each.value.tier]', () => {
  it('links each service to its tier group and each target to its own instance', async () => {
    const inventory = await readFixture('each-value-local-map', '.');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.svc["web"]')).toBe('tencentcloud_security_group.tier["front"]');
    expect(groupsOfInstance(inventory, 'tencentcloud_instance.svc["api"]')).toBe('tencentcloud_security_group.tier["back"]');
  });

  it('fails the api service, whose tier admits only SSH', async () => {
    expect(await findings('each-value-local-map')).toEqual([
      'fail backend-allows-clients tencentcloud_instance.svc["api"]',
      'fail backend-allows-health-check tencentcloud_instance.svc["api"]',
      'fail backend-allows-vip tencentcloud_instance.svc["api"]',
    ]);
  });
});

describe('single rules: policy_index = 0 is no index; depends_on fixes the creation order', () => {
  it('is unknown for the group whose order is open, and certain for the depends_on chain', async () => {
    const inventory = await readFixture('single-rules-order', '.');
    expect(inventory.securityGroups.get('tencentcloud_security_group.open')!.ingress.unknownReason).toMatch(
      /the order of tencentcloud_security_group_rule\.open_allow, tencentcloud_security_group_rule\.open_deny/,
    );
    const chained = inventory.securityGroups.get('tencentcloud_security_group.chained')!;
    expect(chained.ingress.unknownReason).toBeUndefined();
    expect(chained.ingress.rules.map((r) => r.action)).toEqual(['ACCEPT', 'DROP']);
  });

  it('gives unknown for the instance behind the open group, and the never-matching DROP of the chain', async () => {
    const found = (await findings('single-rules-order')).filter((f) => f !== 'fail deny-before-allow tencentcloud_security_group.open');
    expect(found).toEqual([
      'fail deny-before-allow tencentcloud_security_group.chained',
      // An open-order list stands for rules that may match anything: SSH may be open too.
      'unknown admin-port-not-public tencentcloud_instance.open',
      'unknown backend-allows-clients tencentcloud_instance.open',
      'unknown backend-allows-health-check tencentcloud_instance.open',
      'unknown backend-allows-vip tencentcloud_instance.open',
      // Whether the DROP comes before the ACCEPT is the open question: never a pass.
      'unknown deny-before-allow tencentcloud_security_group.open',
    ]);
  });

  // The shadow analysis (src/net) claims no shadowing inside a list whose order is open.
  it('does not call the DROP of the open group shadowed, since its order is open', async () => {
    expect(await findings('single-rules-order')).not.toContain('fail deny-before-allow tencentcloud_security_group.open');
  });
});

describe('dynamic "targets" over a counted resource', () => {
  it('links each target to its instance, placed on the dynamic block', async () => {
    const inventory = await readFixture('dynamic-targets-count', '.');
    const tcp = listener(inventory, 'tencentcloud_clb_instance.web', 'tencentcloud_clb_listener.tcp');
    expect(tcp.targets.map(targetText)).toEqual(['tencentcloud_instance.web[0]:8080', 'tencentcloud_instance.web[1]:8080']);
    expect(tcp.targets[1]!.provenance.location).toEqual({
      file: 'test/fixtures/plans/dynamic-targets-count/main.tf',
      line: 88,
      endLine: 96,
    });
  });

  it('fails the instance whose group does not admit the port', async () => {
    expect(await findings('dynamic-targets-count')).toEqual([
      'fail backend-allows-clients tencentcloud_instance.web[1]',
      'fail backend-allows-health-check tencentcloud_instance.web[1]',
      'fail backend-allows-vip tencentcloud_instance.web[1]',
    ]);
  });
});

describe('dynamic "targets" whose for_each is keyed by instance IDs (open until apply)', () => {
  it('gives each open target the instances it can be', async () => {
    const inventory = await readFixture('dynamic-targets-open', '.');
    const shut = listener(inventory, 'tencentcloud_clb_instance.web', 'tencentcloud_clb_listener.shut');
    expect(shut.targetsUnknownReason).toBeUndefined();
    expect(shut.targets).toHaveLength(1);
    expect(shut.targets[0]!.instanceCandidates).toEqual(['tencentcloud_instance.shut[0]', 'tencentcloud_instance.shut[1]']);
    expect(shut.targets[0]!.port).toBe(8080);
    expect(shut.targets[0]!.instance).toMatchObject({
      unknown: true,
      reason: expect.stringMatching(/the for_each of the dynamic "targets" block cannot be decided/),
    });
  });

  it('fails every candidate when all fail the same way, and is unknown on the attachment when one passes', async () => {
    expect(await findings('dynamic-targets-open')).toEqual([
      'fail backend-allows-clients tencentcloud_instance.shut[0]',
      'fail backend-allows-clients tencentcloud_instance.shut[1]',
      'fail backend-allows-health-check tencentcloud_instance.shut[0]',
      'fail backend-allows-health-check tencentcloud_instance.shut[1]',
      'fail backend-allows-vip tencentcloud_instance.shut[0]',
      'fail backend-allows-vip tencentcloud_instance.shut[1]',
      // No ACL: every candidate passes, but which of them are targets stays open.
      'unknown acl-allows-both-directions tencentcloud_clb_attachment.shut',
      'unknown acl-allows-both-directions tencentcloud_clb_attachment.tcp',
      'unknown backend-allows-clients tencentcloud_clb_attachment.tcp',
      'unknown backend-allows-health-check tencentcloud_clb_attachment.tcp',
      'unknown backend-allows-vip tencentcloud_clb_attachment.tcp',
    ]);
  });

  it('says the target is one of the candidates, all of which fail, or why the candidates do not decide it', async () => {
    const report = await checkPlan({
      cwd: REPO_ROOT,
      logger: silentLogger,
      planFile: 'test/fixtures/plans/dynamic-targets-open/plan.json',
      tfRoot: 'test/fixtures/plans/dynamic-targets-open',
      configFile: 'test/e2e/empty-config.json',
      today: '2026-11-24',
    });
    const fail = report.findings.find((f) => f.policy === 'backend-allows-clients' && f.resource === 'tencentcloud_instance.shut[1]')!;
    expect(fail.message).toContain(
      'the target of tencentcloud_clb_attachment.shut is one of 2 candidates, tencentcloud_instance.shut[0], tencentcloud_instance.shut[1], all of which fail',
    );
    const open = report.findings.find((f) => f.policy === 'backend-allows-clients' && f.resource === 'tencentcloud_clb_attachment.tcp')!;
    expect(open.message).toMatch(
      /`\{for i in tencentcloud_instance\.web : i\.id => i\}`.*one of 2 candidates, tencentcloud_instance\.web\[0\], tencentcloud_instance\.web\[1\], and some of them pass/,
    );
  });
});
