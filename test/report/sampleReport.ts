import type { Finding, Report } from '../../src/model/finding.js';

/** A sample finding; `remediation: undefined` in the overrides removes the remediation. */
export function finding(overrides: { [K in keyof Finding]?: Finding[K] | undefined } = {}): Finding {
  const sample: Finding = {
    policy: 'backend-allows-health-check',
    title: 'Backend security groups admit the health checks',
    severity: 'error',
    status: 'fail',
    resource: 'tencentcloud_instance.web[0]',
    related: ['tencentcloud_clb_listener.https', 'tencentcloud_clb_instance.web'],
    message: 'shop-web-0 refuses health checks of shop-web (TCP:443, probes to port 8444): refused VIP TCP:8444 (default deny).',
    location: { file: 'examples/demo/main.tf', line: 91, endLine: 101 },
    evidence: [
      {
        flow: 'health checks → TCP:8444',
        verdict: 'deny',
        part: 'VIP TCP:8444',
        list: 'tencentcloud_security_group.web',
        direction: 'ingress',
        rule: 'default deny (no rule matched)',
        location: null,
      },
    ],
    remediation: 'Admit the health-check source on the health-check port.',
    fingerprint: '0123456789abcdef0123456789abcdef',
  };
  const merged: Record<string, unknown> = { ...sample, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete merged[key];
  return merged as unknown as Finding;
}

export function report(findings: Finding[], overrides: Partial<Report> = {}): Report {
  const count = (s: string) => findings.filter((f) => f.status === 'fail' && f.severity === s).length;
  return {
    version: 1,
    tool: { name: 'clb-guard', version: '0.1.0' },
    mode: 'plan',
    complete: true,
    summary: {
      error: count('error'),
      warning: count('warning'),
      notice: count('notice'),
      unknown: findings.filter((f) => f.status === 'unknown').length,
    },
    findings,
    policies: [
      {
        id: 'backend-allows-health-check',
        title: 'Backend security groups admit the health checks',
        description: 'Health checks must reach the backend.',
        severity: 'error',
        remediation: 'Admit the probe.',
        docs: 'https://example.invalid/docs#hc',
        source: 'builtin',
      },
      {
        id: 'admin-port-not-public',
        title: 'SSH and RDP are not open to the internet',
        description: '22 and 3389 closed to the world.',
        severity: 'warning',
        source: 'builtin',
      },
    ],
    exceptions: [],
    warnings: [],
    target: { planFile: 'plan.json' },
    counts: { loadBalancers: 1, backends: 2, securityGroups: 1 },
    ...overrides,
  };
}
