// Preloaded with `node --import`: the process ends with NETWORK_GUARD_EXIT on any non-loopback
// connection or lookup (see networkGuard.mjs).
import { installNetworkGuard, NETWORK_GUARD_EXIT } from './networkGuard.mjs';

installNetworkGuard((message) => {
  process.stderr.write(`${message}\n`);
  process.exit(NETWORK_GUARD_EXIT);
});
