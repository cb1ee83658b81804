import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/model/inventory.js';
import type { Listener, LoadBalancer, Target } from '../../../src/model/loadBalancer.js';
import { unknown } from '../../../src/model/value.js';
import { runPolicy } from '../runPolicy.js';
import { type Scenario, scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'deny-bypassed-by-pass-to-target';

const build = (
  lbSgs: LoadBalancer['securityGroups'],
  passToTarget = true,
  backend: string[] = ['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080'],
  ipVersion: 'IPV4' | 'IPV6' = 'IPV4',
) =>
  scenario(backend)
    .sg('lbsg', ['DROP 45.33.0.0/16 TCP 80', 'ACCEPT 0.0.0.0/0 TCP 80'])
    .sg('lbnarrow', ['ACCEPT 203.0.113.0/24 TCP 80'])
    .clb('lb', { passToTarget, securityGroups: lbSgs, ipVersion })
    .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] });

/** The scenario with its one listener (and that listener's one target) changed. */
function withListener(s: Scenario, change: (listener: Listener, target: Target) => Listener): Inventory {
  const inventory = s.build();
  const lb = inventory.loadBalancers.get('lb')!;
  const listener = lb.listeners[0]!;
  (inventory.loadBalancers as Map<string, LoadBalancer>).set('lb', { ...lb, listeners: [change(listener, listener.targets[0]!)] });
  return inventory;
}

const LATER = unknown('known after apply');

