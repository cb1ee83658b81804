import { describe, expect, it } from 'vitest';
import type { Finding, Fix } from '../../src/model/finding.js';
import { jsonReportChunks, renderJson } from '../../src/report/jsonReport.js';
import { finding, report } from './sampleReport.js';

const fixA: Fix = {
  id: 'fix-a',
  text: 'Add a rule to tencentcloud_security_group.web.',
  resource: 'tencentcloud_security_group.web',
  rules: 1,
};
const fixB: Fix = {
  id: 'fix-b',
  text: 'Edit the ACL.',
  location: null,
  hcl: 'resource "x" "y" {\n  a = 1\n}',
  api: { service: 'vpc', action: 'ModifyNetworkAclEntries', request: { NetworkAclId: 'acl-1' } },
  rules: 2,
};

/** Findings with every optional field, non-ASCII text and characters JSON escapes, some sharing a fix. */
function findings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    finding({
      resource: `tencentcloud_instance.web[${i}]`,
      message: `web-${i} refuses "clients" (HTTP:80 → 8080)\n\ttab \u2028 \u{1F600} \\ end`,
      fingerprint: i.toString(16).padStart(32, '0'),
      ...(i % 3 === 0 ? { fix: fixA } : i % 3 === 1 ? { fix: fixB } : {}),
      ...(i % 2 === 0 ? { docs: 'https://example.invalid/d', consoleUrl: 'https://console.invalid/x' } : { location: null, evidence: [] }),
      ...(i % 4 === 0 ? { account: 'prod', region: 'ap-guangzhou', outsidePlan: { preexisting: true } } : {}),
    } as Partial<Finding>),
  );
}

describe('the JSON report in pieces', () => {
  it.each([0, 1, 2, 7])('is JSON.stringify(…, null, 2) of the report, in the contract’s key order, for %i findings', (n) => {
    const sample = report(findings(n), {
      resolution: { complete: true, objects: [], calls: 3 } as never,
      warnings: ['a warning with … and "quotes"'],
    });
    const text = renderJson(sample);
    // Re-printing the parsed report gives the same bytes: the layout is the standard pretty print.
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual([
      'version',
      'tool',
      'mode',
      'complete',
      'summary',
      'findings',
      'fixes',
      'policies',
      'exceptions',
      'warnings',
      'target',
      'counts',
      'resolution',
    ]);
    expect(parsed.findings).toHaveLength(n);
    expect(parsed.findings.map((f: { resource: string }) => f.resource)).toEqual(sample.findings.map((f) => f.resource));
    expect(parsed.fixes.map((f: { id: string }) => f.id)).toEqual(n === 0 ? [] : n === 1 ? ['fix-a'] : ['fix-a', 'fix-b']);
    if (n > 0) expect(Object.keys(parsed.findings[0]).at(-1)).toBe('fingerprint');
  });

  it('has each finding in a piece of its own', () => {
    const sample = report(findings(10));
    const pieces = [...jsonReportChunks(sample)];
    expect(pieces.join('')).toBe(renderJson(sample));
    const perPiece = pieces.map((p) => (p.match(/"fingerprint"/g) ?? []).length);
    expect(Math.max(...perPiece)).toBe(1);
    expect(perPiece.filter((n) => n === 1)).toHaveLength(10);
  });

  it('leaves out a resolution the report does not have, as before', () => {
    const parsed = JSON.parse(renderJson(report(findings(2))));
    expect('resolution' in parsed).toBe(false);
    expect(Object.keys(parsed).at(-1)).toBe('counts');
  });
});
