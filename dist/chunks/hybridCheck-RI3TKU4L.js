#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  callPacing
} from "./chunk-NIK57APO.js";
import {
  CallFailed,
  FILTER_VALUES,
  ListedReads,
  accountScheduler,
  checkKnownRegions,
  instanceOf,
  isApi,
  isNotFound,
  loadBalancerOf,
  networkAclOf,
  networkInterfaceOf,
  objects,
  quintupleEntriesOf,
  resolveCredentials,
  securityGroupOf,
  subnetOf,
  templateOf,
  vpcOf
} from "./chunk-26PZFW4I.js";
import {
  InputError,
  checkInventory,
  externalReferencesOf,
  externalUnknownLine,
  isPlaceholder,
  isUnknown,
  targetsOf,
  unknown
} from "./chunk-PNCMHPV7.js";

// src/sources/hybrid/blastRadius.ts
var ipsOf = (nic) => isUnknown(nic.privateIps) ? [] : [...nic.privateIps];
async function readBlastRadius(inventory, changes, deleted, lookups) {
  const dependents = /* @__PURE__ */ new Map();
  const loadBalancers = /* @__PURE__ */ new Set();
  const securityGroups = /* @__PURE__ */ new Map();
  const networkAcls = /* @__PURE__ */ new Map();
  const liveBalancers = /* @__PURE__ */ new Map();
  const absent = [];
  let complete = true;
  const planned = /* @__PURE__ */ new Set([...inventory.aliases.keys(), ...inventory.instances.keys(), ...inventory.loadBalancers.keys()]);
  const inPlan = (id) => planned.has(id) || deleted.has(id);
  const addDependents = async (lookup, change, members) => {
    complete &&= members.complete;
    const outside = [
      ...members.instances.filter((i) => !inPlan(i.key)),
      ...members.interfaces.filter((n) => !inPlan(n.key) && !(n.instance !== void 0 && inPlan(n.instance)))
    ];
    if (outside.length === 0) return;
    const ipOwner = /* @__PURE__ */ new Map();
    for (const o of outside) for (const ip of "interfaces" in o ? o.interfaces.flatMap(ipsOf) : ipsOf(o)) ipOwner.set(ip, o.key);
    const lbIds = await lookup.loadBalancersWithBackends([...ipOwner.keys()]);
    if (lbIds === void 0) complete = false;
    const read = await lookup.loadBalancers((lbIds ?? []).filter((id) => !inPlan(id)));
    const keys = new Set(outside.map((o) => o.key));
    const mine = (t) => typeof t.instance === "string" && keys.has(t.instance) || typeof t.eniIp === "string" && ipOwner.has(t.eniIp);
    const behind = /* @__PURE__ */ new Map();
    for (const [id, looked] of read) {
      if (!("found" in looked)) {
        complete = false;
        continue;
      }
      const restricted = {
        ...looked.found,
        listeners: looked.found.listeners.map((l) => onlyTargets(l, mine)).filter((l) => l.targets.length > 0 || l.rules.length > 0 || l.targetsUnknownReason !== void 0)
      };
      const earlier = inventory.loadBalancers.get(id);
      inventory.loadBalancers.set(
        id,
        earlier === void 0 ? restricted : {
          ...earlier,
          listeners: looked.found.listeners.map(
            (l) => onlyTargets(l, (t) => mine(t) || targetsOf(earlier).some((e) => sameTarget(e, t)))
          )
        }
      );
      loadBalancers.add(id);
      for (const t of targetsOf(restricted)) {
        const backend = typeof t.instance === "string" ? t.instance : typeof t.eniIp === "string" ? ipOwner.get(t.eniIp) : void 0;
        if (backend !== void 0 && !(behind.get(backend) ?? []).includes(id)) behind.set(backend, [...behind.get(backend) ?? [], id]);
      }
    }
    for (const o of outside) {
      if ("interfaces" in o) {
        if (!inventory.instances.has(o.key)) inventory.instances.set(o.key, o);
      } else if (!inventory.networkInterfaces.has(o.key)) inventory.networkInterfaces.set(o.key, o);
      const lbs = behind.get(o.key) ?? [];
      const urls = [
        o.provenance.consoleUrl,
        ...lbs.map((lb) => read.get(lb)).map((l) => l && "found" in l ? l.found.provenance.consoleUrl : void 0)
      ].filter((u) => u !== void 0);
      if (!dependents.has(o.key)) dependents.set(o.key, { backend: o.key, loadBalancers: lbs, consoleUrls: urls, change });
    }
  };
  const liveVersion = async (change, read) => {
    for (const lookup of lookups) {
      const looked = (await read(lookup)).get(change.id);
      if (looked !== void 0 && "found" in looked) return { lookup, found: looked.found };
      if (looked === void 0 || !("notFound" in looked)) return void 0;
    }
    complete = false;
    absent.push({
      change,
      reason: `${change.id}, which this plan changes, not found in ${lookups.map((l) => l.region).join(", ")}: the live objects that depend on it are not known`
    });
    return void 0;
  };
  for (const change of changes.filter((c) => !deleted.has(c.id))) {
    const key = inventory.aliases.get(change.id) ?? change.id;
    if (change.kind === "securityGroup") {
      const live = await liveVersion(change, (l) => l.securityGroups([change.id]));
      if (live === void 0) continue;
      securityGroups.set(key, live.found);
      await addDependents(live.lookup, change, await live.lookup.groupMembers([change.id]));
    } else if (change.kind === "networkAcl") {
      const live = await liveVersion(change, (l) => l.networkAcls([change.id]));
      if (live === void 0) continue;
      networkAcls.set(key, live.found);
      await addDependents(live.lookup, change, await live.lookup.subnetMembers(live.lookup.subnetsOfAcl(change.id)));
    } else {
      const plannedLb = inventory.loadBalancers.get(key);
      const live = await liveVersion(change, (l) => l.loadBalancers([change.id]));
      if (live === void 0 || plannedLb === void 0) continue;
      const versions = withOutsideTargets(plannedLb, live.found, (id) => inPlan(id));
      if (versions.outside.length === 0) continue;
      inventory.loadBalancers.set(key, versions.planned);
      liveBalancers.set(key, versions.live);
      loadBalancers.add(change.id);
      const ids = [...new Set(versions.outside.map((t) => t.instance).filter((i) => typeof i === "string"))];
      for (const [id, looked] of await live.lookup.instances(ids)) {
        if (!("found" in looked)) continue;
        if (!inventory.instances.has(id)) inventory.instances.set(id, looked.found);
        if (!dependents.has(id))
          dependents.set(id, {
            backend: id,
            loadBalancers: [change.id],
            consoleUrls: [looked.found.provenance.consoleUrl, live.found.provenance.consoleUrl].filter((u) => u !== void 0),
            change
          });
      }
    }
  }
  return { dependents, absent, loadBalancers, live: { securityGroups, networkAcls, loadBalancers: liveBalancers }, complete };
}
function withOutsideTargets(planned, live, inPlan) {
  const outside = [];
  const plannedListeners = /* @__PURE__ */ new Map();
  const liveListeners = /* @__PURE__ */ new Map();
  const extra = [];
  for (const l of live.listeners) {
    const match = planned.listeners.find(
      (p) => p.key === l.key || p.provenance.cloudId === l.key || p.provenance.cloudId === `${live.key}#${l.key}`
    );
    const theirs = l.targets.filter(
      (t) => !(typeof t.instance === "string" && inPlan(t.instance)) && !(match?.targets.some((p) => sameTarget(p, t)) ?? false)
    );
    outside.push(...theirs);
    if (match === void 0) {
      if (theirs.length > 0) extra.push({ ...l, targets: theirs, rules: [] });
      continue;
    }
    const merged = { ...match, targets: [...match.targets, ...theirs] };
    plannedListeners.set(match, merged);
    liveListeners.set(match, { ...merged, protocol: l.protocol, port: l.port, healthCheck: l.healthCheck });
  }
  const listeners = (versions) => [...planned.listeners.map((p) => versions.get(p) ?? p), ...extra];
  return {
    planned: { ...planned, listeners: listeners(plannedListeners) },
    live: { ...planned, passToTarget: live.passToTarget, listeners: listeners(liveListeners) },
    outside
  };
}
var sameTarget = (a, b) => a.instance === b.instance && a.eniIp === b.eniIp && a.port === b.port;
function onlyTargets(listener, keep) {
  const rules = listener.rules.map((r) => ({ ...r, targets: r.targets.filter(keep) })).filter((r) => r.targets.length > 0);
  return { ...listener, targets: listener.targets.filter(keep), rules };
}

