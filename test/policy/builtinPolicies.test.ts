import { describe, expect, it } from 'vitest';
import { runPolicy, summary } from './runPolicy.js';
import { scenario } from './scenario.js';

// Each table: [case, inventory, expected findings as "status policy resource"]. The cases cite the
// fact they rest on (../shared/domain.md sections).

const publicLb = (ingress: string[], options: { vips?: string[]; passToTarget?: boolean; protocol?: 'TCP' | 'UDP' | 'HTTP'; sgs?: string[] } = {}) =>
  scenario(ingress)
    .clb('lb', { network: 'OPEN', ...(options.vips ? { vips: options.vips } : {}), passToTarget: options.passToTarget ?? false })
    .listener('lb', 'listener', { protocol: options.protocol ?? 'TCP', port: 80, targets: [{ instance: 'web', port: 8080 }] });

describe('backend-allows-clients', () => {
  const id = 'backend-allows-clients';
  it.each([
    ['ACCEPT 0.0.0.0/0 on the backend port admits every client (§7.3a)', publicLb(['ACCEPT 0.0.0.0/0 TCP 8080']), []],
    ['a narrow DROP before the broad ACCEPT is a deliberate block (source guidance)', publicLb(['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']), []],
    ['ACCEPT 0.0.0.0/0 on 443 only does not open the backend port', publicLb(['ACCEPT 0.0.0.0/0 TCP 443']), ['fail backend-allows-clients web']],
    ['a DROP as broad as the client set is a refusal, not a deny list', publicLb(['DROP 0.0.0.0/0 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']), ['fail backend-allows-clients web']],
    ['admitting only 10.0.0.0/8 leaves public clients to the default deny (§1.1)', publicLb(['ACCEPT 10.0.0.0/8 TCP 8080']), ['fail backend-allows-clients web']],
    ['pass-to-target on: backend groups are not evaluated for CLB traffic (§3.1)', publicLb([], { passToTarget: true }), []],
    ['UDP listener: a TCP rule does not admit UDP traffic', publicLb(['ACCEPT 0.0.0.0/0 TCP 8080'], { protocol: 'UDP' }), ['fail backend-allows-clients web']],
    ['protocol names are case-insensitive (§1.2)', publicLb(['ACCEPT 0.0.0.0/0 tcp 8080']), []],
  ])('%s', (_name, built, expected) => {
    expect(summary(runPolicy(built.build(), id))).toEqual(expected);
  });

  it('a private CLB serves its VPC: admitting one subnet is not enough', () => {
    const inv = scenario(['ACCEPT 10.0.1.0/24 TCP 9000']).clb('lb', { network: 'INTERNAL' }).listener('lb', 'l', { port: 9000, targets: [{ instance: 'web', port: 9000 }] }).build();
    const [finding] = runPolicy(inv, id);
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toContain('10.0.0.0/16');
  });

  it('params.clientCidrs narrows the client set', () => {
    const inv = publicLb(['ACCEPT 203.0.113.0/24 TCP 8080']).build();
    expect(runPolicy(inv, id, { clientCidrs: ['203.0.113.0/24'] })).toEqual([]);
  });

  it('security groups are evaluated in priority order as one list (§1.1 [S2][S21])', () => {
    const ordered = (sgs: string[]) =>
      scenario([])
        .sg('allow', ['ACCEPT 0.0.0.0/0 TCP 8080'])
        .sg('block', ['DROP 0.0.0.0/0 TCP 8080'])
        .instance('web', { sgs })
        .clb('lb')
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
        .build();
    expect(summary(runPolicy(ordered(['allow', 'block']), id))).toEqual([]);
    expect(summary(runPolicy(ordered(['block', 'allow']), id))).toEqual(['fail backend-allows-clients web']);
  });

  it('a security group outside the check makes the finding unknown, never a pass', () => {
    const inv = scenario([]).instance('web', { sgs: ['sg-external'] }).clb('lb').listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }).build();
    expect(summary(runPolicy(inv, id))).toEqual(['unknown backend-allows-clients web']);
  });

  it('names the deciding rule and where it is in the evidence', () => {
    const [finding] = runPolicy(publicLb(['ACCEPT 10.0.0.0/8 TCP 8080', 'DROP 0.0.0.0/0 TCP 8080']).build(), id);
    expect(finding?.evidence[0]).toMatchObject({ verdict: 'deny', list: 'sg', index: 1, rule: 'DROP 0.0.0.0/0 TCP:8080' });
    expect(finding?.evidence[0]?.location).toEqual({ file: 'main.tf', line: 101 });
    expect(finding?.remediation).toContain('CreateSecurityGroupPolicies');
  });
});

