import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { applyExceptions } from '../../src/policy/exceptions.js';
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
  const findings = [finding('backend-allows-vip', 'tencentcloud_instance.web[0]'), finding('backend-allows-vip', 'tencentcloud_instance.web[1]'), finding('deny-before-allow', 'tencentcloud_security_group.web')];

  it('suppress the matching finding until they expire, and count what they suppressed', () => {
    const { findings: kept, uses } = applyExceptions(findings, config([{ policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[0]', reason: 'migrating', expires: '2026-12-31' }]), '2026-11-24');
    expect(kept.map((f) => f.resource)).toEqual(['tencentcloud_instance.web[1]', 'tencentcloud_security_group.web']);
    expect(uses).toEqual([{ policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[0]', reason: 'migrating', expires: '2026-12-31', expired: false, suppressed: 1 }]);
  });

  it('treat brackets in addresses literally and * as a wildcard', () => {
    const { findings: kept } = applyExceptions(findings, config([{ policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[*]', reason: 'r', expires: '2027-01-01' }]), '2026-11-24');
    expect(kept.map((f) => f.policy)).toEqual(['deny-before-allow']);
  });

  it('apply only to their own policy', () => {
    const { findings: kept } = applyExceptions(findings, config([{ policy: 'deny-before-allow', resource: 'tencentcloud_instance.*', reason: 'r', expires: '2027-01-01' }]), '2026-11-24');
    expect(kept).toHaveLength(3);
  });

  it('stop applying after the expiry day and are reported at their config line', () => {
    const { findings: kept, uses } = applyExceptions(findings, config([{ policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[0]', reason: 'migrating', expires: '2026-11-23', line: 7 }]), '2026-11-24');
    expect(kept.filter((f) => f.policy === 'backend-allows-vip')).toHaveLength(2);
    const expired = kept.find((f) => f.policy === 'expired-exception');
    expect(expired).toMatchObject({ severity: 'warning', status: 'fail', resource: 'tencentcloud_instance.web[0]', location: { file: '.clb-guard.json', line: 7 } });
    expect(uses[0]?.expired).toBe(true);
  });

  it('still apply on their expiry day', () => {
    const { findings: kept } = applyExceptions(findings, config([{ policy: 'deny-before-allow', resource: 'tencentcloud_security_group.web', reason: 'r', expires: '2026-11-24' }]), '2026-11-24');
    expect(kept).toHaveLength(2);
  });
});
