import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { renderText } from '../../src/report/textReport.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';

describe('shared verdicts keep no identity of the subject they were first computed for', () => {
  it('web[1] (same groups as web[0]) is explained by its own interface, in evidence, related and --explain', async () => {
    const report = await checkPlan(DEMO_PLAN_CHECK);
    for (const index of [0, 1]) {
      const own = `tencentcloud_instance.web[${index}]`;
      const other = `tencentcloud_instance.web[${1 - index}]`;
      const finding = report.findings.find((f) => f.policy === 'backend-allows-health-check' && f.resource === own)!;
      expect(finding).toBeDefined();
      const text = JSON.stringify({
        evidence: finding.evidence,
        related: finding.related,
        message: finding.message,
        remediation: finding.remediation,
      });
      expect(text).not.toContain(other);
      expect(finding.evidence[0]).toMatchObject({ verdict: 'deny', list: `${own}/eth0`, defaultDeny: true });
      const explained = renderText({ ...report, findings: [finding] }, { color: false, explain: true });
      expect(explained).toContain(`[${own}/eth0 ingress end of list]`);
      expect(explained).not.toContain(other);
    }
  });
});
