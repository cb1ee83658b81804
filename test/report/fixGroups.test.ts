import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Report } from '../../src/model/finding.js';
import type { Inventory } from '../../src/model/inventory.js';
import { renderJson } from '../../src/report/jsonReport.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/textReport.js';
import { runPolicy } from '../policy/runPolicy.js';
import { scenario } from '../policy/scenario.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';
import { expectValidReport } from './reportSchema.js';

let demo: Report;
beforeAll(async () => {
  demo = await checkPlan(DEMO_PLAN_CHECK);
});

const fixesOf = (report: Report) =>
  JSON.parse(renderJson(report)).fixes as {
    id: string;
    summary: string;
    text: string;
    resource?: string;
    location: unknown;
    hcl?: string;
    api?: { service: string; action: string; request: unknown };
    rules: number;
    findings: string[];
  }[];

describe('findings that one change fixes share one fix (the demo)', () => {
  it('one rule fixes the three errors of shop-api', () => {
    const api = demo.findings.filter((f) => f.resource === 'tencentcloud_instance.api');
    expect(api.map((f) => f.policy).sort()).toEqual(['backend-allows-clients', 'backend-allows-health-check', 'backend-allows-vip']);
    expect(new Set(api.map((f) => f.fix?.id)).size).toBe(1);
    const fix = fixesOf(demo).find((x) => x.id === api[0]!.fix!.id)!;
    expect(fix).toEqual({
      id: api[0]!.fix!.id,
      summary: 'One rule fixes 3 findings on tencentcloud_instance.api',
      text: 'Add a rule ACCEPT 172.16.0.0/16 TCP:9000 to tencentcloud_security_group_rule_set.api (ingress blocks at examples/demo/main.tf:144), anywhere above a broader DROP (no rule matches this traffic now):',
      resource: 'tencentcloud_security_group_rule_set.api',
      location: { file: 'examples/demo/main.tf', line: 144, endLine: 149 },
      hcl: [
        'ingress {',
        '  action     = "ACCEPT"',
        '  cidr_block = "172.16.0.0/16"',
        '  protocol   = "TCP"',
        '  port       = "9000"',
        '}',
      ].join('\n'),
      api: {
        service: 'vpc',
        action: 'CreateSecurityGroupPolicies',
        request: {
          SecurityGroupId: '<security group ID>',
          SecurityGroupPolicySet: { Ingress: [{ Protocol: 'TCP', Port: '9000', CidrBlock: '172.16.0.0/16', Action: 'ACCEPT' }] },
        },
      },
      rules: 1,
      findings: api.map((f) => f.fingerprint),
    });
  });

  it('the health checks of web[0] and web[1] share one rule, written as a bare HCL reference to the VIP', () => {
    const web = demo.findings.filter(
      (f) => f.policy === 'backend-allows-health-check' && f.resource.startsWith('tencentcloud_instance.web'),
    );
    expect(web).toHaveLength(2);
    const fix = fixesOf(demo).find((x) => x.id === web[0]!.fix!.id)!;
    expect(fix.summary).toBe('One rule fixes 2 findings on tencentcloud_instance.web[0], tencentcloud_instance.web[1]');
    expect(fix.hcl).toBe(
      [
        'ingress {',
        '  action     = "ACCEPT"',
        '  cidr_block = tencentcloud_clb_instance.web.clb_vips[0]',
        '  protocol   = "TCP"',
        '  port       = "8444"',
        '}',
      ].join('\n'),
    );
    expect(fix.text).toBe(
      'Add a rule ACCEPT the VIP of tencentcloud_clb_instance.web TCP:8444 to tencentcloud_security_group_rule_set.web (ingress blocks at examples/demo/main.tf:83), anywhere above a broader DROP (no rule matches this traffic now):',
    );
  });

  it('the deny-before-allow fix names the rule set that holds the ingress blocks, with their lines', () => {
    const f = demo.findings.find((x) => x.policy === 'deny-before-allow')!;
    expect(f.fix?.resource).toBe('tencentcloud_security_group_rule_set.web');
    expect(f.fix?.text.split('\n')[0]).toBe(
      'In tencentcloud_security_group_rule_set.web, move the ingress block of rule 1 (DROP 45.33.0.0/16 TCP:8443 (scrapers)) at examples/demo/main.tf:75 above the ingress block of rule 0 (ACCEPT 0.0.0.0/0 TCP:8443) at examples/demo/main.tf:68.',
    );
    expect(f.fix?.api).toEqual({
      service: 'vpc',
      action: 'CreateSecurityGroupPolicies',
      request: {
        SecurityGroupId: '<security group ID>',
        SecurityGroupPolicySet: { Ingress: [{ PolicyIndex: 0, Protocol: 'TCP', Port: '8443', CidrBlock: '45.33.0.0/16', Action: 'DROP' }] },
      },
    });
    expect(f.remediation).not.toContain('tencentcloud_security_group.web:');
  });

  it('no snippet or remediation uses an interpolation-only string', () => {
    for (const f of demo.findings) {
      expect(f.remediation ?? '').not.toMatch(/"\$\{[^}]*\}"/);
      expect(f.fix?.hcl ?? '').not.toContain('${');
    }
  });

  it('the JSON report lists each fix once, every finding names its fix, and it matches the schema', () => {
    const json = JSON.parse(renderJson(demo));
    expect(json.fixes).toHaveLength(7);
    const ids = new Set(json.fixes.map((f: { id: string }) => f.id));
    for (const f of json.findings) expect(ids.has(f.fix)).toBe(true);
    expect(json.fixes.flatMap((f: { findings: string[] }) => f.findings).sort()).toEqual(
      json.findings.map((f: { fingerprint: string }) => f.fingerprint).sort(),
    );
    expectValidReport(demo, 'demo');
  });

  it('after an exception suppresses one of them, the fix counts only what is left', () => {
    const left = { ...demo, findings: demo.findings.filter((f) => f.policy !== 'backend-allows-vip') };
    expect(fixesOf(left).find((x) => x.findings.length > 1 && x.summary.includes('api'))?.summary).toBe(
      'One rule fixes 2 findings on tencentcloud_instance.api',
    );
  });
});

