import {
  type Evidence,
  type Finding,
  type FixGroup,
  fixAsText,
  fixGroupsOf,
  fixSummary,
  type Report,
  type Severity,
} from '../model/finding.js';
import { incompleteNote, incompleteReasonLines } from './incompleteNote.js';

export interface TextOptions {
  readonly color: boolean;
  readonly explain: boolean;
}

const LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', notice: 'NOTICE' };
const COLOR: Record<Severity | 'unknown', string> = { error: '31', warning: '33', notice: '36', unknown: '35' };

/** For people: grouped by severity, each finding with where, why and how to fix. */
export function renderText(report: Report, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const dim = (text: string) => paint('2', text);
  const lines: string[] = [];
  if (!report.complete) {
    lines.push(paint('1;31', `INCOMPLETE: ${incompleteNote(report)}, and the report is not a clean bill of health.`));
    for (const reason of incompleteReasonLines(report)) lines.push(paint('31', `  - ${reason}`));
    lines.push('');
  }
  const target = report.target.planFile ?? (report.target.regions ? `regions ${report.target.regions.join(', ')}` : '');
  lines.push(`clb-guard ${report.mode} ${target}`.trimEnd());
  lines.push(
    dim(
      `${report.counts.loadBalancers} load balancers, ${report.counts.backends} backends, ${report.counts.securityGroups} security groups, ${report.policies.length} policies`,
    ),
    '',
  );

  const groups = new Map(fixGroupsOf(report.findings).map((g) => [g.fix.id, g]));
  const shownFixes = new Map<string, Finding>();
  for (const finding of report.findings) {
    lines.push(...renderFinding(finding, options, paint, dim, groups, shownFixes), '');
    if (finding.fix && !shownFixes.has(finding.fix.id)) shownFixes.set(finding.fix.id, finding);
  }

  for (const use of report.exceptions) {
    // An exception that suppressed nothing did not apply: the warnings say why it is there.
    const state = use.expired ? 'EXPIRED' : use.suppressed === 0 ? 'matched nothing' : 'applied';
    lines.push(
      dim(
        `exception ${state}: ${use.policy} on ${use.resource} until ${use.expires} (${use.reason})${use.expired || use.suppressed === 0 ? '' : `, suppressed ${use.suppressed}`}`,
      ),
    );
  }
  for (const warning of report.warnings) lines.push(dim(`warning: ${warning}`));
  if (report.exceptions.length > 0 || report.warnings.length > 0) lines.push('');
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

function renderFinding(
  f: Finding,
  options: TextOptions,
  paint: (c: string, t: string) => string,
  dim: (t: string) => string,
  groups: ReadonlyMap<string, FixGroup>,
  shownFixes: ReadonlyMap<string, Finding>,
): string[] {
  const where = f.location ? `${f.location.file}:${f.location.line}` : '';
  // An undecided policy is not an error (yet): it is labelled UNKNOWN, with the severity it would have.
  const label =
    f.status === 'unknown'
      ? `${paint(`1;${COLOR.unknown}`, 'UNKNOWN')} ${dim(`(${f.severity} if it fails)`)}`
      : paint(`1;${COLOR[f.severity]}`, LABEL[f.severity]);
  const out = [`${label} ${paint('1', f.policy)}  ${f.resource}${where ? `  ${dim(where)}` : ''}`, `  ${f.message}`];
  if (options.explain) {
    for (const e of f.evidence) out.push(`  ${dim('why')} ${explainEvidence(e)}`);
  }
  const fixLines: string[] = [];
  const advice = f.fix ? f.advice : f.remediation;
  if (advice) fixLines.push(...advice.split('\n'));
  if (f.fix) {
    const group = groups.get(f.fix.id);
    const shared = group !== undefined && group.findings.length > 1;
    const first = shownFixes.get(f.fix.id);
    if (first !== undefined)
      fixLines.push(
        `the same change as for ${first.policy} on ${first.resource} above${shared ? ` (${fixSummary(group).replace(/^One/, 'one')})` : ''}`,
      );
    else {
      if (shared) fixLines.push(`${fixSummary(group)}:`);
      fixLines.push(...fixAsText(f.fix).split('\n'));
    }
  }
  if (fixLines.length > 0) {
    const [first, ...rest] = fixLines;
    out.push(`  ${dim('fix')} ${first}`);
    for (const line of rest) out.push(`      ${line}`);
  }
  if (f.consoleUrl) out.push(`  ${dim('console')} ${f.consoleUrl}`);
  return out;
}

function explainEvidence(e: Evidence): string {
  const where =
    e.list === undefined
      ? ''
      : ` [${e.list}${e.direction ? ` ${e.direction}` : ''}${e.index !== undefined ? ` #${e.index}` : ''}${e.defaultDeny ? ' end of list' : ''}]`;
  const location = e.location ? ` (${e.location.file}:${e.location.line})` : '';
  const part = e.part ? `${e.part}: ` : '';
  const reason = e.reason ? ` — ${e.reason}` : '';
  return `${e.verdict.toUpperCase()} ${part}${e.rule}${where}${location}${reason}`;
}

export function summaryLine(report: Report): string {
  const { error, warning, notice, unknown } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}, ${unknown} unknown`;
}
