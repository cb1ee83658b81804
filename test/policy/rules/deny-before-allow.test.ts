import { describe, expect, it } from 'vitest';
import { runPolicy } from '../runPolicy.js';
import { scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'deny-before-allow';
const twoGroups = (sgs: string[]) =>
  scenario([]).sg('allow', ['ACCEPT 0.0.0.0/0 TCP 8443']).sg('block', ['DROP 45.33.0.0/16 TCP 8443']).instance('web', { sgs });

policyTable(id, {
  passing: [
    {
      name: 'DROP before ACCEPT is how a deny list works',
      inventory: scenario(['DROP 45.33.0.0/16 TCP 8443', 'ACCEPT 0.0.0.0/0 TCP 8443']),
    },
    {
      name: 'an ACCEPT on another port does not shadow the DROP',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 443', 'DROP 45.33.0.0/16 TCP 8443']),
    },
    { name: "two groups, the DROP's first (§1.1 multiple SGs)", inventory: twoGroups(['block', 'allow']) },
  ],
  failing: [
    {
      name: 'DROP after ACCEPT of the same traffic never matches (§1.1 first match)',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP 45.33.0.0/16 TCP 8443']),
      findings: ['fail sg main.tf:101'],
    },
    {
      name: 'ACCEPT ALL shadows a later DROP of anything',
      inventory: scenario(['ACCEPT 0.0.0.0/0 ALL', 'DROP 45.33.0.0/16 UDP 53']),
      findings: ['fail sg main.tf:101'],
    },
    {
      name: "two groups, the ACCEPT's first: the DROP of the second never matches (§1.1 multiple SGs)",
      inventory: twoGroups(['allow', 'block']),
      findings: ['fail block main.tf:100'],
    },
  ],
});

describe(`${id}: what a finding says`, () => {
  it('names the shadowing rule, and the fix names the resource that holds the ingress blocks', () => {
    const [finding] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 8443', 'DROP 45.33.0.0/16 TCP 8443']).build(), id);
    expect(finding?.message).toContain('rule 0 (ACCEPT 0.0.0.0/0 TCP:8443)');
    // The rule set, not the group.
    expect(finding?.remediation).toContain(
      'In sg_rules, move the ingress block of rule 1 (DROP 45.33.0.0/16 TCP:8443) at main.tf:101 above the ingress block of rule 0 (ACCEPT 0.0.0.0/0 TCP:8443) at main.tf:100.',
    );
  });
});
