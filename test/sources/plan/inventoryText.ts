import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressSpec, ServiceSpec } from '../../../src/model/address.js';
import type { Inventory } from '../../../src/model/inventory.js';
import type { Listener, ListenerRule, LoadBalancer, Target } from '../../../src/model/loadBalancer.js';
import type { NetworkAclEntry } from '../../../src/model/networkAcl.js';
import type { SecurityGroup, SecurityGroupRule } from '../../../src/model/securityGroup.js';
import { isUnknown, type Maybe } from '../../../src/model/value.js';
import { readPlanInventory } from '../../../src/sources/plan/index.js';

/** Short texts for inventory parts, so that tests assert links in one readable line. */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = join(REPO_ROOT, 'test/fixtures/plans');

/** A copied fixture: `plan.json` with its `.tf` files in `tfDir` (relative to the fixture folder). */
export function readFixture(name: string, tfDir = 'config'): Promise<Inventory> {
  return readPlanInventory({ planFile: join(FIXTURES, name, 'plan.json'), tfRoot: join(FIXTURES, name, tfDir), repoRoot: REPO_ROOT });
}

export function maybe<T>(value: Maybe<T> | undefined): string {
  if (value === undefined) return '-';
  if (isUnknown(value)) return '?';
  return Array.isArray(value) ? value.join(',') : String(value);
}

export function peerText(peer: AddressSpec): string {
  switch (peer.kind) {
    case 'cidr':
      return peer.cidr;
    case 'securityGroup':
      return `sg:${peer.ref}`;
    case 'loadBalancerVip':
      return `vip:${peer.ref}`;
    case 'addressTemplate':
      return `ipm:${peer.ref}`;
    case 'addressTemplateGroup':
      return `ipmg:${peer.ref}`;
    case 'any':
      return 'any';
    case 'unknown':
      return '?';
  }
}

export function serviceText(service: ServiceSpec): string {
  if (service.kind === 'serviceTemplate') return `ppm:${service.ref}`;
  if (service.kind === 'serviceTemplateGroup') return `ppmg:${service.ref}`;
  return `${maybe(service.protocol)}:${maybe(service.ports)}`;
}

/** `ACCEPT 0.0.0.0/0 TCP:8443` */
export function ruleText(rule: SecurityGroupRule): string {
  return `${maybe(rule.action)} ${peerText(rule.peer)} ${serviceText(rule.service)}`;
}

export function rulesOf(group: SecurityGroup | undefined, direction: 'ingress' | 'egress' = 'ingress'): string[] {
  if (group === undefined) throw new Error('no such security group');
  return group[direction].rules.map(ruleText);
}

/** `ACCEPT 0.0.0.0/0 TCP 8443` */
export function aclText(entry: NetworkAclEntry): string {
  return `${maybe(entry.action)} ${maybe(entry.peerCidr)} ${maybe(entry.protocol)} ${maybe(entry.port)}`;
}

/** `tencentcloud_instance.web[0]:8443` or `10.20.1.10:6379`, with `(tg …)` for target-group members. */
export function targetText(target: Target): string {
  const who = target.instance !== undefined ? maybe(target.instance) : maybe(target.eniIp);
  return `${who}:${maybe(target.port)}${target.via === 'targetGroup' ? ` (tg ${target.targetGroup})` : target.via === 'rule' ? ' (rule)' : ''}`;
}

export function listener(inventory: Inventory, lb: string, key: string): Listener {
  const found = lbOf(inventory, lb).listeners.find((l) => l.key === key);
  if (found === undefined) throw new Error(`no listener ${key} on ${lb}`);
  return found;
}

export function rule(found: Listener, key: string): ListenerRule {
  const match = found.rules.find((r) => r.key === key);
  if (match === undefined) throw new Error(`no rule ${key}`);
  return match;
}

export function lbOf(inventory: Inventory, key: string): LoadBalancer {
  const lb = inventory.loadBalancers.get(key);
  if (lb === undefined) throw new Error(`no load balancer ${key}`);
  return lb;
}

/** The ordered security groups of an instance's primary interface. */
export function groupsOfInstance(inventory: Inventory, key: string): string {
  const instance = inventory.instances.get(key);
  if (instance === undefined) throw new Error(`no instance ${key}`);
  return maybe(instance.interfaces[0]!.securityGroups);
}
