import { scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'lb-sg-allows-listeners';

const build = (lbRules: string[], sgs = ['lbsg']) =>
  scenario(['ACCEPT 0.0.0.0/0 TCP 8080'])
    .sg('lbsg', lbRules)
    .clb('lb', { securityGroups: sgs, passToTarget: true })
    .listener('lb', 'l', { port: 443, targets: [{ instance: 'web', port: 8080 }] });

policyTable(id, {
  passing: [
    { name: 'admitting 0.0.0.0/0 on the listener port passes', inventory: build(['ACCEPT 0.0.0.0/0 TCP 443']) },
    {
      name: 'a deny list in front of the broad ACCEPT passes',
      inventory: build(['DROP 45.33.0.0/16 TCP 443', 'ACCEPT 0.0.0.0/0 TCP 443']),
    },
    { name: 'a CLB without security groups lets all listener traffic through (§3.2)', inventory: build([], []) },
    {
      name: 'params.clientCidrs declares a deliberately restricted listener',
      inventory: build(['ACCEPT 203.0.113.0/24 TCP 443']),
      params: { clientCidrs: ['203.0.113.0/24'] },
    },
  ],
  failing: [
    {
      name: 'a CLB group admitting one range leaves the listener closed to other clients',
      inventory: build(['ACCEPT 203.0.113.0/24 TCP 443']),
      findings: ['fail lb main.tf:70'],
    },
    {
      name: 'CLB groups filter listener ports, not backend ports (§3.2)',
      inventory: build(['ACCEPT 0.0.0.0/0 TCP 8080']),
      findings: ['fail lb main.tf:70'],
    },
  ],
});
