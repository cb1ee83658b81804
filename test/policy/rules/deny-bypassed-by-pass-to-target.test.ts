import { scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'deny-bypassed-by-pass-to-target';

const build = (lbSgs: string[], passToTarget = true) =>
  scenario(['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080'])
    .sg('lbsg', ['DROP 45.33.0.0/16 TCP 80', 'ACCEPT 0.0.0.0/0 TCP 80'])
    .sg('lbnarrow', ['ACCEPT 203.0.113.0/24 TCP 80'])
    .clb('lb', { passToTarget, securityGroups: lbSgs })
    .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] });

policyTable(id, {
  passing: [
    { name: 'the CLB group carries the same block', inventory: build(['lbsg']) },
    { name: 'pass-to-target off: backend groups apply', inventory: build([], false) },
  ],
  failing: [
    {
      name: 'pass-to-target on and no CLB group: the backend DROP cannot stop CLB traffic (§3.1 [S5])',
      inventory: build([]),
      findings: ['fail sg main.tf:100'],
    },
    {
      name: 'a CLB group that refuses only by default deny does not carry the block',
      inventory: build(['lbnarrow']),
      findings: ['fail sg main.tf:100'],
    },
  ],
});