describe('backend-allows-vip', () => {
  const id = 'backend-allows-vip';
  it.each([
    ['ACCEPT 0.0.0.0/0 covers an unknown public VIP (§7.7)', publicLb(['ACCEPT 0.0.0.0/0 TCP 8080']), []],
    ['a public VIP is never in 10.0.0.0/8 (§7.7)', publicLb(['ACCEPT 10.0.0.0/8 TCP 8080']), ['fail backend-allows-vip web']],
    ['a DROP of a public range before the ACCEPT may catch the unknown VIP: unknown (§7.7)', publicLb(['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']), ['unknown backend-allows-vip web']],
    ['a DROP of a private range cannot catch a public VIP (§7.7)', publicLb(['DROP 192.168.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']), []],
    ['a rule that references the VIP admits it', publicLb(['ACCEPT vip:lb TCP 8080']), []],
    ['a known VIP is checked as an address', publicLb(['ACCEPT 1.2.3.4/32 TCP 8080'], { vips: ['1.2.3.4'] }), []],
    ['a known VIP outside the rule fails', publicLb(['ACCEPT 1.2.3.5/32 TCP 8080'], { vips: ['1.2.3.4'] }), ['fail backend-allows-vip web']],
  ])('%s', (_name, built, expected) => {
    expect(summary(runPolicy(built.build(), id))).toEqual(expected);
  });

  it("a private CLB's VIP comes from its subnet (§3.3, §7.7)", () => {
    const build = (cidr: string) =>
      scenario([`ACCEPT ${cidr} TCP 9000`]).subnet('lbnet', '10.0.3.0/24').clb('lb', { network: 'INTERNAL', subnet: 'lbnet' }).listener('lb', 'l', { port: 9000, targets: [{ instance: 'web', port: 9000 }] }).build();
    expect(summary(runPolicy(build('10.0.3.0/24'), id))).toEqual([]);
    expect(summary(runPolicy(build('10.0.1.0/24'), id))).toEqual(['fail backend-allows-vip web']);
  });
});

describe('backend-allows-health-check', () => {
  const id = 'backend-allows-health-check';
  const hc = (ingress: string[], listener: Parameters<ReturnType<typeof scenario>['listener']>[2]) =>
    scenario(ingress).clb('lb', { vips: ['1.2.3.4'] }).listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }], ...listener }).build();
  it.each([
    ['the probe goes to health_check_port on TCP listeners (§3.3)', hc(['ACCEPT 0.0.0.0/0 TCP 8080'], { health: { port: 8081 } }), ['fail backend-allows-health-check web']],
    ['admitting the check port passes', hc(['ACCEPT 0.0.0.0/0 TCP 8080,8081'], { health: { port: 8081 } }), []],
    ['checks off: nothing to admit', hc([], { health: { enabled: false } }), []],
    ['source type 1 probes from 100.64.0.0/10, allowlisted for same-account backends (§0.2 [S8])', hc([], { health: { sourceIpType: 1 } }), []],
    ['on L7 rules the probe goes to the backend port, whatever health_check_port says (§7.8)', hc(['ACCEPT 1.2.3.4 TCP 8080'], { protocol: 'HTTP', targets: [], rules: [{ key: 'r', health: { port: 9999 }, targets: [{ instance: 'web', port: 8080 }] }] }), []],
    ['UDP health checks also need ICMP from the source (§3.3 [S7])', hc(['ACCEPT 0.0.0.0/0 UDP 8080'], { protocol: 'UDP' }), ['fail backend-allows-health-check web']],
    ['UDP with ICMP admitted passes', hc(['ACCEPT 0.0.0.0/0 UDP 8080', 'ACCEPT 0.0.0.0/0 ICMP'], { protocol: 'UDP' }), []],
  ])('%s', (_name, inv, expected) => {
    expect(summary(runPolicy(inv, id))).toEqual(expected);
  });

  it('params.healthCheckRangeAllowlisted=false requires 100.64.0.0/10 in the rules', () => {
    const inv = hc(['ACCEPT 0.0.0.0/0 TCP 443'], { health: { sourceIpType: 1 } });
    expect(summary(runPolicy(inv, id, { healthCheckRangeAllowlisted: false }))).toEqual(['fail backend-allows-health-check web']);
    const ok = hc(['ACCEPT 100.64.0.0/10 TCP 8080'], { health: { sourceIpType: 1 } });
    expect(summary(runPolicy(ok, id, { healthCheckRangeAllowlisted: false }))).toEqual([]);
  });
});

