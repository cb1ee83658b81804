import { isUnknown } from '../model/value.js';
import type { InventoryResolver } from '../net/inventoryResolver.js';
import type { FlowSpec } from './policyTypes.js';
import type { Subject } from './subjects.js';

/**
 * What of a subject's load balancer and listener a flow spec reads (`resolveSources`,
 * `resolvePorts`, `resolveProtocol`). Only that goes into the flow key, so that subjects behind
 * different load balancers share a flow that does not depend on them: clients of any public CLB,
 * health checks from the platform's range, the listener's transport.
 */
export interface FlowReads {
  /** `lb.vips`, `snat.ips`: the load balancer's own addresses. */
  readonly lbAddresses: boolean;
  /** `healthCheck.source`: the VIP when the subject's health check comes from it. */
  readonly healthCheckSource: boolean;
  /** `clients`: the load balancer's network type, IP version and VPC. */
  readonly clients: boolean;
  /** `listener.port`: the listener's ports. */
  readonly listenerPorts: boolean;
  /** `backend.port`, `healthCheck.port`: a full-port target (port 0) follows the listener's ports. */
  readonly subjectPorts: boolean;
  /** No protocol or `listener`: the listener's transport. */
  readonly listenerProtocol: boolean;
}

export function flowReadsOf(spec: FlowSpec): FlowReads {
  const ports = spec.ports ?? ['backend.port'];
  return {
    lbAddresses: spec.from.includes('lb.vips') || spec.from.includes('snat.ips'),
    healthCheckSource: spec.from.includes('healthCheck.source'),
    clients: spec.from.includes('clients'),
    listenerPorts: ports.includes('listener.port'),
    subjectPorts: ports.includes('backend.port') || ports.includes('healthCheck.port'),
    listenerProtocol: spec.protocol === undefined || spec.protocol === 'listener',
  };
}

/**
 * The part of a flow key that a subject's load balancer and listener give, for what the spec
 * reads. Whatever names the load balancer or listener in a label or reason keys by its key; the
 * rest by the values the flow is made of.
 */
export function placeKey(reads: FlowReads, subject: Subject, resolver: InventoryResolver): string {
  const { lb, listener } = subject;
  const lbKey = lb === undefined ? '-' : `=${lb.key}`;
  const listenerKey = listener === undefined ? '-' : `=${listener.key}`;
  let key = '';
  if (reads.lbAddresses || (reads.healthCheckSource && subject.fields.get('healthCheck.source') === 'vip')) key += `|lb${lbKey}`;
  if (reads.clients) key += `|c${clientsKey(subject, resolver)}`;
  if (reads.listenerPorts) key += `|lp${listenerKey}`;
  if (
    reads.subjectPorts &&
    listener !== undefined &&
    (subject.fields.get('backend.port') === 0 || subject.fields.get('healthCheck.port') === 0)
  )
    key += `|zp${listenerKey}`;
  if (reads.listenerProtocol) {
    const protocol = listener?.protocol;
    key += `|p${protocol === undefined ? '-' : isUnknown(protocol) ? `?${protocol.reason}` : `=${protocol}`}`;
  }
  return key;
}

/** Who the clients of the subject's load balancer are, as `resolveSources` tells them. */
function clientsKey(subject: Subject, resolver: InventoryResolver): string {
  const lb = subject.lb;
  if (lb === undefined) return '-';
  if (isUnknown(lb.network)) return `=${lb.key}`;
  if (lb.network === 'OPEN') return !isUnknown(lb.ipVersion) && lb.ipVersion === 'IPV6' ? 'open6' : 'open4';
  // Clients in the VPC are its CIDR; when that is not known, the reason names the load balancer.
  return resolver.vpcCidr(lb.vpc) === undefined ? `=${lb.key}` : `vpc:${String(lb.vpc)}`;
}
