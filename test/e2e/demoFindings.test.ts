import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';

// The findings the demo was written to produce (examples/demo, from the shared demo README).
const EXPECTED = [
  'fail error acl-allows-both-directions tencentcloud_vpc_acl.web',
  'fail error backend-allows-clients tencentcloud_instance.api',
  'fail error backend-allows-health-check tencentcloud_instance.api',
  'fail error backend-allows-health-check tencentcloud_instance.web[0]',
  'fail error backend-allows-health-check tencentcloud_instance.web[1]',
  'fail error backend-allows-vip tencentcloud_instance.api',
  'fail error deny-before-allow tencentcloud_security_group.web',
  'fail error lb-sg-allows-listeners tencentcloud_clb_instance.admin',
  'fail warning admin-port-not-public tencentcloud_instance.web[0]',
  'fail warning admin-port-not-public tencentcloud_instance.web[1]',
  'fail warning deny-bypassed-by-pass-to-target tencentcloud_security_group.admin',
];

describe('the bundled demo', () => {
  it('produces exactly the findings it was written for, and nothing else', async () => {
    const report = await checkPlan(DEMO_PLAN_CHECK);
    expect(report.findings.map((f) => `${f.status} ${f.severity} ${f.policy} ${f.resource}`).sort()).toEqual(EXPECTED);
    expect(report.summary).toEqual({ error: 8, warning: 3, notice: 0, unknown: 0 });
  });

  it('places findings on the .tf lines that need the change', async () => {
    const report = await checkPlan(DEMO_PLAN_CHECK);
    const at = (policy: string, resource: string) => report.findings.find((f) => f.policy === policy && f.resource === resource)?.location;
    // The late DROP's own ingress block, not the security group.
    expect(at('deny-before-allow', 'tencentcloud_security_group.web')).toMatchObject({ file: 'examples/demo/main.tf', line: 75 });
    expect(at('backend-allows-health-check', 'tencentcloud_instance.web[0]')).toMatchObject({ file: 'examples/demo/main.tf', line: 91 });
    expect(at('acl-allows-both-directions', 'tencentcloud_vpc_acl.web')).toMatchObject({ file: 'examples/demo/main.tf', line: 43 });
  });

  it('explains the health-check failure by the rule list it fell through', async () => {
    const report = await checkPlan(DEMO_PLAN_CHECK);
    const finding = report.findings.find(
      (f) => f.policy === 'backend-allows-health-check' && f.resource === 'tencentcloud_instance.web[0]',
    )!;
    expect(finding.message).toContain('8444');
    expect(finding.evidence[0]).toMatchObject({ verdict: 'deny', rule: 'default deny (no rule matched)' });
    expect(finding.remediation).toContain('port       = "8444"');
  });
});
