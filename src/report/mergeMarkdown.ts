import type { Finding, Report, ShardStatus } from '../model/finding.js';
import { summaryOf } from '../model/summary.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import { summaryLine } from './textReport.js';

/** Below this many characters a section shows its counts only. */
const MIN_SECTION = 1_500;

const STATUS: Record<ShardStatus['status'], string> = {
  complete: '✅ complete',
  incomplete: '⚠️ incomplete',
  missing: '⚠️ incomplete (no report)',
};

/** Findings of an account whose report covered several regions and named none for them. */
export const REGION_UNKNOWN = 'region unknown';

/**
 * The findings of a merged report that no account-and-region section holds (their region is not
 * known), by account: shown in a section of their own, never left out.
 */
export function unplacedSections(report: Report): Report[] {
  const shards = report.target.shards ?? [];
  const placed = (f: Finding) => shards.some((s) => s.account === f.account && s.region === f.region);
  const byAccount = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (placed(f)) continue;
    const account = f.account ?? '';
    byAccount.set(account, [...(byAccount.get(account) ?? []), f]);
  }
  return [...byAccount].map(([account, findings]) => {
    // Only a report of several regions leaves a finding without one: its counts are the section's.
    const scans = new Map<string, ShardStatus[]>();
    for (const s of shards) if (s.account === account && s.report !== undefined) scans.set(s.report, [...(scans.get(s.report) ?? []), s]);
    const several = [...scans.values()].filter((regions) => regions.length > 1);
    const counts = { loadBalancers: 0, backends: 0, securityGroups: 0 };
    for (const [first] of several) {
      counts.loadBalancers += first?.counts?.loadBalancers ?? 0;
      counts.backends += first?.counts?.backends ?? 0;
      counts.securityGroups += first?.counts?.securityGroups ?? 0;
    }
    const regions = several.flatMap((regions) => regions.map((s) => s.region));
    return { ...report, findings, summary: summaryOf(findings), exceptions: [], warnings: [], target: { account, regions }, counts };
  });
}

/** The other regions one scan covered with this shard's, when its report was of several. */
function sharedReportRegions(report: Report, shard: ShardStatus): string[] {
  if (shard.report === undefined) return [];
  const regions = (report.target.shards ?? []).filter((s) => s.account === shard.account && s.report === shard.report).map((s) => s.region);
  return regions.length > 1 ? regions : [];
}

/** The part of a merged report one account and region holds, as a report of its own. */
export function sectionReport(report: Report, shard: ShardStatus): Report {
  const findings = report.findings.filter((f) => f.account === shard.account && f.region === shard.region);
  return {
    ...report,
    complete: shard.status === 'complete',
    findings,
    summary: summaryOf(findings),
    exceptions: [],
    warnings: [],
    target: { account: shard.account, regions: [shard.region] },
    counts: shard.counts ?? { loadBalancers: 0, backends: 0, securityGroups: 0 },
  };
}

/**
 * A merged report as Markdown (job summary, drift issue, `merge --format markdown`): the totals,
 * a table of every account and region with its status, then a section per account and region,
 * in the report's (sorted) order. Each section gets an equal share of the size limit.
 */
export function renderMergedMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const shards = report.target.shards ?? [];
  const accounts = new Set(shards.map((s) => s.account)).size;
  const incomplete = shards.filter((s) => s.status !== 'complete');
  const head = [
    `## ${options.heading ?? 'clb-guard'} — ${accounts} ${accounts === 1 ? 'account' : 'accounts'}, ${shards.length} account and region ${shards.length === 1 ? 'pair' : 'pairs'}`,
    '',
  ];
  if (incomplete.length > 0)
    head.push(
      '> [!CAUTION]',
      `> ${incomplete.length} of ${shards.length} ${shards.length === 1 ? 'section is' : 'sections are'} **incomplete**: ${incomplete.map((s) => `${s.account} / ${s.region}`).join(', ')}. Findings there are unknown or missing, so this result is not clean.`,
      '',
    );
  head.push(
    `**${summaryLine(report)}**`,
    '',
    '| account | region | status | errors | warnings | notices | unknown |',
    '|---|---|---|---:|---:|---:|---:|',
  );
  for (const shard of shards) {
    const { summary } = sectionReport(report, shard);
    head.push(
      `| ${shard.account} | ${shard.region} | ${STATUS[shard.status]} | ${summary.error} | ${summary.warning} | ${summary.notice} | ${summary.unknown} |`,
    );
  }
  const unplaced = unplacedSections(report);
  for (const { target, summary } of unplaced)
    head.push(
      `| ${target.account} | ${REGION_UNKNOWN} | ⚠️ not in a region | ${summary.error} | ${summary.warning} | ${summary.notice} | ${summary.unknown} |`,
    );
  const expired = report.exceptions.filter((e) => e.expired).length;
  if (expired > 0) head.push('', `⚠️ ${expired} exception(s) expired and no longer apply.`);
  const text = head.join('\n');
  const limit = options.maxChars ?? 1_000_000;
  const share = Math.floor((limit - text.length - 200) / Math.max(1, shards.length + unplaced.length));
  const sections = shards.map((shard) => {
    const heading = `${shard.account} / ${shard.region}`;
    if (shard.status === 'missing') return `## ${heading}\n\n> [!CAUTION]\n> **Incomplete**: ${shard.reason ?? 'no report'}.\n`;
    const section = sectionReport(report, shard);
    // Too many sections for the findings to fit: each says its counts, the rest is in the report.
    if (share < MIN_SECTION)
      return `## ${heading}\n\n${shard.status === 'complete' ? '' : '⚠️ **incomplete** — '}**${summaryLine(section)}**; the findings are in ${options.overflowHint ?? 'the full report'}.\n`;
    const body = renderMarkdown(section, { ...options, heading, maxChars: share });
    const together = sharedReportRegions(report, shard);
    // A report of several regions counts them together: its sections cannot say their own counts.
    const notes = [
      ...(shard.reason !== undefined ? [shard.reason] : []),
      ...(together.length > 0 ? [`the counts are those of ${shard.report}, one scan of ${together.join(' and ')} together`] : []),
    ];
    return notes.length > 0 ? body.replace(/\n/, `\n\n<sub>${escapeText(notes.join('; '))}</sub>\n`) : body;
  });
  const unplacedText = unplaced.map((section) => {
    const heading = `${section.target.account} / ${REGION_UNKNOWN}`;
    if (share < MIN_SECTION)
      return `## ${heading}\n\n**${summaryLine(section)}**; the findings are in ${options.overflowHint ?? 'the full report'}.\n`;
    const regions = section.target.regions ?? [];
    const note = `their report is one scan of ${regions.join(' and ')}, which did not say which region these were read in; the counts are that scan's`;
    return renderMarkdown(section, { ...options, heading, maxChars: share }).replace(/\n/, `\n\n<sub>${escapeText(note)}</sub>\n`);
  });
  return `${[text, ...sections, ...unplacedText].join('\n\n').slice(0, limit - 1)}\n`;
}

function escapeText(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
