import { type Evidence, type Finding, type Fix, fixGroupsOf, fixSummary, type Report, type Severity } from '../model/finding.js';
import type { SourceLocation } from '../model/provenance.js';
import { incompleteNote, incompleteReasonLines } from './incompleteNote.js';
import { escapeMarkdown, fence } from './markdownEscape.js';
import { outsidePlanLines } from './outsidePlanSection.js';
import { renderPathSection } from './pathDiagram/pathSection.js';
import { summaryLine } from './textReport.js';

/** Where the repository's files can be read at the commit the report is about (the PR head). */
export interface MarkdownLinks {
  /** `https://github.com` or a GitHub Enterprise server. */
  readonly serverUrl: string;
  /** `owner/repo` */
  readonly repository: string;
  readonly sha: string;
}

export interface MarkdownOptions {
  /** Hard size limit in characters (PR comments: 65,536; job summaries: 1 MiB). */
  readonly maxChars?: number;
  /** Where the rest can be read when findings are cut: "the job summary", "the JSON report". */
  readonly overflowHint?: string;
  readonly heading?: string;
  /** When set (plan mode), `main.tf:91` links to the file at that commit. */
  readonly links?: MarkdownLinks;
  /** Draw the failing paths as Mermaid diagrams (default true). */
  readonly diagrams?: boolean;
}

/** Diagrams take at most this share of the size limit: the findings' text must fit too. */
const DIAGRAM_SHARE = 0.4;

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' };
const UNKNOWN_ICON = '❔';

