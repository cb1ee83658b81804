import type { Report } from '../model/finding.js';

/**
 * Why an incomplete report is incomplete, in the words of what it checked: a plan is partial when
 * Terraform deferred changes or a part of it could not be read (or, with --resolve-live, an
 * account read failed); a merged report when a shard has no report or an incomplete one; a live
 * scan when calls kept failing. Saying "the account" of a plan, or of missing shards, misleads.
 */
export function incompleteNote(report: Report): string {
  if (report.target.shards !== undefined)
    return 'some account and region has no report or an incomplete one; findings there are unknown or missing';
  if (report.mode === 'plan')
    return 'part of the plan (or, with --resolve-live, of the account) could not be read or was deferred; findings there are unknown';
  return 'part of the account could not be read; findings there are unknown';
}
