// A network guard for tests: any connection or name lookup that is not loopback is a failure.
//
// In a child process, preload it:  node --import ./test/support/networkGuardPreload.mjs …
// (or use `guardedNodeArgs()` from ./guardedProcess.ts). A violation prints one line starting
// with NETWORK_GUARD_MARK to stderr and ends the process with exit code 97, so the test that
// started it fails however the program would have handled a refused connection.
// In the test process itself, `installNetworkGuard(onViolation)` throws from the call instead.
import dns from 'node:dns';
import net from 'node:net';

export const NETWORK_GUARD_MARK = 'clb-guard network guard: refused';
export const NETWORK_GUARD_EXIT = 97;

/** Literal loopback only: 127.0.0.0/8, ::1 (also as ::ffff:127.x), and the name localhost. */
export function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default host is localhost
  const h = String(host)
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return net.isIPv4(v4) && v4.split('.')[0] === '127';
}

let installed = false;

export function installNetworkGuard(onViolation) {
  if (installed) return;
  installed = true;
  const refuse = (what) => {
    onViolation(`${NETWORK_GUARD_MARK} ${what}`);
    throw new Error(`${NETWORK_GUARD_MARK} ${what}`);
  };

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    // connect(options[, listener]) | connect(path[, listener]) | connect(port[, host][, listener]); Node also passes [options, cb] arrays.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof first === 'object' && first !== null) {
      if (first.path === undefined && !isLoopback(first.host)) refuse(`a connection to ${first.host}:${first.port}`);
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      const host = typeof args[1] === 'string' ? args[1] : undefined;
      if (!isLoopback(host)) refuse(`a connection to ${host}:${first}`);
    }
    return connect.apply(this, args);
  };

  const guardName = (name, original) =>
    function guardedLookup(hostname, ...rest) {
      if (!isLoopback(hostname)) refuse(`a lookup of ${hostname} (dns.${name})`);
      return original.call(this, hostname, ...rest);
    };
  for (const name of [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveNs',
    'resolveTxt',
    'resolveSrv',
    'resolvePtr',
    'resolveNaptr',
    'resolveSoa',
    'reverse',
  ]) {
    if (typeof dns[name] === 'function') dns[name] = guardName(name, dns[name]);
    if (typeof dns.promises[name] === 'function') dns.promises[name] = guardName(name, dns.promises[name]);
  }
  for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
    for (const name of Object.getOwnPropertyNames(Resolver.prototype)) {
      if (name.startsWith('resolve') || name === 'reverse') {
        const original = Resolver.prototype[name];
        if (typeof original === 'function') Resolver.prototype[name] = guardName(`Resolver.${name}`, original);
      }
    }
  }
}
