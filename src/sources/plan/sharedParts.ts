import type { AddressSpec, ServiceSpec } from '../../model/address.js';

/**
 * One object for equal, read-only rule parts (`{kind:'cidr', cidr:'0.0.0.0/0'}`,
 * `{kind:'protocol', protocol:'TCP', ports:'443'}`, the path `ingress[3]`): a large plan
 * repeats a few of them a hundred thousand times. Looked up through nested maps, so that no
 * key string is built per rule.
 */
export class SharedParts {
  /** kind → text (CIDR or ref) → the shared part. */
  private readonly peers = new Map<string, Map<string, AddressSpec>>();
  /** kind (`protocol` or a template kind) → first text → second text (ports; '' for templates). */
  private readonly services = new Map<string, Map<string, Map<string, ServiceSpec>>>();
  private readonly paths = new Map<string, string[]>();

  peer(peer: AddressSpec): AddressSpec {
    if (peer.kind === 'unknown' || peer.kind === 'any') return peer;
    return shareIn(submap(this.peers, peer.kind), peer.kind === 'cidr' ? peer.cidr : peer.ref, peer);
  }

  service(service: ServiceSpec): ServiceSpec {
    if (service.kind !== 'protocol') return shareIn(submap(submap(this.services, service.kind), service.ref), '', service);
    if (typeof service.protocol !== 'string' || typeof service.ports !== 'string') return service;
    return shareIn(submap(submap(this.services, 'protocol'), service.protocol), service.ports, service);
  }

  /** `ingress[3]`. */
  elementPath(list: string, index: number): string {
    let paths = this.paths.get(list);
    if (paths === undefined) {
      paths = [];
      this.paths.set(list, paths);
    }
    paths[index] ??= `${list}[${index}]`;
    return paths[index];
  }
}

function submap<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

function shareIn<T>(map: Map<string, T>, key: string, value: T): T {
  const known = map.get(key);
  if (known !== undefined) return known;
  map.set(key, value);
  return value;
}
