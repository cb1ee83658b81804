import type { Listener } from '../model/loadBalancer.js';
import { isUnknown } from '../model/value.js';
import { AddressSet } from '../net/addressSet.js';
import type { SymbolicAddress } from '../net/flow.js';
import type { InventoryResolver } from '../net/inventoryResolver.js';
import { NO_PORTS, type PortSet, parsePorts, portRange } from '../net/portSet.js';
import { type Protocol, parseProtocol, transportOf } from '../net/protocol.js';
import { HEALTH_CHECK_RANGE } from '../net/specialRanges.js';
import type { ParamValue } from './policyTypes.js';
import type { Subject } from './subjects.js';

export interface ResolvedSources {
  readonly addresses: AddressSet;
  readonly symbols: readonly SymbolicAddress[];
  /** Human text: "clients (0.0.0.0/0)". */
  readonly label: string;
  readonly unknownReasons: readonly string[];
}

/**
 * Named source sets a policy can ask about, per subject: who sends the traffic a backend or
 * load balancer must admit.
 */
export function resolveSources(
  names: readonly string[],
  subject: Subject,
  resolver: InventoryResolver,
  params: ReadonlyMap<string, ParamValue>,
): ResolvedSources {
  let addresses = AddressSet.EMPTY;
  const symbols: SymbolicAddress[] = [];
  const labels: string[] = [];
  const unknownReasons: string[] = [];
  const add = (set: AddressSet, label: string) => {
    addresses = addresses.union(set);
    labels.push(`${label} (${set.describe()})`);
  };
  for (const name of names) {
    const lb = subject.lb;
    if (name === 'clients') {
      const configured = paramCidrs(params.get('clientCidrs'));
      if (configured !== undefined && !configured.isEmpty()) add(configured, 'clients');
      else if (lb === undefined) unknownReasons.push('clients: the subject has no load balancer');
      else if (isUnknown(lb.network)) unknownReasons.push(`clients: network type of ${lb.key} is ${lb.network.reason}`);
      else if (lb.network === 'OPEN')
        add(!isUnknown(lb.ipVersion) && lb.ipVersion === 'IPV6' ? AddressSet.ALL_V6 : AddressSet.ALL_V4, 'clients');
      else {
        const vpcCidr = resolver.vpcCidr(lb.vpc);
        if (vpcCidr === undefined) unknownReasons.push(`clients: the VPC CIDR of ${lb.key} is not known (set params.clientCidrs)`);
        else add(vpcCidr, 'clients in the VPC');
      }
    } else if (name === 'lb.vips' || (name === 'healthCheck.source' && subject.fields.get('healthCheck.source') === 'vip')) {
      if (lb === undefined) {
        unknownReasons.push(`${name}: the subject has no load balancer`);
        continue;
      }
      const vip = resolver.vip(lb);
      const label = name === 'lb.vips' ? 'the VIP' : 'health checks from the VIP';
      if (vip.symbols.length > 0) {
        symbols.push(...vip.symbols);
        labels.push(`${label} of ${lb.key}`);
      } else add(vip.addresses, label);
    } else if (name === 'healthCheck.source') {
      add(HEALTH_CHECK_RANGE, 'health checks');
    } else if (name === 'snat.ips') {
      if (lb === undefined) {
        unknownReasons.push('snat.ips: the subject has no load balancer');
        continue;
      }
      if (isUnknown(lb.snatIps)) {
        unknownReasons.push(`snat.ips: ${lb.snatIps.reason}`);
        continue;
      }
      for (const snat of lb.snatIps) {
        if (!isUnknown(snat.ip)) add(AddressSet.parse(snat.ip) ?? AddressSet.EMPTY, 'SNAT IP');
        else {
          const within = isUnknown(snat.subnet) ? undefined : resolver.subnetCidr(snat.subnet);
          symbols.push({ id: `snat:${lb.key}:${symbols.length}`, label: `a SNAT IP of ${lb.key}`, within: within ?? AddressSet.ALL_V4 });
          labels.push(`a SNAT IP of ${lb.key}`);
        }
      }
    } else if (name.startsWith('params.')) {
      const set = paramCidrs(params.get(name.slice(7)));
      if (set === undefined) unknownReasons.push(`${name} is not a list of CIDRs`);
      else add(set, name.slice(7));
    } else {
      const set = AddressSet.parse(name);
      if (set === undefined) unknownReasons.push(`"${name}" is neither a named source nor a CIDR`);
      else add(set, name);
    }
  }
  return { addresses, symbols, label: labels.join(', '), unknownReasons };
}

