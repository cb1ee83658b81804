import type { HealthCheck, ListenerProtocol, LoadBalancer, SnatIp } from '../../model/loadBalancer.js';
import type { Ref } from '../../model/network.js';
import type { Provenance } from '../../model/provenance.js';
import { isUnknown, type Maybe, unknown } from '../../model/value.js';
import { AFTER_APPLY } from './attributeState.js';
import { type ListenerDraft, ListenerIndex, type RuleDraft } from './listenerDrafts.js';
import { someOf } from './messageList.js';
import type { PlanContext } from './planContext.js';
import type { ResourceView } from './resourceView.js';
import { readTargets } from './targetReader.js';

const PROTOCOLS: readonly ListenerProtocol[] = ['TCP', 'UDP', 'TCP_SSL', 'HTTP', 'HTTPS', 'QUIC'];

/** The health-check source when `health_source_ip_type` is not set depends on the account, not the plan. */
const SOURCE_TYPE_DEFAULT =
  'health_source_ip_type is not set: the default is the VIP for accounts older than 2023-02-24 and 100.64.0.0/10 for newer ones';

/**
 * CLBs with their security groups, listeners, L7 rules and targets. A listener on a CLB outside
 * the plan (written by ID) hangs on a placeholder CLB whose properties are unknown, so that
 * checks of its backends say `unknown` instead of being skipped.
 */
export function readLoadBalancers(context: PlanContext): Map<Ref, LoadBalancer> {
  const { attached: extraGroups, maybeAttached } = clbSecurityGroupAttachments(context);
  const balancers = new Map<Ref, { base: Omit<LoadBalancer, 'listeners'>; listeners: ListenerDraft[] }>();
  for (const resource of context.resources.ofType('tencentcloud_clb_instance')) {
    const view = context.view(resource);
    balancers.set(resource.address, {
      base: loadBalancerBase(view, maybeAttached !== undefined ? unknown(maybeAttached) : extraGroups.get(resource.address)),
      listeners: [],
    });
  }
  for (const target of extraGroups.keys())
    if (!balancers.has(target)) context.warn(target, 'security groups are attached to it, but it is not in this plan');

  const index = new ListenerIndex();
  for (const resource of context.resources.ofType('tencentcloud_clb_listener')) {
    const view = context.view(resource);
    const linked = view.link(['clb_id']);
    let lb: Ref;
    let balancer: { base: Omit<LoadBalancer, 'listeners'>; listeners: ListenerDraft[] } | undefined;
    if (linked === null || isUnknown(linked)) {
      // Kept on a CLB whose properties are unknown, so that its backends' checks say `unknown`
      // and its attachments still find it, instead of the listener vanishing from the check.
      const why = linked === null ? 'clb_id is not set' : linked.reason;
      context.unlinked(resource, `cannot tell which CLB this listener belongs to (${why})`);
      lb = `${resource.address}.clb_id`;
      balancer = {
        base: placeholderLoadBalancer(lb, `the CLB of ${resource.address} cannot be told (${why})`, context.provenance(resource)),
        listeners: [],
      };
      balancers.set(lb, balancer);
    } else {
      lb = linked;
      balancer = balancers.get(lb);
    }
    if (balancer === undefined) {
      context.warn(resource, `its CLB ${lb} is not in this plan: checks that need the CLB are unknown`);
      balancer = { base: placeholderLoadBalancer(lb, `${lb} is not in this plan`, { address: lb }), listeners: [] };
      balancers.set(lb, balancer);
    }
    const name = view.string(['listener_name']);
    const endPort = view.number(['end_port']);
    const draft: ListenerDraft = {
      base: {
        key: resource.address,
        ...(typeof name === 'string' ? { name } : {}),
        loadBalancer: lb,
        protocol: protocolOf(view),
        port: view.number(['port']) ?? unknown('the listener has no port'),
        ...(endPort !== undefined ? { endPort } : {}),
        healthCheck: healthCheckOf(context, view),
        provenance: context.provenance(resource),
      },
      rules: [],
      targets: [],
      targetsUnknownReasons: [],
    };
    balancer.listeners.push(draft);
    index.listeners.set(resource.address, draft);
  }
  for (const resource of context.resources.ofType('tencentcloud_clb_listener_rule')) {
    const view = context.view(resource);
    const listenerRef = view.link(['listener_id']);
    const listener = listenerRef === null || isUnknown(listenerRef) ? undefined : index.listeners.get(listenerRef);
    if (listener === undefined) {
      const why =
        listenerRef === null
          ? 'listener_id is not set'
          : isUnknown(listenerRef)
            ? `cannot tell which listener it belongs to (${listenerRef.reason})`
            : `its listener ${listenerRef} is not in this plan`;
      context.unlinked(resource, why);
      index.unlinkedRules.add(resource.address);
      continue;
    }
    const rule: RuleDraft = {
      base: {
        key: resource.address,
        domain: domainOf(view),
        url: view.string(['url']) ?? unknown('the rule has no URL'),
        healthCheck: healthCheckOf(context, view),
        provenance: context.provenance(resource),
      },
      listener,
      targets: [],
    };
    listener.rules.push(rule);
    index.rules.set(resource.address, rule);
  }
  readTargets(context, index);

  const result = new Map<Ref, LoadBalancer>();
  for (const [key, balancer] of balancers)
    result.set(key, { ...balancer.base, listeners: balancer.listeners.map((draft) => index.finish(draft)) });
  return result;
}

