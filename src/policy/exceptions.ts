import picomatch from 'picomatch';
import type { ExceptionUse, Finding } from '../model/finding.js';
import { fingerprintOf } from './evaluatePolicies.js';
import type { LoadedConfig } from './policyTypes.js';

type Exception = LoadedConfig['exceptions'][number];

/** Only `*` and `?` are wildcards; brackets in addresses (`web[0]`) are literal. */
function matcher(pattern: string): (value: string) => boolean {
  if (!/[*?]/.test(pattern)) return (value) => value === pattern;
  const isMatch = picomatch(pattern, { literalBrackets: true, nobrace: true, noextglob: true, noglobstar: true, dot: true, maxLength: 300 });
  return (value) => value === pattern || isMatch(value);
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