// src/sources/hybrid/liveLookup.ts
var text = (v) => typeof v === "string" && v !== "" ? v : void 0;
var IDS_PER_CALL = 100;
var LB_IDS_PER_CALL = 20;
var LiveLookup = class {
  constructor(scheduler, region) {
    this.scheduler = scheduler;
    this.region = region;
    this.reads = new ListedReads((service, action, params) => this.raw(service, action, params), region, {
      incomplete: (message) => {
        this.complete = false;
        this.problems.push(message);
      },
      note: (message) => this.problems.push(message)
    });
  }
  scheduler;
  region;
  cache = /* @__PURE__ */ new Map();
  members = /* @__PURE__ */ new Map();
  /** What could not be read, each said once, region first. */
  problems = [];
  complete = true;
  reads;
  get calls() {
    return this.scheduler.counts;
  }
  securityGroups(ids) {
    return this.each("sg", ids, async (todo) => {
      const out = /* @__PURE__ */ new Map();
      await Promise.all(
        todo.map(async (id) => {
          const response = await this.callAbout("vpc", "DescribeSecurityGroupPolicies", { SecurityGroupId: id }, id);
          if (!("answer" in response)) return out.set(id, response);
          const set = response.answer.SecurityGroupPolicySet;
          if (!isApi(set) || objects(set.Ingress) === void 0 || objects(set.Egress) === void 0)
            return out.set(id, this.fail(`DescribeSecurityGroupPolicies answered ${id} without both rule lists`));
          return out.set(id, { found: securityGroupOf(id, set, this.region) });
        })
      );
      return out;
    });
  }
  instances(ids) {
    return this.each(
      "ins",
      ids,
      (todo) => this.byIds("cvm", "DescribeInstances", "InstanceIds", "InstanceSet", todo, IDS_PER_CALL, (api) => instanceOf(api, this.region))
    );
  }
  subnets(ids) {
    return this.each(
      "subnet",
      ids,
      (todo) => this.byIds("vpc", "DescribeSubnets", "SubnetIds", "SubnetSet", todo, IDS_PER_CALL, (api) => subnetOf(api, this.region))
    );
  }
  vpcs(ids) {
    return this.each("vpc", ids, (todo) => this.byIds("vpc", "DescribeVpcs", "VpcIds", "VpcSet", todo, IDS_PER_CALL, vpcOf));
  }
  networkInterfaces(ids) {
    return this.each(
      "eni",
      ids,
      (todo) => this.byIds(
        "vpc",
        "DescribeNetworkInterfaces",
        "NetworkInterfaceIds",
        "NetworkInterfaceSet",
        todo,
        IDS_PER_CALL,
        (api) => networkInterfaceOf(api, this.region)
      )
    );
  }
  async networkAcls(ids) {
    return this.each("acl", ids, async (todo) => {
      const read = await this.byIds("vpc", "DescribeNetworkAcls", "NetworkAclIds", "NetworkAclSet", todo, IDS_PER_CALL, (api) => {
        if (!Array.isArray(api.SubnetSet)) this.fail(`DescribeNetworkAcls answered ${String(api.NetworkAclId)} without its SubnetSet`);
        const subnets = Array.isArray(api.SubnetSet) ? api.SubnetSet.filter(isApi).map((s) => text(s.SubnetId)).filter((s) => s !== void 0) : [];
        this.aclSubnets.set(String(api.NetworkAclId), subnets);
        return networkAclOf(api, this.region);
      });
      for (const [id, looked] of read) {
        if (!("found" in looked) || looked.found.type !== "QUINTUPLE") continue;
        const rows = await this.reads.pages("vpc", "DescribeNetworkAclQuintupleEntries", { NetworkAclId: id }, "NetworkAclQuintupleSet");
        if (rows?.complete === true) read.set(id, { found: quintupleEntriesOf(looked.found, rows.rows, this.region) });
      }
      return read;
    });
  }
  /** CLBs with their listeners and targets (target-group members are not read: those listeners say so). */
  loadBalancers(ids) {
    return this.each("lb", ids, async (todo) => {
      const bases = await this.byIds(
        "clb",
        "DescribeLoadBalancers",
        "LoadBalancerIds",
        "LoadBalancerSet",
        todo,
        LB_IDS_PER_CALL,
        (api) => api
      );
      const out = /* @__PURE__ */ new Map();
      await Promise.all(
        [...bases].map(async ([id, looked]) => {
          if (!("found" in looked)) return out.set(id, looked);
          const [listeners, targets] = await Promise.all([
            this.reads.call("clb", "DescribeListeners", { LoadBalancerId: id }),
            this.reads.call("clb", "DescribeTargets", { LoadBalancerId: id })
          ]);
          const listenerList = listeners && this.reads.checkedListeners(listeners, "DescribeListeners", id, ["TargetGroupList", "Rules"]);
          const targetList = targets && this.reads.checkedListeners(targets, "DescribeTargets", id, ["Targets", "Rules"]);
          if (listenerList === void 0 || targetList === void 0)
            return out.set(id, { failed: `the listeners or targets of ${id} could not be read` });
          const groupNotRead = (group) => `members of target group ${group} are not read when resolving a plan`;
          return out.set(id, {
            found: loadBalancerOf(looked.found, this.region, this.reads.listenersOf(id, listenerList, targetList, groupNotRead))
          });
        })
      );
      return out;
    });
  }
  addressTemplates = (ids) => this.templates(
    "ipm",
    ids,
    "DescribeAddressTemplates",
    "address-template-id",
    "AddressTemplateSet",
    "AddressTemplateId",
    templateOf.address
  );
  addressTemplateGroups = (ids) => this.templates(
    "ipmg",
    ids,
    "DescribeAddressTemplateGroups",
    "address-template-group-id",
    "AddressTemplateGroupSet",
    "AddressTemplateGroupId",
    templateOf.addressGroup
  );
  serviceTemplates = (ids) => this.templates(
    "ppm",
    ids,
    "DescribeServiceTemplates",
    "service-template-id",
    "ServiceTemplateSet",
    "ServiceTemplateId",
    templateOf.service
  );
  serviceTemplateGroups = (ids) => this.templates(
    "ppmg",
    ids,
    "DescribeServiceTemplateGroups",
    "service-template-group-id",
    "ServiceTemplateGroupSet",
    "ServiceTemplateGroupId",
    templateOf.serviceGroup
  );
  /** The ENIs holding these private IPs (targets registered by ENI IP); `undefined` when not read. */
  async networkInterfacesWithIps(ips) {
    const rows = await this.filtered("vpc", "DescribeNetworkInterfaces", "address-ip", ips, "NetworkInterfaceSet");
    const wanted = new Set(ips);
    return rows?.map((api) => networkInterfaceOf(api, this.region)).filter((nic) => isUnknown(nic.privateIps) || nic.privateIps.some((ip) => wanted.has(ip)));
  }
  /**
   * The instances and ENIs bound to a security group, from the account. Cached per group: a
   * group named as a rule's source and changed by the plan is read once. A member listed
   * without its groups, or bound to none of those asked for, cannot be told the member of which:
   * the lookup is incomplete, saying which.
   */
  async groupMembers(groups) {
    const todo = [...new Set(groups)].filter((g) => !this.members.has(g));
    if (todo.length > 0) {
      const reading = (async () => {
        const [instances2, enis] = await Promise.all([
          this.filtered("cvm", "DescribeInstances", "security-group-id", todo, "InstanceSet"),
          this.filtered("vpc", "DescribeNetworkInterfaces", "groups.security-group-id", todo, "NetworkInterfaceSet")
        ]);
        const members = (rows, groupsField, build, groupsOf) => rows?.flatMap((api) => {
          const member = build(api);
          if (Array.isArray(api[groupsField]) && groupsOf(member).some((g) => typeof g === "string" && todo.includes(g))) return [member];
          const what = String(api.InstanceId ?? api.NetworkInterfaceId);
          this.fail(
            Array.isArray(api[groupsField]) ? `${what} was listed as a member of ${todo.join(", ")} and is bound to none of them` : `${what} was listed as a member of ${todo.join(", ")} without its security groups`
          );
          return [];
        });
        const groupsOfNic = (n) => Array.isArray(n.securityGroups) ? n.securityGroups : [];
        return {
          instances: members(
            instances2,
            "SecurityGroupIds",
            (api) => instanceOf(api, this.region),
            (i) => i.interfaces.flatMap(groupsOfNic)
          ),
          enis: members(enis, "GroupSet", (api) => networkInterfaceOf(api, this.region), groupsOfNic)
        };
      })();
      for (const g of todo) this.members.set(g, reading);
    }
    const instances = /* @__PURE__ */ new Map();
    const interfaces = /* @__PURE__ */ new Map();
    let complete = true;
    const bound = (n, g) => Array.isArray(n.securityGroups) && n.securityGroups.includes(g);
    for (const g of groups) {
      const read = await this.members.get(g);
      if (read.instances === void 0 || read.enis === void 0) complete = false;
      for (const i of read.instances ?? []) if (i.interfaces.some((n) => bound(n, g))) instances.set(i.key, i);
      for (const n of read.enis ?? []) if (!n.primary && bound(n, g)) interfaces.set(n.key, n);
    }
    return { instances: [...instances.values()], interfaces: [...interfaces.values()], complete };
  }
  /** The subnets a network ACL read here is bound to (empty when it was not read). */
  subnetsOfAcl(id) {
    return this.aclSubnets.get(id) ?? [];
  }
  aclSubnets = /* @__PURE__ */ new Map();
  /** The instances and ENIs in these subnets, from the account; `complete` false when a call failed. */
  async subnetMembers(subnets) {
    if (subnets.length === 0) return { instances: [], interfaces: [], complete: true };
    const [instances, enis] = await Promise.all([
      this.filtered("cvm", "DescribeInstances", "subnet-id", subnets, "InstanceSet"),
      this.filtered("vpc", "DescribeNetworkInterfaces", "subnet-id", subnets, "NetworkInterfaceSet")
    ]);
    return {
      instances: (instances ?? []).map((api) => instanceOf(api, this.region)),
      interfaces: (enis ?? []).map((api) => networkInterfaceOf(api, this.region)).filter((n) => !n.primary),
      complete: instances !== void 0 && enis !== void 0
    };
  }
  /** IDs of the CLBs that have one of these private IPs as a backend; `undefined` when not read in full. */
  async loadBalancersWithBackends(ips) {
    const ids = /* @__PURE__ */ new Set();
    for (let i = 0; i < ips.length; i += FILTER_VALUES) {
      const read = await this.reads.pages(
        "clb",
        "DescribeLoadBalancers",
        { BackendPrivateIps: ips.slice(i, i + FILTER_VALUES) },
        "LoadBalancerSet"
      );
      if (read?.complete !== true) return void 0;
      for (const row of read.rows) ids.add(String(row.LoadBalancerId));
    }
    return [...ids];
  }
  // ---------------------------------------------------------------------------------------------
  /** Looks up only the IDs not asked for before; every answer is remembered for the run. */
  async each(kind, ids, read) {
    const todo = [...new Set(ids)].filter((id) => !this.cache.has(`${kind}|${id}`));
    if (todo.length > 0) {
      const got = await read(todo);
      for (const id of todo) this.cache.set(`${kind}|${id}`, got.get(id) ?? { notFound: true });
    }
    return new Map(ids.map((id) => [id, this.cache.get(`${kind}|${id}`)]));
  }
  /** Something the resolution needed was not read: the lookup (and so the report) is incomplete. */
  markIncomplete(problem) {
    this.fail(problem);
  }
  fail(problem) {
    this.complete = false;
    this.problems.push(`${this.region}: ${problem}; what it was for is unknown`);
    return { failed: problem };
  }
  /** One call; a call that kept failing is handed back for the read to judge. */
  async raw(service, action, params) {
    try {
      return await this.scheduler.call(service, action, this.region, params);
    } catch (error) {
      if (!(error instanceof CallFailed)) throw error;
      return error;
    }
  }
  /** One call about one object: "not found" when the API says it does not exist. */
  async callAbout(service, action, params, about) {
    const answer = await this.raw(service, action, params);
    if (!(answer instanceof CallFailed)) return { answer };
    return isNotFound(answer) ? { notFound: true } : this.fail(`${action} for ${about} failed: ${answer.code}`);
  }
  /** Objects by ID through the live reader's batches: each found, absent, or failed with the reason. */
  async byIds(service, action, idParam, field, ids, batch, build) {
    const { found, absent, unread } = await this.reads.byIds(service, action, idParam, ids, field, batch);
    const out = /* @__PURE__ */ new Map();
    for (const [id, api] of found) out.set(id, { found: build(api) });
    for (const id of absent) out.set(id, { notFound: true });
    for (const [id, reason] of unread) out.set(id, { failed: reason });
    return out;
  }
  templates(kind, ids, action, filter, field, idField, build) {
    return this.each(kind, ids, async (todo) => {
      const out = /* @__PURE__ */ new Map();
      for (let i = 0; i < todo.length; i += FILTER_VALUES) {
        const wanted = todo.slice(i, i + FILTER_VALUES);
        const read = await this.reads.pages("vpc", action, { Filters: [{ Name: filter, Values: wanted }] }, field, true);
        for (const id of wanted) {
          const row = read?.rows.find((r) => r[idField] === id);
          out.set(
            id,
            row !== void 0 ? { found: build(row) } : read?.complete === true ? { notFound: true } : { failed: `${action} for ${id} could not be read in full` }
          );
        }
      }
      return out;
    });
  }
  /** Every row that matches a filter whose values go 5 to a call; `undefined` when a call failed or its pages did not add up. */
  async filtered(service, action, filter, values, field) {
    const out = [];
    for (let i = 0; i < values.length; i += FILTER_VALUES) {
      const read = await this.reads.pages(
        service,
        action,
        { Filters: [{ Name: filter, Values: values.slice(i, i + FILTER_VALUES) }] },
        field
      );
      if (read?.complete !== true) return void 0;
      out.push(...read.rows);
    }
    return out;
  }
};

