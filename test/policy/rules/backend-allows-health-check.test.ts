import { scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'backend-allows-health-check';

const hc = (ingress: string[], listener: Parameters<ReturnType<typeof scenario>['listener']>[2]) =>
  scenario(ingress)
    .clb('lb', { vips: ['1.2.3.4'] })
    .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }], ...listener });

policyTable(id, {
  passing: [
    { name: 'admitting the check port passes', inventory: hc(['ACCEPT 0.0.0.0/0 TCP 8080,8081'], { health: { port: 8081 } }) },
    { name: 'checks off: nothing to admit', inventory: hc([], { health: { enabled: false } }) },
    {
      name: 'source type 1 probes from 100.64.0.0/10, allowlisted for same-account backends (§0.2 [S8])',
      inventory: hc([], { health: { sourceIpType: 1 } }),
    },
    {
      name: 'on L7 rules the probe goes to the backend port, whatever health_check_port says (§7.8)',
      inventory: hc(['ACCEPT 1.2.3.4 TCP 8080'], {
        protocol: 'HTTP',
        targets: [],
        rules: [{ key: 'r', health: { port: 9999 }, targets: [{ instance: 'web', port: 8080 }] }],
      }),
    },
    { name: 'UDP with ICMP admitted passes', inventory: hc(['ACCEPT 0.0.0.0/0 UDP 8080', 'ACCEPT 0.0.0.0/0 ICMP'], { protocol: 'UDP' }) },
    {
      name: 'params.healthCheckRangeAllowlisted=false: 100.64.0.0/10 admitted by the rules',
      inventory: hc(['ACCEPT 100.64.0.0/10 TCP 8080'], { health: { sourceIpType: 1 } }),
      params: { healthCheckRangeAllowlisted: false },
    },
  ],
  failing: [
    {
      name: 'the probe goes to health_check_port on TCP listeners (§3.3)',
      inventory: hc(['ACCEPT 0.0.0.0/0 TCP 8080'], { health: { port: 8081 } }),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'UDP health checks also need ICMP from the source (§3.3 [S7])',
      inventory: hc(['ACCEPT 0.0.0.0/0 UDP 8080'], { protocol: 'UDP' }),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'params.healthCheckRangeAllowlisted=false requires 100.64.0.0/10 in the rules',
      inventory: hc(['ACCEPT 0.0.0.0/0 TCP 443'], { health: { sourceIpType: 1 } }),
      params: { healthCheckRangeAllowlisted: false },
      findings: ['fail web main.tf:50'],
    },
  ],
});