/**
 * Markdown for the job summary, the sticky PR comment and `--format markdown`: counts, a table per
 * policy, then each finding with resource, location, message and fix. A fix is prose, then an
 * ```hcl block, then a ```json block for the API call; a fix that several findings share is shown
 * once, with the findings it fixes. Cut finding by finding to stay under the size limit, saying
 * how many were left out.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const limit = options.maxChars ?? 1_000_000;
  const links = report.mode === 'plan' ? options.links : undefined;
  const head: string[] = [`## ${options.heading ?? 'clb-guard'}`, ''];
  if (!report.complete) {
    head.push('> [!CAUTION]', `> The check is **incomplete**: ${incompleteNote(report)}.`);
    const reasons = incompleteReasonLines(report);
    if (reasons.length > 0) head.push('>', ...reasons.map((reason) => `> - ${escapeMarkdown(reason)}`));
    head.push('');
  }
  const checked = `${report.policies.length} policies on ${report.counts.loadBalancers} load balancers and ${report.counts.backends} backends`;
  // An incomplete check with no findings is not a clean one: what did not arrive was not checked.
  if (report.findings.length === 0)
    head.push(
      report.complete
        ? `✅ **All clear**: no findings from ${checked}.`
        : `**No findings** from ${checked}, but the check is incomplete (above).`,
      '',
    );
  else {
    head.push(
      `**${summaryLine(report)}** — ${report.policies.length} policies on ${report.counts.loadBalancers} load balancers, ${report.counts.backends} backends.`,
      '',
    );
    head.push('| policy | severity | failing | unknown |', '|---|---|---:|---:|');
    const byPolicy = new Map<string, Finding[]>();
    for (const f of report.findings) byPolicy.set(f.policy, [...(byPolicy.get(f.policy) ?? []), f]);
    for (const [policy, list] of byPolicy) {
      const failing = list.filter((f) => f.status === 'fail').length;
      head.push(`| \`${policy}\` | ${ICON[list[0]!.severity]} ${list[0]!.severity} | ${failing} | ${list.length - failing} |`);
    }
    head.push('');
  }
  head.push(...outsidePlanLines(report, links));
  const tail: string[] = [];
  const expired = report.exceptions.filter((e) => e.expired);
  const applied = report.exceptions.filter((e) => !e.expired && e.suppressed > 0);
  if (applied.length > 0)
    tail.push(
      '',
      `<sub>${applied.length} exception(s) applied: ${applied.map((e) => `\`${e.policy}\` on \`${e.resource}\` until ${e.expires}`).join('; ')}</sub>`,
    );
  if (expired.length > 0) tail.push('', `⚠️ ${expired.length} exception(s) expired and no longer apply.`);

  const groups = new Map(fixGroupsOf(report.findings).map((g) => [g.fix.id, g]));
  const shownFixes = new Map<string, Finding>();
  let text = head.join('\n');
  if (options.diagrams !== false) text += renderPathSection(report.findings, Math.floor(limit * DIAGRAM_SHARE)).text;
  const closing = tail.join('\n');
  let shown = 0;
  for (const finding of report.findings) {
    const block = renderFinding(finding, links, groups, shownFixes);
    const reserve = 300 + closing.length;
    if (text.length + block.length + reserve > limit) break;
    text += block;
    if (finding.fix && !shownFixes.has(finding.fix.id)) shownFixes.set(finding.fix.id, finding);
    shown++;
  }
  const left = report.findings.length - shown;
  if (left > 0)
    text += `\n\n… and **${left} more** ${left === 1 ? 'finding' : 'findings'} in ${options.overflowHint ?? 'the full report'}.`;
  text += closing;
  return `${text.slice(0, limit - 1)}\n`;
}

function renderFinding(
  f: Finding,
  links: MarkdownLinks | undefined,
  groups: ReadonlyMap<string, { fix: Fix; findings: readonly Finding[] }>,
  shownFixes: ReadonlyMap<string, Finding>,
): string {
  const where = f.location ? ` — ${locationLink(f.location, links)}` : '';
  const label =
    f.status === 'unknown'
      ? `${UNKNOWN_ICON} **UNKNOWN** (${f.severity} if it fails)`
      : `${ICON[f.severity]} **${f.severity.toUpperCase()}**`;
  const lines = [`\n\n### ${label} \`${f.policy}\` on \`${escapeMarkdown(f.resource)}\`${where}`, '', escapeMarkdown(f.message)];
  if (f.evidence.length > 0) {
    lines.push('', '<details><summary>Why</summary>', '');
    for (const e of f.evidence.slice(0, 8)) lines.push(`- ${evidenceLine(e, links)}`);
    lines.push('', '</details>');
  }
  const advice = f.fix ? f.advice : f.remediation;
  if (advice) lines.push('', `**Fix:** ${escapeMarkdown(advice)}`);
  if (f.fix) {
    const group = groups.get(f.fix.id);
    const first = shownFixes.get(f.fix.id);
    if (first !== undefined)
      lines.push(
        '',
        `The same change as for \`${first.policy}\` on \`${escapeMarkdown(first.resource)}\` above${group && group.findings.length > 1 ? ` (${escapeMarkdown(fixSummary(group).replace(/^One/, 'one'))})` : ''}.`,
      );
    else lines.push('', ...renderFix(f.fix, group && group.findings.length > 1 ? fixSummary(group) : undefined, links));
  }
  return lines.join('\n');
}

/** Prose, then ```hcl, then ```json for the API call. */
export function renderFix(fix: Fix, summary: string | undefined, links?: MarkdownLinks): string[] {
  const lines: string[] = [];
  const prose = escapeMarkdown(fix.text)
    .split('\n')
    .join('\n\n')
    .replace(/([\w./-]+\.tf):(\d+)/g, (_m, file: string, line: string) => locationLink({ file, line: Number(line) }, links, true));
  lines.push(summary ? `**${escapeMarkdown(summary)}:** ${prose}` : prose);
  if (fix.hcl) lines.push('', '```hcl', fence(fix.hcl), '```');
  if (fix.api)
    lines.push(
      '',
      `With API 3.0, \`${fix.api.service} ${fix.api.action}\`:`,
      '',
      '```json',
      fence(JSON.stringify(fix.api.request, null, 2)),
      '```',
    );
  return lines;
}

function evidenceLine(e: Evidence, links: MarkdownLinks | undefined): string {
  const where = e.list ? ` in \`${escapeMarkdown(e.list)}\`${e.index !== undefined ? ` #${e.index}` : ''}` : '';
  return `**${e.verdict}** ${e.part ? `${escapeMarkdown(e.part)}: ` : ''}\`${escapeMarkdown(e.rule)}\`${where}${e.location ? ` (${locationLink(e.location, links)})` : ''}${e.reason ? ` — ${escapeMarkdown(e.reason)}` : ''}`;
}

/** `main.tf:91`, linked to the file at the PR head when links are known. */
export function locationLink(location: SourceLocation, links: MarkdownLinks | undefined, escaped = false): string {
  const file = escaped ? location.file : escapeMarkdown(location.file);
  const label = `\`${file}:${location.line}\``;
  if (links === undefined || /^(\/|[A-Za-z]:|\.\.)/.test(location.file)) return label;
  const path = location.file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
  const range =
    location.endLine !== undefined && location.endLine > location.line ? `#L${location.line}-L${location.endLine}` : `#L${location.line}`;
  return `[${label}](${links.serverUrl.replace(/\/$/, '')}/${links.repository}/blob/${links.sha}/${path}${range})`;
}
