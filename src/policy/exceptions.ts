import type { ExceptionUse, Finding } from '../model/finding.js';
import { fingerprintOf } from './evaluatePolicies.js';
import type { LoadedConfig } from './policyTypes.js';

type Exception = LoadedConfig['exceptions'][number];

/**
 * `*` matches any run of characters and `?` one character; everything else, brackets included
 * (`web[0]`), is literal. The pattern is cut at its stars into segments: the first must start
 * the value, the last must end it, and the ones between are found left to right, each at its
 * earliest place (taking the earliest place never loses a match). No backtracking: a segment
 * search is a native `indexOf` when the segment has no `?`, so no pattern in a config can make
 * matching slow, whatever the resource names.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  return compileWildcard(pattern)(value);
}

function compileWildcard(pattern: string): (value: string) => boolean {
  const segments = pattern.split('*');
  if (segments.length === 1) return (value) => value.length === pattern.length && matchesAt(pattern, value, 0);
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((s) => s !== '');
  const minLength = first.length + last.length;
  return (value) => {
    if (value.length < minLength) return false;
    if (!matchesAt(first, value, 0)) return false;
    const end = value.length - last.length;
    if (!matchesAt(last, value, end)) return false;
    let from = first.length;
    for (const segment of middle) {
      const found = findSegment(segment, value, from, end);
      if (found < 0) return false;
      from = found + segment.length;
    }
    return true;
  };
}

/** Whether `segment` (with `?` for any one character) matches `value` at `at`. */
function matchesAt(segment: string, value: string, at: number): boolean {
  if (at < 0 || at + segment.length > value.length) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c !== '?' && c !== value[at + i]) return false;
  }
  return true;
}

/** The earliest index ≥ from where `segment` matches and ends by `end`, or -1. */
function findSegment(segment: string, value: string, from: number, end: number): number {
  if (!segment.includes('?')) {
    const found = value.indexOf(segment, from);
    return found >= 0 && found + segment.length <= end ? found : -1;
  }
  // Anchor on the longest literal run of the segment so the scan skips ahead natively.
  const literal = segment.split('?').reduce((a, b) => (b.length > a.length ? b : a), '');
  const offset = literal === '' ? 0 : segment.indexOf(literal);
  for (let at = from; at + segment.length <= end; at++) {
    if (literal !== '') {
      const next = value.indexOf(literal, at + offset);
      if (next < 0) return -1;
      at = next - offset;
      if (at + segment.length > end) return -1;
    }
    if (matchesAt(segment, value, at)) return at;
  }
  return -1;
}

/**
 * Whether an exception in force covers a finding: the same test `applyExceptions` applies, for
 * the engine to leave suppressed findings out of shared fixes before it renders them.
 */
export function exceptionCovers(
  config: LoadedConfig,
  today: string,
): (finding: { readonly policy: string; readonly resource: string }) => boolean {
  const active = config.exceptions
    .filter((entry) => entry.expires >= today)
    .map((entry) => ({ policy: entry.policy, match: compileWildcard(entry.resource) }));
  return (finding) => active.some((a) => a.policy === finding.policy && a.match(finding.resource));
}

/**
 * Suppresses findings covered by an exception that has not expired. An expired exception stops
 * applying and becomes a finding itself, so it cannot linger unnoticed.
 */
export function applyExceptions(
  findings: readonly Finding[],
  config: LoadedConfig,
  today: string,
): { findings: Finding[]; uses: ExceptionUse[]; warnings: string[] } {
  const active: { entry: Exception; match: (v: string) => boolean; count: number }[] = [];
  const uses: ExceptionUse[] = [];
  const expiredFindings: Finding[] = [];
  for (const entry of config.exceptions) {
    const expired = entry.expires < today;
    if (expired) {
      uses.push({
        policy: entry.policy,
        resource: entry.resource,
        reason: entry.reason,
        expires: entry.expires,
        expired: true,
        suppressed: 0,
      });
      expiredFindings.push({
        policy: 'expired-exception',
        title: 'An exception has expired',
        severity: 'warning',
        status: 'fail',
        resource: entry.resource,
        related: [entry.policy],
        message: `The exception for ${entry.policy} on ${entry.resource} expired on ${entry.expires} ("${entry.reason}"); its findings are reported again.`,
        location: config.file !== undefined ? { file: config.file, line: entry.line ?? 1 } : null,
        evidence: [],
        remediation: 'Fix the findings, or renew the exception with a new expiry date and a reason that still holds.',
        fingerprint: fingerprintOf('expired-exception', entry.resource, entry.policy),
      });
      continue;
    }
    active.push({ entry, match: compileWildcard(entry.resource), count: 0 });
  }
  const kept = findings.filter((finding) => {
    const hit = active.find((a) => a.entry.policy === finding.policy && a.match(finding.resource));
    if (hit === undefined) return true;
    hit.count++;
    return false;
  });
  for (const a of active)
    uses.push({
      policy: a.entry.policy,
      resource: a.entry.resource,
      reason: a.entry.reason,
      expires: a.entry.expires,
      expired: false,
      suppressed: a.count,
    });
  // An exception that suppresses nothing is a typo or a leftover: it would hide the next real
  // finding on a resource nobody meant. Say so where it is written.
  const warnings = active
    .filter((a) => a.count === 0)
    .map(
      (a) =>
        `${config.file ?? '.clb-guard.json'}:${a.entry.line ?? 1}: /exceptions/${a.entry.index}: the exception for ${a.entry.policy} on "${a.entry.resource}" matches no finding: remove it or fix the resource pattern`,
    );
  return { findings: [...kept, ...expiredFindings], uses, warnings };
}
