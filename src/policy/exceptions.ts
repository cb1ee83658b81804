import type { ExceptionUse, Finding } from '../model/finding.js';
import { fingerprintOf } from './evaluatePolicies.js';
import type { LoadedConfig } from './policyTypes.js';

type Exception = LoadedConfig['exceptions'][number];

/**
 * `*` matches any run of characters and `?` one character; everything else, brackets included
 * (`web[0]`), is literal. The two-pointer match takes at most length × pattern steps, so no
 * pattern in a config can make it slow.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function matcher(pattern: string): (value: string) => boolean {
  return (value) => wildcardMatch(pattern, value);
}

/**
 * Suppresses findings covered by an exception that has not expired. An expired exception stops
 * applying and becomes a finding itself, so it cannot linger unnoticed.
 */
export function applyExceptions(findings: readonly Finding[], config: LoadedConfig, today: string): { findings: Finding[]; uses: ExceptionUse[] } {
  const active: { entry: Exception; match: (v: string) => boolean; count: number }[] = [];
  const uses: ExceptionUse[] = [];
  const expiredFindings: Finding[] = [];
  for (const entry of config.exceptions) {
    const expired = entry.expires < today;
    if (expired) {
      uses.push({ policy: entry.policy, resource: entry.resource, reason: entry.reason, expires: entry.expires, expired: true, suppressed: 0 });
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
    active.push({ entry, match: matcher(entry.resource), count: 0 });
  }
  const kept = findings.filter((finding) => {
    const hit = active.find((a) => a.entry.policy === finding.policy && a.match(finding.resource));
    if (hit === undefined) return true;
    hit.count++;
    return false;
  });
  for (const a of active) uses.push({ policy: a.entry.policy, resource: a.entry.resource, reason: a.entry.reason, expires: a.entry.expires, expired: false, suppressed: a.count });
  return { findings: [...kept, ...expiredFindings], uses };
}
