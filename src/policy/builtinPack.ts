// The built-in pack, bundled into dist/ so the Action needs no files at run time.
// One JSON file per policy in policies/; adding a policy is adding a file and a line here.
import aclAllowsBothDirections from '../../policies/acl-allows-both-directions.json' with { type: 'json' };
import adminPortNotPublic from '../../policies/admin-port-not-public.json' with { type: 'json' };
import adminPortReachable from '../../policies/admin-port-reachable.json' with { type: 'json' };
import backendAllowsClients from '../../policies/backend-allows-clients.json' with { type: 'json' };
import backendAllowsHealthCheck from '../../policies/backend-allows-health-check.json' with { type: 'json' };
import backendAllowsVip from '../../policies/backend-allows-vip.json' with { type: 'json' };
import denyBeforeAllow from '../../policies/deny-before-allow.json' with { type: 'json' };
import denyBypassedByPassToTarget from '../../policies/deny-bypassed-by-pass-to-target.json' with { type: 'json' };
import lbSgAllowsListeners from '../../policies/lb-sg-allows-listeners.json' with { type: 'json' };
import snatSourceAllowed from '../../policies/snat-source-allowed.json' with { type: 'json' };

export const BUILTIN_POLICY_FILES: ReadonlyArray<{ readonly name: string; readonly document: unknown }> = [
  { name: 'policies/acl-allows-both-directions.json', document: aclAllowsBothDirections },
  { name: 'policies/admin-port-not-public.json', document: adminPortNotPublic },
  { name: 'policies/admin-port-reachable.json', document: adminPortReachable },
  { name: 'policies/backend-allows-clients.json', document: backendAllowsClients },
  { name: 'policies/backend-allows-health-check.json', document: backendAllowsHealthCheck },
  { name: 'policies/backend-allows-vip.json', document: backendAllowsVip },
  { name: 'policies/deny-before-allow.json', document: denyBeforeAllow },
  { name: 'policies/deny-bypassed-by-pass-to-target.json', document: denyBypassedByPassToTarget },
  { name: 'policies/lb-sg-allows-listeners.json', document: lbSgAllowsListeners },
  { name: 'policies/snat-source-allowed.json', document: snatSourceAllowed },
];
