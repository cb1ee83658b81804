import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model/finding.js';
import { renderJson } from '../../src/report/jsonReport.js';
import { readReportFile } from '../../src/report/mergeInput.js';
import { renderMergedMarkdown, sectionReport } from '../../src/report/mergeMarkdown.js';
import { renderMergedReport } from '../../src/report/mergeRender.js';
import { mergeReports } from '../../src/report/mergeReports.js';
import { expectValidReport } from './reportSchema.js';
import { finding, report } from './sampleReport.js';

/** A live shard's report: one account, its regions, these findings. */
function liveReport(account: string, regions: string[], findings: Finding[], overrides: Partial<Report> = {}): Report {
  return report(findings, { mode: 'live', target: { account, regions }, ...overrides });
}

const gz = finding({ resource: 'lb-gz', region: 'ap-guangzhou', fingerprint: '1'.repeat(32), location: null });
const sh = finding({ resource: 'lb-sh', region: 'ap-shanghai', fingerprint: '2'.repeat(32), location: null, severity: 'warning' });
const nowhere = finding({ resource: 'lb-x/lbl-y', fingerprint: '3'.repeat(32), location: null, status: 'unknown' });

describe('merging shard reports', () => {
  it('keeps a finding that names no region in a report of two regions: in the totals, in a section of its own, with a warning', () => {
    const merged = mergeReports([{ file: 'shop.json', report: liveReport('shop', ['ap-guangzhou', 'ap-shanghai'], [gz, sh, nowhere]) }]);
    expectValidReport(merged, 'merged');
    expect(merged.summary).toEqual({ error: 1, warning: 1, notice: 0, unknown: 1 });
    const unplaced = merged.findings.find((f) => f.resource === 'lb-x/lbl-y')!;
    // Not a made-up region such as "ap-guangzhou+ap-shanghai".
    expect(unplaced.region).toBeUndefined();
    expect(unplaced.account).toBe('shop');
    expect(merged.warnings).toContainEqual(expect.stringMatching(/^shop: 1 finding names no region .*ap-guangzhou, ap-shanghai/));
    const markdown = renderMergedMarkdown(merged);
    expect(markdown).toMatch(/^## shop \/ region unknown$/m);
    expect(markdown).toContain('| shop | region unknown | ⚠️ not in a region | 0 | 0 | 0 | 1 |');
    expect(markdown).toContain('lb-x/lbl-y');
    const own = markdown.slice(markdown.indexOf('## shop / region unknown'));
    expect(own).toContain('their report is one scan of ap-guangzhou and ap-shanghai, which did not say which region these were read in');
    // The counts of the scan the findings came from, not zeros.
    expect(own).toContain('on 1 load balancers, 2 backends');
    const text = renderMergedReport(merged, 'text', { color: false, explain: false, repoRoot: '.', fileExists: () => false });
    expect(text).toContain('shop (region unknown): 0 errors, 0 warnings, 0 notices, 1 unknown');
    expect(text).toContain('shop/region unknown/lb-x/lbl-y');
    expect(text).not.toContain('undefined');
  });

  it('a finding keeps its fingerprint whether its region was scanned alone or with another', () => {
    const together = mergeReports([{ file: 'shop.json', report: liveReport('shop', ['ap-guangzhou', 'ap-shanghai'], [gz, sh]) }]);
    const alone = mergeReports([
      { file: 'gz.json', report: liveReport('shop', ['ap-guangzhou'], [gz]) },
      { file: 'sh.json', report: liveReport('shop', ['ap-shanghai'], [sh]) },
    ]);
    expect(together.findings.map((f) => f.fingerprint)).toEqual(alone.findings.map((f) => f.fingerprint));
  });

  it('a report of one region files a finding without region under that region', () => {
    const merged = mergeReports([{ file: 'shop.json', report: liveReport('shop', ['ap-guangzhou'], [nowhere]) }]);
    expect(merged.findings[0]!.region).toBe('ap-guangzhou');
    expect(renderMergedMarkdown(merged)).not.toContain('region unknown');
  });

  it('says when the counts of a section are those of a report of several regions, and a single-region section has its own', () => {
    const merged = mergeReports([
      {
        file: 'shop.json',
        report: liveReport('shop', ['ap-guangzhou', 'ap-shanghai'], [gz, sh], {
          counts: { loadBalancers: 5, backends: 9, securityGroups: 3 },
        }),
      },
      {
        file: 'bank.json',
        report: liveReport('bank', ['ap-singapore'], [], { counts: { loadBalancers: 2, backends: 4, securityGroups: 1 } }),
      },
    ]);
    expect(merged.counts).toEqual({ loadBalancers: 7, backends: 13, securityGroups: 4 });
    const bank = merged.target.shards!.find((s) => s.account === 'bank')!;
    expect(sectionReport(merged, bank).counts).toEqual({ loadBalancers: 2, backends: 4, securityGroups: 1 });
    const markdown = renderMergedMarkdown(merged);
    const shopGz = markdown.slice(markdown.indexOf('## shop / ap-guangzhou'), markdown.indexOf('## shop / ap-shanghai'));
    expect(shopGz).toContain('the counts are those of shop.json, one scan of ap-guangzhou and ap-shanghai together');
    const bankSection = markdown.slice(markdown.indexOf('## bank / ap-singapore'), markdown.indexOf('## shop / ap-guangzhou'));
    expect(bankSection).not.toContain('the counts are those of');
  });

  it('warns when two shards define one policy differently, naming the policy, what differs and both files', () => {
    const base = liveReport('shop', ['ap-guangzhou'], []);
    const other = liveReport('bank', ['ap-guangzhou'], [], {
      policies: base.policies.map((p) =>
        p.id === 'admin-port-not-public' ? { ...p, severity: 'error' as const, description: 'changed' } : p,
      ),
    });
    const merged = mergeReports([
      { file: 'shop.json', report: base },
      { file: 'bank.json', report: other },
    ]);
    // Sorted by account: bank's report is read first, its definition is the one listed.
    expect(merged.warnings).toContainEqual(
      'policy admin-port-not-public: shop.json defines it differently from bank.json (description, severity); the merged report lists the definition of bank.json, each finding keeps its own severity',
    );
    const same = mergeReports([
      { file: 'shop.json', report: base },
      { file: 'bank.json', report: liveReport('bank', ['ap-guangzhou'], []) },
    ]);
    expect(same.warnings.filter((w) => w.startsWith('policy '))).toEqual([]);
  });

  it("keeps each finding's advice through the JSON report, apart from its fix", async () => {
    const fix = {
      id: 'abcdef012345',
      text: 'Add a rule to sg-web.',
      resource: 'sg-web',
      location: null,
      hcl: 'ingress = ["ACCEPT#0.0.0.0/0#443#TCP"]',
      rules: 1,
    };
    const withFix = { ...gz, advice: 'Admit the probes.', remediation: `Admit the probes.\nAdd a rule to sg-web.\n${fix.hcl}`, fix };
    const onlyAdvice = { ...sh, advice: 'Close the port.', remediation: 'Close the port.' };
    const onlyFix: Finding = {
      ...finding({ resource: 'lb-gz2', region: 'ap-guangzhou', fingerprint: '4'.repeat(32), location: null }),
      remediation: `Add a rule to sg-web.\n${fix.hcl}`,
      fix,
    };
    const file = join(mkdtempSync(join(tmpdir(), 'clb-guard-merge-')), 'shop.json');
    writeFileSync(file, renderJson(liveReport('shop', ['ap-guangzhou', 'ap-shanghai'], [withFix, onlyAdvice, onlyFix])));
    const merged = mergeReports([{ file: 'shop.json', report: await readReportFile(file, 'shop.json') }]);
    const by = (resource: string) => merged.findings.find((f) => f.resource === resource)!;
    expect(by('lb-gz').advice).toBe('Admit the probes.');
    expect(by('lb-sh').advice).toBe('Close the port.');
    expect(by('lb-gz2').advice).toBeUndefined();
    expect(renderMergedMarkdown(merged)).toContain('**Fix:** Admit the probes.');
  });
});