// src/sources/hybrid/mutableInventory.ts
function mutableCopy(inventory) {
  return {
    mode: inventory.mode,
    loadBalancers: new Map(inventory.loadBalancers),
    instances: new Map(inventory.instances),
    networkInterfaces: new Map(inventory.networkInterfaces),
    securityGroups: new Map(inventory.securityGroups),
    networkAcls: new Map(inventory.networkAcls),
    subnets: new Map(inventory.subnets),
    vpcs: new Map(inventory.vpcs),
    addressTemplates: new Map(inventory.addressTemplates),
    addressTemplateGroups: new Map(inventory.addressTemplateGroups),
    serviceTemplates: new Map(inventory.serviceTemplates),
    serviceTemplateGroups: new Map(inventory.serviceTemplateGroups),
    aliases: new Map(inventory.aliases),
    warnings: [...inventory.warnings],
    complete: inventory.complete,
    ...inventory.incompleteReasons !== void 0 ? { incompleteReasons: inventory.incompleteReasons } : {}
  };
}

// src/sources/hybrid/referenceResolution.ts
var MAX_ROUNDS = 8;
var ReferenceResolution = class {
  constructor(inventory, facts, lookups) {
    this.inventory = inventory;
    this.facts = facts;
    this.lookups = lookups;
  }
  inventory;
  facts;
  lookups;
  resolved = /* @__PURE__ */ new Map();
  membersRead = /* @__PURE__ */ new Set();
  /** Interfaces in the inventory only as members of a group named as a rule's source. */
  membersOnly = /* @__PURE__ */ new Set();
  ipsRead = /* @__PURE__ */ new Set();
  /** Follows references until nothing the inventory names is missing. */
  async run() {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const refs = externalReferencesOf(this.inventory, this.membersOnly);
      const todo = [...refs.ids].map(([kind, ids]) => [kind, [...ids].filter((id) => !this.resolved.has(id))]).filter(([, ids]) => ids.length > 0);
      const groups = [...refs.peerGroups].filter((g) => !this.membersRead.has(g) && !this.facts.deleted.has(g));
      const ips = [...refs.eniIps].filter((ip) => !this.ipsRead.has(ip));
      if (todo.length === 0 && groups.length === 0 && ips.length === 0) return;
      await Promise.all(todo.map(([kind, ids]) => this.resolveKind(kind, ids)));
      await Promise.all([this.readMembers(groups), this.readEnisWithIps(ips)]);
    }
    const left = [...externalReferencesOf(this.inventory, this.membersOnly).ids].flatMap(
      ([, ids]) => [...ids].filter((id) => !this.resolved.has(id))
    );
    if (left.length > 0)
      this.lookups[0]?.markIncomplete(`references still unread after ${MAX_ROUNDS} rounds: ${left.slice(0, 5).join(", ")}`);
  }
  async resolveKind(kind, ids) {
    const deleted = ids.filter((id) => this.facts.deleted.has(id));
    for (const id of deleted) this.missing(kind, id, "deletedByPlan", `${id} is deleted by this plan`);
    const wanted = ids.filter((id) => !this.facts.deleted.has(id));
    if (wanted.length === 0) return;
    let left = wanted;
    for (const lookup of this.lookups) {
      if (left.length === 0) break;
      const looked = await this.read(lookup, kind, left);
      left = [];
      for (const [id, result] of looked) {
        if ("found" in result) {
          this.resolved.set(id, { kind, id, status: "live", region: lookup.region });
          this.merge(kind, id, result.found);
        } else if ("notFound" in result) left.push(id);
        else this.missing(kind, id, "failed", `${id} could not be read from ${lookup.region} (${result.failed})`);
      }
    }
    for (const id of left) this.missing(kind, id, "notFound", `${id} not found in ${this.lookups.map((l) => l.region).join(", ")}`);
  }
  read(l, kind, ids) {
    const readers = {
      securityGroup: (x) => l.securityGroups(x),
      instance: (x) => l.instances(x),
      networkInterface: (x) => l.networkInterfaces(x),
      subnet: (x) => l.subnets(x),
      vpc: (x) => l.vpcs(x),
      networkAcl: (x) => l.networkAcls(x),
      loadBalancer: (x) => l.loadBalancers(x),
      addressTemplate: l.addressTemplates,
      addressTemplateGroup: l.addressTemplateGroups,
      serviceTemplate: l.serviceTemplates,
      serviceTemplateGroup: l.serviceTemplateGroups
    };
    return readers[kind](ids);
  }
  /** A live object joins the inventory under its cloud ID; the plan's parts of a placeholder win. */
  merge(kind, id, object) {
    const inv = this.inventory;
    switch (kind) {
      case "securityGroup": {
        const planned = inv.securityGroups.get(id);
        const group = planned === void 0 ? object : withPlannedSingleRules(planned, object);
        inv.securityGroups.set(id, group);
        const reason = group.ingress.unknownReason ?? group.egress.unknownReason;
        if (reason !== void 0) this.resolved.set(id, { ...this.resolved.get(id), reason });
        return;
      }
      case "loadBalancer": {
        const planned = inv.loadBalancers.get(id);
        inv.loadBalancers.set(
          id,
          planned === void 0 ? object : withPlannedListeners(planned, object, this.facts.deleted)
        );
        return;
      }
      case "instance":
        inv.instances.set(id, object);
        return;
      case "networkInterface":
        inv.networkInterfaces.set(id, object);
        return;
      default:
        inv[MAP_OF[kind]].set(id, object);
    }
  }
  /** An ID with no live object: what depends on it is unknown, with the reason. */
  missing(kind, id, status, reason) {
    this.resolved.set(id, { kind, id, status, reason });
    const inv = this.inventory;
    const why = unknown(reason);
    const provenance = { address: id, cloudId: id };
    if (status === "notFound") inv.warnings.push({ address: id, message: `${reason}: the checks that depend on it are unknown` });
    switch (kind) {
      case "securityGroup":
        inv.securityGroups.set(id, {
          key: id,
          ingress: { rules: [], unknownReason: reason },
          egress: { rules: [], unknownReason: reason },
          provenance: { ...provenance, type: "security group" }
        });
        return;
      case "loadBalancer": {
        const planned = inv.loadBalancers.get(id);
        inv.loadBalancers.set(id, {
          key: id,
          network: why,
          ipVersion: why,
          vips: why,
          vpc: why,
          subnet: why,
          securityGroups: why,
          passToTarget: why,
          snat: why,
          snatPro: why,
          snatIps: why,
          listeners: planned?.listeners ?? [],
          provenance: planned?.provenance ?? provenance
        });
        return;
      }
      case "instance":
        inv.instances.set(id, {
          key: id,
          os: why,
          vpc: why,
          interfaces: [{ key: `${id}/eth0`, primary: true, instance: id, privateIps: why, subnet: why, securityGroups: why, provenance }],
          provenance: { ...provenance, type: "CVM" }
        });
        return;
      case "networkInterface":
        inv.networkInterfaces.set(id, { key: id, primary: false, privateIps: why, subnet: why, securityGroups: why, provenance });
        return;
      case "subnet":
        inv.subnets.set(id, { key: id, vpc: why, cidr: why, networkAcl: why, provenance });
        return;
      case "vpc":
        inv.vpcs.set(id, { key: id, cidr: why, provenance });
        return;
      case "networkAcl":
        inv.networkAcls.set(id, {
          key: id,
          type: "TRIPLE",
          vpc: why,
          ingress: { entries: [], unknownReason: reason },
          egress: { entries: [], unknownReason: reason },
          provenance
        });
        return;
      case "addressTemplate":
        inv.addressTemplates.set(id, { key: id, addresses: why, provenance });
        return;
      case "serviceTemplate":
        inv.serviceTemplates.set(id, { key: id, services: why, provenance });
        return;
      case "addressTemplateGroup":
        inv.addressTemplateGroups.set(id, { key: id, members: why, provenance });
        return;
      case "serviceTemplateGroup":
        inv.serviceTemplateGroups.set(id, { key: id, members: why, provenance });
        return;
    }
  }
  /**
   * A group named as a rule's source stands for its members' private IPs: the account's
   * members join as interfaces only (they are not backends of this plan, so not judged). They
   * are read in the region the group was found in; a group not read from any region (the plan
   * has it, or it could not be read) is asked for in every region.
   */
  async readMembers(groups) {
    if (groups.length === 0) return;
    for (const g of groups) this.membersRead.add(g);
    const byLookup = /* @__PURE__ */ new Map();
    for (const g of groups) {
      const resolved = this.resolved.get(g);
      if (resolved?.status === "notFound") continue;
      const where = resolved?.status === "live" ? this.lookups.filter((l) => l.region === resolved.region) : this.lookups;
      for (const l of where) byLookup.set(l, [...byLookup.get(l) ?? [], g]);
    }
    const read = await Promise.all([...byLookup].map(([lookup, gs]) => lookup.groupMembers(gs)));
    const inv = this.inventory;
    const listed = /* @__PURE__ */ new Set([
      ...[...inv.instances.values()].flatMap((i) => i.interfaces.map((n) => n.key)),
      ...inv.networkInterfaces.keys()
    ]);
    const add = (nic) => {
      if (listed.has(nic.key)) return;
      inv.networkInterfaces.set(nic.key, nic);
      this.membersOnly.add(nic.key);
    };
    for (const { instances, interfaces } of read) {
      for (const instance of instances)
        if (!inv.instances.has(instance.key) && !inv.aliases.has(instance.key)) instance.interfaces.forEach(add);
      interfaces.forEach(add);
    }
  }
  /** The ENIs holding IPs that targets name: looked for region by region, as IDs are, until each IP has its ENI. */
  async readEnisWithIps(ips) {
    if (ips.length === 0) return;
    for (const ip of ips) this.ipsRead.add(ip);
    let left = [...ips];
    const searched = [];
    for (const lookup of this.lookups) {
      if (left.length === 0) return;
      const answer = await lookup.networkInterfacesWithIps(left);
      if (answer !== void 0) searched.push(lookup.region);
      const found = answer ?? [];
      const held = new Set(found.flatMap((nic) => Array.isArray(nic.privateIps) ? nic.privateIps : []));
      left = left.filter((ip) => !held.has(ip));
      for (const nic of found) {
        if (this.inventory.networkInterfaces.has(nic.key)) continue;
        this.inventory.networkInterfaces.set(nic.key, nic);
        this.resolved.set(nic.key, { kind: "networkInterface", id: nic.key, status: "live", region: lookup.region });
      }
    }
    if (searched.length > 0)
      for (const ip of left)
        this.inventory.warnings.push({
          address: ip,
          message: `no interface in ${searched.join(", ")} holds ${ip}, a CLB target: the checks of that target are unknown`
        });
  }
};
var MAP_OF = {
  subnet: "subnets",
  vpc: "vpcs",
  networkAcl: "networkAcls",
  addressTemplate: "addressTemplates",
  addressTemplateGroup: "addressTemplateGroups",
  serviceTemplate: "serviceTemplates",
  serviceTemplateGroup: "serviceTemplateGroups"
};
var sameRule = (a, b) => JSON.stringify([a.action, a.peer, a.service]) === JSON.stringify([b.action, b.peer, b.service]);
function withPlannedSingleRules(planned, live) {
  if (!isPlaceholder(planned)) return planned;
  const direction = (plannedList, liveList) => {
    if (plannedList.rules.every((r) => liveList.rules.some((l) => sameRule(r, l)))) return liveList;
    return {
      rules: liveList.rules,
      unknownReason: `where the provider inserts the plan's new rules among the live rules of ${live.key} cannot be told`
    };
  };
  return {
    ...live,
    provenance: { ...live.provenance, ...planned.provenance.location ? { location: planned.provenance.location } : {} },
    ingress: direction(planned.ingress, live.ingress),
    egress: direction(planned.egress, live.egress)
  };
}
function withPlannedListeners(planned, live, deleted) {
  if (!isPlaceholder(planned)) return planned;
  const plannedIds = new Set(planned.listeners.map((l) => l.provenance.cloudId).filter((id) => id !== void 0));
  const replaced = (l) => [l.key, `${live.key}#${l.key}`].some((id) => plannedIds.has(id) || deleted.has(id));
  return { ...live, listeners: [...planned.listeners, ...live.listeners.filter((l) => !replaced(l))] };
}