describe('the text report shows a shared fix once', () => {
  it('with the first finding, and refers back to it from the others', () => {
    const text = renderText(demo, { color: false, explain: false });
    expect(text.split('cidr_block = "172.16.0.0/16"')).toHaveLength(2);
    expect(text).toContain(
      "  fix Admit the clients on the backend port in the backend's first security group, or turn on load_balancer_pass_to_target to let the CLB's own security groups do the filtering.\n      One rule fixes 3 findings on tencentcloud_instance.api:\n      Add a rule ACCEPT 172.16.0.0/16 TCP:9000",
    );
    expect(text).toContain(
      '      the same change as for backend-allows-clients on tencentcloud_instance.api above (one rule fixes 3 findings on tencentcloud_instance.api)',
    );
  });
});

describe('Markdown fixes read well in a PR', () => {
  const links = { serverUrl: 'https://github.com', repository: 'acme/shop', sha: 'abc123' };

  it('prose, then ```hcl, then ```json; .tf lines link to the file at the PR head', () => {
    const md = renderMarkdown(demo, { links });
    const block = md.slice(
      md.indexOf('### 🔴 **ERROR** `backend-allows-clients`'),
      md.indexOf('### 🔴 **ERROR** `backend-allows-health-check` on `tencentcloud_instance.api`'),
    );
    expect(block).toContain(
      [
        '**One rule fixes 3 findings on tencentcloud_instance.api:** Add a rule ACCEPT 172.16.0.0/16 TCP:9000 to tencentcloud_security_group_rule_set.api (ingress blocks at [`examples/demo/main.tf:144`](https://github.com/acme/shop/blob/abc123/examples/demo/main.tf#L144)), anywhere above a broader DROP (no rule matches this traffic now):',
        '',
        '```hcl',
        'ingress {',
        '  action     = "ACCEPT"',
        '  cidr_block = "172.16.0.0/16"',
        '  protocol   = "TCP"',
        '  port       = "9000"',
        '}',
        '```',
        '',
        'With API 3.0, `vpc CreateSecurityGroupPolicies`:',
        '',
        '```json',
      ].join('\n'),
    );
    expect(block.indexOf('```hcl')).toBeLessThan(block.indexOf('```json'));
    expect(block).toContain('— [`examples/demo/main.tf:152`](https://github.com/acme/shop/blob/abc123/examples/demo/main.tf#L152-L161)');
    expect(md).toContain(
      'The same change as for `backend-allows-clients` on `tencentcloud_instance.api` above (one rule fixes 3 findings on tencentcloud_instance.api).',
    );
    expect(md).not.toContain('```text');
  });

  it('without links (or in live mode) locations stay plain code', () => {
    expect(renderMarkdown(demo)).toContain('— `examples/demo/main.tf:152`');
    expect(renderMarkdown({ ...demo, mode: 'live' }, { links })).not.toContain('https://github.com/acme/shop/blob/');
  });
});

