import { describe, expect, it } from 'vitest';
import type { Listener, LoadBalancer } from '../../../src/model/loadBalancer.js';
import { unknown } from '../../../src/model/value.js';
import { runPolicy, summary } from '../runPolicy.js';
import { publicLb, scenario } from '../scenario.js';
import { findingLine, policyTable } from './policyCases.js';

const id = 'backend-allows-clients';

policyTable(id, {
  passing: [
    { name: 'ACCEPT 0.0.0.0/0 on the backend port admits every client (§7.3a)', inventory: publicLb(['ACCEPT 0.0.0.0/0 TCP 8080']) },
    {
      name: 'a deny-list group beside an allow group, of no defined priority: a deliberate block in one order, admitted in the other',
      inventory: scenario([])
        .sg('deny', ['DROP 45.33.0.0/16 TCP 8080'])
        .sg('open', ['ACCEPT 0.0.0.0/0 TCP 8080'])
        .instance('web', { sgs: ['open', 'deny'], unordered: true })
        .clb('lb')
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }),
    },
    {
      name: 'groups of no defined priority that agree admit in every order',
      inventory: scenario([])
        .sg('lan', ['ACCEPT 10.0.0.0/8 TCP 8080'])
        .sg('open', ['ACCEPT 0.0.0.0/0 TCP 8080'])
        .instance('web', { sgs: ['lan', 'open'], unordered: true })
        .clb('lb')
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }),
    },
    {
      name: 'a narrow DROP before the broad ACCEPT is a deliberate block (source guidance)',
      inventory: publicLb(['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
    },
    {
      name: 'several narrow DROPs that leave clients admitted are a deliberate deny list',
      inventory: publicLb(['DROP 192.168.0.0/17 TCP 8080', 'DROP 192.168.128.0/18 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      params: { clientCidrs: ['192.168.0.0/16'] },
    },
    { name: 'pass-to-target on: backend groups are not evaluated for CLB traffic (§3.1)', inventory: publicLb([], { passToTarget: true }) },
    { name: 'protocol names are case-insensitive (§1.2)', inventory: publicLb(['ACCEPT 0.0.0.0/0 tcp 8080']) },
    {
      name: 'params.clientCidrs narrows the client set',
      inventory: publicLb(['ACCEPT 203.0.113.0/24 TCP 8080']),
      params: { clientCidrs: ['203.0.113.0/24'] },
    },
  ],
  failing: [
    {
      name: 'ACCEPT 0.0.0.0/0 on 443 only does not open the backend port',
      inventory: publicLb(['ACCEPT 0.0.0.0/0 TCP 443']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'a DROP as broad as the client set is a refusal, not a deny list',
      inventory: publicLb(['DROP 0.0.0.0/0 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'narrow DROPs that between them refuse every client are refusals, not a deny list',
      inventory: publicLb(['DROP 192.168.0.0/17 TCP 8080', 'DROP 192.168.128.0/17 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      params: { clientCidrs: ['192.168.0.0/16'] },
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'a private CLB: two DROPs that refuse its whole VPC but the VIP are refusals',
      inventory: scenario([
        'ACCEPT 10.0.2.5 TCP 9000',
        'DROP 10.0.0.0/17 TCP 9000',
        'DROP 10.0.128.0/17 TCP 9000',
        'ACCEPT 0.0.0.0/0 TCP 9000',
      ])
        .clb('lb', { network: 'INTERNAL', vips: ['10.0.2.5'] })
        .listener('lb', 'l', { port: 9000, targets: [{ instance: 'web', port: 9000 }] }),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'admitting only 10.0.0.0/8 leaves public clients to the default deny (§1.1)',
      inventory: publicLb(['ACCEPT 10.0.0.0/8 TCP 8080']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'UDP listener: a TCP rule does not admit UDP traffic',
      inventory: publicLb(['ACCEPT 0.0.0.0/0 TCP 8080'], { protocol: 'UDP' }),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'a private CLB serves its VPC: admitting one subnet is not enough',
      inventory: scenario(['ACCEPT 10.0.1.0/24 TCP 9000'])
        .clb('lb', { network: 'INTERNAL' })
        .listener('lb', 'l', { port: 9000, targets: [{ instance: 'web', port: 9000 }] }),
      findings: ['fail web main.tf:50'],
    },
    // A Terraform set of groups (`security_groups`) has no defined priority (§1.1 [S21]): a DROP
    // group and an ACCEPT group decide differently by order, whichever the array lists first.
    ...[
      ['drop', 'open'],
      ['open', 'drop'],
    ].map((sgs) => ({
      name: `groups of no defined priority that disagree (${sgs.join(', ')}): unknown, never a guess`,
      inventory: scenario([])
        .sg('drop', ['DROP 0.0.0.0/0 TCP 8080'])
        .sg('open', ['ACCEPT 0.0.0.0/0 TCP 8080'])
        .instance('web', { sgs, unordered: true })
        .clb('lb')
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }),
      findings: ['unknown web main.tf:50'],
    })),
    {
      name: 'a security group outside the check makes the finding unknown, never a pass',
      inventory: scenario([])
        .instance('web', { sgs: ['sg-external'] })
        .clb('lb')
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }),
      findings: ['unknown web main.tf:50'],
    },
  ],
});

describe(`${id}: what a finding says`, () => {
  it('groups of no defined priority: each interface is told which groups disagree, and to order them', () => {
    const inventory = scenario([])
      .sg('drop', ['DROP 0.0.0.0/0 TCP 8080'])
      .sg('open', ['ACCEPT 0.0.0.0/0 TCP 8080'])
      .instance('web', { sgs: ['open', 'drop'], unordered: true })
      .instance('api', { sgs: ['open', 'drop'], unordered: true })
      .clb('lb')
      .listener('lb', 'l', {
        targets: [
          { instance: 'web', port: 8080 },
          { instance: 'api', port: 8080 },
        ],
      });
    const findings = runPolicy(inventory.build(), id);
    expect(findings.map((f) => [f.status, f.resource])).toEqual([
      ['unknown', 'web'],
      ['unknown', 'api'],
    ]);
    for (const f of findings) {
      expect(f.message).toContain('the priority of the security groups open, drop is not defined');
      expect(f.message).toContain('drop rule 0 (DROP 0.0.0.0/0 TCP:8080) refuses it');
      expect(f.message).toContain('list them in orderly_security_groups');
      expect(f.message).toContain(`Policy: ${f.resource} does not admit`);
    }
  });

  it('a private CLB: the message names the VPC range the clients come from', () => {
    const inv = scenario(['ACCEPT 10.0.1.0/24 TCP 9000'])
      .clb('lb', { network: 'INTERNAL' })
      .listener('lb', 'l', { port: 9000, targets: [{ instance: 'web', port: 9000 }] })
      .build();
    expect(runPolicy(inv, id)[0]?.message).toContain('10.0.0.0/16');
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

  it('names the deciding rule and where it is in the evidence', () => {
    const [finding] = runPolicy(publicLb(['ACCEPT 10.0.0.0/8 TCP 8080', 'DROP 0.0.0.0/0 TCP 8080']).build(), id);
    expect(finding?.evidence[0]).toMatchObject({ verdict: 'deny', list: 'sg', index: 1, rule: 'DROP 0.0.0.0/0 TCP:8080' });
    expect(finding?.evidence[0]?.location).toEqual({ file: 'main.tf', line: 101 });
    expect(finding?.remediation).toContain('CreateSecurityGroupPolicies');
  });
});

describe(`${id}: a full-port target (port 0) follows the listener's ports`, () => {
  const fullPort = (ingress: string[], listener: (l: Listener) => Listener) => {
    const inventory = scenario(ingress)
      .clb('lb', { network: 'OPEN', passToTarget: false })
      .listener('lb', 'listener', { protocol: 'TCP', port: 80, targets: [{ instance: 'web', port: 0 }] })
      .build();
    const lb = inventory.loadBalancers.get('lb')!;
    (inventory.loadBalancers as Map<string, LoadBalancer>).set('lb', { ...lb, listeners: lb.listeners.map(listener) });
    return inventory;
  };

  it('behind a port-range listener, on every port of the range: the first alone does not pass', () => {
    expect(
      runPolicy(
        fullPort(['ACCEPT 0.0.0.0/0 TCP 80-90'], (l) => ({ ...l, endPort: 90 })),
        id,
        {},
      ),
    ).toEqual([]);
    expect(
      runPolicy(
        fullPort(['ACCEPT 0.0.0.0/0 TCP 80'], (l) => ({ ...l, endPort: 90 })),
        id,
        {},
      ).map(findingLine),
    ).toEqual(['fail web main.tf:50']);
  });

  it('messages name the listener range and the full-port target, never port 0', () => {
    const inventory = fullPort(['ACCEPT 0.0.0.0/0 TCP 80-85'], (l) => ({ ...l, endPort: 90 }));
    const message = (policy: string) => runPolicy(inventory, policy, {})[0]?.message;
    expect(message(id)).toContain('(TCP:80-90 → 80-90 (full-port)): refused 0.0.0.0/0 TCP:86-90');
    expect(message('backend-allows-health-check')).toContain('(TCP:80-90, probes to port 80-90 (full-port))');
    expect(message('backend-allows-vip')).toContain('on 80-90 (full-port): refused');
    for (const policy of [id, 'backend-allows-health-check', 'backend-allows-vip'])
      expect(message(policy)).not.toMatch(/→ 0\b|port 0\b|on 0\b/);
  });

  it('a port-range listener with a fixed backend port: the range, then the backend port', () => {
    const inventory = scenario(['ACCEPT 0.0.0.0/0 TCP 80'])
      .clb('lb', { network: 'OPEN', passToTarget: false })
      .listener('lb', 'listener', { protocol: 'TCP', port: 80, targets: [{ instance: 'web', port: 8080 }] })
      .build();
    const lb = inventory.loadBalancers.get('lb')!;
    (inventory.loadBalancers as Map<string, LoadBalancer>).set('lb', {
      ...lb,
      listeners: lb.listeners.map((l) => ({ ...l, endPort: 90 })),
    });
    expect(runPolicy(inventory, id, {})[0]?.message).toContain('(TCP:80-90 → 8080)');
  });

  it('behind a listener whose port is known only after apply: unknown, saying so, with evidence', () => {
    const findings = runPolicy(
      fullPort(['ACCEPT 0.0.0.0/0 TCP 22'], (l) => ({ ...l, port: unknown('known after apply') })),
      id,
      {},
    );
    expect(findings.map(findingLine)).toEqual(['unknown web main.tf:50']);
    expect(findings[0]!.message).toContain('the port of listener, which a full-port target follows: known after apply');
  });

  it('behind a range of unknown end whose first port is admitted: unknown, with a not-decided evidence line', () => {
    const findings = runPolicy(
      fullPort(['ACCEPT 0.0.0.0/0 TCP 80'], (l) => ({ ...l, endPort: unknown('known after apply') })),
      id,
      {},
    );
    expect(findings.map(findingLine)).toEqual(['unknown web main.tf:50']);
    expect(findings[0]!.evidence).toEqual([
      expect.objectContaining({ verdict: 'unknown', rule: 'not decided', reason: 'the end port of listener: known after apply' }),
    ]);
  });
});