// src/sources/hybrid/planFacts.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var text2 = (v) => typeof v === "string" && v !== "" ? v : void 0;
var GROUP_RULES = /* @__PURE__ */ new Set([
  "tencentcloud_security_group_rule_set",
  "tencentcloud_security_group_lite_rule",
  "tencentcloud_security_group_rule"
]);
var CLB_PARTS = /* @__PURE__ */ new Set(["tencentcloud_clb_listener", "tencentcloud_clb_listener_rule", "tencentcloud_clb_instance"]);
function readPlanFacts(plan) {
  const root = isObject(plan) ? plan : {};
  const deleted = /* @__PURE__ */ new Set();
  const changes = /* @__PURE__ */ new Map();
  const prior = priorValues(root);
  const note = (kind, id, address) => {
    if (id === void 0) return;
    const entry = changes.get(`${kind}|${id}`) ?? { kind, id, addresses: [] };
    if (!entry.addresses.includes(address)) entry.addresses.push(address);
    changes.set(`${kind}|${id}`, entry);
  };
  for (const change of Array.isArray(root.resource_changes) ? root.resource_changes : []) {
    if (!isObject(change) || change.mode !== "managed" || !isObject(change.change)) continue;
    const actions = Array.isArray(change.change.actions) ? change.change.actions : [];
    if (actions.length === 0 || actions.every((a) => a === "no-op" || a === "read")) continue;
    const address = text2(change.address) ?? "";
    const type = text2(change.type) ?? "";
    const before = isObject(change.change.before) ? change.change.before : prior.get(address);
    const after = isObject(change.change.after) ? change.change.after : void 0;
    const beforeId = text2(before?.id);
    if (actions.includes("delete") && !actions.includes("create") && beforeId !== void 0 && type !== "tencentcloud_security_group_rule_set" && type !== "tencentcloud_security_group_lite_rule")
      deleted.add(beforeId);
    if (GROUP_RULES.has(type)) note("securityGroup", text2(before?.security_group_id) ?? text2(after?.security_group_id), address);
    else if (type === "tencentcloud_vpc_acl") note("networkAcl", beforeId, address);
    else if (CLB_PARTS.has(type))
      note("loadBalancer", type === "tencentcloud_clb_instance" ? beforeId : text2(before?.clb_id) ?? text2(after?.clb_id), address);
  }
  const region = providerRegion(root);
  return { ...region !== void 0 ? { region } : {}, deleted, changes: [...changes.values()] };
}
function priorValues(root) {
  const out = /* @__PURE__ */ new Map();
  const visit = (module) => {
    if (!isObject(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : [])
      if (isObject(r) && typeof r.address === "string" && isObject(r.values)) out.set(r.address, r.values);
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) visit(child);
  };
  const prior = isObject(root.prior_state) && isObject(root.prior_state.values) ? root.prior_state.values : void 0;
  visit(prior?.root_module);
  return out;
}
function providerRegion(root) {
  const configuration = isObject(root.configuration) ? root.configuration : {};
  const providers = isObject(configuration.provider_config) ? configuration.provider_config : {};
  const provider = providers.tencentcloud;
  if (!isObject(provider) || !isObject(provider.expressions) || !isObject(provider.expressions.region)) return void 0;
  const region = provider.expressions.region;
  if (text2(region.constant_value) !== void 0) return text2(region.constant_value);
  const references = Array.isArray(region.references) ? region.references : [];
  const variable = references.map((r) => typeof r === "string" ? /^var\.([A-Za-z0-9_-]+)$/.exec(r)?.[1] : void 0).find((v) => v !== void 0);
  const variables = isObject(root.variables) ? root.variables : {};
  const entry = variable !== void 0 ? variables[variable] : void 0;
  return isObject(entry) ? text2(entry.value) : void 0;
}

