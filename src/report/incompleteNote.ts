import type { Report } from '../model/finding.js';

/**
 * Why an incomplete report is incomplete, in the words of what it checked: a plan is partial when
 * Terraform deferred changes, a part of it could not be read, or a resource that feeds the checks
 * could not be linked (or, with --resolve-live, an account read failed); a merged report when a
 * shard has no report or an incomplete one; a live scan when calls kept failing. Saying "the
 * account" of a plan, or of missing shards, misleads.
 */
export function incompleteNote(report: Report): string {
  if (report.target.shards !== undefined)
    return 'some account and region has no report or an incomplete one; findings there are unknown or missing';
  if (report.mode === 'plan')
    return 'part of the plan (or, with --resolve-live, of the account) could not be read or was deferred, or could not be linked; findings there are unknown';
  return 'part of the account could not be read; findings there are unknown';
}

/** The report's own reasons for being incomplete, the first few, then how many more: a plan can have thousands. */
export function incompleteReasonLines(report: Report, shown = 10): string[] {
  const reasons = report.complete ? [] : (report.incompleteReasons ?? []);
  if (reasons.length <= shown) return [...reasons];
  return [...reasons.slice(0, shown), `… and ${reasons.length - shown} more (see the warnings)`];
}

/**
 * One sentence for the exit line of an incomplete plan check: its first reason (a deferred plan,
 * a part that could not be read, a resource that could not be linked) and how many more.
 */
export function planIncompleteSentence(report: Report): string {
  const reasons = report.incompleteReasons ?? [];
  if (reasons.length === 0)
    return 'the plan is marked incomplete (planning failed or deferred some changes); what it leaves out is not checked';
  const more = reasons.length > 1 ? ` (and ${reasons.length - 1} more: see the warnings)` : '';
  return `the plan check is incomplete: ${reasons[0]}${more}`;
}
