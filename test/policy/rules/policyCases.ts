import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import type { Inventory } from '../../../src/model/inventory.js';
import type { ParamValue } from '../../../src/policy/policyTypes.js';
import { runPolicy } from '../runPolicy.js';
import type { Scenario } from '../scenario.js';

/** One inventory a policy is run on, with the params a config would set. */
export interface PolicyCase {
  readonly name: string;
  readonly inventory: Inventory | Scenario;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** A case with findings, each written `status resource file:line` (`-` when it has no location). */
export interface FailingCase extends PolicyCase {
  readonly findings: readonly string[];
}

/** How a finding is written in the tables: what it says, about which resource, and where. */
export function findingLine(finding: Finding): string {
  const where = finding.location ? `${finding.location.file}:${finding.location.line}` : '-';
  return `${finding.status} ${finding.resource} ${where}`;
}

/**
 * The table of one built-in policy, as ESLint's RuleTester takes `valid` and `invalid` cases:
 * each passing case has no finding; each failing case has exactly the findings listed. The cases
 * cite the fact they rest on by its tag (§, [S…]) in docs/semantics.md.
 */
export function policyTable(
  id: string,
  cases: { readonly passing: readonly PolicyCase[]; readonly failing: readonly FailingCase[] },
): void {
  const run = (c: PolicyCase) => runPolicy('build' in c.inventory ? c.inventory.build() : c.inventory, id, { ...c.params });
  describe(`${id}: passing`, () => {
    it.each(cases.passing.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(run(c).map(findingLine)).toEqual([]);
    });
  });
  describe(`${id}: failing`, () => {
    it.each(cases.failing.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const findings = run(c);
      expect(findings.map(findingLine).sort()).toEqual([...c.findings].sort());
      for (const finding of findings) {
        expect(finding.policy).toBe(id);
        expect(finding.message).not.toContain('{{');
        if (finding.status === 'unknown') expect(finding.message).toMatch(/^Could not decide: .+/);
      }
    });
  });
}
