import type { SecurityGroup } from '../model/securityGroup.js';
import type { AddressSet } from '../net/addressSet.js';
import type { SymbolicAddress, VerdictPart } from '../net/flow.js';
import type { InventoryResolver } from '../net/inventoryResolver.js';
import { describePorts, type PortSet } from '../net/portSet.js';
import type { Protocol } from '../net/protocol.js';

/** Where a new rule for this group goes in Terraform: its rule set, or a new one. */
function ruleHolder(group: SecurityGroup | undefined, key: string, mode: 'plan' | 'live'): string {
  if (mode === 'live') return `security group ${key}`;
  const holder = group?.ingress.rules.find((r) => r.provenance.type === 'tencentcloud_security_group_rule_set')?.provenance.address;
  return holder ?? `a tencentcloud_security_group_rule_set for ${key}`;
}

/**
 * Peer text for the fix: the whole source set of the flow (admitting what is already admitted
 * again is harmless, and "172.16.0.0/16" reads better than the fragments left by a partial
 * rule), or the CLB's VIP expression when the VIP is known only after apply.
 */
function peerForFix(sources: FlowSources, mode: 'plan' | 'live'): string[] {
  const peers = new Set<string>();
  for (const symbol of sources.symbols) {
    if (symbol.id.startsWith('vip:')) {
      const lb = symbol.id.slice(4);
      peers.add(mode === 'plan' ? `\${${lb}.clb_vips[0]}` : `VIP of ${lb}`);
    } else peers.add(symbol.within.describe());
  }
  for (const cidr of sources.addresses.toCidrs().slice(0, 4)) peers.add(cidr);
  return [...peers];
}

export interface FlowSources {
  readonly addresses: AddressSet;
  readonly symbols: readonly SymbolicAddress[];
}

export function securityGroupFix(resolver: InventoryResolver, groupRef: string | undefined, refused: readonly VerdictPart[], sources: FlowSources, protocol: Protocol, ports: PortSet): string {
  const mode = resolver.inventory.mode;
  if (groupRef === undefined) return '';
  const group = resolver.securityGroup(groupRef);
  const key = group?.key ?? groupRef;
  const blocking = refused.find((p) => p.decidedBy && p.decidedBy.index >= 0 && p.decidedBy.list === key);
  const where = blocking ? `above rule ${blocking.decidedBy!.index} (${blocking.decidedBy!.text})` : '(no rule matches this traffic now, so anywhere above a broader DROP works)';
  const portText = protocol === 'TCP' || protocol === 'UDP' ? describePorts(ports) : 'ALL';
  const peers = peerForFix(sources, mode);
  const blocks = peers.map((peer) =>
    [`  ingress {`, `    action     = "ACCEPT"`, `    cidr_block = "${peer}"`, `    protocol   = "${protocol}"`, `    port       = "${portText}"`, `  }`].join('\n'),
  );
  const cloudId = group?.provenance.cloudId ?? (mode === 'live' ? key : '<security group ID>');
  const api = {
    SecurityGroupId: cloudId,
    SecurityGroupPolicySet: {
      Ingress: peers.map((peer) => ({
        ...(blocking ? { PolicyIndex: blocking.decidedBy!.index } : {}),
        Protocol: protocol,
        ...(protocol === 'TCP' || protocol === 'UDP' ? { Port: portText } : {}),
        CidrBlock: peer.startsWith('${') ? '<VIP>' : peer,
        Action: 'ACCEPT',
      })),
    },
  };
  return [
    `Add to ${ruleHolder(group, key, mode)} ${where}:`,
    blocks.join('\n'),
    `or with API 3.0: vpc CreateSecurityGroupPolicies ${JSON.stringify(api)}`,
  ].join('\n');
}

export function aclFix(aclKey: string, direction: 'ingress' | 'egress', sources: FlowSources, protocol: Protocol, ports: PortSet, mode: 'plan' | 'live'): string {
  const portText = protocol === 'TCP' || protocol === 'UDP' ? describePorts(ports) : 'ALL';
  const peers = peerForFix(sources, mode).map((p) => (p.startsWith('${') ? '<VIP>' : p));
  const entries = peers.map((peer) => `"ACCEPT#${peer}#${portText}#${protocol}"`);
  return [
    `Add to the ${direction} list of ${aclKey}, before any DROP that covers it: ${entries.join(', ')}`,
    `or with API 3.0: vpc CreateNetworkAclEntries (${direction === 'ingress' ? 'IngressEntries' : 'EgressEntries'}: ${peers.map((p) => `{Protocol: "${protocol}", Port: "${portText}", CidrBlock: "${p}", Action: "ACCEPT"}`).join(', ')}).`,
  ].join('\n');
}

export function moveDenyFix(dropText: string, dropIndex: number, shadowing: { text: string; list: string; index: number }[], groupKey: string): string {
  const sameGroup = shadowing.filter((s) => s.list === groupKey);
  const otherGroups = shadowing.filter((s) => s.list !== groupKey);
  const lines: string[] = [];
  if (sameGroup.length > 0) {
    lines.push(
      `Move rule ${dropIndex} (${dropText}) above rule ${Math.min(...sameGroup.map((s) => s.index))} (${sameGroup[0]!.text}) in ${groupKey}: in Terraform, move its ingress block up; with API 3.0, vpc ReplaceSecurityGroupPolicies or ModifySecurityGroupPolicies with the new order.`,
    );
  }
  if (otherGroups.length > 0) {
    lines.push(
      `An earlier security group on the instance admits it first (${otherGroups.map((s) => `${s.list}: ${s.text}`).join('; ')}): put the DROP in that group above its ACCEPT, or move ${groupKey} before it in orderly_security_groups (API 3.0: cvm AssociateSecurityGroups binds in priority order; ModifyInstancesAttribute sets the whole list).`,
    );
  }
  return lines.join('\n');
}
