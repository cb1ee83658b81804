import { scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'admin-port-reachable';

const admin = { adminCidrs: ['192.168.10.0/24'] };

policyTable(id, {
  passing: [
    { name: 'off while adminCidrs is empty', inventory: scenario([]) },
    { name: 'Linux with 22 admitted passes', inventory: scenario(['ACCEPT 192.168.10.0/24 TCP 22']), params: admin },
  ],
  failing: [
    {
      name: 'Linux needs 22 from the admin networks',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 443']),
      params: admin,
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'Windows needs 3389, not 22',
      inventory: scenario(['ACCEPT 192.168.10.0/24 TCP 22']).instance('web', { os: 'windows' }),
      params: admin,
      findings: ['fail web main.tf:50'],
    },
  ],
});