// src/sources/hybrid/index.ts
async function resolveHybrid(planInventory, facts, options) {
  const scheduler = accountScheduler(options);
  const regions = checkKnownRegions(options.regions);
  const lookups = regions.map((region) => new LiveLookup(scheduler, region));
  const inventory = mutableCopy(planInventory);
  const resolution = new ReferenceResolution(inventory, facts, lookups);
  const blast = await options.logger.group(`Resolving the plan's external references in ${regions.join(", ")}`, async () => {
    await resolution.run();
    const radius = await readBlastRadius(inventory, facts.changes, facts.deleted, lookups);
    await resolution.run();
    return radius;
  });
  const complete = lookups.every((l) => l.complete) && blast.complete;
  for (const problem of lookups.flatMap((l) => l.problems)) inventory.warnings.push({ message: problem });
  for (const { change, reason } of blast.absent) inventory.warnings.push({ address: change.id, message: reason });
  const planned = frozen(inventory, planInventory.complete && complete);
  const liveGroups = new Map(inventory.securityGroups);
  for (const [key, group] of blast.live.securityGroups) liveGroups.set(key, group);
  const liveAcls = new Map(inventory.networkAcls);
  for (const [key, acl] of blast.live.networkAcls) liveAcls.set(key, acl);
  const liveBalancers = new Map(inventory.loadBalancers);
  for (const [key, lb] of blast.live.loadBalancers) liveBalancers.set(key, lb);
  const absent = blast.absent.filter(({ change }) => !resolution.resolved.has(change.id));
  const resolved = [
    ...resolution.resolved.values(),
    ...absent.map(({ change, reason }) => ({ id: change.id, kind: change.kind, status: "notFound", reason }))
  ];
  const objects2 = resolved.map((o) => ({
    id: o.id,
    kind: o.kind,
    status: o.status,
    ...o.reason !== void 0 ? { reason: o.reason } : {}
  }));
  return {
    planned,
    live: { ...planned, securityGroups: liveGroups, networkAcls: liveAcls, loadBalancers: liveBalancers },
    blast,
    resolution: {
      regions: options.regions,
      objects: objects2,
      dependents: [...blast.dependents.keys()],
      calls: Object.fromEntries([...scheduler.counts].sort(([a], [b]) => a.localeCompare(b))),
      complete
    }
  };
}
function frozen(inventory, complete) {
  return { ...inventory, complete };
}