policyTable(id, {
  passing: [
    { name: 'the CLB group carries the same block', inventory: build(['lbsg']) },
    { name: 'pass-to-target off: backend groups apply', inventory: build([], false) },
    {
      name: 'a port-range listener: the CLB group carries the block on every port of the range',
      inventory: withListener(build(['lbrange']).sg('lbrange', ['DROP 45.33.0.0/16 TCP 80-90', 'ACCEPT 0.0.0.0/0 TCP 80-90']), (l) => ({
        ...l,
        endPort: 90,
      })),
    },
    {
      name: 'an IPv4 DROP never meets the IPv6 clients of an IPv6 CLB (§3.1)',
      inventory: build([], false, undefined, 'IPV6'),
    },
    {
      name: 'an IPv6 DROP never meets the IPv4 clients of an IPv4 CLB',
      inventory: build([], true, ['DROP 2001:db8::/32 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
    },
    {
      name: 'a DROP on another port is not about this backend',
      inventory: build([], true, ['DROP 45.33.0.0/16 TCP 22', 'ACCEPT 0.0.0.0/0 TCP 8080']),
    },
  ],
  failing: [
    {
      name: 'pass-to-target on and no CLB group: the backend DROP cannot stop CLB traffic (§3.1 [S5])',
      inventory: build([]),
      findings: ['fail sg main.tf:100'],
    },
    {
      name: 'an IPv6 CLB passes to targets even with pass-to-target off: its IPv6 DROP is bypassed (§3.1 [S5][S6])',
      inventory: build([], false, ['DROP 2001:db8::/32 TCP 8080', 'DROP 45.33.0.0/16 TCP 8080', 'ACCEPT ::/0 TCP 8080'], 'IPV6'),
      findings: ['fail sg main.tf:100'],
    },
    {
      name: 'a CLB group that refuses only by default deny does not carry the block',
      inventory: build(['lbnarrow']),
      findings: ['fail sg main.tf:100'],
    },
    // What cannot be decided is unknown with its reason, never a silent pass.
    {
      name: 'a target whose interface is not in the plan: unknown',
      inventory: build([]).listener('lb', 'l2', { targets: [{ instance: 'ghost', port: 8080 }] }),
      findings: ['fail sg main.tf:100', 'unknown ghost -'],
    },
    {
      name: 'a backend port known only after apply: unknown',
      inventory: withListener(build([]), (l, t) => ({ ...l, targets: [{ ...t, port: LATER }] })),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'a listener port known only after apply: unknown',
      inventory: withListener(build(['lbsg']), (l) => ({ ...l, port: LATER })),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'a port-range listener whose end port is known only after apply: unknown, not checked on the first port alone',
      inventory: withListener(build(['lbsg']), (l) => ({ ...l, endPort: LATER })),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'a listener protocol known only after apply: unknown',
      inventory: withListener(build(['lbsg']), (l) => ({ ...l, protocol: LATER })),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: "the CLB's security groups known only after apply: unknown at the DROP",
      inventory: build(LATER),
      findings: ['unknown sg main.tf:100'],
    },
    {
      name: "a CLB group that is not in the plan: unknown at the DROP, not 'admitted'",
      inventory: build(['sg-external']),
      findings: ['unknown sg main.tf:100'],
    },
    {
      name: 'a DROP whose source is known only after apply: unknown at the DROP',
      inventory: build(['lbsg'], true, ['DROP ? TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      findings: ['unknown sg main.tf:100'],
    },
    {
      name: 'a DROP whose source group is not in the plan: unknown at the DROP',
      inventory: build([], true, ['DROP sg:sg-elsewhere TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      findings: ['unknown sg main.tf:100'],
    },
    {
      name: 'a rule of unknown action on the backend port may be a bypassed DROP: unknown',
      inventory: build([], true, ['? 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      findings: ['unknown sg main.tf:100'],
    },
    {
      name: 'backend groups known only after apply may hold a bypassed DROP: unknown',
      inventory: scenario()
        .instance('web', { sgs: LATER })
        .clb('lb', { passToTarget: true })
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'a backend group not in the plan may hold a bypassed DROP: unknown',
      inventory: scenario()
        .instance('web', { sgs: ['sg-external'] })
        .clb('lb', { passToTarget: true })
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }),
      findings: ['unknown sg-external -'],
    },
    {
      name: 'a port-range listener: a CLB block on its first port alone does not carry it',
      inventory: withListener(build(['lbfirst']).sg('lbfirst', ['DROP 45.33.0.0/16 TCP 80', 'ACCEPT 0.0.0.0/0 TCP 80-90']), (l) => ({
        ...l,
        endPort: 90,
      })),
      findings: ['fail sg main.tf:100'],
    },
    {
      name: 'a full-port target (port 0) follows the listener port: a DROP on it is bypassed',
      inventory: withListener(build([], true, ['DROP 45.33.0.0/16 TCP 80', 'ACCEPT 0.0.0.0/0 TCP 80']), (l, t) => ({
        ...l,
        targets: [{ ...t, port: 0 }],
      })),
      findings: ['fail sg main.tf:100'],
    },
    {
      name: 'a full-port target behind a port-range listener: a DROP on any port of the range is bypassed, not only the first',
      inventory: withListener(build([], true, ['DROP 45.33.0.0/16 TCP 85', 'ACCEPT 0.0.0.0/0 TCP 80-90']), (l, t) => ({
        ...l,
        endPort: 90,
        targets: [{ ...t, port: 0 }],
      })),
      findings: ['fail sg main.tf:100'],
    },
    {
      name: 'a full-port target behind a port-range listener: a CLB group carrying the block on another port does not carry it',
      inventory: withListener(
        build(['lbother'], true, ['DROP 45.33.0.0/16 TCP 85', 'ACCEPT 0.0.0.0/0 TCP 80-90']).sg('lbother', [
          'DROP 45.33.0.0/16 TCP 80',
          'ACCEPT 0.0.0.0/0 TCP 80-90',
        ]),
        (l, t) => ({ ...l, endPort: 90, targets: [{ ...t, port: 0 }] }),
      ),
      findings: ['fail sg main.tf:100'],
    },
  ],
});

describe(`${id}: a full-port target behind a port-range listener`, () => {
  const fullPort = (backend: string[], lbRules: string[]) =>
    withListener(build(['lbfull'], true, backend).sg('lbfull', lbRules), (l, t) => ({ ...l, endPort: 90, targets: [{ ...t, port: 0 }] }));
  it('passes when the CLB group carries the block on the ports the backend DROP covers', () => {
    const findings = runPolicy(
      fullPort(['DROP 45.33.0.0/16 TCP 85', 'ACCEPT 0.0.0.0/0 TCP 80-90'], ['DROP 45.33.0.0/16 TCP 85', 'ACCEPT 0.0.0.0/0 TCP 80-90']),
      id,
    );
    expect(findings).toEqual([]);
  });
  it('names the whole range the backend receives in its message', () => {
    const [finding] = runPolicy(fullPort(['DROP 45.33.0.0/16 TCP 85', 'ACCEPT 0.0.0.0/0 TCP 80-90'], ['ACCEPT 0.0.0.0/0 TCP 80-90']), id);
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toContain('DROP 45.33.0.0/16 TCP:85');
    expect(finding?.message).toContain('admit it on 85');
  });
});

describe(`${id}: unknown findings say why`, () => {
  const messages = (inventory: Inventory | Scenario) =>
    runPolicy('build' in inventory ? inventory.build() : inventory, id).map((f) => `${f.status}: ${f.message}`);
  it('names the unknown listener port', () => {
    expect(messages(withListener(build(['lbsg']), (l) => ({ ...l, port: LATER })))).toEqual([
      expect.stringMatching(/^unknown: Could not decide: the port of l: known after apply\./),
    ]);
  });
  it("names the CLB's groups that are not in the plan, and the DROP", () => {
    const [message] = messages(build(['sg-external']));
    expect(message).toMatch(/^unknown: Could not decide: whether the security groups of lb \(sg-external\) carry the block is not known: /);
    expect(message).toContain('rules of sg-external (not in this check)');
    expect(message).toContain('DROP 45.33.0.0/16 TCP:8080');
  });
  it('names the source that is not known', () => {
    expect(messages(build([], true, ['DROP ? TCP 8080']))).toEqual([
      expect.stringMatching(/^unknown: Could not decide: the source of DROP \(unknown\) TCP:8080 is not known/),
    ]);
  });
});

describe(`${id}: the fix says what can be changed`, () => {
  const v6 = (lbSgs: string[]) =>
    scenario(['DROP 2001:db8::/32 TCP 8080', 'ACCEPT ::/0 TCP 8080'])
      .sg('lbopen', ['ACCEPT ::/0 TCP 80'])
      .clb('lb', { passToTarget: false, securityGroups: lbSgs, ipVersion: 'IPV6' })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
  it.each([
    ['no CLB group', []],
    ['a CLB group that admits it', ['lbopen']],
  ])('an IPv6 CLB with %s: pass-to-target is always on, so the DROP goes into the CLB group', (_name, lbSgs) => {
    const [finding] = runPolicy(v6(lbSgs), id);
    expect(finding?.status).toBe('fail');
    expect(finding?.remediation).toContain('DROP 2001:db8::/32 TCP:80');
    expect(finding?.remediation).toContain('pass-to-target is always on for IPv6 CLBs and cannot be turned off');
    expect(finding?.remediation).not.toContain('turn load_balancer_pass_to_target off');
  });
  it('an IPv4 CLB: turning pass-to-target off is the other way', () => {
    const [finding] = runPolicy(build([]).build(), id);
    expect(finding?.remediation).toContain('turn load_balancer_pass_to_target off');
  });
});