describe('snat-source-allowed', () => {
  const id = 'snat-source-allowed';
  const snat = (ingress: string[]) =>
    scenario(ingress)
      .clb('lb', { network: 'INTERNAL', snatPro: true, snatIps: [{ subnet: 'subnet', ip: '10.0.1.99' }] })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
  it.each([
    ['SnatPro: the backend sees the SNAT IPs (§3.4 [S28])', snat(['ACCEPT 10.0.1.99 TCP 8080']), []],
    ['SnatPro: not admitting the SNAT IP fails', snat(['ACCEPT 192.168.0.0/16 TCP 8080']), ['fail snat-source-allowed web']],
  ])('%s', (_name, inv, expected) => {
    expect(summary(runPolicy(inv, id))).toEqual(expected);
  });

  it('legacy SNAT: the backend sees the VIP (§3.4 [S23])', () => {
    const build = (ingress: string[]) =>
      scenario(ingress).clb('lb', { network: 'INTERNAL', snat: true, vips: ['10.0.3.4'] }).listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }).build();
    expect(summary(runPolicy(build(['ACCEPT 10.0.3.4 TCP 8080']), id))).toEqual([]);
    expect(summary(runPolicy(build(['ACCEPT 10.0.1.0/24 TCP 8080']), id))).toEqual(['fail snat-source-allowed web']);
  });
});

