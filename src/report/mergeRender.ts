import type { Report } from '../model/finding.js';
import { REGION_UNKNOWN, renderMergedMarkdown, sectionReport, unplacedSections } from './mergeMarkdown.js';
import { type RenderOptions, type ReportFormat, renderReport } from './renderReport.js';
import { summaryLine } from './textReport.js';

/**
 * A merged report in any format. JSON and SARIF are those of any report (findings carry their
 * account and region); Markdown has a section per account and region; text starts with the
 * status of each and names each finding's resource as `account/region/resource`.
 */
export function renderMergedReport(report: Report, format: ReportFormat, options: RenderOptions): string {
  if (format === 'markdown') return renderMergedMarkdown(report, options.links ? { links: options.links } : {});
  if (format !== 'text') return renderReport(report, format, options);
  const shards = report.target.shards ?? [];
  const lines = shards.map(
    (s) =>
      `${s.account} ${s.region}: ${s.status === 'complete' ? 'complete' : `INCOMPLETE (${s.reason ?? s.status})`}; ${summaryLine(sectionReport(report, s))}`,
  );
  for (const section of unplacedSections(report)) lines.push(`${section.target.account} (${REGION_UNKNOWN}): ${summaryLine(section)}`);
  const named = {
    ...report,
    findings: report.findings.map((f) => ({ ...f, resource: `${f.account}/${f.region ?? REGION_UNKNOWN}/${f.resource}` })),
  };
  return `${lines.join('\n')}\n\n${renderReport(named, 'text', options)}`;
}
