import type { Finding } from '../../src/model/finding.js';
import type { Inventory } from '../../src/model/inventory.js';
import { evaluatePolicies } from '../../src/policy/evaluatePolicies.js';
import { builtinPolicies } from '../../src/policy/policyLoader.js';
import type { LoadedPolicy, ParamValue } from '../../src/policy/policyTypes.js';

/** Runs one built-in policy (or all) on an inventory, as the checker would with the given params. */
export function runPolicy(inventory: Inventory, id: string | undefined, params: Record<string, ParamValue> = {}): Finding[] {
  const loaded: LoadedPolicy[] = builtinPolicies()
    .flatMap((s) => s.policies)
    .filter((p) => id === undefined || p.id === id)
    .map((policy) => ({ policy, severity: policy.severity, params: new Map(Object.entries(params)), source: 'builtin' }));
  if (loaded.length === 0) throw new Error(`no built-in policy ${id}`);
  return evaluatePolicies(inventory, loaded).findings;
}

export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort();
}
