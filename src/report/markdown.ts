import type { Finding, Report, Severity } from '../model/finding.js';
import { summaryLine } from './textReport.js';

export interface MarkdownOptions {
  /** Hard size limit in characters (PR comments: 65,536; job summaries: 1 MiB). */
  readonly maxChars?: number;
  /** Where the rest can be read when findings are cut: "the job summary", "the JSON report". */
  readonly overflowHint?: string;
  readonly heading?: string;
}

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' };

/**
 * Markdown for the job summary, the sticky PR comment and `--format markdown`: counts, a table per
 * policy, then each finding with resource, location, message and fix. Cut finding by finding to
 * stay under the size limit, saying how many were left out.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const limit = options.maxChars ?? 1_000_000;
  const head: string[] = [`## ${options.heading ?? 'clb-guard'}`, ''];
  if (!report.complete) head.push('> [!CAUTION]', '> The scan is **incomplete**: part of the account could not be read, so findings there are unknown.', '');
  if (report.findings.length === 0) head.push(`✅ **All clear**: no findings from ${report.policies.length} policies on ${report.counts.loadBalancers} load balancers and ${report.counts.backends} backends.`, '');
  else {
    head.push(`**${summaryLine(report)}** — ${report.policies.length} policies on ${report.counts.loadBalancers} load balancers, ${report.counts.backends} backends.`, '');
    head.push('| policy | severity | findings |', '|---|---|---:|');
    const byPolicy = new Map<string, Finding[]>();
    for (const f of report.findings) byPolicy.set(f.policy, [...(byPolicy.get(f.policy) ?? []), f]);
    for (const [policy, list] of byPolicy) head.push(`| \`${policy}\` | ${ICON[list[0]!.severity]} ${list[0]!.severity} | ${list.length} |`);
    head.push('');
  }
  const tail: string[] = [];
  const expired = report.exceptions.filter((e) => e.expired);
  const applied = report.exceptions.filter((e) => !e.expired && e.suppressed > 0);
  if (applied.length > 0) tail.push('', `<sub>${applied.length} exception(s) applied: ${applied.map((e) => `\`${e.policy}\` on \`${e.resource}\` until ${e.expires}`).join('; ')}</sub>`);
  if (expired.length > 0) tail.push('', `⚠️ ${expired.length} exception(s) expired and no longer apply.`);

  let text = head.join('\n');
  const closing = tail.join('\n');
  let shown = 0;
  for (const finding of report.findings) {
    const block = renderFinding(finding);
    const reserve = 300 + closing.length;
    if (text.length + block.length + reserve > limit) break;
    text += block;
    shown++;
  }
  const left = report.findings.length - shown;
  if (left > 0) text += `\n\n… and **${left} more** ${left === 1 ? 'finding' : 'findings'} in ${options.overflowHint ?? 'the full report'}.`;
  text += closing;
  return `${text.slice(0, limit - 1)}\n`;
}

function renderFinding(f: Finding): string {
  const where = f.location ? ` — \`${escape(f.location.file)}:${f.location.line}\`` : '';
  const status = f.status === 'unknown' ? ' _(unknown)_' : '';
  const lines = [`\n\n### ${ICON[f.severity]} \`${f.policy}\`${status} on \`${escape(f.resource)}\`${where}`, '', escape(f.message)];
  if (f.evidence.length > 0) {
    lines.push('', '<details><summary>Why</summary>', '');
    for (const e of f.evidence.slice(0, 8)) lines.push(`- **${e.verdict}** ${e.part ? `${escape(e.part)}: ` : ''}\`${escape(e.rule)}\`${e.list ? ` in \`${escape(e.list)}\`` : ''}${e.location ? ` (\`${escape(e.location.file)}:${e.location.line}\`)` : ''}`);
    lines.push('', '</details>');
  }
  if (f.remediation) lines.push('', '<details><summary>Fix</summary>', '', '```text', f.remediation.replace(/```/g, "'''"), '```', '', '</details>');
  return lines.join('\n');
}

/** Keeps user-controlled text from breaking the Markdown around it (tables, code spans, HTML). */
function escape(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/`/g, "'").replace(/\|/g, '\\|');
}
