import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { applyExceptions, wildcardMatch } from '../../src/policy/exceptions.js';
import type { LoadedConfig } from '../../src/policy/policyTypes.js';

const finding = (policy: string, resource: string): Finding => ({
  policy,
  title: policy,
  severity: 'error',
  status: 'fail',
  resource,
  related: [],
  message: 'm',
  location: null,
  evidence: [],
  fingerprint: `${policy}:${resource}`,
});

const config = (exceptions: LoadedConfig['exceptions']): LoadedConfig => ({ file: '.clb-guard.json', policies: [], exceptions });

describe('exceptions', () => {
  const findings = [
    finding('backend-allows-vip', 'tencentcloud_instance.web[0]'),
    finding('backend-allows-vip', 'tencentcloud_instance.web[1]'),
    finding('deny-before-allow', 'tencentcloud_security_group.web'),
  ];

  it('suppress the matching finding until they expire, and count what they suppressed', () => {
    const { findings: kept, uses } = applyExceptions(
      findings,
      config([{ policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[0]', reason: 'migrating', expires: '2026-12-31' }]),
      '2026-11-24',
    );
    expect(kept.map((f) => f.resource)).toEqual(['tencentcloud_instance.web[1]', 'tencentcloud_security_group.web']);
    expect(uses).toEqual([
      {
        policy: 'backend-allows-vip',
        resource: 'tencentcloud_instance.web[0]',
        reason: 'migrating',
        expires: '2026-12-31',
        expired: false,
        suppressed: 1,
      },
    ]);
  });

  it('treat brackets in addresses literally and * as a wildcard', () => {
    const { findings: kept } = applyExceptions(
      findings,
      config([{ policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[*]', reason: 'r', expires: '2027-01-01' }]),
      '2026-11-24',
    );
    expect(kept.map((f) => f.policy)).toEqual(['deny-before-allow']);
  });

  it('apply only to their own policy', () => {
    const { findings: kept } = applyExceptions(
      findings,
      config([{ policy: 'deny-before-allow', resource: 'tencentcloud_instance.*', reason: 'r', expires: '2027-01-01' }]),
      '2026-11-24',
    );
    expect(kept).toHaveLength(3);
  });

  it('stop applying after the expiry day and are reported at their config line', () => {
    const { findings: kept, uses } = applyExceptions(
      findings,
      config([
        { policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[0]', reason: 'migrating', expires: '2026-11-23', line: 7 },
      ]),
      '2026-11-24',
    );
    expect(kept.filter((f) => f.policy === 'backend-allows-vip')).toHaveLength(2);
    const expired = kept.find((f) => f.policy === 'expired-exception');
    expect(expired).toMatchObject({
      severity: 'warning',
      status: 'fail',
      resource: 'tencentcloud_instance.web[0]',
      location: { file: '.clb-guard.json', line: 7 },
    });
    expect(uses[0]?.expired).toBe(true);
  });

  it('still apply on their expiry day', () => {
    const { findings: kept } = applyExceptions(
      findings,
      config([{ policy: 'deny-before-allow', resource: 'tencentcloud_security_group.web', reason: 'r', expires: '2026-11-24' }]),
      '2026-11-24',
    );
    expect(kept).toHaveLength(2);
  });
});

describe('the exception matcher', () => {
  /** Reference: the textbook dynamic program, quadratic but obviously right. */
  function reference(pattern: string, value: string): boolean {
    let row = new Array<boolean>(value.length + 1).fill(false);
    row[0] = true;
    for (const c of pattern) {
      const next = new Array<boolean>(value.length + 1).fill(false);
      if (c === '*') {
        next[0] = row[0]!;
        for (let j = 1; j <= value.length; j++) next[j] = row[j]! || next[j - 1]!;
      } else for (let j = 1; j <= value.length; j++) next[j] = row[j - 1]! && (c === '?' || c === value[j - 1]);
      row = next;
    }
    return row[value.length]!;
  }

  it('agrees with the reference matcher on random patterns and names', () => {
    const alphabet = fc.constantFrom('a', 'b', '[', ']', '.', '*', '?');
    const names = fc.constantFrom('a', 'b', '[', ']', '.');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 12 }), fc.string({ unit: names, maxLength: 16 }), (pattern, value) => {
        expect(wildcardMatch(pattern, value)).toBe(reference(pattern, value));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays fast on the worst pattern against a long name (1,000 exceptions, 10,000 characters)', () => {
    const pattern = `*${'a'.repeat(298)}b`;
    const resource = 'a'.repeat(10_000);
    const exceptions = Array.from({ length: 1000 }, (_, i) => ({
      policy: 'backend-allows-vip',
      resource: pattern,
      reason: 'r',
      expires: '2027-01-01',
      line: i + 1,
      index: i,
    }));
    const started = performance.now();
    const { findings: kept } = applyExceptions([finding('backend-allows-vip', resource)], config(exceptions), '2026-11-24');
    // A generous bound: the old matcher took 33 s here; this one takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(kept).toHaveLength(1);
  });

  it('warns at its config line about an exception that matches nothing', () => {
    const { warnings, uses } = applyExceptions(
      [finding('backend-allows-vip', 'tencentcloud_instance.web[0]')],
      config([
        { policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[0]', reason: 'r', expires: '2027-01-01', line: 4, index: 0 },
        { policy: 'backend-allows-vip', resource: 'tencentcloud_instance.wbe[*]', reason: 'r', expires: '2027-01-01', line: 10, index: 1 },
      ]),
      '2026-11-24',
    );
    expect(warnings).toEqual([
      '.clb-guard.json:10: /exceptions/1: the exception for backend-allows-vip on "tencentcloud_instance.wbe[*]" matches no finding: remove it or fix the resource pattern',
    ]);
    expect(uses.map((u) => u.suppressed)).toEqual([1, 0]);
  });
});
