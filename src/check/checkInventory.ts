import type { Finding, PolicyInfo, Report, Severity } from '../model/finding.js';
import type { Inventory } from '../model/inventory.js';
import { summaryOf } from '../model/summary.js';
import { evaluatePolicies } from '../policy/evaluatePolicies.js';
import { applyExceptions, exceptionCovers } from '../policy/exceptions.js';
import type { LoadedConfig } from '../policy/policyTypes.js';
import type { FailOn } from './options.js';
import { TOOL_VERSION } from './toolVersion.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Inventory + loaded policies → the report every reporter formats. Pure: no I/O. */
export function checkInventory(
  inventory: Inventory,
  config: LoadedConfig,
  options: { today: string; target: Report['target']; paths?: boolean },
): Report {
  const evaluation = evaluatePolicies(inventory, config.policies, {
    suppressed: exceptionCovers(config, options.today),
    ...(options.paths !== undefined ? { paths: options.paths } : {}),
  });
  const { findings, uses, warnings: exceptionWarnings } = applyExceptions(evaluation.findings, config, options.today);
  const sorted = [...findings].sort(compareFindings);
  const policies: PolicyInfo[] = config.policies.map(({ policy, severity, source }) => ({
    id: policy.id,
    title: policy.title,
    description: policy.description,
    severity,
    ...(policy.remediation ? { remediation: policy.remediation } : {}),
    ...(policy.docs ? { docs: policy.docs } : {}),
    source,
  }));
  if (uses.some((u) => u.expired)) {
    policies.push({
      id: 'expired-exception',
      title: 'An exception has expired',
      description: 'An exception in the config passed its expiry date; the findings it covered are reported again.',
      severity: 'warning',
      source: 'builtin',
    });
  }
  return {
    version: 1,
    tool: { name: 'clb-guard', version: TOOL_VERSION },
    mode: inventory.mode,
    complete: inventory.complete,
    ...(!inventory.complete && inventory.incompleteReasons !== undefined && inventory.incompleteReasons.length > 0
      ? { incompleteReasons: inventory.incompleteReasons }
      : {}),
    summary: summaryOf(sorted),
    findings: sorted,
    policies,
    exceptions: uses,
    warnings: [...inventory.warnings.map((w) => (w.address ? `${w.address}: ${w.message}` : w.message)), ...exceptionWarnings],
    target: options.target,
    counts: evaluation.counts,
  };
}

/** `localeCompare`'s order (the default locale), without looking the locale up on every call. */
const byLocale = new Intl.Collator().compare;

/** Most severe first, failures before unknowns, then by policy and resource: stable output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1) ||
    byLocale(a.policy, b.policy) ||
    byLocale(a.resource, b.resource) ||
    byLocale(a.fingerprint, b.fingerprint)
  );
}

/**
 * 1 when a failure is at or above the threshold; unknowns alone do not fail the run, nor do
 * pre-existing failures of live backends outside the plan unless `failOnPreexisting`.
 */
export function exitCodeFor(report: Report, failOn: FailOn, options: { readonly failOnPreexisting?: boolean } = {}): 0 | 1 {
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  const counts = (f: Finding) => options.failOnPreexisting === true || f.outsidePlan?.preexisting !== true;
  return report.findings.some((f) => f.status === 'fail' && RANK[f.severity] <= threshold && counts(f)) ? 1 : 0;
}