function loadBalancerBase(view: ResourceView, extraGroups: Maybe<readonly Ref[]> | undefined): Omit<LoadBalancer, 'listeners'> {
  const context = view.context;
  const name = view.string(['clb_name']);
  const network = view.string(['network_type']);
  const networkType: Maybe<'OPEN' | 'INTERNAL'> =
    network === undefined
      ? unknown('network_type is not set')
      : isUnknown(network)
        ? network
        : network.toUpperCase() === 'OPEN'
          ? 'OPEN'
          : network.toUpperCase() === 'INTERNAL'
            ? 'INTERNAL'
            : unknown(`unsupported network_type "${network}"`);
  const open = networkType === 'OPEN';
  const subnet = view.link(['subnet_id']);
  const vpc = view.link(['vpc_id']);
  const groups = view.links(['security_groups']);
  let securityGroups: Maybe<readonly Ref[]> =
    groups === undefined ? [] : groups.unknownReason !== undefined ? unknown(groups.unknownReason) : groups.refs;
  if (extraGroups !== undefined) {
    if (isUnknown(extraGroups)) securityGroups = extraGroups;
    else if (!isUnknown(securityGroups))
      securityGroups = [...securityGroups, ...extraGroups.filter((g) => !(securityGroups as readonly Ref[]).includes(g))];
  }
  return {
    key: view.address,
    ...(typeof name === 'string' ? { name } : {}),
    network: networkType,
    ipVersion: ipVersionOf(view),
    vips: vipsOf(view),
    vpc: vpc ?? unknown('vpc_id is not set: the CLB goes to the default VPC chosen at apply'),
    subnet: subnet ?? (open ? null : unknown('subnet_id is not set')),
    securityGroups,
    passToTarget: view.boolean(['load_balancer_pass_to_target']) ?? false,
    // Legacy SNAT exists only on private CLBs created before December 2016; Terraform cannot create one.
    snat: false,
    snatPro: view.boolean(['snat_pro']) ?? false,
    snatIps: snatIpsOf(view),
    provenance: context.provenance(view.resource),
  };
}

/** A CLB known only by a listener on it: outside the plan (by ID), or one its `clb_id` does not tell. */
function placeholderLoadBalancer(key: Ref, why: string, provenance: Provenance): Omit<LoadBalancer, 'listeners'> {
  const reason = unknown(why);
  return {
    key,
    network: reason,
    ipVersion: reason,
    vips: reason,
    vpc: reason,
    subnet: reason,
    securityGroups: reason,
    passToTarget: reason,
    snat: reason,
    snatPro: reason,
    snatIps: reason,
    provenance,
  };
}

/** `IPV4` by default; `IPV6` (NAT64) and `IPv6FullChain` both serve IPv6 clients. */
function ipVersionOf(view: ResourceView): Maybe<'IPV4' | 'IPV6'> {
  const value = view.string(['address_ip_version']);
  if (value === undefined) return 'IPV4';
  if (isUnknown(value)) return value;
  const upper = value.toUpperCase();
  if (upper === 'IPV4') return 'IPV4';
  if (upper === 'IPV6' || upper === 'IPV6FULLCHAIN') return 'IPV6';
  view.context.warn(view.resource, `unsupported address_ip_version "${value}"`);
  return unknown(`unsupported address_ip_version "${value}"`);
}