describe('acl-allows-both-directions', () => {
  const id = 'acl-allows-both-directions';
  const withAcl = (ingress: string[], egress: string[]) =>
    scenario(['ACCEPT 0.0.0.0/0 TCP 8080'])
      .subnet('subnet', '10.0.1.0/24', { acl: 'acl' })
      .acl('acl', ingress, egress)
      .clb('lb', { vips: ['1.2.3.4'] })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
  it.each([
    ['ACLs are stateless: replies need an outbound rule to the client ports (§2 [S11])', withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#10.0.0.0/16#ALL#ALL']), ['fail acl-allows-both-directions acl']],
    ['inbound and reply both admitted', withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#1024-65535#TCP']), []],
    ['default deny inbound (§2 [S11][S12])', withAcl([], ['ACCEPT#0.0.0.0/0#ALL#ALL']), ['fail acl-allows-both-directions acl']],
    ['first match wins: a DROP before the ACCEPT refuses (§2)', withAcl(['DROP#0.0.0.0/0#8080#TCP', 'ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#ALL#ALL']), ['fail acl-allows-both-directions acl']],
  ])('%s', (_name, inv, expected) => {
    expect(summary(runPolicy(inv, id))).toEqual(expected);
  });

  it('a subnet without an ACL is not filtered', () => {
    const inv = scenario(['ACCEPT 0.0.0.0/0 TCP 8080']).clb('lb').listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }).build();
    expect(runPolicy(inv, id)).toEqual([]);
  });

  it('the reply failure names the outbound direction and the ephemeral ports', () => {
    const [finding] = runPolicy(withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#10.0.0.0/16#ALL#ALL']), id);
    expect(finding?.message).toContain('replies to');
    expect(finding?.evidence.some((e) => e.direction === 'egress' && e.part?.includes('1024-65535'))).toBe(true);
  });
});

describe('deny-before-allow', () => {
  const id = 'deny-before-allow';
  it.each([
    ['DROP after ACCEPT of the same traffic never matches (§1.1 first match)', scenario(['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP 45.33.0.0/16 TCP 8443']), ['fail deny-before-allow sg']],
    ['DROP before ACCEPT is how a deny list works', scenario(['DROP 45.33.0.0/16 TCP 8443', 'ACCEPT 0.0.0.0/0 TCP 8443']), []],
    ['an ACCEPT on another port does not shadow the DROP', scenario(['ACCEPT 0.0.0.0/0 TCP 443', 'DROP 45.33.0.0/16 TCP 8443']), []],
    ['ACCEPT ALL shadows a later DROP of anything', scenario(['ACCEPT 0.0.0.0/0 ALL', 'DROP 45.33.0.0/16 UDP 53']), ['fail deny-before-allow sg']],
  ])('%s', (_name, built, expected) => {
    expect(summary(runPolicy(built.build(), id))).toEqual(expected);
  });

  it('across two groups, in both orders (§1.1 multiple SGs)', () => {
    const build = (sgs: string[]) =>
      scenario([]).sg('allow', ['ACCEPT 0.0.0.0/0 TCP 8443']).sg('block', ['DROP 45.33.0.0/16 TCP 8443']).instance('web', { sgs }).build();
    expect(summary(runPolicy(build(['allow', 'block']), id))).toEqual(['fail deny-before-allow block']);
    expect(summary(runPolicy(build(['block', 'allow']), id))).toEqual([]);
  });

  it("points at the DROP's own line and names the shadowing rule", () => {
    const [finding] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP 45.33.0.0/16 TCP 8443']).build(), id);
    expect(finding?.location).toEqual({ file: 'main.tf', line: 101 });
    expect(finding?.message).toContain('rule 0 (ACCEPT 0.0.0.0/0 TCP:8443)');
    // The fix names the resource that holds the ingress blocks (the rule set), not the group.
    expect(finding?.remediation).toContain('In sg_rules, move the ingress block of rule 1 (DROP 45.33.0.0/16 TCP:8443) at main.tf:101 above the ingress block of rule 0 (ACCEPT 0.0.0.0/0 TCP:8443) at main.tf:100.');
  });
});

describe('deny-bypassed-by-pass-to-target', () => {
  const id = 'deny-bypassed-by-pass-to-target';
  const build = (lbSgs: string[], passToTarget = true) =>
    scenario(['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080'])
      .sg('lbsg', ['DROP 45.33.0.0/16 TCP 80', 'ACCEPT 0.0.0.0/0 TCP 80'])
      .sg('lbnarrow', ['ACCEPT 203.0.113.0/24 TCP 80'])
      .clb('lb', { passToTarget, securityGroups: lbSgs })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
  it.each([
    ['pass-to-target on and no CLB group: the backend DROP cannot stop CLB traffic (§3.1 [S5])', build([]), ['fail deny-bypassed-by-pass-to-target sg']],
    ['the CLB group carries the same block', build(['lbsg']), []],
    ['pass-to-target off: backend groups apply', build([], false), []],
    ['a CLB group that refuses only by default deny does not carry the block', build(['lbnarrow']), ['fail deny-bypassed-by-pass-to-target sg']],
  ])('%s', (_name, inv, expected) => {
    expect(summary(runPolicy(inv, id))).toEqual(expected);
  });
});

describe('lb-sg-allows-listeners', () => {
  const id = 'lb-sg-allows-listeners';
  const build = (lbRules: string[], sgs = ['lbsg']) =>
    scenario(['ACCEPT 0.0.0.0/0 TCP 8080']).sg('lbsg', lbRules).clb('lb', { securityGroups: sgs, passToTarget: true }).listener('lb', 'l', { port: 443, targets: [{ instance: 'web', port: 8080 }] }).build();
  it.each([
    ['a CLB group admitting one range leaves the listener closed to other clients', build(['ACCEPT 203.0.113.0/24 TCP 443']), ['fail lb-sg-allows-listeners lb']],
    ['admitting 0.0.0.0/0 on the listener port passes', build(['ACCEPT 0.0.0.0/0 TCP 443']), []],
    ['a deny list in front of the broad ACCEPT passes', build(['DROP 45.33.0.0/16 TCP 443', 'ACCEPT 0.0.0.0/0 TCP 443']), []],
    ['a CLB without security groups lets all listener traffic through (§3.2)', build([], []), []],
    ['CLB groups filter listener ports, not backend ports (§3.2)', build(['ACCEPT 0.0.0.0/0 TCP 8080']), ['fail lb-sg-allows-listeners lb']],
  ])('%s', (_name, inv, expected) => {
    expect(summary(runPolicy(inv, id))).toEqual(expected);
  });

  it('params.clientCidrs declares a deliberately restricted listener', () => {
    expect(runPolicy(build(['ACCEPT 203.0.113.0/24 TCP 443']), id, { clientCidrs: ['203.0.113.0/24'] })).toEqual([]);
  });
});

describe('admin-port-reachable', () => {
  const id = 'admin-port-reachable';
  it('is off while adminCidrs is empty', () => {
    expect(runPolicy(scenario([]).build(), id)).toEqual([]);
  });
  it.each([
    ['Linux needs 22 from the admin networks', scenario(['ACCEPT 0.0.0.0/0 TCP 443']), ['fail admin-port-reachable web']],
    ['Linux with 22 admitted passes', scenario(['ACCEPT 192.168.10.0/24 TCP 22']), []],
    ['Windows needs 3389, not 22', scenario(['ACCEPT 192.168.10.0/24 TCP 22']).instance('web', { os: 'windows' }), ['fail admin-port-reachable web']],
  ])('%s', (_name, built, expected) => {
    expect(summary(runPolicy(built.build(), id, { adminCidrs: ['192.168.10.0/24'] }))).toEqual(expected);
  });
});

describe('admin-port-not-public', () => {
  const id = 'admin-port-not-public';
  it.each([
    ['22 from 0.0.0.0/0 is public', scenario(['ACCEPT 0.0.0.0/0 TCP 22']), ['fail admin-port-not-public web']],
    ['3389 from ::/0 is public (IPv6)', scenario(['ACCEPT ::/0 TCP 3389']), ['fail admin-port-not-public web']],
    ['ACCEPT 0.0.0.0/0 on 443 only is not open', scenario(['ACCEPT 0.0.0.0/0 TCP 443']), []],
    ['22 from a private range is not public', scenario(['ACCEPT 10.0.0.0/8 TCP 22']), []],
    ['ACCEPT ALL from 0.0.0.0/0 opens 22 too', scenario(['ACCEPT 0.0.0.0/0 ALL']), ['fail admin-port-not-public web']],
    ['an IPv4 rule never matches IPv6 (§1.2)', scenario(['ACCEPT 0.0.0.0/0 TCP 80', 'ACCEPT ::/0 TCP 80']), []],
    ['a DROP before the open rule takes the admin ports out', scenario(['DROP 0.0.0.0/0 TCP 22,3389', 'ACCEPT 0.0.0.0/0 ALL']), []],
    ['a DROP of 22 alone leaves 3389 open to ACCEPT ALL', scenario(['DROP 0.0.0.0/0 TCP 22', 'ACCEPT 0.0.0.0/0 ALL']), ['fail admin-port-not-public web']],
  ])('%s', (_name, built, expected) => {
    expect(summary(runPolicy(built.build(), id))).toEqual(expected);
  });
});
