import { createHash } from 'node:crypto';
import { compareFindings } from '../check/checkInventory.js';
import { TOOL_VERSION } from '../check/toolVersion.js';
import { InputError } from '../errors/inputError.js';
import type { ExceptionUse, Finding, PolicyInfo, Report, ShardStatus } from '../model/finding.js';
import { summaryOf } from '../model/summary.js';

/** The account a report without `target.account` is filed under. */
export const DEFAULT_ACCOUNT = 'default';

export interface ShardReport {
  /** The file, as shown to the user. */
  readonly file: string;
  readonly report: Report;
}

export interface ExpectedShard {
  readonly account: string;
  readonly region: string;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const hashed = (length: number, ...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);

/**
 * A finding's fingerprint and fix ID within one account and region: the same resource ID in two
 * accounts is two findings, and a finding keeps its fingerprint from run to run whichever shard
 * (or single scan) found it, so the drift issue does not churn. A finding whose region is not
 * known (`region` undefined) is scoped to the regions of its report (`scope`) and has no region.
 */
export function scopedFinding(finding: Finding, account: string, region: string | undefined, scope: string): Finding {
  const { region: _given, ...rest } = finding;
  return {
    ...rest,
    account,
    ...(region !== undefined ? { region } : {}),
    fingerprint: hashed(32, account, scope, finding.fingerprint),
    ...(finding.fix !== undefined ? { fix: { ...finding.fix, id: hashed(12, account, scope, finding.fix.id) } } : {}),
  };
}

/**
 * The region of a live finding: the one its report names for it, else its shard's one region;
 * undefined when the report covers several and names none for it (never a made-up one).
 */
function regionOf(finding: Finding, regions: readonly string[]): string | undefined {
  if (finding.region !== undefined && regions.includes(finding.region)) return finding.region;
  return regions.length === 1 ? regions[0]! : undefined;
}

/** The fields in which two definitions of one policy differ. */
function policyDifferences(a: PolicyInfo, b: PolicyInfo): string[] {
  const fields = ['title', 'description', 'severity', 'remediation', 'docs', 'source'] as const;
  return fields.filter((field) => a[field] !== b[field]);
}

/**
 * Shards' live reports → one report. Sections are account × region, sorted, so the order does not
 * depend on which artifact arrived first. A shard that is missing (expected from the config's
 * accounts, no report) or incomplete makes its sections incomplete, and the merged report
 * incomplete: never clean. Two reports of one account and region are refused.
 */
export function mergeReports(shards: readonly ShardReport[], expected: readonly ExpectedShard[] = []): Report {
  const sections = new Map<string, ShardStatus>();
  const findings: Finding[] = [];
  const policies = new Map<string, { readonly info: PolicyInfo; readonly file: string }>();
  const exceptions = new Map<string, ExceptionUse>();
  const warnings: string[] = [];
  const counts = { loadBalancers: 0, backends: 0, securityGroups: 0 };
  const ordered = [...shards].sort(
    (a, b) =>
      byText(a.report.target.account ?? DEFAULT_ACCOUNT, b.report.target.account ?? DEFAULT_ACCOUNT) ||
      byText((a.report.target.regions ?? []).join(), (b.report.target.regions ?? []).join()) ||
      byText(a.file, b.file),
  );
  for (const { file, report } of ordered) {
    if (report.mode !== 'live')
      throw new InputError('is a plan report: merge combines the live reports of shards (one per account and region)', { file });
    const account = report.target.account ?? DEFAULT_ACCOUNT;
    const regions = report.target.regions ?? [];
    if (regions.length === 0) throw new InputError('names no region in its target: not a report of a live scan', { file });
    const reason = report.complete
      ? undefined
      : `the scan was incomplete${report.warnings[0] !== undefined ? ` (${report.warnings[0]})` : ''}`;
    for (const region of regions) {
      const key = `${account}\u0000${region}`;
      const other = sections.get(key);
      if (other !== undefined)
        throw new InputError(`holds account ${account} region ${region}, as ${other.report} does: one report per account and region`, {
          file,
        });
      sections.set(key, {
        account,
        region,
        status: report.complete ? 'complete' : 'incomplete',
        report: file,
        ...(reason !== undefined ? { reason } : {}),
        counts: report.counts,
      });
    }
    const scoped = report.findings.map((f) => {
      const region = regionOf(f, regions);
      return scopedFinding(f, account, region, region ?? regions.join('+'));
    });
    const unplaced = scoped.filter((f) => f.region === undefined).length;
    if (unplaced > 0)
      warnings.push(
        `${account}: ${unplaced} ${unplaced === 1 ? 'finding names' : 'findings name'} no region in ${file}, a report of ${regions.join(', ')}: ${unplaced === 1 ? 'it is' : 'they are'} shown under "region unknown"`,
      );
    findings.push(...scoped);
    for (const p of report.policies) {
      const kept = policies.get(p.id);
      if (kept === undefined) policies.set(p.id, { info: p, file });
      else {
        // A shard run with another config or version: say so rather than let the first one win unseen.
        const differences = policyDifferences(kept.info, p);
        if (differences.length > 0)
          warnings.push(
            `policy ${p.id}: ${file} defines it differently from ${kept.file} (${differences.join(', ')}); the merged report lists the definition of ${kept.file}, each finding keeps its own severity`,
          );
      }
    }
    for (const e of report.exceptions) {
      const key = [e.policy, e.resource, e.reason, e.expires].join('\u0000');
      const seen = exceptions.get(key);
      exceptions.set(
        key,
        seen === undefined ? e : { ...seen, suppressed: seen.suppressed + e.suppressed, expired: seen.expired || e.expired },
      );
    }
    warnings.push(...report.warnings.map((w) => `${account}: ${w}`));
    counts.loadBalancers += report.counts.loadBalancers;
    counts.backends += report.counts.backends;
    counts.securityGroups += report.counts.securityGroups;
  }
  for (const { account, region } of expected) {
    const key = `${account}\u0000${region}`;
    if (sections.has(key)) continue;
    const reason = 'no report: the shard failed before it wrote one, or its artifact was not downloaded';
    sections.set(key, { account, region, status: 'missing', reason });
    warnings.push(`${account} ${region}: ${reason}`);
  }
  const wanted = new Set(expected.map((e) => `${e.account}\u0000${e.region}`));
  if (expected.length > 0)
    for (const [key, s] of sections)
      if (!wanted.has(key))
        warnings.push(`${s.account} ${s.region}: ${s.report} is a report of an account and region the config's accounts do not list`);
  const status = [...sections.values()].sort((a, b) => byText(a.account, b.account) || byText(a.region, b.region));
  const sorted = findings.sort(compareFindings);
  return {
    version: 1,
    tool: { name: 'clb-guard', version: TOOL_VERSION },
    mode: 'live',
    complete: status.length > 0 && status.every((s) => s.status === 'complete'),
    summary: summaryOf(sorted),
    findings: sorted,
    policies: [...policies.values()].map((p) => p.info),
    exceptions: [...exceptions.values()],
    warnings,
    target: { regions: [...new Set(status.map((s) => s.region))].sort(byText), shards: status },
    counts,
  };
}