/** Known VIPs (`clb_vips`, a requested `vip`, `address_ipv6`); a new CLB's VIP is known only after apply. */
function vipsOf(view: ResourceView): Maybe<readonly string[]> {
  const vips: string[] = [];
  const listed = view.attribute(['clb_vips']);
  if (listed.state === 'set' && Array.isArray(listed.value))
    for (const vip of listed.value) if (typeof vip === 'string' && vip !== '') vips.push(vip);
  for (const attribute of ['vip', 'address_ipv6']) {
    const value = view.string([attribute]);
    if (typeof value === 'string' && !vips.includes(value)) vips.push(value);
  }
  if (vips.length > 0) return vips;
  return unknown(view.resource.created ? AFTER_APPLY : 'the plan does not hold the VIP');
}

function snatIpsOf(view: ResourceView): Maybe<readonly SnatIp[]> {
  const state = view.attribute(['snat_ips']);
  if (state.state === 'unset') return [];
  if (state.state === 'unknown' || !Array.isArray(state.value)) return unknown(AFTER_APPLY);
  return state.value.map((_, i): SnatIp => {
    const subnet = view.link(['snat_ips', i, 'subnet_id']);
    return {
      subnet: subnet ?? unknown('subnet_id is not set'),
      ip: view.string(['snat_ips', i, 'ip']) ?? unknown('allocated from the subnet at apply'),
    };
  });
}

function protocolOf(view: ResourceView): Maybe<ListenerProtocol> {
  const value = view.string(['protocol']);
  if (value === undefined) return unknown('the listener has no protocol');
  if (isUnknown(value)) return value;
  const upper = value.toUpperCase() as ListenerProtocol;
  if (PROTOCOLS.includes(upper)) return upper;
  view.context.warn(view.resource, `unsupported listener protocol "${value}"`);
  return unknown(`unsupported protocol "${value}"`);
}

function domainOf(view: ResourceView): Maybe<string> | undefined {
  const domain = view.string(['domain']);
  if (domain !== undefined) return domain;
  const domains = view.attribute(['domains']);
  if (domains.state === 'set' && Array.isArray(domains.value)) return domains.value.join(',');
  return domains.state === 'unknown' ? unknown(AFTER_APPLY) : undefined;
}

/** Health checks are on unless switched off (the API default). */
function healthCheckOf(context: PlanContext, view: ResourceView): HealthCheck {
  const port = view.number(['health_check_port']);
  const type = view.string(['health_check_type']);
  const source = view.number(['health_source_ip_type']);
  let sourceIpType: Maybe<0 | 1>;
  if (source === undefined) sourceIpType = unknown(SOURCE_TYPE_DEFAULT);
  else if (isUnknown(source)) sourceIpType = source;
  else if (source === 0 || source === 1) sourceIpType = source;
  else {
    context.warn(view.resource, `unsupported health_source_ip_type ${source}`);
    sourceIpType = unknown(`unsupported health_source_ip_type ${source}`);
  }
  return {
    enabled: view.boolean(['health_check_switch']) ?? true,
    ...(port !== undefined ? { port } : {}),
    ...(type !== undefined ? { type: isUnknown(type) ? type : type.toUpperCase() } : {}),
    sourceIpType,
    provenance: context.provenance(view.resource, { path: 'health_check' }),
  };
}

/**
 * `tencentcloud_clb_security_group_attachment`: one group onto CLBs, appended after their own
 * list. One whose CLBs cannot be told may add its group to any CLB: `maybeAttached` says so.
 */
function clbSecurityGroupAttachments(context: PlanContext): { attached: Map<Ref, Maybe<readonly Ref[]>>; maybeAttached?: string } {
  const attached = new Map<Ref, Maybe<readonly Ref[]>>();
  const unlinked: string[] = [];
  for (const resource of context.resources.ofType('tencentcloud_clb_security_group_attachment')) {
    const view = context.view(resource);
    const balancers = view.links(['load_balancer_ids']);
    if (balancers === undefined || balancers.unknownReason !== undefined) {
      context.unlinked(
        resource,
        `cannot tell which CLB the security group is attached to (${balancers?.unknownReason ?? 'load_balancer_ids is not set'}), so the security groups of every CLB of the plan may differ`,
      );
      unlinked.push(resource.address);
      continue;
    }
    const group = view.link(['security_group']);
    for (const lb of balancers.refs) {
      const earlier = attached.get(lb) ?? [];
      if (isUnknown(earlier)) continue;
      attached.set(lb, group === null ? earlier : isUnknown(group) ? group : [...earlier, group]);
    }
  }
  if (unlinked.length === 0) return { attached };
  return { attached, maybeAttached: `the security group of ${someOf(unlinked)}, whose CLBs cannot be told, may be attached to it` };
}
