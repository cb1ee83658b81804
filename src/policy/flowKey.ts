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
export type FlowReads = number;

/** `lb.vips`, `snat.ips`: the load balancer's own addresses. */
const LB_ADDRESSES = 1;
/** `healthCheck.source`: the VIP when the subject's health check comes from it. */
const HEALTH_CHECK_SOURCE = 2;
/** `clients`: the load balancer's network type, IP version and VPC. */
const CLIENTS = 4;
/** `listener.port`: the listener's ports. */
const LISTENER_PORTS = 8;
/** `backend.port`, `healthCheck.port`: a full-port target (port 0) follows the listener's ports. */
const SUBJECT_PORTS = 16;
/** No protocol or `listener`: the listener's transport. */
const LISTENER_PROTOCOL = 32;

/**
 * What of a subject's load balancer and listener a flow spec reads (`resolveSources`,
 * `resolvePorts`, `resolveProtocol`), as flags: specs that read the same share their keys. Only
 * that goes into the flow key, so that subjects behind different load balancers share a flow
 * that does not depend on them: clients of any public CLB, health checks from the platform's
 * range, the listener's transport.
 */
export function flowReadsOf(spec: FlowSpec): FlowReads {
  const ports = spec.ports ?? ['backend.port'];
  const flag = (read: boolean, bit: number) => (read ? bit : 0);
  return (
    flag(spec.from.includes('lb.vips') || spec.from.includes('snat.ips'), LB_ADDRESSES) |
    flag(spec.from.includes('healthCheck.source'), HEALTH_CHECK_SOURCE) |
    flag(spec.from.includes('clients'), CLIENTS) |
    flag(ports.includes('listener.port'), LISTENER_PORTS) |
    flag(ports.includes('backend.port') || ports.includes('healthCheck.port'), SUBJECT_PORTS) |
    flag(spec.protocol === undefined || spec.protocol === 'listener', LISTENER_PROTOCOL)
  );
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
  if (reads & LB_ADDRESSES || (reads & HEALTH_CHECK_SOURCE && subject.fields.get('healthCheck.source') === 'vip')) key += `|lb${lbKey}`;
  if (reads & CLIENTS) key += `|c${clientsKey(subject, resolver)}`;
  if (reads & LISTENER_PORTS) key += `|lp${listenerKey}`;
  if (
    reads & SUBJECT_PORTS &&
    listener !== undefined &&
    (subject.fields.get('backend.port') === 0 || subject.fields.get('healthCheck.port') === 0)
  )
    key += `|zp${listenerKey}`;
  if (reads & LISTENER_PROTOCOL) {
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
