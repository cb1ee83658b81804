import type { AddressSpec, ServiceSpec } from '../../model/address.js';

/**
 * One object for equal, read-only rule parts (`{kind:'cidr', cidr:'0.0.0.0/0'}`,
 * `{kind:'protocol', protocol:'TCP', ports:'443'}`, the path `ingress[3]`): a large plan
 * repeats a few of them a hundred thousand times.
 */
export class SharedParts {
  private readonly shared = new Map<string, object>();

  peer(peer: AddressSpec): AddressSpec {
    if (peer.kind === 'unknown') return peer;
    return this.shareAs(`${peer.kind}|${peer.kind === 'cidr' ? peer.cidr : peer.ref}`, peer);
  }

  service(service: ServiceSpec): ServiceSpec {
    if (service.kind !== 'protocol') return this.shareAs(`${service.kind}|${service.ref}`, service);
    if (typeof service.protocol !== 'string' || typeof service.ports !== 'string') return service;
    return this.shareAs(`protocol|${service.protocol}|${service.ports}`, service);
  }

  /** `ingress[3]`. */
  elementPath(list: string, index: number): string {
    return this.shareAs(`path|${list}|${index}`, { path: `${list}[${index}]` }).path;
  }

  private shareAs<T extends object>(key: string, value: T): T {
    const known = this.shared.get(key);
    if (known !== undefined) return known as T;
    this.shared.set(key, value);
    return value;
  }
}
