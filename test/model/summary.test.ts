import { describe, expect, it } from 'vitest';
import { explainReport } from '../../src/cli/explainCommand.js';
import { summaryOf } from '../../src/model/summary.js';
import { sectionReport } from '../../src/report/mergeMarkdown.js';
import { finding, report } from '../report/sampleReport.js';

const findings = [
  finding({ severity: 'error', fingerprint: 'a'.repeat(32) }),
  finding({ severity: 'warning', fingerprint: 'b'.repeat(32), resource: 'x' }),
  finding({ severity: 'notice', fingerprint: 'c'.repeat(32) }),
  finding({ severity: 'error', status: 'unknown', fingerprint: 'd'.repeat(32) }),
];

describe('summaryOf: the one count of a report', () => {
  it('counts failures by severity and unknowns apart, whatever their severity', () => {
    expect(summaryOf(findings)).toEqual({ error: 1, warning: 1, notice: 1, unknown: 1 });
    expect(summaryOf([])).toEqual({ error: 0, warning: 0, notice: 0, unknown: 0 });
  });

  it('an explanation and a merged section count their findings the same way', () => {
    const explained = explainReport(report(findings), undefined, 'x', 'the plan');
    expect(explained.summary).toEqual(summaryOf(explained.findings));
    expect(explained.summary).toEqual({ error: 0, warning: 1, notice: 0, unknown: 0 });
    const scoped = findings.map((f) => ({ ...f, account: 'shop', region: 'ap-guangzhou' }));
    const section = sectionReport(report(scoped, { mode: 'live' }), { account: 'shop', region: 'ap-guangzhou', status: 'complete' });
    expect(section.summary).toEqual(summaryOf(findings));
  });
});
