import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/check/checkInventory.js';
import type { Finding, Report } from '../../src/model/finding.js';

const report = (findings: Pick<Finding, 'severity' | 'status'>[]): Report =>
  ({
    findings: findings.map((f, i) => ({
      ...f,
      policy: 'p',
      title: 't',
      resource: `r${i}`,
      related: [],
      message: 'm',
      location: null,
      evidence: [],
      fingerprint: `${i}`,
    })),
  }) as unknown as Report;

describe('exit code by --fail-on', () => {
  it.each<[string, Pick<Finding, 'severity' | 'status'>[], 'error' | 'warning' | 'notice' | 'never', 0 | 1]>([
    ['no findings', [], 'error', 0],
    ['an error fails at error', [{ severity: 'error', status: 'fail' }], 'error', 1],
    ['a warning passes at error', [{ severity: 'warning', status: 'fail' }], 'error', 0],
    ['a warning fails at warning', [{ severity: 'warning', status: 'fail' }], 'warning', 1],
    ['a notice fails at notice', [{ severity: 'notice', status: 'fail' }], 'notice', 1],
    ['never never fails', [{ severity: 'error', status: 'fail' }], 'never', 0],
    ['an unknown does not fail the run', [{ severity: 'error', status: 'unknown' }], 'error', 0],
  ])('%s', (_name, findings, failOn, expected) => {
    expect(exitCodeFor(report(findings), failOn)).toBe(expected);
  });
});