describe('unknown findings are labelled UNKNOWN, not ERROR', () => {
  const unknownReport = (): Report => {
    const [f] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 22-x']).build(), 'admin-port-not-public');
    return { ...demo, summary: { error: 0, warning: 0, notice: 0, unknown: 1 }, findings: [{ ...f!, severity: 'error' }] };
  };
  it('in text', () => {
    const text = renderText(unknownReport(), { color: false, explain: false });
    expect(text).toContain('UNKNOWN (error if it fails) admin-port-not-public  web');
    expect(text).not.toMatch(/^ERROR/m);
  });
  it('in Markdown', () => {
    const md = renderMarkdown(unknownReport());
    expect(md).toContain('### ❔ **UNKNOWN** (error if it fails) `admin-port-not-public` on `web`');
    expect(md).not.toContain('🔴 **ERROR**');
    expect(md).toContain('| `admin-port-not-public` | 🔴 error | 0 | 1 |');
  });
});

describe('fixes go into the resource that holds the rules', () => {
  const retype = (inventory: Inventory, type: string, address: string): Inventory => {
    const sg = inventory.securityGroups.get('sg')!;
    const rules = sg.ingress.rules.map((r) => ({ ...r, provenance: { ...r.provenance, type, address } }));
    (inventory.securityGroups as Map<string, typeof sg>).set('sg', { ...sg, ingress: { rules } });
    return inventory;
  };
  const clientsFix = (inventory: Inventory) => runPolicy(inventory, 'backend-allows-clients', { clientCidrs: ['203.0.113.0/24'] })[0]!.fix!;
  const base = () =>
    scenario(['ACCEPT 10.0.0.0/8 TCP 8080'])
      .clb('lb')
      .listener('lb', 'l', { port: 80, targets: [{ instance: 'web', port: 8080 }] })
      .build();

  it('a lite rule gets a new entry in its ingress list', () => {
    const fix = clientsFix(retype(base(), 'tencentcloud_security_group_lite_rule', 'tencentcloud_security_group_lite_rule.web'));
    expect(fix.text).toBe(
      'Add a rule ACCEPT 203.0.113.0/24 TCP:8080 to the ingress list of tencentcloud_security_group_lite_rule.web (main.tf:100), anywhere above a broader DROP (no rule matches this traffic now):',
    );
    expect(fix.hcl).toBe(['ingress = [', '  "ACCEPT#203.0.113.0/24#8080#TCP",', '  # … the existing entries, in order …', ']'].join('\n'));
  });

  it('single rules get a new tencentcloud_security_group_rule next to them', () => {
    const fix = clientsFix(retype(base(), 'tencentcloud_security_group_rule', 'tencentcloud_security_group_rule.web_8080'));
    expect(fix.text).toBe(
      'Add a rule ACCEPT 203.0.113.0/24 TCP:8080 next to tencentcloud_security_group_rule.web_8080 (main.tf:100) as a new tencentcloud_security_group_rule:',
    );
    expect(fix.hcl).toBe(
      [
        'resource "tencentcloud_security_group_rule" "sg_accept_8080" {',
        '  security_group_id = "sg"',
        '  type              = "ingress"',
        '  cidr_ip           = "203.0.113.0/24"',
        '  ip_protocol       = "tcp"',
        '  port_range        = "8080"',
        '  policy            = "accept"',
        '}',
      ].join('\n'),
    );
  });

  it('a rule set gets an ingress block', () => {
    const fix = clientsFix(base());
    expect(fix.resource).toBe('sg_rules');
    expect(fix.hcl).toContain('cidr_block = "203.0.113.0/24"');
  });
});