function paramCidrs(value: ParamValue | undefined): AddressSet | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return AddressSet.parseAll(list.map((v) => v.trim()).filter((v) => v !== ''));
}

/**
 * The ports a listener listens on: its port, or up to `endPort` for a port-range listener. A
 * range that does not go up (`endPort` at or below `port`) is the port alone, and so is a range
 * whose end is not known (callers say that the rest is unchecked). Undefined when the port is
 * not known.
 */
export function listenerPorts(listener: Listener): PortSet | undefined {
  if (isUnknown(listener.port)) return undefined;
  const { port, endPort } = listener;
  return portRange(port, endPort !== undefined && !isUnknown(endPort) && endPort > port ? endPort : port);
}

/**
 * A ports param in every form the schema and the validator take: text (`"1024-65535"`), a
 * number (`50000`) or a list (`["32768-60999", "1024-2000"]`); undefined when it is none of them.
 */
export function paramPorts(value: ParamValue | undefined): PortSet | undefined {
  if (typeof value === 'string') return parsePorts(value);
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 65535 ? portRange(value) : undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : parsePorts(value.join(','));
  return undefined;
}

export function resolvePorts(
  refs: readonly (string | number)[] | undefined,
  subject: Subject,
  params: ReadonlyMap<string, ParamValue>,
): { ports: PortSet; unknownReasons: string[]; label: string } {
  let ports = NO_PORTS;
  const unknownReasons: string[] = [];
  for (const ref of refs ?? ['backend.port']) {
    if (typeof ref === 'number') {
      ports = ports.union(portRange(ref));
      continue;
    }
    if (ref === 'listener.port') {
      const listener = subject.listener;
      // Flows are shared by subjects with the same flow key: the reason names no subject.
      if (listener === undefined) unknownReasons.push(`listener.port: a ${subject.kind} subject has no listener`);
      else ports = ports.union(listenedPorts(listener, '', unknownReasons));
      continue;
    }
    if (ref === 'backend.port' || ref === 'healthCheck.port') {
      const value = subject.fields.get(ref);
      if (typeof value === 'number' && value >= 0 && value <= 65535) {
        // Port 0 on a full-port target follows the listener's ports (all of a port range).
        const listener = subject.listener;
        if (value === 0 && listener !== undefined)
          ports = ports.union(listenedPorts(listener, ', which a full-port target follows', unknownReasons));
        else ports = ports.union(portRange(value));
      } else
        unknownReasons.push(
          `${ref}: ${value !== undefined && value !== null && typeof value === 'object' && 'reason' in value ? value.reason : 'not known'}`,
        );
      continue;
    }
    if (ref.startsWith('params.')) {
      const parsed = paramPorts(params.get(ref.slice(7)));
      if (parsed === undefined) unknownReasons.push(`${ref} is not a port list`);
      else ports = ports.union(parsed);
      continue;
    }
    const parsed = parsePorts(ref);
    if (parsed === undefined) unknownReasons.push(`"${ref}" is not a port`);
    else ports = ports.union(parsed);
  }
  const label = ports.intervals.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
  return { ports, unknownReasons, label };
}

export function resolveProtocol(text: string | undefined, subject: Subject): Protocol | { unknownReason: string } {
  if (text === undefined || text === 'listener') {
    const protocol = subject.listener?.protocol;
    if (protocol === undefined) return 'TCP';
    if (isUnknown(protocol)) return { unknownReason: `listener protocol: ${protocol.reason}` };
    return transportOf(protocol);
  }
  const parsed = parseProtocol(text);
  if (parsed === undefined || parsed === 'ALL') return { unknownReason: `unsupported protocol ${text}` };
  return parsed;
}

/**
 * The ports of a listener a flow goes to, saying in `unknownReasons` what is not known: the port
 * (nothing is checked) or the end of a port range (the port alone is checked, the rest is not).
 */
function listenedPorts(listener: Listener, role: string, unknownReasons: string[]): PortSet {
  const listened = listenerPorts(listener);
  if (listened === undefined) {
    if (isUnknown(listener.port)) unknownReasons.push(`the port of ${listener.key}${role}: ${listener.port.reason}`);
    return NO_PORTS;
  }
  if (listener.endPort !== undefined && isUnknown(listener.endPort))
    unknownReasons.push(`the end port of ${listener.key}: ${listener.endPort.reason}`);
  return listened;
}