// src/check/hybridCheck.ts
async function checkHybrid(input, options) {
  const facts = readPlanFacts(input.plan());
  const regions = options.regions !== void 0 && options.regions.length > 0 ? options.regions : facts.region !== void 0 ? [facts.region] : void 0;
  if (regions === void 0)
    throw new InputError("--resolve-live needs a region: pass --region REGION, or set region in the plan's tencentcloud provider block");
  const env = options.env ?? process.env;
  let credentials;
  try {
    credentials = await resolveCredentials(env, {
      ...options.oidc ? { oidc: options.oidc } : {},
      ...options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {},
      ...options.onSecret ? { onSecret: options.onSecret } : {}
    });
  } catch (error) {
    const noToken = error instanceof InputError && error.message.startsWith("OIDC: the runner gave no ID token");
    if (!(error instanceof InputError) || !noToken && !error.message.startsWith("no Tencent Cloud credentials")) throw error;
    const report = checkInventory(input.inventory, input.config, { today: input.today, target: input.target, ...pathsOption(input) });
    const why = noToken ? " (the runner gave no OIDC ID token: a pull request from a fork, or a job without `permissions: id-token: write`)" : "";
    const line = `--resolve-live: no Tencent Cloud credentials${why}, so the plan was checked alone; ${externalUnknownLine(report, input.inventory)}`;
    return { ...report, warnings: [...report.warnings, line] };
  }
  const hybrid = await resolveHybrid(input.inventory, facts, {
    regions,
    credentials,
    logger: input.logger,
    ...callPacing(env),
    ...options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {},
    ...options.rateLimits ? { rateLimits: options.rateLimits } : {},
    ...options.budgetPerRegion ? { budgetScope: "region" } : {}
  });
  const planned = checkInventory(hybrid.planned, input.config, { today: input.today, target: input.target, ...pathsOption(input) });
  const live = hybrid.blast.dependents.size > 0 ? checkInventory(hybrid.live, input.config, { today: input.today, target: input.target, ...pathsOption(input) }) : void 0;
  const r = hybrid.resolution;
  const absent = r.objects.filter((o) => o.reason !== void 0);
  const findings = planned.findings.map(
    (f) => withAbsenceReason(live === void 0 ? f : classified(f, live, hybrid.blast, input.locate), absent)
  );
  const read = r.objects.filter((o) => o.status === "live").length;
  const calls = Object.values(r.calls).reduce((a, b) => a + b, 0);
  input.logger.info(
    `resolved ${read} of ${r.objects.length} external objects in ${regions.join(", ")} (${calls} API calls)${r.dependents.length > 0 ? `; ${r.dependents.length} live backends outside the plan depend on its changes` : ""}${r.complete ? "" : "; incomplete: some calls kept failing"}`
  );
  return { ...planned, findings, resolution: r };
}
function withAbsenceReason(finding, absent) {
  if (finding.status !== "unknown") return finding;
  const text3 = [finding.message, ...finding.evidence.map((e) => e.reason ?? "")].join(" ");
  const reasons = absent.filter((o) => new RegExp(`\\b${o.id}\\b`).test(text3)).map((o) => o.reason);
  return reasons.length === 0 ? finding : { ...finding, message: `${finding.message} ${reasons.join("; ")}.` };
}
function dependentOf(finding, blast) {
  for (const ref of [finding.resource, ...finding.related]) {
    const direct = blast.dependents.get(ref);
    if (direct !== void 0) return direct;
  }
  if (blast.loadBalancers.has(finding.resource))
    return [...blast.dependents.values()].find((d) => d.loadBalancers.includes(finding.resource));
  return void 0;
}
function classified(finding, live, blast, locate) {
  const dependent = dependentOf(finding, blast);
  if (dependent === void 0) return finding;
  const preexisting = live.findings.some((l) => l.fingerprint === finding.fingerprint && l.status === finding.status);
  const change = dependent.change;
  const where = `live ${dependent.backend}${dependent.loadBalancers.length > 0 ? ` behind ${dependent.loadBalancers.join(", ")}` : ""}, outside this plan`;
  const outsidePlan = {
    change: change.addresses,
    changed: change.id,
    backend: dependent.backend,
    loadBalancers: dependent.loadBalancers,
    consoleUrls: dependent.consoleUrls,
    preexisting
  };
  if (preexisting)
    return {
      ...finding,
      location: null,
      message: `${finding.message} (pre-existing on ${where}: it fails with the live ${change.id} too, so this plan does not cause it)`,
      outsidePlan
    };
  const location = finding.location ?? change.addresses.map(locate).find((l) => l !== void 0) ?? null;
  return {
    ...finding,
    location,
    message: `${finding.message} Caused by this plan's change to ${change.id} (${change.addresses.join(", ")}): it breaks ${where}.`,
    outsidePlan
  };
}
function pathsOption(input) {
  return input.paths !== void 0 ? { paths: input.paths } : {};
}
export {
  checkHybrid
};
