#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all2) => {
  for (var name in all2)
    __defProp(target, name, { get: all2[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var __toBinaryNode = Uint8Array.fromBase64 || ((base64) => new Uint8Array(Buffer.from(base64, "base64")));

// src/errors/inputError.ts
var InputError = class extends Error {
  file;
  /** JSON pointer or `line N`, whichever places the problem best. */
  place;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "InputError";
    this.file = options.file;
    this.place = options.place;
  }
  /** `plan.json: /resource_changes/3/change: expected an object` */
  toLine() {
    const where = [this.file, this.place].filter((p) => p !== void 0 && p !== "").join(": ");
    return where === "" ? this.message : `${where}: ${this.message}`;
  }
};
function errorMessage(error) {
  if (error instanceof InputError) return error.toLine();
  if (error instanceof Error) return error.message;
  return String(error);
}

// src/model/summary.ts
function summaryOf(findings) {
  const summary = { error: 0, warning: 0, notice: 0, unknown: 0 };
  for (const f of findings) {
    if (f.status === "unknown") summary.unknown++;
    else summary[f.severity]++;
  }
  return summary;
}

// src/policy/evaluatePolicies.ts
import { hash as hash2 } from "node:crypto";

// src/model/finding.ts
function fixAsText(fix) {
  return [
    fix.text,
    ...fix.hcl ? [fix.hcl] : [],
    ...fix.api ? [`or with API 3.0: ${fix.api.service} ${fix.api.action} ${JSON.stringify(fix.api.request)}`] : []
  ].join("\n");
}
function fixGroupsOf(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.fix === void 0) continue;
    const group = groups.get(f.fix.id) ?? { fix: f.fix, findings: [] };
    group.findings.push(f);
    groups.set(f.fix.id, group);
  }
  return [...groups.values()];
}
function fixSummary(group) {
  const n = group.findings.length;
  const subject = group.fix.rules === 1 ? "One rule" : group.fix.rules === 0 ? "One change" : `One change (${group.fix.rules} rules)`;
  const resources = [...new Set(group.findings.map((f) => f.resource))];
  const on = resources.length <= 3 ? resources.join(", ") : `${resources.slice(0, 3).join(", ")} and ${resources.length - 3} more`;
  return `${subject} fixes ${n === 1 ? "1 finding" : `${n} findings`} on ${on}`;
}

// src/model/value.ts
function unknown(reason) {
  return { unknown: true, reason };
}
function isUnknown(value) {
  return typeof value === "object" && value !== null && value.unknown === true;
}

// src/net/addressSet.ts
import { isIPv4, isIPv6 } from "node:net";

// src/net/intervalSet.ts
var IntervalSet = class _IntervalSet {
  constructor(domain, intervals) {
    this.domain = domain;
    this.intervals = intervals;
  }
  domain;
  intervals;
  static empty(domain) {
    return new _IntervalSet(domain, []);
  }
  static all(domain) {
    return new _IntervalSet(domain, [[domain.min, domain.max]]);
  }
  static of(domain, intervals) {
    return new _IntervalSet(domain, normalise(domain, [...intervals]));
  }
  isEmpty() {
    return this.intervals.length === 0;
  }
  isAll() {
    return this.intervals.length === 1 && this.intervals[0][0] === this.domain.min && this.intervals[0][1] === this.domain.max;
  }
  has(value) {
    let lo = 0;
    let hi = this.intervals.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      const [a, b] = this.intervals[mid];
      if (value < a) hi = mid - 1;
      else if (value > b) lo = mid + 1;
      else return true;
    }
    return false;
  }
  union(other) {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    return new _IntervalSet(this.domain, normalise(this.domain, [...this.intervals, ...other.intervals]));
  }
  intersect(other) {
    if (this.isEmpty() || other.isAll()) return this;
    if (other.isEmpty() || this.isAll()) return other;
    const out = [];
    let i = 0;
    let j = 0;
    const a = this.intervals;
    const b = other.intervals;
    while (i < a.length && j < b.length) {
      const lo = a[i][0] > b[j][0] ? a[i][0] : b[j][0];
      const hi = a[i][1] < b[j][1] ? a[i][1] : b[j][1];
      if (lo <= hi) out.push([lo, hi]);
      if (a[i][1] < b[j][1]) i++;
      else j++;
    }
    return new _IntervalSet(this.domain, out);
  }
  subtract(other) {
    if (this.isEmpty() || other.isEmpty()) return this;
    if (other.isAll()) return _IntervalSet.empty(this.domain);
    return this.intersect(other.complement());
  }
  complement() {
    const { domain } = this;
    const out = [];
    let next = domain.min;
    for (const [lo, hi] of this.intervals) {
      if (next !== void 0 && lo > next) out.push([next, domain.pred(lo)]);
      next = hi === domain.max ? void 0 : domain.succ(hi);
    }
    if (next !== void 0) out.push([next, domain.max]);
    return new _IntervalSet(domain, out);
  }
  /**
   * True when every member of `other` is in this set. Intervals are kept merged (`normalise`),
   * so each interval of `other` lies inside one of ours: a scan, no set is built.
   */
  covers(other) {
    const a = this.intervals;
    let i = 0;
    for (const [lo, hi] of other.intervals) {
      while (i < a.length && a[i][1] < lo) i++;
      const inside = a[i];
      if (inside === void 0 || inside[0] > lo || inside[1] < hi) return false;
    }
    return true;
  }
  /** True when the sets share a member: a scan, no set is built. */
  overlaps(other) {
    const a = this.intervals;
    const b = other.intervals;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i][1] < b[j][0]) i++;
      else if (b[j][1] < a[i][0]) j++;
      else return true;
    }
    return false;
  }
  equals(other) {
    if (this.intervals.length !== other.intervals.length) return false;
    return this.intervals.every(([lo, hi], k) => lo === other.intervals[k][0] && hi === other.intervals[k][1]);
  }
};
function normalise(domain, input) {
  const sorted = input.filter(([lo, hi]) => lo <= hi).sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
  const out = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== void 0 && (last[1] === domain.max || lo <= domain.succ(last[1]))) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}
var numberDomain = (min, max) => ({
  min,
  max,
  succ: (v) => v + 1,
  pred: (v) => v - 1
});
var bigintDomain = (min, max) => ({
  min,
  max,
  succ: (v) => v + 1n,
  pred: (v) => v - 1n
});

// src/net/parsedTexts.ts
function parsedTexts(parse, limit = 1e4) {
  const kept2 = /* @__PURE__ */ new Map();
  return (text) => {
    const found = kept2.get(text);
    if (found !== void 0 || kept2.has(text)) return found;
    const parsed = parse(text);
    if (kept2.size >= limit) kept2.clear();
    kept2.set(text, parsed);
    return parsed;
  };
}

// src/net/addressSet.ts
var V4 = numberDomain(0, 2 ** 32 - 1);
var V6 = bigintDomain(0n, (1n << 128n) - 1n);
var AddressSet = class _AddressSet {
  constructor(v4, v6) {
    this.v4 = v4;
    this.v6 = v6;
  }
  v4;
  v6;
  // Immutable, so derived texts are computed once: large checks describe the same sets many times.
  cidrCache;
  describeCache;
  keyCache;
  static EMPTY = new _AddressSet(IntervalSet.empty(V4), IntervalSet.empty(V6));
  static ALL_V4 = new _AddressSet(IntervalSet.all(V4), IntervalSet.empty(V6));
  static ALL_V6 = new _AddressSet(IntervalSet.empty(V4), IntervalSet.all(V6));
  static ALL = new _AddressSet(IntervalSet.all(V4), IntervalSet.all(V6));
  static fromV4(intervals) {
    return new _AddressSet(IntervalSet.of(V4, intervals), IntervalSet.empty(V6));
  }
  static fromV6(intervals) {
    return new _AddressSet(IntervalSet.empty(V4), IntervalSet.of(V6, intervals));
  }
  /**
   * Parses a CIDR, a single address or a range `a-b` (IP templates allow ranges).
   * `0.0.0.0/n` means `0.0.0.0/0`, as Tencent maps it. Returns undefined when it is not an address.
   */
  static parse(text) {
    return _AddressSet.parseText(text);
  }
  static parseText = parsedTexts((text) => _AddressSet.parseUncached(text));
  static parseUncached(text) {
    const value = text.trim();
    const dash = value.indexOf("-");
    if (dash > 0) {
      const lo2 = parseAddress(value.slice(0, dash).trim());
      const hi = parseAddress(value.slice(dash + 1).trim());
      if (lo2 === void 0 || hi === void 0 || lo2.family !== hi.family) return void 0;
      if (lo2.family === 4) return _AddressSet.fromV4([[lo2.value, hi.value]]);
      return _AddressSet.fromV6([[lo2.value, hi.value]]);
    }
    const slash = value.indexOf("/");
    const addressText = slash >= 0 ? value.slice(0, slash) : value;
    const address = parseAddress(addressText);
    if (address === void 0) return void 0;
    const bits = address.family === 4 ? 32 : 128;
    let prefix = bits;
    if (slash >= 0) {
      const prefixText = value.slice(slash + 1);
      if (!/^\d{1,3}$/.test(prefixText)) return void 0;
      prefix = Number(prefixText);
      if (prefix > bits) return void 0;
    }
    if (address.family === 4) {
      const base2 = address.value;
      if (base2 === 0) return _AddressSet.ALL_V4;
      const size = 2 ** (32 - prefix);
      const lo2 = Math.floor(base2 / size) * size;
      return _AddressSet.fromV4([[lo2, lo2 + size - 1]]);
    }
    const base = address.value;
    const hostBits = BigInt(128 - prefix);
    const lo = base >> hostBits << hostBits;
    return _AddressSet.fromV6([[lo, lo + (1n << hostBits) - 1n]]);
  }
  static parseAll(texts) {
    let out = _AddressSet.EMPTY;
    for (const text of texts) {
      const parsed = _AddressSet.parse(text);
      if (parsed === void 0) return void 0;
      out = out.union(parsed);
    }
    return out;
  }
  isEmpty() {
    return this.v4.isEmpty() && this.v6.isEmpty();
  }
  // Set operations give back an operand itself when the result equals it: fewer objects, and
  // the texts already computed for it (describe, key) are kept.
  union(other) {
    return this.same(this.v4.union(other.v4), this.v6.union(other.v6), other);
  }
  intersect(other) {
    return this.same(this.v4.intersect(other.v4), this.v6.intersect(other.v6), other);
  }
  subtract(other) {
    return this.same(this.v4.subtract(other.v4), this.v6.subtract(other.v6), void 0);
  }
  same(v4, v6, other) {
    if (v4 === this.v4 && v6 === this.v6) return this;
    if (other !== void 0 && v4 === other.v4 && v6 === other.v6) return other;
    return new _AddressSet(v4, v6);
  }
  covers(other) {
    return this.v4.covers(other.v4) && this.v6.covers(other.v6);
  }
  overlaps(other) {
    return this.v4.overlaps(other.v4) || this.v6.overlaps(other.v6);
  }
  equals(other) {
    return this.v4.equals(other.v4) && this.v6.equals(other.v6);
  }
  /** A compact identity for caches: equal sets have equal keys. */
  key() {
    this.keyCache ??= `${this.v4.intervals.map(([lo, hi]) => `${lo}-${hi}`).join(",")}|${this.v6.intervals.map(([lo, hi]) => `${lo}-${hi}`).join(",")}`;
    return this.keyCache;
  }
  /** Minimal CIDR list, e.g. `["0.0.0.0/3", "32.0.0.0/4"]`. */
  toCidrs() {
    this.cidrCache ??= this.computeCidrs();
    return this.cidrCache;
  }
  computeCidrs() {
    const out = [];
    for (const [lo, hi] of this.v4.intervals)
      out.push(...rangeToCidrs(BigInt(lo), BigInt(hi), 32).map((c) => `${formatV4(Number(c.base))}/${c.prefix}`));
    for (const [lo, hi] of this.v6.intervals) out.push(...rangeToCidrs(lo, hi, 128).map((c) => `${formatV6(c.base)}/${c.prefix}`));
    return out;
  }
  /** Short human text: `0.0.0.0/0`, `10.0.0.0/8, 172.16.0.0/12`, or a summary when long. */
  describe(maxItems = 4) {
    this.describeCache ??= /* @__PURE__ */ new Map();
    let text = this.describeCache.get(maxItems);
    if (text === void 0) {
      text = this.computeDescription(maxItems);
      this.describeCache.set(maxItems, text);
    }
    return text;
  }
  computeDescription(maxItems) {
    if (this.isEmpty()) return "no address";
    if (this.v6.isEmpty() && this.v4.intervals.length <= maxItems + 1 && this.toCidrs().length > maxItems) {
      const enclosing = enclosingV4(this.v4.intervals[0][0], this.v4.intervals[this.v4.intervals.length - 1][1]);
      const missing = enclosing.subtract(this);
      if (missing.toCidrs().length <= maxItems) return `${enclosing.describe()} except ${missing.describe(maxItems)}`;
    }
    const cidrs = this.toCidrs().map((c) => c.endsWith("/32") && !c.includes(":") ? c.slice(0, -3) : c);
    if (cidrs.length <= maxItems) return cidrs.join(", ");
    return `${cidrs.slice(0, maxItems).join(", ")} and ${cidrs.length - maxItems} more ranges`;
  }
};
function enclosingV4(lo, hi) {
  let prefix = 32;
  while (prefix > 0 && Math.floor(lo / 2 ** (32 - prefix)) !== Math.floor(hi / 2 ** (32 - prefix))) prefix--;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(lo / size) * size;
  return AddressSet.fromV4([[base, base + size - 1]]);
}
function parseAddress(text) {
  if (isIPv4(text)) {
    const parts = text.split(".").map(Number);
    return { family: 4, value: ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3] };
  }
  if (isIPv6(text)) return { family: 6, value: parseV6(text) };
  return void 0;
}
function parseV6(text) {
  let body = text;
  const lastColon = body.lastIndexOf(":");
  const tailText = body.slice(lastColon + 1);
  if (tailText.includes(".")) {
    const v4 = tailText.split(".").map(Number);
    body = `${body.slice(0, lastColon + 1)}${(v4[0] * 256 + v4[1]).toString(16)}:${(v4[2] * 256 + v4[3]).toString(16)}`;
  }
  const double = body.indexOf("::");
  let groups;
  if (double >= 0) {
    const head = body.slice(0, double).split(":").filter((g) => g !== "");
    const rest = body.slice(double + 2).split(":").filter((g) => g !== "");
    groups = [...head, ...Array(8 - head.length - rest.length).fill("0"), ...rest];
  } else {
    groups = body.split(":");
  }
  let value = 0n;
  for (const group of groups) value = (value << 16n) + BigInt(parseInt(group, 16));
  return value;
}
function rangeToCidrs(lo, hi, bits) {
  const out = [];
  let cursor = lo;
  while (cursor <= hi) {
    let size = 0;
    while (size < bits) {
      const next = size + 1;
      const blockMask = (1n << BigInt(next)) - 1n;
      if ((cursor & blockMask) !== 0n || cursor + blockMask > hi) break;
      size = next;
    }
    out.push({ base: cursor, prefix: bits - size });
    cursor += 1n << BigInt(size);
  }
  return out;
}
function formatV4(value) {
  return [value >>> 24, value >>> 16 & 255, value >>> 8 & 255, value & 255].join(".");
}
function formatV6(value) {
  const groups = [];
  for (let k = 7; k >= 0; k--) groups.push(Number(value >> BigInt(k * 16) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let k = 0; k < 8; ) {
    if (groups[k] !== 0) {
      k++;
      continue;
    }
    let end = k;
    while (end < 8 && groups[end] === 0) end++;
    if (end - k > bestLength && end - k > 1) {
      bestStart = k;
      bestLength = end - k;
    }
    k = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

// src/net/portSet.ts
var PORTS = numberDomain(0, 65535);
var ALL_PORTS = IntervalSet.all(PORTS);
var NO_PORTS = IntervalSet.empty(PORTS);
function portRange(lo, hi = lo) {
  return IntervalSet.of(PORTS, [[lo, hi]]);
}
function readPorts(text) {
  const value = text.trim();
  if (value.toUpperCase() === "ALL") return "all";
  if (value === "") return { problem: "syntax" };
  const intervals = [];
  for (const part of value.split(",")) {
    const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(part);
    if (match === null) return { problem: "syntax" };
    const lo = Number(match[1]);
    const hi = match[2] === void 0 ? lo : Number(match[2]);
    if (lo > 65535 || hi > 65535) return { problem: "range", lo, hi };
    if (lo > hi) return { problem: "reversed", lo, hi };
    intervals.push([lo, hi]);
  }
  return { intervals };
}
var parsePorts = parsedTexts((text) => {
  const read = readPorts(text);
  return read === "all" ? ALL_PORTS : "intervals" in read ? IntervalSet.of(PORTS, read.intervals) : void 0;
});
function describePorts(ports) {
  if (ports.isAll()) return "ALL";
  if (ports.isEmpty()) return "none";
  return ports.intervals.map(([lo, hi]) => lo === hi ? `${lo}` : `${lo}-${hi}`).join(",");
}

// src/net/protocol.ts
var PROTOCOLS = ["TCP", "UDP", "ICMP", "ICMPV6", "GRE"];
function parseProtocol(text) {
  const upper = text.trim().toUpperCase();
  if (upper === "ALL") return "ALL";
  if (upper === "ICMPV6" || upper === "ICMP6") return "ICMPV6";
  return PROTOCOLS.includes(upper) ? upper : void 0;
}
function hasPorts(protocol) {
  return protocol === "TCP" || protocol === "UDP";
}
function transportOf(listenerProtocol) {
  const upper = listenerProtocol.toUpperCase();
  return upper === "UDP" || upper === "QUIC" ? "UDP" : "TCP";
}

// src/net/compiledRule.ts
var ALL_PROTOCOLS = new Set(PROTOCOLS);
var PEER_ANY_UNKNOWN = (reason) => ({
  definite: AddressSet.EMPTY,
  possible: AddressSet.ALL,
  symbols: /* @__PURE__ */ new Set(),
  unknownReason: reason
});
function opaqueRule(ref, reason) {
  return {
    action: void 0,
    protocols: { definite: /* @__PURE__ */ new Set(), possible: ALL_PROTOCOLS },
    peer: PEER_ANY_UNKNOWN(reason),
    ports: { definite: NO_PORTS, possible: ALL_PORTS },
    local: "maybe",
    ref,
    unknownReason: reason
  };
}

// src/net/specialRanges.ts
var NON_PUBLIC_V4 = AddressSet.parseAll([
  "0.0.0.0-0.255.255.255",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4"
]);
var PUBLIC_V4 = AddressSet.ALL_V4.subtract(NON_PUBLIC_V4);
var PRIVATE_V4 = AddressSet.parseAll(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]);
var HEALTH_CHECK_RANGE = AddressSet.parse("100.64.0.0/10");

// src/net/inventoryResolver.ts
var InventoryResolver = class {
  constructor(inventory) {
    this.inventory = inventory;
  }
  inventory;
  peerCache = /* @__PURE__ */ new Map();
  membersIndex;
  unknownMembership;
  compiledCache = /* @__PURE__ */ new Map();
  /** The inventory key for a reference that may be a cloud ID alias. */
  key(ref) {
    return this.inventory.aliases.get(ref) ?? ref;
  }
  loadBalancer(ref) {
    return this.inventory.loadBalancers.get(this.key(ref));
  }
  securityGroup(ref) {
    return this.inventory.securityGroups.get(this.key(ref));
  }
  subnet(ref) {
    return this.inventory.subnets.get(this.key(ref));
  }
  networkAcl(ref) {
    return this.inventory.networkAcls.get(this.key(ref));
  }
  vpc(ref) {
    return this.inventory.vpcs.get(this.key(ref));
  }
  instance(ref) {
    return this.inventory.instances.get(this.key(ref));
  }
  /** Every network interface: instances' and standalone ones. */
  *interfaces() {
    for (const instance of this.inventory.instances.values()) yield* instance.interfaces;
    yield* this.inventory.networkInterfaces.values();
  }
  /** The interface that owns a private IP, for targets registered by ENI IP. */
  interfaceWithIp(ip) {
    for (const nic of this.interfaces()) {
      if (!isUnknown(nic.privateIps) && nic.privateIps.includes(ip)) return nic;
    }
    return void 0;
  }
  interfaceAddresses(nic) {
    if (!isUnknown(nic.privateIps)) {
      const set = AddressSet.parseAll(nic.privateIps) ?? AddressSet.EMPTY;
      return { definite: set, possible: set };
    }
    return { definite: AddressSet.EMPTY, possible: this.subnetCidr(nic.subnet) ?? AddressSet.ALL_V4 };
  }
  subnetCidr(ref) {
    if (ref === null || ref === void 0 || isUnknown(ref)) return void 0;
    return this.cached(`subnetCidr:${ref}`, () => {
      const subnet = this.subnet(ref);
      return subnet === void 0 || isUnknown(subnet.cidr) ? void 0 : AddressSet.parse(subnet.cidr);
    });
  }
  vpcCidr(ref) {
    if (ref === null || ref === void 0 || isUnknown(ref)) return void 0;
    return this.cached(`vpcCidr:${ref}`, () => {
      const vpc = this.vpc(ref);
      return vpc === void 0 || isUnknown(vpc.cidr) ? void 0 : AddressSet.parse(vpc.cidr);
    });
  }
  /** Per-check memo: the same set object comes back, with its texts already computed. */
  cached(key, compute) {
    if (this.compiledCache.has(key)) return this.compiledCache.get(key);
    const value = compute();
    this.compiledCache.set(key, value);
    return value;
  }
  /**
   * A CLB's VIPs: known addresses, or a symbolic address bounded by what the platform allows:
   * a public VIP is a public address; a private VIP comes from the CLB's subnet.
   */
  vip(lb) {
    return this.cached(`vip:${lb.key}`, () => this.computeVip(lb));
  }
  computeVip(lb) {
    if (!isUnknown(lb.vips) && lb.vips.length > 0) {
      return { addresses: AddressSet.parseAll(lb.vips) ?? AddressSet.EMPTY, symbols: [] };
    }
    return { addresses: AddressSet.EMPTY, symbols: [{ id: `vip:${lb.key}`, label: `VIP of ${lb.key}`, within: this.vipBounds(lb) }] };
  }
  vipBounds(lb) {
    if (!isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6") return AddressSet.ALL_V6;
    if (!isUnknown(lb.network) && lb.network === "OPEN") return PUBLIC_V4;
    if (!isUnknown(lb.network) && lb.network === "INTERNAL") {
      return this.subnetCidr(lb.subnet) ?? this.vpcCidr(lb.vpc) ?? PRIVATE_V4;
    }
    return AddressSet.ALL_V4;
  }
  peer(spec) {
    const cacheKey = `${spec.kind}\0${spec.kind === "cidr" ? spec.cidr : spec.kind === "unknown" ? spec.reason : spec.kind === "any" ? "" : spec.ref}`;
    let match = this.peerCache.get(cacheKey);
    if (match === void 0) {
      match = this.resolvePeer(spec);
      this.peerCache.set(cacheKey, match);
    }
    return match;
  }
  resolvePeer(spec) {
    const known2 = (set) => ({ definite: set, possible: set, symbols: /* @__PURE__ */ new Set() });
    switch (spec.kind) {
      case "cidr": {
        const set = AddressSet.parse(spec.cidr);
        return set === void 0 ? PEER_ANY_UNKNOWN(`"${spec.cidr}" is not an address or CIDR`) : known2(set);
      }
      case "unknown":
        return PEER_ANY_UNKNOWN(spec.reason);
      case "any":
        return known2(AddressSet.ALL);
      case "loadBalancerVip": {
        const lb = this.loadBalancer(spec.ref);
        if (lb === void 0) return PEER_ANY_UNKNOWN(`${spec.ref} is not in this check`);
        const vip = this.vip(lb);
        if (vip.symbols.length === 0) return known2(vip.addresses);
        return { definite: AddressSet.EMPTY, possible: vip.symbols[0].within, symbols: /* @__PURE__ */ new Set([vip.symbols[0].id]) };
      }
      case "addressTemplate":
      case "addressTemplateGroup":
        return this.templatePeer(spec.kind, spec.ref, 0);
      case "securityGroup":
        return this.membersPeer(spec.ref);
    }
  }
  templatePeer(kind, ref, depth) {
    if (kind === "addressTemplate") {
      const template = this.inventory.addressTemplates.get(this.key(ref));
      if (template === void 0) return PEER_ANY_UNKNOWN(`address template ${ref} is not in this check`);
      if (isUnknown(template.addresses)) return PEER_ANY_UNKNOWN(`addresses of ${ref}: ${template.addresses.reason}`);
      const set = AddressSet.parseAll(template.addresses);
      if (set === void 0) return PEER_ANY_UNKNOWN(`address template ${ref} holds an entry that is not an address`);
      return { definite: set, possible: set, symbols: /* @__PURE__ */ new Set() };
    }
    const group = this.inventory.addressTemplateGroups.get(this.key(ref));
    if (group === void 0 || depth > 0) return PEER_ANY_UNKNOWN(`address template group ${ref} is not in this check`);
    if (isUnknown(group.members)) return PEER_ANY_UNKNOWN(`members of ${ref}: ${group.members.reason}`);
    return unionPeers(group.members.map((member) => this.templatePeer("addressTemplate", member, depth + 1)));
  }
  /** A security-group peer means the private IPs of the interfaces in that group. */
  membersPeer(ref) {
    if (this.securityGroup(ref) === void 0 && this.inventory.mode === "plan") {
      return PEER_ANY_UNKNOWN(`the members of ${ref} are not in this check`);
    }
    const key = this.key(ref);
    const { members, unknown: unknown2 } = this.membership();
    let definite = AddressSet.EMPTY;
    let possible = AddressSet.EMPTY;
    for (const nic of members.get(key) ?? []) {
      const bounds = this.interfaceAddresses(nic);
      definite = definite.union(bounds.definite);
      possible = possible.union(bounds.possible);
    }
    for (const nic of unknown2) possible = possible.union(this.interfaceAddresses(nic).possible);
    return { definite, possible, symbols: /* @__PURE__ */ new Set() };
  }
  /** The interfaces bound to a security group (those whose group lists are known). */
  groupMembers(ref) {
    return this.membership().members.get(this.key(ref)) ?? [];
  }
  /** The interfaces whose group lists are not known: any group may be bound to them. */
  interfacesOfUnknownGroups() {
    return this.membership().unknown;
  }
  membership() {
    if (this.membersIndex === void 0 || this.unknownMembership === void 0) {
      this.membersIndex = /* @__PURE__ */ new Map();
      this.unknownMembership = [];
      for (const nic of this.interfaces()) {
        if (isUnknown(nic.securityGroups)) {
          this.unknownMembership.push(nic);
          continue;
        }
        for (const sg of nic.securityGroups) {
          const key = this.key(sg);
          const list = this.membersIndex.get(key) ?? [];
          list.push(nic);
          this.membersIndex.set(key, list);
        }
      }
    }
    return { members: this.membersIndex, unknown: this.unknownMembership };
  }
  /** What a rule's service matches; templates expand into one entry per service, in order. */
  services(spec, depth = 0) {
    if (spec.kind === "protocol") {
      if (isUnknown(spec.protocol)) return [{ unknownReason: `protocol: ${spec.protocol.reason}`, text: "?" }];
      const protocol = parseProtocol(spec.protocol);
      if (protocol === void 0) return [{ unknownReason: `unsupported protocol "${spec.protocol}"`, text: spec.protocol }];
      if (protocol === "ALL" || !hasPorts(protocol)) return [{ protocol, ports: ALL_PORTS, text: protocol }];
      if (isUnknown(spec.ports)) return [{ unknownReason: `port: ${spec.ports.reason}`, protocol, text: `${protocol}:?` }];
      const ports = parsePorts(spec.ports);
      if (ports === void 0)
        return [{ unknownReason: `"${spec.ports}" is not a port, list or range`, protocol, text: `${protocol}:${spec.ports}` }];
      return [{ protocol, ports, text: `${protocol}:${spec.ports.toUpperCase()}` }];
    }
    if (spec.kind === "serviceTemplate") {
      const template = this.inventory.serviceTemplates.get(this.key(spec.ref));
      if (template === void 0) return [{ unknownReason: `service template ${spec.ref} is not in this check`, text: spec.ref }];
      if (isUnknown(template.services)) return [{ unknownReason: `services of ${spec.ref}: ${template.services.reason}`, text: spec.ref }];
      return template.services.map((entry) => this.templateEntry(entry, spec.ref));
    }
    const group = this.inventory.serviceTemplateGroups.get(this.key(spec.ref));
    if (group === void 0 || depth > 0)
      return [{ unknownReason: `service template group ${spec.ref} is not in this check`, text: spec.ref }];
    if (isUnknown(group.members)) return [{ unknownReason: `members of ${spec.ref}: ${group.members.reason}`, text: spec.ref }];
    return group.members.flatMap((member) => this.services({ kind: "serviceTemplate", ref: member }, depth + 1));
  }
  /** `TCP:80,443`, `UDP:3000-4000`, `TCP:ALL`, `ICMP`, `ALL`. */
  templateEntry(entry, ref) {
    const colon = entry.indexOf(":");
    const protocolText = colon >= 0 ? entry.slice(0, colon) : entry;
    const portsText = colon >= 0 ? entry.slice(colon + 1) : "ALL";
    const [match] = this.services({ kind: "protocol", protocol: protocolText, ports: portsText });
    if (match === void 0 || "unknownReason" in match)
      return { unknownReason: `service template ${ref}: cannot read "${entry}"`, text: entry };
    return match;
  }
};
function unionPeers(peers) {
  let definite = AddressSet.EMPTY;
  let possible = AddressSet.EMPTY;
  const symbols = /* @__PURE__ */ new Set();
  let unknownReason;
  for (const peer of peers) {
    definite = definite.union(peer.definite);
    possible = possible.union(peer.possible);
    for (const s of peer.symbols) symbols.add(s);
    unknownReason ??= peer.unknownReason;
  }
  return { definite, possible, symbols, ...unknownReason ? { unknownReason } : {} };
}

// src/policy/assertions/all.ts
var all = {
  name: "all",
  properties: { all: { type: "array", minItems: 1, maxItems: 50, items: { $ref: "#/$defs/assertion" } } },
  variables: [],
  composite: true,
  evaluate: (assertion, ctx, run) => assertion.all.flatMap((part) => run(part, ctx))
};

// src/policy/conditions.ts
function fieldSource(fields, params) {
  return {
    field(path) {
      if (path.startsWith("params.")) {
        const value = params.get(path.slice("params.".length));
        return value === void 0 ? null : value;
      }
      return fields.get(path);
    }
  };
}
function evaluateCondition(condition, source) {
  if ("all" in condition) {
    let result = "yes";
    for (const c of condition.all) {
      const t = evaluateCondition(c, source);
      if (t === "no") return "no";
      if (t === "unknown") result = "unknown";
    }
    return result;
  }
  if ("any" in condition) {
    let result = "no";
    for (const c of condition.any) {
      const t = evaluateCondition(c, source);
      if (t === "yes") return "yes";
      if (t === "unknown") result = "unknown";
    }
    return result;
  }
  if ("not" in condition) {
    const t = evaluateCondition(condition.not, source);
    return t === "yes" ? "no" : t === "no" ? "yes" : "unknown";
  }
  const value = source.field(condition.field);
  if (value === void 0) return "no";
  if (condition.exists !== void 0) {
    if (isUnknown(value)) return "unknown";
    const present = value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
    return present === condition.exists ? "yes" : "no";
  }
  if (isUnknown(value)) return "unknown";
  const bool = (b) => b ? "yes" : "no";
  if ("equals" in condition) return bool(sameScalar(value, condition.equals));
  if ("notEquals" in condition) return bool(!sameScalar(value, condition.notEquals));
  if (condition.in !== void 0) return bool(condition.in.some((c) => sameScalar(value, c)));
  if (condition.greaterThan !== void 0) return bool(typeof value === "number" && value > condition.greaterThan);
  if (condition.lessThan !== void 0) return bool(typeof value === "number" && value < condition.lessThan);
  if (condition.inCidr !== void 0) {
    const bounds = AddressSet.parseAll(typeof condition.inCidr === "string" ? [condition.inCidr] : condition.inCidr);
    const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    const set = AddressSet.parseAll(values);
    if (bounds === void 0 || set === void 0 || set.isEmpty()) return "no";
    return bool(bounds.covers(set));
  }
  return "no";
}
function unknownFieldsOf(condition, source) {
  if ("all" in condition) return condition.all.flatMap((c) => unknownFieldsOf(c, source));
  if ("any" in condition) return condition.any.flatMap((c) => unknownFieldsOf(c, source));
  if ("not" in condition) return unknownFieldsOf(condition.not, source);
  const value = source.field(condition.field);
  return value !== void 0 && isUnknown(value) ? [`${condition.field}: ${value.reason}`] : [];
}
function sameScalar(value, expected) {
  if (Array.isArray(value)) return false;
  if (typeof value === "string" && typeof expected === "string") return value.toUpperCase() === expected.toUpperCase();
  return value === expected;
}

// src/policy/assertions/unknownFailure.ts
function unknownFailure(ctx, reason, key) {
  return {
    status: "unknown",
    resource: ctx.subject.resource,
    related: ctx.subject.related,
    evidence: [{ verdict: "unknown", rule: "not decided", reason }],
    vars: /* @__PURE__ */ new Map([
      ["reason", reason],
      ["refused", `(unknown: ${reason})`],
      ["flow", ""],
      ["decidedBy", ""]
    ]),
    location: ctx.subject.provenance.location ?? null,
    key
  };
}

// src/policy/assertions/check.ts
var check = {
  name: "check",
  properties: { check: { $ref: "#/$defs/condition" } },
  variables: [],
  evaluate: (assertion, ctx) => {
    const truth = evaluateCondition(assertion.check, fieldSource(ctx.subject.fields, ctx.params));
    if (truth === "yes") return [];
    if (truth === "unknown") return [unknownFailure(ctx, "a checked field is unknown", "check")];
    return [{ ...unknownFailure(ctx, "", "check"), status: "fail", evidence: [] }];
  }
};

// src/net/flow.ts
function overallVerdict(parts) {
  if (parts.some((p) => p.verdict === "deny")) return "deny";
  if (parts.some((p) => p.verdict === "unknown")) return "unknown";
  return "allow";
}

// src/net/orderedEvaluation.ts
var verdictOf = (action) => action === "ACCEPT" ? "allow" : "deny";
function evaluateOrdered(query, rules, defaultRef) {
  const parts = [];
  let pending = [];
  if (!query.addresses.isEmpty() && !query.ports.isEmpty()) {
    pending.push({ addresses: query.addresses, ports: query.ports, alternatives: /* @__PURE__ */ new Set(), maybe: [] });
  }
  let symbols = query.symbols.map((symbol) => ({ symbol, ports: query.ports, alternatives: /* @__PURE__ */ new Set(), maybe: [] }));
  for (const rule of rules) {
    if (pending.length === 0 && symbols.length === 0) break;
    if (rule.local === "no" || !rule.protocols.possible.has(query.protocol)) continue;
    if (!query.ports.overlaps(rule.ports.possible)) continue;
    const certain = rule.local === "yes" && rule.protocols.definite.has(query.protocol);
    const definitePeer = certain ? rule.peer.definite : AddressSet.EMPTY;
    const definitePorts = certain ? rule.ports.definite : NO_PORTS;
    const nextPending = [];
    for (const item of pending) {
      if (!item.ports.overlaps(rule.ports.possible) || !item.addresses.overlaps(rule.peer.possible)) {
        nextPending.push(item);
        continue;
      }
      const decidedAddresses = item.addresses.intersect(definitePeer);
      const decidedPorts = item.ports.intersect(definitePorts);
      if (!decidedAddresses.isEmpty() && !decidedPorts.isEmpty()) {
        parts.push(decide(rule, decidedAddresses, void 0, decidedPorts, item.alternatives, item.maybe));
      }
      for (const rest of subtractBox(item.addresses, item.ports, decidedAddresses, decidedPorts)) {
        const maybeAddresses = rest.addresses.intersect(rule.peer.possible);
        const maybePorts = rest.ports.intersect(rule.ports.possible);
        if (maybeAddresses.isEmpty() || maybePorts.isEmpty()) {
          nextPending.push({ ...item, addresses: rest.addresses, ports: rest.ports });
          continue;
        }
        nextPending.push({
          addresses: maybeAddresses,
          ports: maybePorts,
          alternatives: /* @__PURE__ */ new Set([...item.alternatives, rule.action]),
          maybe: [...item.maybe, rule.ref]
        });
        for (const outside of subtractBox(rest.addresses, rest.ports, maybeAddresses, maybePorts)) {
          nextPending.push({ ...item, addresses: outside.addresses, ports: outside.ports });
        }
      }
    }
    pending = nextPending;
    const nextSymbols = [];
    for (const item of symbols) {
      if (!item.ports.overlaps(rule.ports.possible)) {
        nextSymbols.push(item);
        continue;
      }
      const { symbol } = item;
      const peerCertain = rule.peer.symbols.has(symbol.id) || !symbol.within.isEmpty() && rule.peer.definite.covers(symbol.within);
      const peerPossible = peerCertain || rule.peer.possible.overlaps(symbol.within);
      if (!peerPossible) {
        nextSymbols.push(item);
        continue;
      }
      const decidedPorts = certain && peerCertain ? item.ports.intersect(rule.ports.definite) : NO_PORTS;
      if (!decidedPorts.isEmpty()) {
        parts.push(decide(rule, AddressSet.EMPTY, symbol, decidedPorts, item.alternatives, item.maybe));
      }
      const restPorts = item.ports.subtract(decidedPorts);
      const maybePorts = restPorts.intersect(rule.ports.possible);
      if (!maybePorts.isEmpty()) {
        nextSymbols.push({
          symbol,
          ports: maybePorts,
          alternatives: /* @__PURE__ */ new Set([...item.alternatives, rule.action]),
          maybe: [...item.maybe, rule.ref]
        });
      }
      const outside = restPorts.subtract(maybePorts);
      if (!outside.isEmpty()) nextSymbols.push({ ...item, ports: outside });
    }
    symbols = nextSymbols;
  }
  for (const item of pending) parts.push(fallThrough(item.addresses, void 0, item.ports, item.alternatives, item.maybe, defaultRef));
  for (const item of symbols) parts.push(fallThrough(AddressSet.EMPTY, item.symbol, item.ports, item.alternatives, item.maybe, defaultRef));
  return { verdict: overallVerdict(parts), parts };
}
function decide(rule, addresses, symbol, ports, alternatives, maybe) {
  const base = { addresses, ports, decidedBy: rule.ref, maybe, ...symbol ? { symbol } : {} };
  if (rule.action === void 0) return { ...base, verdict: "unknown", reason: rule.unknownReason ?? "the rule action is unknown" };
  if ([...alternatives].some((alt) => alt !== rule.action)) {
    return { ...base, verdict: "unknown", reason: reasonFromMaybe(maybe) };
  }
  return { ...base, verdict: verdictOf(rule.action) };
}
function fallThrough(addresses, symbol, ports, alternatives, maybe, defaultRef) {
  const base = { addresses, ports, maybe, ...symbol ? { symbol } : {}, ...defaultRef ? { decidedBy: defaultRef } : {} };
  if ([...alternatives].some((alt) => alt !== "DROP")) return { ...base, verdict: "unknown", reason: reasonFromMaybe(maybe) };
  return { ...base, verdict: "deny" };
}
function reasonFromMaybe(maybe) {
  return `an earlier rule may match but depends on unknown values: ${maybe.map((r) => r.text).join("; ")}`;
}
function subtractBox(boxAddresses, boxPorts, addresses, ports) {
  const out = [];
  if (addresses.isEmpty() || ports.isEmpty()) return [{ addresses: boxAddresses, ports: boxPorts }];
  const outsideAddresses = boxAddresses.subtract(addresses);
  if (!outsideAddresses.isEmpty()) out.push({ addresses: outsideAddresses, ports: boxPorts });
  const insideAddresses = boxAddresses.intersect(addresses);
  const outsidePorts = boxPorts.subtract(ports);
  if (!insideAddresses.isEmpty() && !outsidePorts.isEmpty()) out.push({ addresses: insideAddresses, ports: outsidePorts });
  return out;
}

// src/net/ruleText.ts
function describePeer(spec) {
  switch (spec.kind) {
    case "cidr":
      return spec.cidr;
    case "securityGroup":
      return `members of ${spec.ref}`;
    case "addressTemplate":
    case "addressTemplateGroup":
      return spec.ref;
    case "loadBalancerVip":
      return `VIP of ${spec.ref}`;
    case "any":
      return "any source";
    case "unknown":
      return "(unknown)";
  }
}
function describeAction(action) {
  return isUnknown(action) ? "(unknown action)" : action.toUpperCase();
}

// src/net/securityGroupRules.ts
function compileSecurityGroup(resolver, ref, direction) {
  const key = resolver.key(ref);
  const cacheKey = `sg:${direction}:${key}`;
  const cached = resolver.compiledCache.get(cacheKey);
  if (cached !== void 0) return cached;
  const group = resolver.securityGroup(ref);
  let compiled;
  if (group === void 0) {
    compiled = [
      opaqueRule(listRef(key, direction, `rules of ${ref} (not in this check)`), `${ref} is not in this check, so its rules are unknown`)
    ];
  } else {
    const list = group[direction];
    compiled = list.rules.flatMap((rule, index) => compileRule(resolver, group, direction, rule, index));
    if (list.unknownReason !== void 0) {
      compiled = [opaqueRule(listRef(key, direction, `rules of ${key}`, group), list.unknownReason), ...compiled];
    }
  }
  resolver.compiledCache.set(cacheKey, compiled);
  return compiled;
}
function listRef(key, direction, text, group) {
  return { list: key, direction, index: -1, kind: "opaque", text, ...group ? { provenance: group.provenance } : {} };
}
function compileRule(resolver, group, direction, rule, index) {
  const action = isUnknown(rule.action) ? void 0 : rule.action;
  const peer = resolver.peer(rule.peer);
  const services = resolver.services(rule.service);
  const peerText = describePeer(rule.peer);
  return services.map((service) => {
    const text = `${describeAction(rule.action)} ${peerText} ${service.text}${rule.description ? ` (${rule.description})` : ""}`;
    const ref = { list: group.key, direction, index, text, provenance: rule.provenance, ...action ? { action } : {} };
    const reasons = [
      peer.unknownReason,
      "unknownReason" in service ? service.unknownReason : void 0,
      action === void 0 && isUnknown(rule.action) ? `action: ${rule.action.reason}` : void 0
    ].filter((r) => r !== void 0);
    if ("unknownReason" in service) {
      const protocols2 = service.protocol === void 0 ? ALL_PROTOCOLS : protocolSet(service.protocol);
      return {
        action,
        protocols: { definite: service.protocol === void 0 ? /* @__PURE__ */ new Set() : protocols2, possible: protocols2 },
        peer,
        ports: { definite: NO_PORTS, possible: ALL_PORTS },
        local: "yes",
        ref,
        unknownReason: reasons.join("; ")
      };
    }
    const protocols = protocolSet(service.protocol);
    return {
      action,
      protocols: { definite: protocols, possible: protocols },
      peer,
      ports: { definite: service.ports, possible: service.ports },
      local: "yes",
      ref,
      ...reasons.length > 0 ? { unknownReason: reasons.join("; ") } : {}
    };
  });
}
function protocolSet(protocol) {
  return protocol === "ALL" ? new Set(PROTOCOLS) : /* @__PURE__ */ new Set([protocol]);
}
function compileInterface(resolver, nic, direction) {
  const ownList = isUnknown(nic.securityGroups) || nic.securityGroups.length === 0 && !nic.primary;
  const cacheKey = ownList ? `nic:${direction}:${nic.key}` : `groups:${direction}:${nic.securityGroups.join("\0")}`;
  const cached = resolver.compiledCache.get(cacheKey);
  if (cached !== void 0) return cached;
  const compiled = compileInterfaceUncached(resolver, nic, direction);
  resolver.compiledCache.set(cacheKey, compiled);
  return compiled;
}
function compileInterfaceUncached(resolver, nic, direction) {
  if (isUnknown(nic.securityGroups)) {
    return [
      opaqueRule(
        { list: nic.key, direction, index: -1, kind: "opaque", text: `security groups of ${nic.key}` },
        `security groups of ${nic.key}: ${nic.securityGroups.reason}`
      )
    ];
  }
  if (nic.securityGroups.length === 0 && !nic.primary) return [admitAll(nic, direction)];
  return compileGroups(resolver, nic.securityGroups, direction);
}
function admitAll(nic, direction) {
  return {
    action: "ACCEPT",
    protocols: { definite: ALL_PROTOCOLS, possible: ALL_PROTOCOLS },
    peer: { definite: AddressSet.ALL, possible: AddressSet.ALL, symbols: /* @__PURE__ */ new Set() },
    ports: { definite: ALL_PORTS, possible: ALL_PORTS },
    local: "yes",
    ref: {
      list: nic.key,
      direction,
      index: -1,
      kind: "noGroups",
      action: "ACCEPT",
      text: `no security group is bound to ${nic.key}: it admits all traffic`,
      provenance: nic.provenance
    }
  };
}
function unorderedGroupsOf(nic) {
  if (nic.securityGroupsUnordered !== true || isUnknown(nic.securityGroups) || nic.securityGroups.length < 2) return void 0;
  return { groups: new Set(nic.securityGroups) };
}
function compileGroups(resolver, groups, direction) {
  return groups.flatMap((ref) => compileSecurityGroup(resolver, ref, direction));
}

// src/net/unorderedEvaluation.ts
function evaluateUnordered(query, groups, defaultRef) {
  const listed = evaluateOrdered(
    query,
    groups.flatMap((g) => g.rules),
    defaultRef
  );
  if (groups.length < 2) return listed;
  const names = groups.map((g) => g.group);
  let parts = listed.parts;
  for (let front = 1; front < groups.length; front++) {
    const order = [groups[front], ...groups.filter((_, k) => k !== front)];
    const other = evaluateOrdered(
      query,
      order.flatMap((g) => g.rules),
      defaultRef
    );
    parts = parts.flatMap((part) => other.parts.flatMap((alt) => agreement(part, alt, names)));
  }
  return { verdict: overallVerdict(parts), parts };
}
function agreement(part, alt, groups) {
  if (part.symbol?.id !== alt.symbol?.id) return [];
  const ports = part.ports.intersect(alt.ports);
  if (ports.isEmpty()) return [];
  const addresses = part.addresses.intersect(alt.addresses);
  if (part.symbol === void 0 && addresses.isEmpty()) return [];
  const shared = { ...part, addresses, ports };
  if (part.verdict === "unknown" && part.byOrder === void 0) return [shared];
  if (alt.verdict === "unknown") {
    const { byOrder: _byOrder, ...rest2 } = shared;
    return [
      { ...rest2, verdict: "unknown", maybe: [...part.maybe, ...alt.maybe], ...alt.reason !== void 0 ? { reason: alt.reason } : {} }
    ];
  }
  const outcome = outcomeOf(alt.verdict, alt);
  if (part.byOrder !== void 0) return [{ ...shared, byOrder: [...part.byOrder, outcome] }];
  if (part.verdict === alt.verdict) return [shared];
  const { note: _note, ...rest } = shared;
  return [
    {
      ...rest,
      verdict: "unknown",
      maybe: [...part.maybe, ...alt.decidedBy ? [alt.decidedBy] : []],
      reason: `the priority of the security groups ${groups.join(", ")} is not defined (an unordered set), and the order decides: ${deciding(part)} in one order, ${deciding(alt)} in another; list them in orderly_security_groups`,
      byOrder: [outcomeOf(part.verdict === "allow" ? "allow" : "deny", part), outcome]
    }
  ];
}
function outcomeOf(verdict, part) {
  return { verdict, ...part.decidedBy ? { decidedBy: part.decidedBy } : {} };
}
function deciding(part) {
  const verb = part.verdict === "allow" ? "admits it" : "refuses it";
  const ref = part.decidedBy;
  if (ref === void 0) return `nothing decides (${verb})`;
  if (ref.kind === "defaultDeny") return `no group matches and the default deny ${verb}`;
  if (ref.kind !== void 0) return `${ref.text} ${verb}`;
  return `${ref.list} rule ${ref.index} (${ref.text}) ${verb}`;
}

// src/net/interfaceAdmission.ts
function admitToInterface(resolver, nic, query, name = nic.key) {
  if (!isUnknown(nic.securityGroups) && nic.securityGroups.length === 0 && nic.primary) {
    return everything(query, "unknown", `${name} has no security group in this check (the platform binds a default group)`);
  }
  if (!isUnknown(nic.securityGroups) && nic.securityGroupsUnordered === true && nic.securityGroups.length > 1) {
    const groups = nic.securityGroups.map((group) => ({ group, rules: compileSecurityGroup(resolver, group, "ingress") }));
    return evaluateUnordered(query, groups, defaultDeny(name));
  }
  return evaluateOrdered(query, compileInterface(resolver, nic, "ingress"), defaultDeny(name));
}
function admitThroughGroups(resolver, owner, groups, query) {
  if (groups.length === 0) return everything(query, "allow", `${owner} has no security group: all traffic to listener ports is allowed`);
  return evaluateOrdered(query, compileGroups(resolver, groups, "ingress"), defaultDeny(owner));
}
function defaultDeny(list, direction = "ingress") {
  return { list, direction, index: -1, kind: "defaultDeny", text: "default deny (no rule matched)" };
}
function retellPart(part, from, to) {
  if (from === to) return part;
  const ref = (r) => r.list === from ? { ...r, list: to, text: retellText(r.text, from, to) } : r;
  return {
    ...part,
    ...part.decidedBy ? { decidedBy: ref(part.decidedBy) } : {},
    maybe: part.maybe.map(ref),
    ...part.reason !== void 0 ? { reason: retellText(part.reason, from, to) } : {},
    ...part.note !== void 0 ? { note: retellText(part.note, from, to) } : {}
  };
}
function retellText(text, from, to) {
  return text.includes(from) ? text.split(from).join(to) : text;
}
function everything(query, verdict, text) {
  const parts = [
    ...query.addresses.isEmpty() ? [] : [
      {
        verdict,
        addresses: query.addresses,
        ports: query.ports,
        maybe: [],
        ...verdict === "allow" ? { note: text } : { reason: text }
      }
    ],
    ...query.symbols.map((symbol) => ({
      verdict,
      addresses: query.addresses.subtract(query.addresses),
      symbol,
      ports: query.ports,
      maybe: [],
      ...verdict === "allow" ? { note: text } : { reason: text }
    }))
  ];
  return { verdict, parts };
}

// src/policy/flowSources.ts
function resolveSources(names, subject, resolver, params) {
  let addresses = AddressSet.EMPTY;
  const symbols = [];
  const labels = [];
  const unknownReasons = [];
  const add = (set, label) => {
    addresses = addresses.union(set);
    labels.push(`${label} (${set.describe()})`);
  };
  for (const name of names) {
    const lb = subject.lb;
    if (name === "clients") {
      const configured = paramCidrs(params.get("clientCidrs"));
      if (configured !== void 0 && !configured.isEmpty()) add(configured, "clients");
      else if (lb === void 0) unknownReasons.push("clients: the subject has no load balancer");
      else if (isUnknown(lb.network)) unknownReasons.push(`clients: network type of ${lb.key} is ${lb.network.reason}`);
      else if (lb.network === "OPEN")
        add(!isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6" ? AddressSet.ALL_V6 : AddressSet.ALL_V4, "clients");
      else {
        const vpcCidr = resolver.vpcCidr(lb.vpc);
        if (vpcCidr === void 0) unknownReasons.push(`clients: the VPC CIDR of ${lb.key} is not known (set params.clientCidrs)`);
        else add(vpcCidr, "clients in the VPC");
      }
    } else if (name === "lb.vips" || name === "healthCheck.source" && subject.fields.get("healthCheck.source") === "vip") {
      if (lb === void 0) {
        unknownReasons.push(`${name}: the subject has no load balancer`);
        continue;
      }
      const vip = resolver.vip(lb);
      const label = name === "lb.vips" ? "the VIP" : "health checks from the VIP";
      if (vip.symbols.length > 0) {
        symbols.push(...vip.symbols);
        labels.push(`${label} of ${lb.key}`);
      } else add(vip.addresses, label);
    } else if (name === "healthCheck.source") {
      add(HEALTH_CHECK_RANGE, "health checks");
    } else if (name === "snat.ips") {
      if (lb === void 0) {
        unknownReasons.push("snat.ips: the subject has no load balancer");
        continue;
      }
      if (isUnknown(lb.snatIps)) {
        unknownReasons.push(`snat.ips: ${lb.snatIps.reason}`);
        continue;
      }
      for (const snat of lb.snatIps) {
        if (!isUnknown(snat.ip)) add(AddressSet.parse(snat.ip) ?? AddressSet.EMPTY, "SNAT IP");
        else {
          const within = isUnknown(snat.subnet) ? void 0 : resolver.subnetCidr(snat.subnet);
          symbols.push({ id: `snat:${lb.key}:${symbols.length}`, label: `a SNAT IP of ${lb.key}`, within: within ?? AddressSet.ALL_V4 });
          labels.push(`a SNAT IP of ${lb.key}`);
        }
      }
    } else if (name.startsWith("params.")) {
      const set = paramCidrs(params.get(name.slice(7)));
      if (set === void 0) unknownReasons.push(`${name} is not a list of CIDRs`);
      else add(set, name.slice(7));
    } else {
      const set = AddressSet.parse(name);
      if (set === void 0) unknownReasons.push(`"${name}" is neither a named source nor a CIDR`);
      else add(set, name);
    }
  }
  return { addresses, symbols, label: labels.join(", "), unknownReasons };
}
function paramCidrs(value) {
  if (value === void 0) return void 0;
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return AddressSet.parseAll(list.map((v) => v.trim()).filter((v) => v !== ""));
}
function listenerPorts(listener) {
  if (isUnknown(listener.port)) return void 0;
  const { port, endPort } = listener;
  return portRange(port, endPort !== void 0 && !isUnknown(endPort) && endPort > port ? endPort : port);
}
function paramPorts(value) {
  if (typeof value === "string") return parsePorts(value);
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= 65535 ? portRange(value) : void 0;
  if (Array.isArray(value)) return value.length === 0 ? void 0 : parsePorts(value.join(","));
  return void 0;
}
function resolvePorts(refs, subject, params) {
  let ports = NO_PORTS;
  const unknownReasons = [];
  for (const ref of refs ?? ["backend.port"]) {
    if (typeof ref === "number") {
      ports = ports.union(portRange(ref));
      continue;
    }
    if (ref === "listener.port") {
      const listener = subject.listener;
      if (listener === void 0) unknownReasons.push(`listener.port: a ${subject.kind} subject has no listener`);
      else ports = ports.union(listenedPorts(listener, "", unknownReasons));
      continue;
    }
    if (ref === "backend.port" || ref === "healthCheck.port") {
      const value = subject.fields.get(ref);
      if (typeof value === "number" && value >= 0 && value <= 65535) {
        const listener = subject.listener;
        if (value === 0 && listener !== void 0)
          ports = ports.union(listenedPorts(listener, ", which a full-port target follows", unknownReasons));
        else ports = ports.union(portRange(value));
      } else
        unknownReasons.push(
          `${ref}: ${value !== void 0 && value !== null && typeof value === "object" && "reason" in value ? value.reason : "not known"}`
        );
      continue;
    }
    if (ref.startsWith("params.")) {
      const parsed2 = paramPorts(params.get(ref.slice(7)));
      if (parsed2 === void 0) unknownReasons.push(`${ref} is not a port list`);
      else ports = ports.union(parsed2);
      continue;
    }
    const parsed = parsePorts(ref);
    if (parsed === void 0) unknownReasons.push(`"${ref}" is not a port`);
    else ports = ports.union(parsed);
  }
  const label = ports.intervals.map(([lo, hi]) => lo === hi ? `${lo}` : `${lo}-${hi}`).join(",");
  return { ports, unknownReasons, label };
}
function resolveProtocol(text, subject) {
  if (text === void 0 || text === "listener") {
    const protocol = subject.listener?.protocol;
    if (protocol === void 0) return "TCP";
    if (isUnknown(protocol)) return { unknownReason: `listener protocol: ${protocol.reason}` };
    return transportOf(protocol);
  }
  const parsed = parseProtocol(text);
  if (parsed === void 0 || parsed === "ALL") return { unknownReason: `unsupported protocol ${text}` };
  return parsed;
}
function listenedPorts(listener, role, unknownReasons) {
  const listened = listenerPorts(listener);
  if (listened === void 0) {
    if (isUnknown(listener.port)) unknownReasons.push(`the port of ${listener.key}${role}: ${listener.port.reason}`);
    return NO_PORTS;
  }
  if (listener.endPort !== void 0 && isUnknown(listener.endPort))
    unknownReasons.push(`the end port of ${listener.key}: ${listener.endPort.reason}`);
  return listened;
}

// src/policy/remediation.ts
import { hash } from "node:crypto";
function fixId(mergeKey) {
  return hash("sha256", mergeKey, "hex").slice(0, 12);
}
function renderFixPlans(plans) {
  const first = plans[0];
  const body = first.kind === "fixed" ? first.body : renderAddRule(mergeAddRules(plans));
  return { id: fixId(first.mergeKey), ...body };
}
function mergeAddRules(plans) {
  if (plans.length === 1) return plans[0];
  let addresses = AddressSet.EMPTY;
  const symbols = /* @__PURE__ */ new Map();
  let above;
  for (const plan of plans) {
    addresses = addresses.union(plan.sources.addresses);
    for (const s of plan.sources.symbols) symbols.set(s.id, s);
    if (plan.above !== void 0 && (above === void 0 || plan.above.index < above.index)) above = plan.above;
  }
  const kept2 = [...symbols.values()].filter((s) => s.within.isEmpty() || !addresses.covers(s.within));
  return { ...plans[0], sources: { addresses, symbols: kept2 }, ...above ? { above } : {} };
}
var RULE_SET = "tencentcloud_security_group_rule_set";
var LITE_RULE = "tencentcloud_security_group_lite_rule";
var SINGLE_RULE = "tencentcloud_security_group_rule";
function at(location) {
  return location ? `${location.file}:${location.line}` : "";
}
var atParen = (location) => location ? ` (${at(location)})` : "";
function holderOfRule(resolver, ref) {
  if (resolver.inventory.mode === "live" || ref.provenance === void 0)
    return { address: ref.list, type: void 0, ...ref.provenance?.location ? { location: ref.provenance.location } : {} };
  return {
    address: ref.provenance.address,
    type: ref.provenance.type,
    ...ref.provenance.location ? { location: ref.provenance.location } : {}
  };
}
function holderOfGroup(group, key, mode, direction = "ingress") {
  if (mode === "live") return { address: key, type: void 0 };
  const rules = group ? [...group[direction].rules, ...group[direction === "ingress" ? "egress" : "ingress"].rules] : [];
  const holding = [...rules].reverse().find((r) => r.provenance.type === RULE_SET || r.provenance.type === LITE_RULE) ?? rules.find((r) => r.provenance.type === SINGLE_RULE);
  if (holding === void 0) return void 0;
  return {
    address: holding.provenance.address,
    type: holding.provenance.type,
    ...holding.provenance.location ? { location: holding.provenance.location } : {}
  };
}
function cloudIdOf(resolver, groupKey) {
  const group = resolver.securityGroup(groupKey);
  return group?.provenance.cloudId ?? (resolver.inventory.mode === "live" ? groupKey : "<security group ID>");
}
function peersOf(sources, mode) {
  const peers = /* @__PURE__ */ new Map();
  for (const symbol of sources.symbols) {
    if (symbol.id.startsWith("vip:")) {
      const lb = symbol.id.slice(4);
      peers.set(symbol.id, {
        hcl: mode === "plan" ? `${lb}.clb_vips[0]` : `"<VIP of ${lb}>"`,
        text: `<VIP of ${lb}>`,
        label: `the VIP of ${lb}`,
        ipv6: false
      });
    } else {
      const text = symbol.within.describe();
      peers.set(symbol.id, { hcl: JSON.stringify(text), text, ipv6: text.includes(":") });
    }
  }
  for (const cidr of sources.addresses.toCidrs().slice(0, 4))
    peers.set(cidr, { hcl: JSON.stringify(cidr), text: cidr, ipv6: cidr.includes(":") });
  return [...peers.values()];
}
function addRulePlan(resolver, groupRef, sources, protocol, ports, options = {}) {
  if (groupRef === void 0) return void 0;
  const group = resolver.securityGroup(groupRef);
  const groupKey = group?.key ?? groupRef;
  const action = options.action ?? "ACCEPT";
  return {
    kind: "addRule",
    mergeKey: `add|${groupKey}|${action}|${protocol}|${ports.intervals.join(";")}|${options.top ? "top" : ""}|${options.alternative ?? ""}`,
    resolver,
    groupKey,
    group,
    action,
    protocol,
    ports,
    sources,
    ...options.above ? { above: options.above } : {},
    ...options.top ? { top: true } : {},
    ...options.alternative ? { alternative: options.alternative } : {}
  };
}
function renderAddRule(plan) {
  const { resolver, groupKey, group, protocol, ports, action } = plan;
  const mode = resolver.inventory.mode;
  const portText = hasPorts(protocol) ? describePorts(ports) : "ALL";
  const peers = peersOf(plan.sources, mode);
  const holder = holderOfGroup(group, groupKey, mode);
  const above = plan.above;
  const aboveText = plan.top ? "at the top" : above ? `above rule ${above.index} (${above.text})${above.provenance?.location ? ` at ${at(above.provenance.location)}` : ""}` : "anywhere above a broader DROP (no rule matches this traffic now)";
  const what = `${peers.length === 1 ? "a rule" : `${peers.length} rules`} ${action} ${peers.map((p) => p.label ?? p.text).join(", ")} ${protocol}${hasPorts(protocol) ? `:${portText}` : ""}`;
  let text;
  let hcl;
  if (mode === "live" || holder === void 0) {
    text = mode === "live" ? `Add ${what} to security group ${groupKey} ${aboveText}.` : `Add ${what} to ${groupKey}: it has no rule resource yet, so create a ${RULE_SET} for it:`;
    if (mode === "plan") hcl = ruleSetResource(groupKey, peers, action, protocol, portText);
  } else if (holder.type === LITE_RULE) {
    text = `Add ${what} to the ingress list of ${holder.address}${atParen(holder.location)}, ${aboveText}:`;
    hcl = [
      `ingress = [`,
      ...peers.map((p) => `  "${action}#${p.text}#${portText}#${protocol}",`),
      `  # \u2026 the existing entries, in order \u2026`,
      `]`
    ].join("\n");
    if (peers.some((p) => p.hcl.startsWith("tencentcloud_"))) hcl = hcl.replace(/"([A-Z]+)#<VIP of ([^>]+)>#/g, '"$1#${$2.clb_vips[0]}#');
  } else if (holder.type === SINGLE_RULE) {
    text = `Add ${what} next to ${holder.address}${atParen(holder.location)} as ${peers.length === 1 ? "a new" : "new"} ${SINGLE_RULE}${plan.top || above ? `, ${aboveText} in priority` : ""}:`;
    hcl = peers.map(
      (p, i) => singleRuleResource(
        groupKey,
        `${ruleName(groupKey)}_${action.toLowerCase()}_${portText.replace(/\W+/g, "_")}${peers.length > 1 ? `_${i + 1}` : ""}`,
        p,
        action,
        protocol,
        portText
      )
    ).join("\n\n");
  } else {
    text = `Add ${what} to ${holder.address}${holder.location ? ` (ingress blocks at ${at(holder.location)})` : ""}, ${aboveText}:`;
    hcl = peers.map((p) => ingressBlock(p, action, protocol, portText)).join("\n");
  }
  const api = {
    service: "vpc",
    action: "CreateSecurityGroupPolicies",
    request: {
      SecurityGroupId: cloudIdOf(resolver, groupKey),
      SecurityGroupPolicySet: {
        Ingress: peers.map((p) => ({
          ...plan.top ? { PolicyIndex: 0 } : above ? { PolicyIndex: above.index } : {},
          Protocol: protocol,
          ...hasPorts(protocol) ? { Port: portText } : {},
          ...p.ipv6 ? { Ipv6CidrBlock: p.text } : { CidrBlock: p.text },
          Action: action
        }))
      }
    }
  };
  return {
    text: plan.alternative ? `${text.replace(/:$/, "")} (${plan.alternative}):` : text,
    resource: holder?.address ?? groupKey,
    location: (plan.top ? void 0 : above?.provenance?.location) ?? holder?.location ?? group?.provenance.location ?? null,
    ...hcl !== void 0 ? { hcl } : {},
    api,
    rules: peers.length
  };
}
function ingressBlock(peer, action, protocol, port) {
  const field = peer.ipv6 ? "ipv6_cidr_block" : "cidr_block";
  const pad = (name) => name.padEnd(peer.ipv6 ? 15 : 10);
  return [
    `ingress {`,
    `  ${pad("action")} = "${action}"`,
    `  ${pad(field)} = ${peer.hcl}`,
    `  ${pad("protocol")} = "${protocol}"`,
    ...hasPorts(protocol) ? [`  ${pad("port")} = "${port}"`] : [],
    `}`
  ].join("\n");
}
function ruleName(groupKey) {
  const last = groupKey.split(".").pop() ?? groupKey;
  return last.replace(/\[.*$/, "").replace(/[^A-Za-z0-9_]/g, "_") || "rules";
}
function groupIdExpression(groupKey) {
  return /^([a-z0-9_]+\.)*tencentcloud_security_group\.[A-Za-z0-9_-]+(\[[^\]]+\])?$/.test(groupKey) ? `${groupKey}.id` : JSON.stringify(groupKey);
}
function ruleSetResource(groupKey, peers, action, protocol, port) {
  const blocks = peers.map(
    (p) => ingressBlock(p, action, protocol, port).split("\n").map((l) => `  ${l}`).join("\n")
  );
  return [
    `resource "${RULE_SET}" "${ruleName(groupKey)}" {`,
    `  security_group_id = ${groupIdExpression(groupKey)}`,
    "",
    ...blocks,
    `}`
  ].join("\n");
}
function singleRuleResource(groupKey, name, peer, action, protocol, port) {
  return [
    `resource "${SINGLE_RULE}" "${name}" {`,
    `  security_group_id = ${groupIdExpression(groupKey)}`,
    `  type              = "ingress"`,
    `  cidr_ip           = ${peer.hcl}`,
    `  ip_protocol       = "${protocol.toLowerCase()}"`,
    ...hasPorts(protocol) ? [`  port_range        = "${port}"`] : [],
    `  policy            = "${action.toLowerCase()}"`,
    `}`
  ].join("\n");
}
function aclFixPlan(resolver, aclKey, changes, sources, protocol) {
  const mode = resolver.inventory.mode;
  const peers = peersOf(sources, mode).map((p) => p.hcl.startsWith("tencentcloud_") ? { ...p, text: "<VIP>" } : p);
  const portText = (ports) => hasPorts(protocol) ? describePorts(ports) : "ALL";
  const entries = (d) => peers.map((p) => `${"ACCEPT"}#${p.text}#${portText(d.ports)}#${protocol}`);
  const acl = resolver.inventory.networkAcls.get(aclKey);
  const location = acl?.provenance.location ?? null;
  const lists = changes.map((c) => `the ${c.direction} list`).join(" and ");
  const hcl = changes.map((c) => [`${c.direction} = [`, ...entries(c).map((e) => `  "${e}",`), `  # \u2026 the existing entries, in order \u2026`, `]`].join("\n")).join("\n");
  const set = {};
  for (const c of changes)
    set[c.direction === "ingress" ? "Ingress" : "Egress"] = peers.map((p) => ({
      Protocol: protocol,
      ...hasPorts(protocol) ? { Port: portText(c.ports) } : {},
      CidrBlock: p.text,
      Action: "ACCEPT"
    }));
  return {
    kind: "fixed",
    mergeKey: `acl|${aclKey}|${protocol}|${changes.map((c) => `${c.direction}:${c.ports.intervals.join(";")}`).join(",")}|${peers.map((p) => p.text).join(",")}`,
    body: {
      text: `Add to ${lists} of ${aclKey}${atParen(location)}, before any DROP that covers it:`,
      resource: aclKey,
      location,
      hcl,
      api: {
        service: "vpc",
        action: "CreateNetworkAclEntries",
        request: { NetworkAclId: acl?.provenance.cloudId ?? (mode === "live" ? aclKey : "<network ACL ID>"), NetworkAclEntrySet: set }
      },
      rules: peers.length * changes.length
    }
  };
}
function apiPolicy(rule) {
  if (rule === void 0) return {};
  const out = {};
  if (rule.service.kind === "protocol") {
    if (!isUnknown(rule.service.protocol)) out.Protocol = rule.service.protocol.toUpperCase();
    if (!isUnknown(rule.service.ports)) out.Port = rule.service.ports;
  } else
    out.ServiceTemplate = rule.service.kind === "serviceTemplate" ? { ServiceId: rule.service.ref } : { ServiceGroupId: rule.service.ref };
  const peer = rule.peer;
  if (peer.kind === "cidr") out[peer.cidr.includes(":") ? "Ipv6CidrBlock" : "CidrBlock"] = peer.cidr;
  else if (peer.kind === "securityGroup") out.SecurityGroupId = peer.ref;
  else if (peer.kind === "addressTemplate") out.AddressTemplate = { AddressId: peer.ref };
  else if (peer.kind === "addressTemplateGroup") out.AddressTemplate = { AddressGroupId: peer.ref };
  if (!isUnknown(rule.action)) out.Action = rule.action;
  return out;
}
function ruleOf(resolver, ref) {
  return resolver.securityGroup(ref.list)?.[ref.direction].rules[ref.index];
}
function moveDenyFixPlan(resolver, deny, shadowing, groupKey, owners) {
  const sameGroup = shadowing.filter((s) => s.list === groupKey).sort((a, b) => a.index - b.index);
  const otherGroups = shadowing.filter((s) => s.list !== groupKey);
  const mode = resolver.inventory.mode;
  const holder = holderOfRule(resolver, deny);
  const lines = [];
  let api;
  let location = holder.location ?? null;
  let resource = sameGroup.length > 0 ? holder.address : groupKey;
  const denyAt = holder.location ? ` at ${at(holder.location)}` : "";
  if (sameGroup.length > 0) {
    const accept = sameGroup[0];
    const acceptHolder = holderOfRule(resolver, accept);
    const acceptAt = acceptHolder.location ? ` at ${at(acceptHolder.location)}` : "";
    if (mode === "live")
      lines.push(`Move rule ${deny.index} (${deny.text}) of security group ${groupKey} above rule ${accept.index} (${accept.text}).`);
    else if (holder.type === LITE_RULE)
      lines.push(
        `In ${holder.address}, move the entry for rule ${deny.index} (${deny.text})${denyAt} before the entry for rule ${accept.index} (${accept.text})${acceptAt} in its ingress list.`
      );
    else if (holder.type === SINGLE_RULE)
      lines.push(
        `Give ${holder.address}${atParen(holder.location)} (${deny.text}) a higher priority than ${acceptHolder.address}${atParen(acceptHolder.location)} (${accept.text}): set policy_index on both so that the DROP comes first.`
      );
    else
      lines.push(
        `In ${holder.address}, move the ingress block of rule ${deny.index} (${deny.text})${denyAt} above the ingress block of rule ${accept.index} (${accept.text})${acceptAt}.`
      );
    api = {
      service: "vpc",
      action: "CreateSecurityGroupPolicies",
      request: {
        SecurityGroupId: cloudIdOf(resolver, groupKey),
        SecurityGroupPolicySet: { Ingress: [{ PolicyIndex: accept.index, ...apiPolicy(ruleOf(resolver, deny)) }] }
      }
    };
    lines.push(
      `With the API: the call below inserts the DROP at PolicyIndex ${accept.index}; then delete its old copy (now PolicyIndex ${deny.index + 1}) with vpc DeleteSecurityGroupPolicies.`
    );
  }
  if (otherGroups.length > 0) {
    const reorder = reorderGroupsFix(resolver, groupKey, otherGroups, owners);
    lines.push(
      `An earlier security group on the interface admits it first (${otherGroups.map((s) => `${s.list}: ${s.text}`).join("; ")}): put the DROP in that group above its ACCEPT, or ${reorder.text}`
    );
    if (sameGroup.length === 0) {
      location = reorder.location;
      resource = reorder.resource ?? groupKey;
      if (reorder.api) api = reorder.api;
    }
  }
  return {
    kind: "fixed",
    mergeKey: `move|${groupKey}|${deny.direction}|${deny.index}|${shadowing.map((s) => `${s.list}#${s.index}`).join(",")}`,
    body: {
      text: lines.join("\n"),
      resource,
      location,
      ...api ? { api } : {},
      rules: 1
    }
  };
}
function listOwnerOf(resolver, key) {
  const live = resolver.inventory.mode === "live";
  const instance = resolver.inventory.instances.get(key);
  if (instance !== void 0) {
    const groups = instance.interfaces.find((nic) => nic.primary)?.securityGroups;
    return {
      key,
      kind: "instance",
      cloudId: instance.provenance.cloudId ?? (live ? key : `<ID of ${key}>`),
      groups: groups === void 0 || isUnknown(groups) ? void 0 : groups,
      location: instance.provenance.location ?? null
    };
  }
  const eni = resolver.inventory.networkInterfaces.get(key);
  if (eni === void 0) return void 0;
  return {
    key,
    kind: "eni",
    cloudId: eni.provenance.cloudId ?? (live ? key : `<ID of ${key}>`),
    groups: isUnknown(eni.securityGroups) ? void 0 : eni.securityGroups,
    location: eni.provenance.location ?? null
  };
}
var namesOf = (owners) => `${owners.slice(0, 3).map((o) => `${o.key}${atParen(o.location)}`).join(", ")}${owners.length > 3 ? ` and ${owners.length - 3} more` : ""}`;
function reordered(groups, groupKey, earlier) {
  const rest = groups.filter((g) => g !== groupKey);
  const first = rest.findIndex((g) => earlier.includes(g));
  if (first < 0 || rest.length === groups.length) return void 0;
  return [...rest.slice(0, first), groupKey, ...rest.slice(first)];
}
function reorderGroupsFix(resolver, groupKey, shadowing, ownerKeys) {
  const live = resolver.inventory.mode === "live";
  const owners = ownerKeys.map((key) => listOwnerOf(resolver, key)).filter((o) => o !== void 0);
  const instances = owners.filter((o) => o.kind === "instance");
  const enis = owners.filter((o) => o.kind === "eni");
  const places = [];
  if (instances.length > 0)
    places.push(
      live ? `the security groups of instance ${namesOf(instances)}` : `orderly_security_groups of ${namesOf(instances)} (or the tencentcloud_cvm_security_group_attachment that binds it)`
    );
  if (enis.length > 0)
    places.push(
      live ? `the security groups of ENI ${namesOf(enis)}` : `orderly_security_groups of ${namesOf(enis)} (or the tencentcloud_eni_sg_attachment that binds it)`
    );
  if (places.length === 0) places.push("the ordered security groups of each instance or ENI that binds it");
  const cvm = "cvm ModifyInstancesAttribute sets an instance's whole ordered list";
  const vpc = "vpc ModifyNetworkInterfaceAttribute (SecurityGroupIds)";
  const api = enis.length === 0 ? cvm : instances.length === 0 ? `${vpc} sets an ENI's whole ordered list` : `${cvm}, ${vpc} an ENI's`;
  const text = `list ${groupKey} before it in ${places.join(", and in ")}. With the API, ${api}.`;
  const only = owners.length === 1 ? owners[0] : void 0;
  const order = only?.groups ? reordered(
    only.groups,
    groupKey,
    shadowing.map((s) => s.list)
  ) : void 0;
  const ids = order?.map((g) => resolver.securityGroup(g)?.provenance.cloudId ?? (live ? g : `<ID of ${g}>`));
  const call = only === void 0 || ids === void 0 ? void 0 : only.kind === "instance" ? { service: "cvm", action: "ModifyInstancesAttribute", request: { InstanceIds: [only.cloudId], SecurityGroups: ids } } : {
    service: "vpc",
    action: "ModifyNetworkInterfaceAttribute",
    request: { NetworkInterfaceId: only.cloudId, SecurityGroupIds: ids }
  };
  return {
    text,
    ...only ? { resource: only.key } : {},
    location: only?.location ?? null,
    ...call ? { api: call } : {}
  };
}
function narrowRuleFixPlan(resolver, rules) {
  const bare = rules.filter((r) => r.kind === "noGroups");
  if (bare.length > 0) return bindGroupFixPlan(resolver, bare[0].list);
  const mode = resolver.inventory.mode;
  const lines = rules.map((rule) => {
    const holder = holderOfRule(resolver, rule);
    if (mode === "live") return `Narrow or remove rule ${rule.index} (${rule.text}) of security group ${rule.list}.`;
    const what = holder.type === LITE_RULE ? "entry" : holder.type === SINGLE_RULE ? "resource" : "ingress block";
    return `Narrow the source of, or remove, the ${what} ${rule.text} in ${holder.address}${atParen(holder.location)}.`;
  });
  const first = rules[0];
  const byGroup = /* @__PURE__ */ new Map();
  for (const r of rules) byGroup.set(r.list, [...byGroup.get(r.list) ?? [], r.index]);
  const [groupKey, indexes] = [...byGroup.entries()][0];
  return {
    kind: "fixed",
    mergeKey: `narrow|${rules.map((r) => `${r.list}#${r.direction}#${r.index}`).join(",")}`,
    body: {
      text: lines.join("\n"),
      resource: holderOfRule(resolver, first).address,
      location: first.provenance?.location ?? null,
      api: {
        service: "vpc",
        action: "DeleteSecurityGroupPolicies",
        request: {
          SecurityGroupId: cloudIdOf(resolver, groupKey),
          SecurityGroupPolicySet: { [first.direction === "ingress" ? "Ingress" : "Egress"]: indexes.map((i) => ({ PolicyIndex: i })) }
        }
      },
      rules: rules.length
    }
  };
}
function eniIdExpression(owner) {
  return /^([a-z0-9_]+\.)*tencentcloud_eni\.[A-Za-z0-9_-]+(\[[^\]]+\])?$/.test(owner.key) ? `${owner.key}.id` : JSON.stringify(owner.cloudId);
}
function bindGroupFixPlan(resolver, eniKey) {
  const live = resolver.inventory.mode === "live";
  const owner = listOwnerOf(resolver, eniKey) ?? {
    key: eniKey,
    kind: "eni",
    cloudId: live ? eniKey : `<ID of ${eniKey}>`,
    groups: [],
    location: null
  };
  const why = "with none bound, an ENI admits all traffic";
  const text = live ? `Bind a security group that admits only what it serves to ENI ${eniKey}: ${why}.` : `Bind a security group that admits only what it serves to ${eniKey}${atParen(owner.location)}: ${why}. List it in the ENI's orderly_security_groups, or bind it with a tencentcloud_eni_sg_attachment:`;
  return {
    kind: "fixed",
    mergeKey: `bind|${eniKey}`,
    body: {
      text,
      resource: eniKey,
      location: owner.location,
      ...live ? {} : {
        hcl: [
          `resource "tencentcloud_eni_sg_attachment" "${ruleName(eniKey)}" {`,
          `  network_interface_ids = [${eniIdExpression(owner)}]`,
          `  security_group_ids    = ["<security group ID>"]`,
          `}`
        ].join("\n")
      },
      api: {
        service: "vpc",
        action: "AssociateNetworkInterfaceSecurityGroups",
        request: { NetworkInterfaceIds: [owner.cloudId], SecurityGroupIds: ["<security group ID>"] }
      },
      // It binds a group; it adds or edits no rule.
      rules: 0
    }
  };
}

// src/policy/assertions/evidence.ts
var MAX_EVIDENCE = 12;
function describePart(part, protocol) {
  const who = part.symbol ? part.symbol.label : part.addresses.describe();
  return hasPorts(protocol) ? `${who} ${protocol}:${describePorts(part.ports)}` : `${who} ${protocol}`;
}
function refEvidence(ref) {
  if (ref === void 0) return {};
  return {
    list: ref.list,
    direction: ref.direction,
    ...ref.kind === void 0 && ref.index >= 0 ? { index: ref.index } : {},
    ...ref.kind === "defaultDeny" ? { defaultDeny: true } : {}
  };
}
function isWrittenRule(ref) {
  return ref !== void 0 && ref.kind === void 0 && ref.index >= 0;
}
function evidenceOf(parts, query, flow) {
  return parts.slice(0, MAX_EVIDENCE).map((part) => ({
    flow,
    verdict: part.verdict,
    part: describePart(part, query.protocol),
    ...refEvidence(part.decidedBy),
    rule: part.decidedBy?.text ?? (part.verdict === "deny" ? "default deny (no rule matched)" : part.note ?? "not decided"),
    location: part.decidedBy?.provenance?.location ?? null,
    ...part.reason ? { reason: part.reason } : {}
  }));
}
function decidedText(ref) {
  if (ref === void 0) return "default deny";
  return ref.kind === "noGroups" || isWrittenRule(ref) ? ref.text : "default deny";
}
function undecidedText(part) {
  const earlier = [...new Set(part.maybe.map((r) => r.text))];
  if (earlier.length === 0) return `undecided: ${part.reason ?? "not known"}`;
  const named = earlier.length > 2 ? `${earlier.slice(0, 2).join(", ")} and ${earlier.length - 2} more` : earlier.join(", ");
  const after = decidedText(part.decidedBy);
  return `undecided: ${named} may match before ${after === "default deny" ? "the default deny" : after}`;
}
function describeRefused(parts, protocol) {
  const items = parts.slice(0, 3).map((p) => `${describePart(p, protocol)} (${p.verdict === "unknown" ? undecidedText(p) : decidedText(p.decidedBy)})`);
  return parts.length > 3 ? `${items.join("; ")} and ${parts.length - 3} more` : items.join("; ");
}

// src/net/aclAdmission.ts
var DEFAULT_EPHEMERAL_PORTS = portRange(1024, 65535);
function admitThroughAcl(resolver, subnetRef, local, query, ephemeralPorts = DEFAULT_EPHEMERAL_PORTS) {
  if (isUnknown(subnetRef)) return { kind: "unknown", reason: `subnet: ${subnetRef.reason}` };
  const subnet = resolver.subnet(subnetRef);
  if (subnet === void 0) return { kind: "unknown", reason: `subnet ${subnetRef} is not in this check, so its ACL is unknown` };
  if (isUnknown(subnet.networkAcl)) return { kind: "unknown", reason: `network ACL of ${subnet.key}: ${subnet.networkAcl.reason}` };
  if (subnet.networkAcl === null) return { kind: "none" };
  const acl = resolver.networkAcl(subnet.networkAcl);
  if (acl === void 0) return { kind: "unknown", reason: `network ACL ${subnet.networkAcl} is not in this check` };
  const subnetCidr = resolver.subnetCidr(subnet.key);
  const exempt = subnetCidr ?? AddressSet.EMPTY;
  const filtered = {
    ...query,
    addresses: query.addresses.subtract(exempt),
    symbols: query.symbols.filter((s) => !subnetCidr?.covers(s.within))
  };
  const exemptParts = [];
  const inside = query.addresses.intersect(exempt);
  if (!inside.isEmpty())
    exemptParts.push({
      verdict: "allow",
      addresses: inside,
      ports: query.ports,
      maybe: [],
      note: `inside ${subnet.key}: ACLs do not filter traffic within a subnet`
    });
  const noPorts = !hasPorts(query.protocol);
  const inbound = evaluateOrdered(
    filtered,
    compiledAclEntries(resolver, acl, "ingress", local, noPorts ? ALL_PORTS : ephemeralPorts),
    aclDefault(acl.key, "ingress")
  );
  const replyQuery = { ...filtered, ports: noPorts ? ALL_PORTS : ephemeralPorts };
  const reply = evaluateOrdered(
    replyQuery,
    compiledAclEntries(resolver, acl, "egress", local, noPorts ? ALL_PORTS : query.ports),
    aclDefault(acl.key, "egress")
  );
  const unknownCidr = subnetCidr === void 0 ? mayBeWithinSubnet(resolver, subnet) : void 0;
  const inboundAll = withParts(undecidedWithin(inbound, unknownCidr), exemptParts);
  const replyAll = withParts(
    undecidedWithin(reply, unknownCidr),
    exemptParts.map((p) => ({ ...p, ports: replyQuery.ports }))
  );
  return { kind: "checked", acl, inbound: inboundAll, reply: replyAll, verdict: overallVerdict([...inboundAll.parts, ...replyAll.parts]) };
}
function mayBeWithinSubnet(resolver, subnet) {
  const why = isUnknown(subnet.cidr) ? subnet.cidr.reason : `"${subnet.cidr}" is not a CIDR`;
  return {
    bounds: resolver.vpcCidr(subnet.vpc) ?? AddressSet.ALL,
    reason: `this may be traffic within ${subnet.key}, which ACLs do not filter (CIDR of ${subnet.key}: ${why})`
  };
}
function undecidedWithin(verdict, unknownCidr) {
  if (unknownCidr === void 0 || verdict.verdict !== "deny") return verdict;
  const { bounds, reason } = unknownCidr;
  const parts = verdict.parts.flatMap((part) => {
    if (part.verdict !== "deny") return [part];
    if (part.symbol !== void 0) return part.symbol.within.overlaps(bounds) ? [{ ...part, verdict: "unknown", reason }] : [part];
    const inside = part.addresses.intersect(bounds);
    if (inside.isEmpty()) return [part];
    const outside = part.addresses.subtract(bounds);
    return [...outside.isEmpty() ? [] : [{ ...part, addresses: outside }], { ...part, addresses: inside, verdict: "unknown", reason }];
  });
  return { verdict: overallVerdict(parts), parts };
}
function withParts(verdict, extra) {
  if (extra.length === 0) return verdict;
  const parts = [...verdict.parts, ...extra];
  return { verdict: overallVerdict(parts), parts };
}
function aclDefault(list, direction) {
  return {
    list,
    direction,
    index: -1,
    kind: "defaultDeny",
    text: `default ${direction === "ingress" ? "inbound" : "outbound"} deny of the ACL (ALL ALL 0.0.0.0/0 DROP)`
  };
}
function compiledAclEntries(resolver, acl, direction, local, sourcePorts) {
  if (acl.type === "QUINTUPLE") return compileAclEntries(acl, direction, local, sourcePorts);
  const cacheKey = `acl:${direction}:${acl.key}`;
  const cached = resolver.compiledCache.get(cacheKey);
  if (cached !== void 0) return cached;
  const compiled = compileAclEntries(acl, direction, local, sourcePorts);
  resolver.compiledCache.set(cacheKey, compiled);
  return compiled;
}
function compileAclEntries(acl, direction, local, sourcePorts) {
  const list = acl[direction];
  const compiled = list.entries.map((entry, index) => compileEntry(acl, direction, entry, index, local, sourcePorts));
  if (list.unknownReason !== void 0) {
    return [
      opaqueRule(
        { list: acl.key, direction, index: -1, kind: "opaque", text: `entries of ${acl.key}`, provenance: acl.provenance },
        list.unknownReason
      ),
      ...compiled
    ];
  }
  return compiled;
}
var entryPeers = /* @__PURE__ */ new WeakMap();
function aclEntryPeer(entry) {
  let peer = entryPeers.get(entry);
  if (peer === void 0) {
    const cidr = isUnknown(entry.peerCidr) ? void 0 : AddressSet.parse(entry.peerCidr);
    peer = isUnknown(entry.peerCidr) ? PEER_ANY_UNKNOWN(`CIDR: ${entry.peerCidr.reason}`) : cidr === void 0 ? PEER_ANY_UNKNOWN(`"${entry.peerCidr}" is not a CIDR`) : { definite: cidr, possible: cidr, symbols: /* @__PURE__ */ new Set() };
    entryPeers.set(entry, peer);
  }
  return peer;
}
function compileEntry(acl, direction, entry, index, local, sourcePorts) {
  const action = isUnknown(entry.action) ? void 0 : entry.action;
  const text = [
    isUnknown(entry.action) ? "(unknown action)" : entry.action,
    isUnknown(entry.peerCidr) ? "(unknown CIDR)" : entry.peerCidr,
    isUnknown(entry.protocol) ? "?" : entry.protocol.toUpperCase(),
    isUnknown(entry.port) ? "?" : entry.port.toUpperCase()
  ].join(" ") + (entry.description ? ` (${entry.description})` : "");
  const ref = { list: acl.key, direction, index, text, provenance: entry.provenance, ...action ? { action } : {} };
  const reasons = isUnknown(entry.action) ? [`action: ${entry.action.reason}`] : [];
  const peer = aclEntryPeer(entry);
  if (peer.unknownReason) reasons.push(peer.unknownReason);
  let protocols = { definite: /* @__PURE__ */ new Set(), possible: ALL_PROTOCOLS };
  let ports = { definite: NO_PORTS, possible: ALL_PORTS };
  const protocol = isUnknown(entry.protocol) ? void 0 : parseProtocol(entry.protocol);
  if (protocol === void 0)
    reasons.push(isUnknown(entry.protocol) ? `protocol: ${entry.protocol.reason}` : `unsupported protocol "${entry.protocol}"`);
  else {
    const set = protocol === "ALL" ? new Set(PROTOCOLS) : /* @__PURE__ */ new Set([protocol]);
    protocols = { definite: set, possible: set };
    if (protocol === "ALL" || !hasPorts(protocol)) ports = { definite: ALL_PORTS, possible: ALL_PORTS };
    else if (isUnknown(entry.port)) reasons.push(`port: ${entry.port.reason}`);
    else {
      const parsed = parsePorts(entry.port);
      if (parsed === void 0) reasons.push(`"${entry.port}" is not a port or range`);
      else ports = { definite: parsed, possible: parsed };
    }
  }
  let localMatch = "yes";
  if (acl.type === "QUINTUPLE") {
    localMatch = combine(matchLocal(entry.localCidr, local), matchSourcePorts(entry.sourcePort, sourcePorts));
  }
  return { action, protocols, peer, ports, local: localMatch, ref, ...reasons.length > 0 ? { unknownReason: reasons.join("; ") } : {} };
}
function matchLocal(cidr, local) {
  if (cidr === void 0) return "yes";
  if (isUnknown(cidr)) return "maybe";
  const set = AddressSet.parse(cidr);
  if (set === void 0) return "maybe";
  if (!local.definite.isEmpty() && set.covers(local.possible)) return "yes";
  if (!set.overlaps(local.possible)) return "no";
  return "maybe";
}
function matchSourcePorts(text, sourcePorts) {
  if (text === void 0) return "yes";
  if (isUnknown(text)) return "maybe";
  const set = parsePorts(text);
  if (set === void 0) return "maybe";
  if (set.covers(sourcePorts)) return "yes";
  if (!set.overlaps(sourcePorts)) return "no";
  return "maybe";
}
function combine(a, b) {
  if (a === "no" || b === "no") return "no";
  if (a === "maybe" || b === "maybe") return "maybe";
  return "yes";
}

// src/policy/flowKey.ts
var LB_ADDRESSES = 1;
var HEALTH_CHECK_SOURCE = 2;
var CLIENTS = 4;
var LISTENER_PORTS = 8;
var SUBJECT_PORTS = 16;
var LISTENER_PROTOCOL = 32;
function flowReadsOf(spec) {
  const ports = spec.ports ?? ["backend.port"];
  const flag = (read, bit) => read ? bit : 0;
  return flag(spec.from.includes("lb.vips") || spec.from.includes("snat.ips"), LB_ADDRESSES) | flag(spec.from.includes("healthCheck.source"), HEALTH_CHECK_SOURCE) | flag(spec.from.includes("clients"), CLIENTS) | flag(ports.includes("listener.port"), LISTENER_PORTS) | flag(ports.includes("backend.port") || ports.includes("healthCheck.port"), SUBJECT_PORTS) | flag(spec.protocol === void 0 || spec.protocol === "listener", LISTENER_PROTOCOL);
}
function placeKey(reads, subject, resolver) {
  const { lb, listener } = subject;
  const lbKey = lb === void 0 ? "-" : `=${lb.key}`;
  const listenerKey = listener === void 0 ? "-" : `=${listener.key}`;
  let key = "";
  if (reads & LB_ADDRESSES || reads & HEALTH_CHECK_SOURCE && subject.fields.get("healthCheck.source") === "vip") key += `|lb${lbKey}`;
  if (reads & CLIENTS) key += `|c${clientsKey(subject, resolver)}`;
  if (reads & LISTENER_PORTS) key += `|lp${listenerKey}`;
  if (reads & SUBJECT_PORTS && listener !== void 0 && (subject.fields.get("backend.port") === 0 || subject.fields.get("healthCheck.port") === 0))
    key += `|zp${listenerKey}`;
  if (reads & LISTENER_PROTOCOL) {
    const protocol = listener?.protocol;
    key += `|p${protocol === void 0 ? "-" : isUnknown(protocol) ? `?${protocol.reason}` : `=${protocol}`}`;
  }
  return key;
}
function clientsKey(subject, resolver) {
  const lb = subject.lb;
  if (lb === void 0) return "-";
  if (isUnknown(lb.network)) return `=${lb.key}`;
  if (lb.network === "OPEN") return !isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6" ? "open6" : "open4";
  return resolver.vpcCidr(lb.vpc) === void 0 ? `=${lb.key}` : `vpc:${String(lb.vpc)}`;
}

// src/policy/innerMap.ts
function innerMap(outer, key) {
  let found = outer.get(key);
  if (found === void 0) {
    found = /* @__PURE__ */ new Map();
    outer.set(key, found);
  }
  return found;
}

// src/policy/checkCache.ts
var CheckCache = class {
  constructor(resolver) {
    this.resolver = resolver;
  }
  resolver;
  subjectsByKind = /* @__PURE__ */ new Map();
  lbFields = /* @__PURE__ */ new Map();
  listenerFields = /* @__PURE__ */ new Map();
  flowKeys = /* @__PURE__ */ new Map();
  flowFields = /* @__PURE__ */ new Map();
  flowReads = /* @__PURE__ */ new Map();
  flows = /* @__PURE__ */ new Map();
  queries = /* @__PURE__ */ new Map();
  groupLists = /* @__PURE__ */ new Map();
  groupClasses = /* @__PURE__ */ new Map();
  loadBalancerGroupClasses = /* @__PURE__ */ new Map();
  addresses = /* @__PURE__ */ new Map();
  aclClasses = /* @__PURE__ */ new Map();
  ephemeral = /* @__PURE__ */ new Map();
  shadows = /* @__PURE__ */ new Map();
  undecidedShadows = /* @__PURE__ */ new Map();
  decisions = /* @__PURE__ */ new Map();
  /** denyEffectiveForLoadBalancerTraffic, by listener, target ports and group list. */
  bypassClasses = new ClassTable();
  pathLayerTables = /* @__PURE__ */ new Map();
  /**
   * Layers of a diagram path computed once per shared object (a prepared flow, the resolver for
   * ACL verdicts) and key: thousands of findings behind one CLB draw the same CLB and ACL layers.
   */
  pathLayers(owner, key, compute) {
    let byKey = this.pathLayerTables.get(owner);
    if (byKey === void 0) {
      byKey = /* @__PURE__ */ new Map();
      this.pathLayerTables.set(owner, byKey);
    }
    let layers = byKey.get(key);
    if (layers === void 0) {
      layers = compute();
      byKey.set(key, layers);
    }
    return layers;
  }
  /** The subjects of a kind built with these params, or undefined when none agree with them. */
  subjects(kind, params) {
    for (const built of this.subjectsByKind.get(kind) ?? []) {
      if ([...built.reads].every(([name, value]) => sameParam(params.get(name), value))) return built.subjects;
    }
    return void 0;
  }
  /** Keeps subjects built while reading `reads` (name → value): they fit every policy that agrees on those. */
  keepSubjects(kind, reads, subjects) {
    const list = this.subjectsByKind.get(kind) ?? [];
    list.push({ reads, subjects });
    this.subjectsByKind.set(kind, list);
  }
  /**
   * What a prepared flow depends on besides the spec and params: the subject's port and
   * health-check fields (once per subject), and of its load balancer and listener only what the
   * spec reads (`placeKey`).
   */
  flowKey(spec, subject) {
    let reads = this.flowReads.get(spec);
    if (reads === void 0) {
      reads = flowReadsOf(spec);
      this.flowReads.set(spec, reads);
    }
    const bySubject = innerMap(this.flowKeys, reads);
    let key = bySubject.get(subject);
    if (key === void 0) {
      key = this.subjectFlowFields(subject) + placeKey(reads, subject, this.resolver);
      bySubject.set(subject, key);
    }
    return key;
  }
  /** The subject's own part of its flow keys: once per subject, whatever the specs read. */
  subjectFlowFields(subject) {
    let fields = this.flowFields.get(subject);
    if (fields === void 0) {
      const field = (name) => {
        const value = subject.fields.get(name);
        return value !== null && typeof value === "object" && "reason" in value ? `?${String(value.reason)}` : String(value);
      };
      fields = `${subject.kind}|${field("backend.port")}|${field("healthCheck.port")}|${field("healthCheck.source")}`;
      this.flowFields.set(subject, fields);
    }
    return fields;
  }
  /** The flows of one spec with one set of params, by flow key. */
  flowsOf(spec, params) {
    return innerMap(innerMap(this.flows, spec), params);
  }
  /** One object for every query of the same packets, so that verdicts can be kept by query. */
  canonicalQuery(query) {
    const key = `${query.protocol}|${query.ports.intervals.join(";")}|${query.addresses.key()}|${query.symbols.map((s) => `${s.id}@${s.within.key()}`).join(",")}`;
    const found = this.queries.get(key);
    if (found !== void 0) return found;
    this.queries.set(key, query);
    return query;
  }
  /**
   * The verdict of a canonical query into interfaces with this interface's groups: computed once
   * per (group list, query), naming the interface as `CLASS_INTERFACE`.
   */
  groupVerdicts(nic, query) {
    return classVerdicts(
      this.groupClasses,
      query,
      this.groupListKey(nic),
      () => admitToInterface(this.resolver, nic, query, CLASS_INTERFACE)
    );
  }
  /**
   * The verdict of a canonical query through a load balancer's own security groups: once per
   * (group list, query), naming the load balancer as `CLASS_INTERFACE` — every CLB behind the
   * same groups (thousands of module instances) shares it, and a finding retells it.
   */
  loadBalancerGroupVerdicts(groups, query) {
    return classVerdicts(
      this.loadBalancerGroupClasses,
      query,
      groups.join(","),
      () => admitThroughGroups(this.resolver, CLASS_INTERFACE, groups, query)
    );
  }
  /**
   * What a canonical query meets in the network ACL of this interface's subnet, for its own
   * addresses, and its replies to the client ports `ephemeral`: once per (subnet, addresses).
   */
  aclOutcome(nic, query, ephemeral) {
    const byInterface = innerMap(innerMap(this.aclClasses, query), ephemeral);
    const addresses = this.interfaceAddresses(nic);
    let outcome = byInterface.get(addresses.aclKey);
    if (outcome === void 0) {
      const admission = admitThroughAcl(this.resolver, nic.subnet, addresses.bounds, query, ephemeral);
      if (admission.kind !== "checked") outcome = admission;
      else {
        const replyQuery = { ...query, ports: hasPorts(query.protocol) ? ephemeral : query.ports };
        const verdicts = [
          { verdict: admission.inbound, direction: "ingress", query },
          { verdict: admission.reply, direction: "egress", query: replyQuery }
        ];
        outcome = { kind: "checked", resource: admission.acl.key, location: admission.acl.provenance.location ?? null, verdicts };
      }
      byInterface.set(addresses.aclKey, outcome);
    }
    return outcome;
  }
  /** The interface's security groups, as a key: interfaces with the same list are one class. */
  groupListKey(nic) {
    let groups = this.groupLists.get(nic);
    if (groups === void 0) {
      if (isUnknown(nic.securityGroups)) groups = `?${nic.key}`;
      else if (nic.securityGroups.length === 0 && !nic.primary) groups = `!${nic.key}`;
      else groups = `${nic.securityGroupsUnordered === true ? "~" : ""}${nic.securityGroups.join(",")}`;
      this.groupLists.set(nic, groups);
    }
    return groups;
  }
  /** The client ports replies go to (`params.ephemeralPorts`): parsed once per params. */
  ephemeralPorts(params) {
    let ports = this.ephemeral.get(params);
    if (ports === void 0) {
      const value = params.get("ephemeralPorts");
      ports = paramPorts(value) ?? DEFAULT_EPHEMERAL_PORTS;
      this.ephemeral.set(params, ports);
    }
    return ports;
  }
  /**
   * What an assertion spec concludes from one class's verdicts (which parts refuse, admit or
   * cannot be decided): decided once per class, kept without any subject identity.
   */
  decide(spec, verdicts, decideFn) {
    let bySpec = this.decisions.get(spec);
    if (bySpec === void 0) {
      bySpec = /* @__PURE__ */ new WeakMap();
      this.decisions.set(spec, bySpec);
    }
    let decision = bySpec.get(verdicts);
    if (decision === void 0) {
      decision = decideFn(spec, verdicts, this.resolver);
      bySpec.set(verdicts, decision);
    }
    return decision;
  }
  /** The ineffective DROPs of one effective rule order (a direction and a group list): analysed once. */
  ineffectiveDenies(key, compute) {
    return kept(this.shadows, key, compute);
  }
  /** The DROPs of one effective rule order that may be ineffective, though not for certain: analysed once. */
  undecidedDenies(key, compute) {
    return kept(this.undecidedShadows, key, compute);
  }
  /**
   * An interface's own addresses, and the key of its ACL class: the subnet, and for a quintuple
   * ACL (whose entries name the local side) the addresses too.
   */
  interfaceAddresses(nic) {
    let found = this.addresses.get(nic);
    if (found === void 0) {
      const bounds = this.resolver.interfaceAddresses(nic);
      const subnet = isUnknown(nic.subnet) ? `?${nic.key}` : nic.subnet;
      found = { bounds, aclKey: this.aclReadsLocalSide(nic) ? `${subnet}|${bounds.definite.key()}|${bounds.possible.key()}` : subnet };
      this.addresses.set(nic, found);
    }
    return found;
  }
  aclReadsLocalSide(nic) {
    if (isUnknown(nic.subnet)) return false;
    const acl = this.resolver.subnet(nic.subnet)?.networkAcl;
    if (acl === void 0 || acl === null || isUnknown(acl)) return false;
    return this.resolver.networkAcl(acl)?.type === "QUINTUPLE";
  }
};
var ClassTable = class {
  rows = /* @__PURE__ */ new Map();
  get(a, b, c) {
    return this.rows.get(a)?.get(b)?.get(c);
  }
  set(a, b, c, value) {
    innerMap(innerMap(this.rows, a), b).set(c, value);
  }
};
function classVerdicts(table, query, key, admit) {
  const byClass = innerMap(table, query);
  let verdicts = byClass.get(key);
  if (verdicts === void 0) {
    verdicts = [{ verdict: admit(), direction: "ingress", query }];
    byClass.set(key, verdicts);
  }
  return verdicts;
}
function kept(table, key, compute) {
  let value = table.get(key);
  if (value === void 0) {
    value = compute();
    table.set(key, value);
  }
  return value;
}
var CLASS_INTERFACE = "\0the interface\0";
function sameParam(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

// src/policy/portTexts.ts
function portTexts(listener, backendPort, healthCheckPort2) {
  const ranged = listener.endPort !== void 0 && (isUnknown(listener.endPort) || isUnknown(listener.port) || listener.endPort > listener.port);
  const fullPort = backendPort === 0;
  if (!ranged && !fullPort) return void 0;
  const texts = /* @__PURE__ */ new Map();
  const listened = listenedText(listener);
  if (ranged) texts.set("listener.port", listened);
  if (fullPort) {
    const followed = `${listened} (full-port)`;
    texts.set("backend.port", followed);
    if (healthCheckPort2 === 0) texts.set("healthCheck.port", followed);
  }
  return texts;
}
function listenedText(listener) {
  if (isUnknown(listener.port)) return "the listener's port";
  if (listener.endPort !== void 0 && isUnknown(listener.endPort)) return `${listener.port}-(unknown)`;
  return describePorts(listenerPorts(listener));
}

// src/policy/subjects.ts
var LayeredFields = class {
  constructor(layers) {
    this.layers = layers;
  }
  layers;
  get(path) {
    for (const layer of this.layers) {
      const value = layer.get(path);
      if (value !== void 0) return value;
    }
    return void 0;
  }
};
function lbLayer(lb, cache) {
  let layer = cache.lbFields.get(lb);
  if (layer === void 0) {
    layer = new Map(lbFields(lb, cache.resolver));
    cache.lbFields.set(lb, layer);
  }
  return layer;
}
function listenerLayer(listener, cache) {
  let layer = cache.listenerFields.get(listener);
  if (layer === void 0) {
    layer = new Map(listenerFields(listener));
    cache.listenerFields.set(listener, layer);
  }
  return layer;
}
function* subjectsOf(kind, cache, params) {
  const resolver = cache.resolver;
  const inv = resolver.inventory;
  switch (kind) {
    case "loadBalancer":
      for (const lb of inv.loadBalancers.values()) yield lbSubject(lb, cache);
      return;
    case "listener":
      for (const lb of inv.loadBalancers.values()) for (const listener of lb.listeners) yield listenerSubject(lb, listener, resolver);
      return;
    case "backend":
      yield* backendSubjects(cache, params);
      return;
    case "instance": {
      const secondary = /* @__PURE__ */ new Map();
      for (const nic of inv.networkInterfaces.values()) {
        if (nic.instance === void 0) continue;
        const owner = resolver.instance(nic.instance)?.key;
        if (owner === void 0) yield attachedInterfaceSubject(nic, nic.instance);
        else if (!nic.primary) secondary.set(owner, [...secondary.get(owner) ?? [], nic]);
      }
      for (const instance of inv.instances.values()) {
        yield instanceSubject(instance);
        for (const nic of [...instance.interfaces.filter((i) => !i.primary), ...secondary.get(instance.key) ?? []])
          yield instanceSubject(instance, nic);
      }
      return;
    }
    case "securityGroup":
      for (const sg of inv.securityGroups.values()) {
        yield {
          kind,
          resource: sg.key,
          provenance: sg.provenance,
          related: [],
          fields: /* @__PURE__ */ new Map([
            ["sg.key", sg.key],
            ["sg.name", sg.name ?? sg.key]
          ]),
          securityGroup: sg
        };
      }
      return;
    case "networkAcl":
      for (const acl of inv.networkAcls.values()) {
        yield {
          kind,
          resource: acl.key,
          provenance: acl.provenance,
          related: [],
          fields: /* @__PURE__ */ new Map([
            ["acl.key", acl.key],
            ["acl.name", acl.name ?? acl.key],
            ["acl.type", acl.type]
          ]),
          networkAcl: acl
        };
      }
      return;
  }
}
function lbFields(lb, resolver) {
  const vips = resolver.vip(lb);
  return [
    ["lb.key", lb.key],
    ["lb.name", lb.name ?? lb.key],
    ["lb.network", lb.network],
    ["lb.ipVersion", lb.ipVersion],
    ["lb.passToTarget", lb.passToTarget],
    ["lb.passToTargetEffective", effectivePassToTarget(lb)],
    ["lb.snat", lb.snat],
    ["lb.snatPro", lb.snatPro],
    ["lb.securityGroups", lb.securityGroups],
    ["lb.vips", vips.symbols.length > 0 ? unknown("VIP known after apply") : vips.addresses.toCidrs()],
    ["lb.vipText", vips.symbols.length > 0 ? `the VIP of ${lb.key}` : vips.addresses.describe()]
  ];
}
function effectivePassToTarget(lb) {
  if (!isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6") return true;
  if (!isUnknown(lb.snatPro) && lb.snatPro === true) return false;
  return lb.passToTarget;
}
function lbSubject(lb, cache) {
  return {
    kind: "loadBalancer",
    resource: lb.key,
    provenance: lb.provenance,
    related: lb.listeners.map((l) => l.key),
    fields: lbLayer(lb, cache),
    lb
  };
}
function listenerFields(listener) {
  return [
    ["listener.key", listener.key],
    ["listener.name", listener.name ?? listener.key],
    ["listener.protocol", listener.protocol],
    ["listener.transport", isUnknown(listener.protocol) ? listener.protocol : transportOf(listener.protocol)],
    ["listener.port", listener.port],
    ["listener.isLayer7", isUnknown(listener.protocol) ? listener.protocol : listener.protocol === "HTTP" || listener.protocol === "HTTPS"]
  ];
}
function listenerSubject(lb, listener, resolver) {
  return {
    kind: "listener",
    resource: listener.key,
    provenance: listener.provenance,
    related: [lb.key],
    fields: new Map([
      ...lbFields(lb, resolver),
      ...listenerFields(listener),
      ...healthFields(listener.healthCheck, listener, void 0, void 0)
    ]),
    lb,
    listener,
    healthCheck: listener.healthCheck,
    ...withTexts(portTexts(listener))
  };
}
function withTexts(texts) {
  return texts === void 0 ? {} : { texts };
}
function healthCheckPort(healthCheck, listener, backendPort) {
  const l4 = !isUnknown(listener.protocol) && (listener.protocol === "TCP" || listener.protocol === "UDP");
  if (l4 && healthCheck.port !== void 0) {
    if (isUnknown(healthCheck.port)) return healthCheck.port;
    if (healthCheck.port > 0) return healthCheck.port;
  }
  return backendPort ?? null;
}
function healthFields(healthCheck, listener, backendPort, params) {
  const fallback = params?.get("defaultHealthCheckSource") === "range" ? "range" : "vip";
  const source = isUnknown(healthCheck.sourceIpType) ? fallback : healthCheck.sourceIpType === 1 ? "range" : "vip";
  const allowlisted = source === "range" && params?.get("healthCheckRangeAllowlisted") !== false;
  return [
    ["healthCheck.enabled", healthCheck.enabled],
    ["healthCheck.port", healthCheckPort(healthCheck, listener, backendPort)],
    ["healthCheck.type", healthCheck.type ?? null],
    ["healthCheck.sourceIpType", healthCheck.sourceIpType],
    ["healthCheck.source", source],
    ["healthCheck.sourceAllowlisted", allowlisted]
  ];
}
function* backendSubjects(cache, params) {
  const resolver = cache.resolver;
  for (const lb of resolver.inventory.loadBalancers.values()) {
    for (const listener of lb.listeners) {
      const groups = [
        { healthCheck: listener.healthCheck, targets: listener.targets }
      ];
      for (const rule of listener.rules) groups.push({ rule, healthCheck: rule.healthCheck, targets: rule.targets });
      for (const group of groups) {
        for (const target of group.targets) {
          const subject = backendSubject(cache, params, lb, listener, group.rule, group.healthCheck, target);
          if (target.instanceCandidates === void 0 || target.instanceCandidates.length === 0) {
            yield subject;
            continue;
          }
          const { instanceCandidates, ...rest } = target;
          const candidates = instanceCandidates.map(
            (instance) => backendSubject(cache, params, lb, listener, group.rule, group.healthCheck, { ...rest, instance })
          );
          yield { ...subject, candidates };
        }
      }
      if (listener.targetsUnknownReason !== void 0) {
        const target = {
          instance: unknown(listener.targetsUnknownReason),
          port: unknown(listener.targetsUnknownReason),
          via: "listener",
          provenance: listener.provenance
        };
        yield { ...backendSubject(cache, params, lb, listener, void 0, listener.healthCheck, target), resource: listener.key };
      }
    }
  }
}
function backendSubject(cache, params, lb, listener, rule, healthCheck, target) {
  const resolver = cache.resolver;
  let nic;
  let instance;
  let resource;
  if (target.instance !== void 0) {
    if (isUnknown(target.instance)) {
      nic = target.instance;
      resource = target.provenance.address;
    } else {
      instance = resolver.instance(target.instance);
      resource = instance?.key ?? target.instance;
      nic = instance?.interfaces.find((i) => i.primary) ?? instance?.interfaces[0] ?? unknown(`${target.instance} is not in this check`);
    }
  } else if (target.eniIp !== void 0 && !isUnknown(target.eniIp)) {
    const found = resolver.interfaceWithIp(target.eniIp);
    nic = found ?? unknown(`no interface with IP ${target.eniIp} in this check`);
    instance = found?.instance !== void 0 ? resolver.instance(found.instance) : void 0;
    resource = instance?.key ?? found?.key ?? target.eniIp;
  } else {
    nic = unknown("the target is known only after apply");
    resource = target.provenance.address;
  }
  const provenance = instance?.provenance ?? (isUnknown(nic) ? target.provenance : nic.provenance);
  const subnet = isUnknown(nic) ? nic : nic.subnet;
  return {
    kind: "backend",
    resource,
    provenance,
    related: [listener.key, lb.key, ...rule ? [rule.key] : [], target.provenance.address].filter(
      (v, i, all2) => all2.indexOf(v) === i && v !== resource
    ),
    fields: new LayeredFields([
      new Map([
        ...healthFields(healthCheck, listener, target.port, params),
        ["rule.key", rule?.key ?? null],
        ["rule.domain", rule?.domain ?? null],
        ["rule.url", rule?.url ?? null],
        ["backend.port", target.port],
        ["backend.via", target.via],
        ["backend.target", target.instance ?? target.eniIp ?? null],
        ["backend.resource", resource],
        ["instance.key", instance?.key ?? null],
        ["instance.name", instance?.name ?? resource],
        ["instance.os", instance?.os ?? unknown("instance not in this check")],
        ["subnet.key", subnet ?? null]
      ]),
      listenerLayer(listener, cache),
      lbLayer(lb, cache)
    ]),
    lb,
    listener,
    ...rule ? { rule } : {},
    target,
    healthCheck,
    nic,
    ...instance ? { instance } : {},
    ...withTexts(portTexts(listener, target.port, healthCheckPort(healthCheck, listener, target.port)))
  };
}
function attachedInterfaceSubject(nic, instance) {
  return {
    kind: "instance",
    resource: nic.key,
    provenance: nic.provenance,
    related: [instance],
    fields: /* @__PURE__ */ new Map([
      ["instance.key", instance],
      ["instance.name", instance],
      ["instance.os", unknown(`${instance} is not in this check, so its OS is unknown`)],
      ["subnet.key", nic.subnet]
    ]),
    nic
  };
}
function instanceSubject(instance, secondary) {
  const nic = secondary ?? instance.interfaces.find((i) => i.primary) ?? instance.interfaces[0];
  return {
    kind: "instance",
    resource: secondary?.key ?? instance.key,
    provenance: secondary?.provenance ?? instance.provenance,
    related: secondary ? [instance.key] : [],
    fields: /* @__PURE__ */ new Map([
      ["instance.key", instance.key],
      ["instance.name", instance.name ?? instance.key],
      ["instance.os", instance.os],
      ["subnet.key", nic === void 0 ? null : nic.subnet]
    ]),
    nic: nic ?? unknown(`${instance.key} has no network interface in this check`),
    instance
  };
}

// src/policy/assertions/flowPreparation.ts
function prepareFlow(spec, ctx) {
  const flows = ctx.cache.flowsOf(spec, ctx.params);
  const key = ctx.cache.flowKey(spec, ctx.subject);
  let flow = flows.get(key);
  if (flow === void 0) {
    flow = prepareFlowUncached(spec, ctx);
    flows.set(key, flow);
  }
  return flow;
}
function prepareFlowUncached(spec, ctx) {
  const sources = resolveSources(spec.from, ctx.subject, ctx.resolver, ctx.params);
  const ports = resolvePorts(spec.ports, ctx.subject, ctx.params);
  const protocol = resolveProtocol(spec.protocol, ctx.subject);
  if (typeof protocol !== "string") return { unknownReason: protocol.unknownReason };
  const reasons = [...sources.unknownReasons, ...ports.unknownReasons];
  if (sources.addresses.isEmpty() && sources.symbols.length === 0 || ports.ports.isEmpty())
    return { unknownReason: reasons.join("; ") || "nothing to check" };
  return {
    query: ctx.cache.canonicalQuery({ protocol, addresses: sources.addresses, symbols: sources.symbols, ports: ports.ports }),
    label: `${sources.label} \u2192 ${protocol}${hasPorts(protocol) ? `:${ports.label}` : ""}`,
    portsLabel: ports.label,
    unknownReasons: reasons
  };
}
function evaluateLayers(through, query, ctx) {
  const { subject, cache } = ctx;
  const outcomes = [];
  for (const layer of through) {
    if (layer === "loadBalancerSecurityGroups") {
      const lb = subject.lb;
      if (lb === void 0) continue;
      const location2 = lb.provenance.location ?? null;
      if (isUnknown(lb.securityGroups))
        outcomes.push({
          layer,
          resource: lb.key,
          location: location2,
          verdicts: [],
          unknownReason: `security groups of ${lb.key}: ${lb.securityGroups.reason}`
        });
      else
        outcomes.push({
          layer,
          resource: lb.key,
          location: location2,
          verdicts: cache.loadBalancerGroupVerdicts(lb.securityGroups, query),
          ownInterface: lb.key
        });
      continue;
    }
    const nic = subject.nic;
    const resource = subject.resource;
    const location = subject.provenance.location ?? null;
    if (nic === void 0) continue;
    if (isUnknown(nic)) {
      outcomes.push({ layer, resource, location, verdicts: [], unknownReason: nic.reason });
      continue;
    }
    if (layer === "securityGroups") {
      outcomes.push({ layer, resource, location, verdicts: cache.groupVerdicts(nic, query), ownInterface: nic.key });
      continue;
    }
    const acl = cache.aclOutcome(nic, query, cache.ephemeralPorts(ctx.params));
    if (acl.kind === "none") continue;
    if (acl.kind === "unknown") {
      outcomes.push({ layer, resource, location, verdicts: [], unknownReason: acl.reason });
      continue;
    }
    outcomes.push({ layer, resource: acl.resource, location: acl.location, verdicts: acl.verdicts });
  }
  return outcomes;
}
function flowSchema(options) {
  return {
    allOf: [{ $ref: "#/$defs/flow" }],
    properties: { from: true, ports: true, protocol: true, through: true, ...options },
    unevaluatedProperties: false
  };
}

// src/policy/assertions/flowPathOf.ts
var MAX_RULES_PER_LAYER = 6;
function flowPathOf(flow, ctx, options) {
  const { subject, resolver } = ctx;
  const { lb, nic, listener } = subject;
  if (lb === void 0 && nic === void 0) return void 0;
  const passToTarget = lb === void 0 ? false : effectivePassToTarget(lb);
  const protocol = flow.query.protocol;
  const layers = [];
  if (lb !== void 0 && options.fromClients) {
    const listened = (listener === void 0 ? void 0 : listenerPorts(listener)) ?? flow.query.ports;
    layers.push(
      ...ctx.cache.pathLayers(flow, `lb|${lb.key}|${listened.intervals.join(";")}`, () => {
        const [outcome] = evaluateLayers(["loadBalancerSecurityGroups"], ctx.cache.canonicalQuery({ ...flow.query, ports: listened }), ctx);
        if (outcome === void 0) return [];
        if (outcome.unknownReason !== void 0) return [undecided("loadBalancerGroup", outcome.resource, outcome.unknownReason)];
        return groupLayers(
          "loadBalancerGroup",
          isUnknown(lb.securityGroups) ? [] : lb.securityGroups,
          outcome.resource,
          ownVerdict(outcome.verdicts[0].verdict, lb.key),
          protocol,
          ctx
        );
      })
    );
  }
  for (const outcome of nic === void 0 ? [] : evaluateLayers(["securityGroups", "networkAcl"], flow.query, ctx)) {
    if (outcome.layer === "securityGroups") {
      if (outcome.unknownReason !== void 0 || nic === void 0 || isUnknown(nic) || isUnknown(nic.securityGroups)) {
        layers.push(
          undecided("securityGroup", outcome.resource, outcome.unknownReason ?? "the security groups of the interface are not known")
        );
        continue;
      }
      const own = groupLayers(
        "securityGroup",
        nic.securityGroups,
        nic.key,
        ownVerdict(outcome.verdicts[0].verdict, nic.key),
        protocol,
        ctx
      );
      layers.push(
        ...passToTarget === true ? own.map((l) => ({ ...l, outcome: "skipped", note: "not evaluated: the CLB passes traffic to its targets" })) : isUnknown(passToTarget) ? own.map((l) => maybeSkipped(l, passToTarget.reason)) : own
      );
      continue;
    }
    if (outcome.unknownReason !== void 0) {
      layers.push(undecided("networkAclIn", outcome.resource, outcome.unknownReason));
      continue;
    }
    const acl = resolver.inventory.networkAcls.get(outcome.resource);
    for (const { verdict, direction, query } of outcome.verdicts) {
      layers.push(
        ...ctx.cache.pathLayers(resolver, `acl|${direction}|${outcome.resource}|${protocol}|${partsKey(verdict.parts)}`, () => {
          const kind = direction === "ingress" ? "networkAclIn" : "networkAclOut";
          const rules = rulesOf(verdict.parts, query.protocol, verdict.parts.length);
          const note = verdict.parts.find((p) => p.note !== void 0 && p.decidedBy === void 0)?.note;
          return [
            {
              kind,
              resource: outcome.resource,
              ...acl?.name ? { name: acl.name } : {},
              outcome: outcomeOf2(rules, verdict),
              rules,
              ...note ? { note } : {}
            }
          ];
        })
      );
    }
  }
  const arrow = flow.label.lastIndexOf(" \u2192 ");
  return {
    ...lb ? { loadBalancer: lb.key } : {},
    ...listener ? { listener: listener.key } : {},
    target: subject.resource,
    source: arrow > 0 ? flow.label.slice(0, arrow) : flow.label,
    destination: arrow > 0 ? flow.label.slice(arrow + 3) : `${protocol}:${flow.portsLabel}`,
    layers
  };
}
function partsKey(parts) {
  return parts.map(
    (p) => `${p.verdict}|${p.decidedBy?.list ?? ""}|${p.decidedBy?.index ?? ""}|${p.decidedBy?.kind ?? ""}|${p.addresses.key()}|${p.symbol?.id ?? ""}|${p.ports.intervals.join(";")}|${p.note ?? ""}|${p.reason ?? ""}`
  ).join("\n");
}
function groupLayers(kind, refs, owner, verdict, protocol, ctx) {
  const keys = refs.map((ref) => ctx.resolver.securityGroup(ref)?.key ?? ref);
  if (keys.length === 0) {
    const rules = rulesOf(
      verdict.parts.filter((p) => p.decidedBy !== void 0),
      protocol,
      verdict.parts.length
    );
    const first = verdict.parts[0];
    const note = first?.verdict === "allow" ? "no security group bound: all listener traffic passes" : first?.reason ?? first?.note;
    return [{ kind, resource: owner, outcome: outcomeOf2(rules, verdict), rules, ...note ? { note } : {} }];
  }
  const own = new Set(keys);
  const closing = verdict.parts.filter((p) => p.decidedBy === void 0 || !own.has(p.decidedBy.list));
  return keys.map((key, i) => {
    const mine = verdict.parts.filter((p) => p.decidedBy?.list === key);
    const parts = i === keys.length - 1 ? [...mine, ...closing] : mine;
    const rules = rulesOf(parts, protocol, verdict.parts.length);
    const group = ctx.resolver.securityGroup(key);
    return {
      kind,
      resource: key,
      ...group?.name ? { name: group.name } : {},
      outcome: rules.length === 0 ? "next" : outcomeOf2(rules, { verdict: "allow", parts }),
      rules
    };
  });
}
function rulesOf(parts, protocol, flowParts) {
  const shown = parts.filter((p) => p.decidedBy !== void 0 || p.verdict !== "allow").slice(0, MAX_RULES_PER_LAYER);
  const whole = shown.length === 1 && flowParts === 1;
  return shown.map((part) => {
    const ref = part.decidedBy;
    const written = ref !== void 0 && ref.kind === void 0 && ref.index >= 0;
    const location = ref?.provenance?.location;
    return {
      verdict: part.verdict,
      ...written ? { index: ref.index } : {},
      ...ref?.kind === "defaultDeny" ? { defaultDeny: true } : {},
      rule: ref?.text ?? (part.verdict === "deny" ? "default deny (no rule matched)" : part.reason ?? "not decided"),
      ...whole ? {} : { part: describePart(part, protocol) },
      ...location ? { location } : {}
    };
  });
}
function outcomeOf2(rules, verdict) {
  if (rules.some((r) => r.verdict === "deny")) return "deny";
  if (rules.some((r) => r.verdict === "unknown") || verdict.parts.some((p) => p.verdict === "unknown")) return "unknown";
  return "allow";
}
function maybeSkipped(layer, reason) {
  const note = `pass-to-target not known (${reason}): evaluated only if off`;
  return { ...layer, outcome: layer.outcome === "deny" ? "unknown" : layer.outcome, note };
}
function undecided(kind, resource, reason) {
  return { kind, resource, outcome: "unknown", rules: [], note: reason };
}
function ownVerdict(verdict, nicKey) {
  return { ...verdict, parts: verdict.parts.map((part) => retellPart(part, CLASS_INTERFACE, nicKey)) };
}

// src/policy/assertions/denyEffectiveForLoadBalancerTraffic.ts
var denyEffectiveForLoadBalancerTraffic = {
  name: "denyEffectiveForLoadBalancerTraffic",
  properties: { denyEffectiveForLoadBalancerTraffic: { type: "object", additionalProperties: false } },
  variables: ["denyRule", "carried"],
  subjects: ["backend"],
  evaluate: (_assertion, ctx) => checkDenyEffectiveForLoadBalancerTraffic(ctx)
};
var NONE = [];
function checkDenyEffectiveForLoadBalancerTraffic(ctx) {
  const { subject, cache } = ctx;
  const { lb, listener, nic, target } = subject;
  if (lb === void 0 || listener === void 0 || nic === void 0 || target === void 0) return [];
  const flow = backendFlow(nic, listener, target);
  if ("unknownReason" in flow) return [backendUnknown(ctx, flow.unknownReason)];
  const { protocol, targetPorts } = flow;
  const groups = cache.groupListKey(flow.nic);
  const portsLabel = describePorts(targetPorts);
  let failures = cache.bypassClasses.get(listener, portsLabel, groups);
  if (failures === void 0) {
    failures = bypassedDenies(ctx.resolver, lb, flow);
    cache.bypassClasses.set(listener, portsLabel, groups, failures);
  }
  if (failures.length === 0) return [];
  const related = [subject.resource, lb.key, listener.key];
  return failures.map(({ peer, ...failure }) => ({
    ...failure,
    related,
    path: () => flowPathOf(
      {
        query: { protocol, addresses: peer, symbols: [], ports: targetPorts },
        label: `${peer.describe()} \u2192 ${protocol}:${portsLabel}`,
        portsLabel,
        unknownReasons: []
      },
      ctx,
      { fromClients: true }
    )
  }));
}
function backendFlow(nic, listener, target) {
  if (isUnknown(nic)) return { unknownReason: `the backend's interface: ${nic.reason}` };
  if (isUnknown(nic.securityGroups))
    return { unknownReason: `the security groups of ${nic.key}: ${nic.securityGroups.reason}, so a DROP among them cannot be looked for` };
  if (isUnknown(listener.protocol)) return { unknownReason: `the protocol of ${listener.key}: ${listener.protocol.reason}` };
  if (isUnknown(listener.port)) return { unknownReason: `the port of ${listener.key}: ${listener.port.reason}` };
  if (listener.endPort !== void 0 && isUnknown(listener.endPort))
    return { unknownReason: `the end port of ${listener.key}: ${listener.endPort.reason}` };
  if (isUnknown(target.port)) return { unknownReason: `the backend port: ${target.port.reason}` };
  const listened = listenerPorts(listener) ?? portRange(listener.port);
  const fullPort = target.port === 0;
  return {
    nic,
    protocol: transportOf(listener.protocol),
    listenerPorts: listened,
    targetPorts: fullPort ? listened : portRange(target.port),
    fullPort
  };
}
function backendUnknown(ctx, reason) {
  const failure = unknownFailure(ctx, reason, "bypass:unknown");
  return {
    ...failure,
    vars: new Map([...failure.vars, ["denyRule", "a backend DROP"], ["carried", `(unknown: ${reason})`]])
  };
}
function dropOnPorts(rule, protocol, ports) {
  if (rule.action === "ACCEPT" || !rule.protocols.possible.has(protocol) || !rule.ports.possible.overlaps(ports)) return "no";
  return rule.action === "DROP" && rule.protocols.definite.has(protocol) && rule.ports.definite.overlaps(ports) ? "yes" : "maybe";
}
function carriedByLoadBalancer(resolver, lb, peer, protocol, listened) {
  if (isUnknown(lb.securityGroups))
    return { kind: "unknown", reason: `the security groups of ${lb.key}: ${lb.securityGroups.reason}`, verdict: void 0 };
  const lbGroups = lb.securityGroups;
  if (lbGroups.length === 0) return { kind: "notCarried", text: `${lb.key} has no security group`, verdict: void 0 };
  const verdict = admitThroughGroups(resolver, lb.key, lbGroups, {
    protocol,
    addresses: peer,
    symbols: [],
    ports: listened
  });
  const groupsText = `the security groups of ${lb.key} (${lbGroups.join(", ")})`;
  if (verdict.parts.some((p) => p.verdict === "allow"))
    return { kind: "notCarried", text: `${groupsText} admit it on ${describePorts(listened)}`, verdict };
  if (verdict.parts.some((p) => p.verdict === "deny" && (p.decidedBy === void 0 || p.decidedBy.index < 0)))
    return {
      kind: "notCarried",
      text: `${groupsText} have no DROP for it (only their default deny refuses it, until they are opened wider)`,
      verdict
    };
  const undecided3 = verdict.parts.filter((p) => p.verdict === "unknown");
  if (undecided3.length === 0) return { kind: "carried" };
  const reasons = [...new Set(undecided3.map((p) => p.reason ?? "not decided"))];
  return { kind: "unknown", reason: `whether ${groupsText} carry the block is not known: ${reasons.join("; ")}`, verdict };
}
function bypassedDenies(resolver, lb, flow) {
  const { protocol, targetPorts } = flow;
  const targetText = `${protocol}:${describePorts(targetPorts)}`;
  const failures = [];
  const family = clientFamily(lb);
  for (const rule of compileInterface(resolver, flow.nic, "ingress")) {
    const drop = dropOnPorts(rule, protocol, targetPorts);
    if (drop === "no") continue;
    const ref = rule.ref;
    if (ref.index < 0) {
      const group = resolver.securityGroup(ref.list);
      const reason = `${rule.unknownReason ?? `${ref.text} cannot be read`}: a DROP there on ${targetText} would not stop CLB traffic either`;
      failures.push(
        undecided2(
          ref.text,
          reason,
          group?.key ?? ref.list,
          group?.provenance.location ?? null,
          `opaque:${ref.list}:${lb.key}`,
          rule.peer.possible
        )
      );
      continue;
    }
    const location = ref.provenance?.location ?? null;
    const key = `${ref.index}:${lb.key}`;
    const dropEvidence = {
      verdict: drop === "yes" ? "deny" : "unknown",
      ...refEvidence(ref),
      rule: ref.text,
      part: "not evaluated for CLB traffic (pass-to-target)",
      location
    };
    const peer = ofFamily(rule.peer, family);
    if (peer.definite.isEmpty()) {
      if (peer.possible.isEmpty() && peer.symbols.size === 0) continue;
      const reason = `the source of ${ref.text} is not known${peer.unknownReason ? `: ${peer.unknownReason}` : ""}`;
      failures.push(undecided2(ref.text, reason, ref.list, location, key, peer.possible, [dropEvidence]));
      continue;
    }
    const listened = flow.fullPort ? (drop === "yes" ? rule.ports.definite : rule.ports.possible).intersect(targetPorts) : flow.listenerPorts;
    const carried = carriedByLoadBalancer(resolver, lb, peer.definite, protocol, listened);
    if (carried.kind === "carried") continue;
    const lbEvidence = (carried.verdict?.parts ?? []).filter((p) => p.verdict !== "deny" || p.decidedBy === void 0 || p.decidedBy.index < 0).slice(0, 3).map((p) => ({
      verdict: p.verdict,
      ...refEvidence(p.decidedBy),
      rule: p.decidedBy?.text ?? p.note ?? "no security group",
      part: `${p.addresses.describe()} \u2192 ${describePorts(p.ports)}`,
      location: p.decidedBy?.provenance?.location ?? null,
      ...p.reason ? { reason: p.reason } : {}
    }));
    if (carried.kind === "unknown") {
      failures.push(undecided2(ref.text, carried.reason, ref.list, location, key, peer.definite, [dropEvidence, ...lbEvidence]));
      continue;
    }
    const lbGroups = isUnknown(lb.securityGroups) ? [] : lb.securityGroups;
    const fix = () => bypassFix(resolver, lb, lbGroups, peer.definite, protocol, listened);
    if (drop === "maybe") {
      const reason = `${ref.text} may be a DROP on ${targetText}${rule.unknownReason ? ` (${rule.unknownReason})` : ""}, and ${carried.text}`;
      failures.push({ ...undecided2(ref.text, reason, ref.list, location, key, peer.definite, [dropEvidence, ...lbEvidence]), fix });
      continue;
    }
    failures.push({
      status: "fail",
      resource: ref.list,
      evidence: [dropEvidence, ...lbEvidence],
      vars: /* @__PURE__ */ new Map([
        ["denyRule", ref.text],
        ["carried", carried.text]
      ]),
      location,
      fix,
      key,
      peer: peer.definite
    });
  }
  return failures.length === 0 ? NONE : failures;
}
function clientFamily(lb) {
  if (isUnknown(lb.ipVersion)) return AddressSet.ALL;
  return lb.ipVersion === "IPV6" ? AddressSet.ALL_V6 : AddressSet.ALL_V4;
}
function ofFamily(peer, family) {
  if (family === AddressSet.ALL) return peer;
  return { ...peer, definite: peer.definite.intersect(family), possible: peer.possible.intersect(family) };
}
function undecided2(denyRule, reason, resource, location, key, peer, evidence = []) {
  return {
    status: "unknown",
    resource,
    evidence: [...evidence, { verdict: "unknown", rule: "not decided", reason }],
    vars: /* @__PURE__ */ new Map([
      ["denyRule", denyRule],
      ["carried", `(unknown: ${reason})`],
      ["reason", reason]
    ]),
    location,
    key,
    peer: peer.isEmpty() ? AddressSet.ALL : peer
  };
}
var PASS_OFF = "or turn load_balancer_pass_to_target off so backend groups apply again";
var ALWAYS_ON_V6 = "pass-to-target is always on for IPv6 CLBs and cannot be turned off, so the DROP must be in the CLB's security group";
function bypassFix(resolver, lb, lbGroups, peer, protocol, ports) {
  const alwaysOn = !isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6";
  const alternative = alwaysOn ? ALWAYS_ON_V6 : PASS_OFF;
  if (lbGroups.length > 0)
    return addRulePlan(resolver, lbGroups[0], { addresses: peer, symbols: [] }, protocol, ports, {
      action: "DROP",
      top: true,
      alternative
    });
  const location = lb.provenance.location ?? null;
  return {
    kind: "fixed",
    mergeKey: `bind-clb-sg|${lb.key}|${peer.key()}|${protocol}|${describePorts(ports)}`,
    body: {
      text: `${lb.key}${location ? ` (${at(location)})` : ""} has no security group: bind one (security_groups on the CLB, or a tencentcloud_clb_security_group_attachment) whose first rule is DROP ${peer.describe()} ${protocol}:${describePorts(ports)}${alwaysOn ? `: ${alternative}` : `, ${alternative}`}.`,
      resource: lb.key,
      location,
      api: {
        service: "clb",
        action: "SetLoadBalancerSecurityGroups",
        request: {
          LoadBalancerId: lb.provenance.cloudId ?? (resolver.inventory.mode === "live" ? lb.key : "<load balancer ID>"),
          SecurityGroups: ["<security group ID>"]
        }
      },
      rules: 1
    }
  };
}

// src/policy/assertions/ifThen.ts
var ifThen = {
  name: "if",
  label: "if/then",
  // biome-ignore lint/suspicious/noThenProperty: `then` is the policy language's keyword (if/then), not a thenable
  properties: { if: { $ref: "#/$defs/condition" }, then: { $ref: "#/$defs/assertion" } },
  variables: [],
  composite: true,
  evaluate: (assertion, ctx, run) => {
    const source = fieldSource(ctx.subject.fields, ctx.params);
    const truth = evaluateCondition(assertion.if, source);
    if (truth === "no") return [];
    const failures = run(assertion.then, ctx);
    if (truth === "yes" || failures.length === 0) return failures;
    const fields = [...new Set(unknownFieldsOf(assertion.if, source))].join("; ");
    const condition = `whether this check applies depends on unknown values (${fields})`;
    return failures.map((f) => {
      const own = f.status === "unknown" ? f.vars.get("reason") : void 0;
      return { ...f, status: "unknown", vars: new Map([...f.vars, ["reason", own ? `${condition}; ${own}` : condition]]) };
    });
  }
};

// src/net/shadowAnalysis.ts
function precedenceOf(rules, unordered) {
  const opaque = new Set(rules.filter((r) => r.ref.kind === "opaque").map((r) => r.ref.list));
  return (j, i) => {
    const list = rules[i].ref.list;
    const other = rules[j].ref.list;
    if (other !== list && unordered !== void 0 && unordered.groups.has(list) && unordered.groups.has(other)) return "maybe";
    if (j >= i) return "no";
    return other === list && opaque.has(list) ? "maybe" : "yes";
  };
}
function isCarveOut(accept, drop) {
  if (accept.action !== "ACCEPT" || accept.local !== "yes" || drop.local !== "yes") return false;
  const within = [...accept.protocols.possible].every((p) => drop.protocols.definite.has(p)) && drop.peer.definite.covers(accept.peer.possible) && drop.ports.definite.covers(accept.ports.possible);
  const coversDrop = [...drop.protocols.definite].every((p) => accept.protocols.definite.has(p)) && accept.peer.definite.covers(drop.peer.definite) && accept.ports.definite.covers(drop.ports.definite);
  return within && !coversDrop;
}
function findIneffectiveDenies(rules, unordered) {
  const out = [];
  const precedes = precedenceOf(rules, unordered);
  rules.forEach((rule, i) => {
    if (rule.action !== "DROP" || rule.local !== "yes") return;
    const shadows = /* @__PURE__ */ new Map();
    let remainsSomewhere = false;
    let matchesSomething = false;
    for (const protocol of PROTOCOLS) {
      if (!rule.protocols.definite.has(protocol)) continue;
      let region = [{ addresses: rule.peer.definite, ports: rule.ports.definite }].filter(nonEmpty);
      if (region.length === 0) continue;
      matchesSomething = true;
      for (let j = 0; j < i && region.length > 0; j++) {
        const earlier = rules[j];
        if (earlier.local !== "yes" || !earlier.protocols.definite.has(protocol)) continue;
        if (precedes(j, i) !== "yes") continue;
        const match = { addresses: earlier.peer.definite, ports: earlier.ports.definite };
        if (!nonEmpty(match)) continue;
        const overlap = region.map((box) => intersect(box, match)).filter(nonEmpty);
        if (overlap.length > 0 && earlier.action === "ACCEPT" && !isCarveOut(earlier, rule)) {
          const entry = shadows.get(j) ?? { rule: earlier.ref, parts: [] };
          entry.parts.push(...overlap.map((box) => describeBox(protocol, box)));
          shadows.set(j, entry);
        }
        region = region.flatMap((box) => subtract(box, match));
      }
      if (region.length > 0) remainsSomewhere = true;
    }
    if (shadows.size > 0 && matchesSomething) {
      out.push({
        rule: rule.ref,
        shadowedBy: [...shadows.values()].map((s) => ({ rule: s.rule, overlap: s.parts.join("; ") })),
        wholly: !remainsSomewhere
      });
    }
  });
  return out;
}
function findUndecidedDenies(rules, unordered) {
  const out = [];
  const precedes = precedenceOf(rules, unordered);
  rules.forEach((rule, i) => {
    if (rule.action === "ACCEPT" || rule.local === "no" || rule.ref.kind !== void 0) return;
    const may = /* @__PURE__ */ new Map();
    const openOrder = /* @__PURE__ */ new Set();
    for (const protocol of PROTOCOLS) {
      if (!rule.protocols.possible.has(protocol)) continue;
      let region = [{ addresses: rule.peer.possible, ports: rule.ports.possible }].filter(nonEmpty);
      const end = unordered === void 0 ? i : rules.length;
      for (let j = 0; j < end && region.length > 0; j++) {
        const earlier2 = rules[j];
        const placed = precedes(j, i);
        if (placed === "no" || earlier2.local === "no" || !earlier2.protocols.possible.has(protocol)) continue;
        const possible = { addresses: earlier2.peer.possible, ports: earlier2.ports.possible };
        if (earlier2.action !== "DROP" && !isCarveOut(earlier2, rule) && region.some((box) => nonEmpty(intersect(box, possible)))) {
          may.set(`${earlier2.ref.list}#${earlier2.ref.index}`, earlier2);
          if (earlier2.ref.list !== rule.ref.list && unordered?.groups.has(earlier2.ref.list) === true) openOrder.add(earlier2.ref.list);
        }
        if (earlier2.action !== void 0 && earlier2.local === "yes" && earlier2.protocols.definite.has(protocol) && placed === "yes") {
          const match = { addresses: earlier2.peer.definite, ports: earlier2.ports.definite };
          if (nonEmpty(match)) region = region.flatMap((box) => subtract(box, match));
        }
      }
    }
    if (may.size === 0) return;
    const earlier = [...may.values()];
    const unknowns = [rule, ...earlier].map((r) => r.unknownReason).filter((r, k, all2) => r !== void 0 && all2.indexOf(r) === k);
    if (openOrder.size > 0) {
      unknowns.push(
        `the priority of ${rule.ref.list} against ${[...openOrder].join(", ")} is not defined (an unordered set); list them in orderly_security_groups`
      );
    }
    const subject = rule.action === void 0 ? `whether ${rule.ref.text} is a DROP that takes effect` : `whether ${rule.ref.text} takes effect`;
    out.push({
      rule: rule.ref,
      mayBeShadowedBy: earlier.map((r) => r.ref),
      reason: `${subject} is not known: ${earlier.map((r) => r.ref.text).join(", ")} may admit its traffic first (${unknowns.length > 0 ? unknowns.join("; ") : "the addresses they match are not all known"})`
    });
  });
  return out;
}
function nonEmpty(box) {
  return !box.addresses.isEmpty() && !box.ports.isEmpty();
}
function intersect(a, b) {
  return { addresses: a.addresses.intersect(b.addresses), ports: a.ports.intersect(b.ports) };
}
function subtract(box, cut) {
  const inside = box.addresses.intersect(cut.addresses);
  if (inside.isEmpty() || !box.ports.overlaps(cut.ports)) return [box];
  return [
    { addresses: box.addresses.subtract(cut.addresses), ports: box.ports },
    { addresses: inside, ports: box.ports.subtract(cut.ports) }
  ].filter(nonEmpty);
}
function describeBox(protocol, box) {
  const ports = protocol === "TCP" || protocol === "UDP" ? `:${describePorts(box.ports)}` : "";
  return `${box.addresses.describe()} ${protocol}${ports}`;
}

// src/policy/assertions/noIneffectiveDeny.ts
var listOwner = (nic) => nic.primary ? nic.instance ?? nic.key : nic.key;
var noIneffectiveDeny = {
  name: "noIneffectiveDeny",
  properties: {
    noIneffectiveDeny: { type: "object", additionalProperties: false, properties: { direction: { enum: ["ingress", "egress"] } } }
  },
  variables: ["denyRule", "denyIndex", "shadowingRule", "overlap", "extent"],
  subjects: ["securityGroup", "networkAcl"],
  evaluate: (assertion, ctx) => checkNoIneffectiveDeny(assertion.noIneffectiveDeny.direction ?? "ingress", ctx)
};
function checkNoIneffectiveDeny(direction, ctx) {
  const { subject, resolver, cache } = ctx;
  const found = /* @__PURE__ */ new Map();
  const record = (deny, nicKey) => {
    const entry = found.get(deny.rule.index) ?? { deny, interfaces: /* @__PURE__ */ new Set(), shadowing: /* @__PURE__ */ new Map() };
    if (nicKey !== void 0) entry.interfaces.add(nicKey);
    for (const s of deny.shadowedBy)
      entry.shadowing.set(`${s.rule.list}#${s.rule.index}`, {
        text: s.rule.text,
        list: s.rule.list,
        index: s.rule.index,
        overlap: s.overlap,
        ref: s.rule
      });
    found.set(deny.rule.index, entry);
  };
  const undecided3 = /* @__PURE__ */ new Map();
  const recordUndecided = (deny, nicKey) => {
    const entry = undecided3.get(deny.rule.index) ?? { deny, interfaces: /* @__PURE__ */ new Set() };
    if (nicKey !== void 0) entry.interfaces.add(nicKey);
    undecided3.set(deny.rule.index, entry);
  };
  if (subject.securityGroup !== void 0) {
    const key = subject.securityGroup.key;
    const own = compileSecurityGroup(resolver, key, direction);
    for (const deny of findIneffectiveDenies(own)) record(deny);
    for (const deny of findUndecidedDenies(own)) recordUndecided(deny);
    for (const nic of resolver.groupMembers(key)) {
      const listKey = `${direction}:${cache.groupListKey(nic)}`;
      const denies = cache.ineffectiveDenies(
        listKey,
        () => findIneffectiveDenies(compileInterface(resolver, nic, direction), unorderedGroupsOf(nic))
      );
      for (const deny of denies) {
        if (deny.rule.list === key) record(deny, listOwner(nic));
      }
      for (const deny of cache.undecidedDenies(
        listKey,
        () => findUndecidedDenies(compileInterface(resolver, nic, direction), unorderedGroupsOf(nic))
      )) {
        if (deny.rule.list === key) recordUndecided(deny, listOwner(nic));
      }
    }
    const unplaced = resolver.interfacesOfUnknownGroups();
    const first = unplaced[0];
    if (first !== void 0) {
      for (const deny of findUndecidedDenies([...compileInterface(resolver, first, direction), ...own]))
        for (const nic of unplaced) recordUndecided(deny, listOwner(nic));
    }
  } else if (subject.networkAcl !== void 0) {
    const everywhere = { definite: AddressSet.ALL, possible: AddressSet.ALL };
    const entries = compileAclEntries(subject.networkAcl, direction, everywhere, ALL_PORTS);
    for (const deny of findIneffectiveDenies(entries)) record(deny);
    for (const deny of findUndecidedDenies(entries)) recordUndecided(deny);
  } else return [];
  const unknowns = [...undecided3.values()].filter(({ deny }) => !found.has(deny.rule.index)).map(({ deny, interfaces }) => {
    const listKey = subject.resource;
    const shadowing = deny.mayBeShadowedBy.map(
      (r) => r.kind !== void 0 ? r.text : r.list === listKey ? `rule ${r.index} (${r.text})` : `${r.list} rule ${r.index} (${r.text})`
    );
    return {
      status: "unknown",
      resource: listKey,
      related: [.../* @__PURE__ */ new Set([...deny.mayBeShadowedBy.map((r) => r.list).filter((l) => l !== listKey), ...interfaces])],
      evidence: [
        {
          verdict: "unknown",
          list: listKey,
          direction,
          index: deny.rule.index,
          rule: deny.rule.text,
          part: "may not take effect",
          reason: deny.reason,
          location: deny.rule.provenance?.location ?? null
        }
      ],
      vars: /* @__PURE__ */ new Map([
        ["denyRule", deny.rule.text],
        ["denyIndex", String(deny.rule.index)],
        ["shadowingRule", shadowing.join(", ")],
        ["overlap", "its traffic (not known)"],
        ["extent", "may never match"],
        ["reason", deny.reason]
      ]),
      location: deny.rule.provenance?.location ?? subject.provenance.location ?? null,
      key: `${direction}:${deny.rule.index}:unknown`
    };
  });
  const failures = [...found.values()].map(({ deny, interfaces, shadowing }) => {
    const shadows = [...shadowing.values()];
    const listKey = subject.resource;
    return {
      status: "fail",
      resource: listKey,
      related: [.../* @__PURE__ */ new Set([...shadows.map((s) => s.list).filter((l) => l !== listKey), ...interfaces])],
      evidence: [
        {
          verdict: "deny",
          list: listKey,
          direction,
          index: deny.rule.index,
          rule: deny.rule.text,
          part: deny.wholly ? "decides nothing" : "decides only part of what it matches",
          location: deny.rule.provenance?.location ?? null
        },
        ...shadows.map((s) => {
          const ref = deny.shadowedBy.find((x) => x.rule.list === s.list && x.rule.index === s.index)?.rule;
          return {
            verdict: "allow",
            list: s.list,
            direction,
            index: s.index,
            rule: s.text,
            part: `already admits ${s.overlap}`,
            location: ref?.provenance?.location ?? null
          };
        })
      ],
      vars: /* @__PURE__ */ new Map([
        ["denyRule", deny.rule.text],
        ["denyIndex", String(deny.rule.index)],
        [
          "shadowingRule",
          shadows.map((s) => s.list === listKey ? `rule ${s.index} (${s.text})` : `${s.list} rule ${s.index} (${s.text})`).join(", ")
        ],
        ["overlap", shadows.map((s) => s.overlap).join("; ")],
        ["extent", deny.wholly ? "never matches" : "matches only part of its traffic"]
      ]),
      location: deny.rule.provenance?.location ?? subject.provenance.location ?? null,
      fix: () => moveDenyFixPlan(
        resolver,
        deny.rule,
        shadows.map((s) => s.ref),
        listKey,
        [...interfaces]
      ),
      key: `${direction}:${deny.rule.index}`
    };
  });
  return [...failures, ...unknowns];
}

// src/policy/assertions/relatedResources.ts
function relatedOf(ctx, outcome, parts) {
  const lists = parts.map((p) => p.decidedBy?.list).filter((l) => l !== void 0);
  const out = [...ctx.subject.related, ...outcome.resource !== ctx.subject.resource ? [ctx.subject.resource] : [], ...lists];
  return out.filter((v, i) => out.indexOf(v) === i && v !== outcome.resource);
}

// src/policy/assertions/rulePeer.ts
function rulePeer(resolver, ref) {
  return rulePeerMatch(resolver, ref)?.definite;
}
function rulePeerMatch(resolver, ref) {
  if (ref.kind === "noGroups") return { definite: AddressSet.ALL, possible: AddressSet.ALL, symbols: /* @__PURE__ */ new Set() };
  if (ref.kind !== void 0 || ref.index < 0) return void 0;
  const group = resolver.securityGroup(ref.list);
  if (group !== void 0) {
    const rule = group[ref.direction].rules[ref.index];
    return rule === void 0 ? void 0 : resolver.peer(rule.peer);
  }
  const entry = resolver.inventory.networkAcls.get(ref.list)?.[ref.direction].entries[ref.index];
  return entry === void 0 ? void 0 : aclEntryPeer(entry);
}

// src/policy/assertions/notReachable.ts
var notReachable = {
  name: "notReachable",
  properties: { notReachable: flowSchema({ byRuleCoveringSource: { type: "boolean" } }) },
  variables: ["admitted", "decidedBy", "flow"],
  evaluate: (assertion, ctx) => checkNotReachable(assertion.notReachable, ctx)
};
var NOTHING_ADMITTED = { admitted: [], undecided: [] };
function decideNotReachable(spec, verdicts, resolver) {
  const admitted = [];
  const undecided3 = [];
  for (const { verdict, direction, query } of verdicts) {
    if (direction !== "ingress") continue;
    const openings = [];
    for (const part of verdict.parts) {
      if (part.verdict === "deny") continue;
      if (part.verdict === "allow") {
        if (part.decidedBy === void 0) continue;
        if (!spec.byRuleCoveringSource) {
          admitted.push(part);
          continue;
        }
        const peer = rulePeerMatch(resolver, part.decidedBy);
        if (peer === void 0) {
          undecided3.push({ part, reason: `the source of ${part.decidedBy.text} cannot be read` });
          continue;
        }
        openings.push({
          part,
          certain: true,
          definite: peer.definite,
          possible: peer.possible,
          rules: [part.decidedBy],
          ...peer.unknownReason ? { reason: peer.unknownReason } : {}
        });
        continue;
      }
      if (!spec.byRuleCoveringSource || mayAdmitByCoveringRule(part, query.addresses, resolver)) {
        undecided3.push({ part, reason: part.reason ?? "not decided" });
        continue;
      }
      const candidates = admittingCandidates(part).filter(isWrittenRule);
      const possible = candidates.reduce(
        (set, ref) => set.union(rulePeerMatch(resolver, ref)?.possible ?? AddressSet.EMPTY),
        AddressSet.EMPTY
      );
      if (!possible.isEmpty())
        openings.push({
          part,
          certain: false,
          definite: AddressSet.EMPTY,
          possible,
          rules: candidates,
          reason: part.reason ?? "not decided"
        });
    }
    if (openings.length > 0) decideTogether(openings, query.addresses, admitted, undecided3);
  }
  return admitted.length === 0 && undecided3.length === 0 ? NOTHING_ADMITTED : { admitted, undecided: undecided3 };
}
function decideTogether(openings, source, admitted, undecided3) {
  const open = /* @__PURE__ */ new Set();
  const maybe = /* @__PURE__ */ new Map();
  const coverReason = (rules, reasons) => {
    const known2 = reasons.filter((r, i, all2) => r !== void 0 && all2.indexOf(r) === i);
    const texts = rules.map((r) => r.text).join(", ");
    return `whether ${texts} ${rules.length > 1 ? "together cover" : "covers"} all of ${source.describe()} is not known${known2.length > 0 ? `: ${known2.join("; ")}` : ""}`;
  };
  for (const o of openings) {
    if (!o.certain) continue;
    if (o.definite.covers(source)) open.add(o);
    else if (o.possible.covers(source)) maybe.set(o, coverReason(o.rules, [o.reason]));
  }
  let segments = [openings.reduce((ports, o) => ports.union(o.part.ports), NO_PORTS)];
  for (const { part } of openings)
    segments = segments.flatMap((s) => [s.intersect(part.ports), s.subtract(part.ports)].filter((x) => !x.isEmpty()));
  for (const segment of segments) {
    const here = openings.filter((o) => o.part.ports.overlaps(segment));
    if (here.length < 2 || here.some((o) => open.has(o))) continue;
    const definite = here.reduce((set, o) => o.certain ? set.union(o.definite) : set, AddressSet.EMPTY);
    if (definite.covers(source)) {
      for (const o of here) {
        if (o.certain) {
          open.add(o);
          maybe.delete(o);
        } else if (!maybe.has(o)) maybe.set(o, o.reason ?? "not decided");
      }
      continue;
    }
    const possible = here.reduce((set, o) => set.union(o.possible), AddressSet.EMPTY);
    if (!possible.covers(source)) continue;
    const rules = here.flatMap((o) => o.rules).filter((r, i, all2) => all2.findIndex((x) => x.list === r.list && x.index === r.index) === i);
    const reason = coverReason(
      rules,
      here.map((o) => o.reason)
    );
    for (const o of here) if (!maybe.has(o)) maybe.set(o, reason);
  }
  for (const o of openings) {
    if (open.has(o)) admitted.push(o.part);
    else if (maybe.has(o)) undecided3.push({ part: o.part, reason: maybe.get(o) });
  }
}
function checkNotReachable(spec, ctx) {
  const flow = prepareFlow(spec, ctx);
  if ("unknownReason" in flow) return [withAdmitted(unknownFailure(ctx, flow.unknownReason, "notReachable"))];
  const failures = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    if (outcome.unknownReason !== void 0) {
      failures.push(
        withAdmitted({
          ...unknownFailure(ctx, outcome.unknownReason, `${outcome.layer}:unknown`),
          resource: outcome.resource,
          location: outcome.location
        })
      );
      continue;
    }
    const decided = ctx.cache.decide(spec, outcome.verdicts, decideNotReachable);
    if (decided === NOTHING_ADMITTED && flow.unknownReasons.length === 0) continue;
    const own = outcome.ownInterface;
    const admitted = own === void 0 ? decided.admitted : decided.admitted.map((part) => retellPart(part, CLASS_INTERFACE, own));
    const undecided3 = own === void 0 ? decided.undecided : decided.undecided.map((u) => ({
      part: retellPart(u.part, CLASS_INTERFACE, own),
      reason: retellText(u.reason, CLASS_INTERFACE, own)
    }));
    if (admitted.length === 0 && undecided3.length === 0 && flow.unknownReasons.length === 0) continue;
    const related = relatedOf(ctx, outcome, [...admitted, ...undecided3.map((u) => u.part)]);
    if (admitted.length === 0) {
      const reasons = [...undecided3.map((u) => u.reason), ...flow.unknownReasons].filter((r, i, a) => a.indexOf(r) === i);
      const reason = reasons.join("; ");
      failures.push({
        status: "unknown",
        resource: outcome.resource,
        related,
        evidence: undecided3.length > 0 ? evidenceOf(
          undecided3.map((u) => u.part),
          flow.query,
          flow.label
        ) : [{ verdict: "unknown", flow: flow.label, rule: "not decided", reason }],
        vars: /* @__PURE__ */ new Map([
          ["admitted", `(unknown: ${reason})`],
          ["decidedBy", undecided3[0]?.part.decidedBy?.text ?? ""],
          ["flow", flow.label],
          ["reason", reason]
        ]),
        location: outcome.location,
        key: `${outcome.layer}:unknown`
      });
      continue;
    }
    const rule = admitted[0].decidedBy;
    const rules = admitted.map((p) => p.decidedBy).filter((r, i, a) => a.findIndex((x) => x.list === r.list && x.index === r.index) === i);
    failures.push({
      status: "fail",
      resource: outcome.resource,
      related,
      evidence: evidenceOf(admitted, flow.query, flow.label),
      vars: /* @__PURE__ */ new Map([
        ["admitted", describeRefused(admitted, flow.query.protocol).replace(/\(([^)]*)\)/g, "by $1")],
        ["decidedBy", rule.text],
        ["flow", flow.label]
      ]),
      location: outcome.location,
      fix: () => narrowRuleFixPlan(ctx.resolver, rules),
      key: `${outcome.layer}:${rule.list}:${rule.index}`
    });
  }
  return failures;
}
function admittingCandidates(part) {
  return [...part.decidedBy ? [part.decidedBy] : [], ...part.maybe].filter((r) => r.kind !== "defaultDeny" && r.action !== "DROP");
}
function mayAdmitByCoveringRule(part, addresses, resolver) {
  const candidates = admittingCandidates(part);
  if (candidates.length === 0)
    return part.decidedBy === void 0 || part.decidedBy.kind === "defaultDeny" ? part.maybe.length === 0 && part.decidedBy === void 0 : false;
  return candidates.some((ref) => {
    if (!isWrittenRule(ref)) return true;
    const peer = rulePeerMatch(resolver, ref);
    return peer === void 0 || peer.possible.covers(addresses);
  });
}
function withAdmitted(failure) {
  const reason = failure.vars.get("reason") ?? "not decided";
  return { ...failure, vars: new Map([...failure.vars, ["admitted", `(unknown: ${reason})`]]) };
}

// src/policy/assertions/reachable.ts
var reachable = {
  name: "reachable",
  properties: { reachable: flowSchema({ allowDeliberateDrops: { type: "boolean" } }) },
  variables: ["refused", "flow", "decidedBy", "layer"],
  evaluate: (assertion, ctx) => checkReachable(assertion.reachable, ctx)
};
function deliberateDrops(parts, query, resolver) {
  const drops = /* @__PURE__ */ new Set();
  let sources = AddressSet.EMPTY;
  for (const part of parts) {
    if (part.verdict !== "deny" || part.decidedBy === void 0 || part.decidedBy.action !== "DROP") continue;
    const peer = rulePeer(resolver, part.decidedBy);
    if (peer === void 0) continue;
    drops.add(part);
    sources = sources.union(peer);
  }
  return drops.size === 0 || sources.covers(query.addresses) ? NO_PARTS : drops;
}
var NO_PARTS = /* @__PURE__ */ new Set();
function isDeliberateDrop(part, query, resolver) {
  if (part.verdict !== "deny" || part.decidedBy === void 0 || part.decidedBy.action !== "DROP") return false;
  const peer = rulePeer(resolver, part.decidedBy);
  return peer !== void 0 && !peer.covers(query.addresses);
}
function acceptableInEveryOrder(part, query, resolver) {
  return part.byOrder?.every((o) => o.verdict === "allow" || isDeliberateDrop(o, query, resolver)) === true;
}
var NOTHING_REFUSED = { denied: [], unknownParts: [] };
function decideReachable(spec, verdicts, resolver) {
  const denied = [];
  const unknownParts = [];
  for (const { verdict, direction, query } of verdicts) {
    const deliberate = spec.allowDeliberateDrops ? deliberateDrops(verdict.parts, query, resolver) : NO_PARTS;
    for (const part of verdict.parts) {
      if (part.verdict === "deny" && !deliberate.has(part)) denied.push({ part, direction, query });
      if (part.verdict === "unknown" && !(spec.allowDeliberateDrops && acceptableInEveryOrder(part, query, resolver)))
        unknownParts.push({ part, direction, query });
    }
  }
  return denied.length === 0 && unknownParts.length === 0 ? NOTHING_REFUSED : { denied, unknownParts };
}
function checkReachable(spec, ctx) {
  const flow = prepareFlow(spec, ctx);
  if ("unknownReason" in flow) return [unknownFailure(ctx, flow.unknownReason, "reachable")];
  const failures = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    if (outcome.unknownReason !== void 0) {
      failures.push({
        ...unknownFailure(ctx, outcome.unknownReason, outcome.layer),
        resource: outcome.resource,
        location: outcome.location
      });
      continue;
    }
    const decided = ctx.cache.decide(spec, outcome.verdicts, decideReachable);
    if (decided === NOTHING_REFUSED && flow.unknownReasons.length === 0) continue;
    const own = outcome.ownInterface;
    const retold = (found) => own === void 0 ? found : { ...found, part: retellPart(found.part, CLASS_INTERFACE, own) };
    const denied = decided.denied.map(retold);
    const unknownParts = decided.unknownParts.map(retold);
    if (denied.length === 0 && unknownParts.length === 0 && flow.unknownReasons.length === 0) continue;
    const bad = denied.length > 0 ? denied : unknownParts;
    const status = denied.length > 0 ? "fail" : "unknown";
    let evidence;
    let vars;
    const failure = {
      status,
      resource: outcome.resource,
      related: relatedOf(
        ctx,
        outcome,
        bad.map((b) => b.part)
      ),
      get evidence() {
        evidence ??= bad.length === 0 ? [{ verdict: "unknown", flow: flow.label, rule: "not decided", reason: flow.unknownReasons.join("; ") }] : bad.flatMap(
          ({ part, direction, query }) => evidenceOf([part], query, direction === "egress" ? `replies to ${flow.label}` : flow.label)
        );
        return evidence;
      },
      get vars() {
        vars ??= reachableVars(bad, unknownParts, status, flow, outcome.layer);
        return vars;
      },
      location: outcome.location,
      key: outcome.layer
    };
    if (status === "fail") {
      failure.fix = () => fixFor(outcome, denied, ctx);
      failure.path = () => flowPathOf(flow, ctx, { fromClients: spec.from.includes("clients") });
    }
    const consoleUrl = ctx.subject.provenance.consoleUrl;
    if (consoleUrl) failure.consoleUrl = consoleUrl;
    failures.push(failure);
  }
  return failures;
}
function reachableVars(bad, unknownParts, status, flow, layer) {
  const refusedText = bad.map(
    ({ part, direction, query }) => direction === "egress" ? `replies to ${describeRefused([part], query.protocol)}` : describeRefused([part], query.protocol)
  ).slice(0, 3).join("; ");
  const reason = status === "unknown" ? [...unknownParts.map((u) => u.part.reason ?? "unknown"), ...flow.unknownReasons].filter((r, i, a) => a.indexOf(r) === i).join("; ") : "";
  return /* @__PURE__ */ new Map([
    ["refused", refusedText],
    ["flow", flow.label],
    ["decidedBy", status === "unknown" ? "not decided" : decidedText(bad[0]?.part.decidedBy)],
    ["reason", reason],
    ["layer", layer]
  ]);
}
function fixFor(outcome, denied, ctx) {
  const first = denied[0];
  if (outcome.layer === "networkAcl") {
    const changes = ["ingress", "egress"].flatMap((direction) => {
      const found = denied.find((x) => x.direction === direction);
      return found ? [{ direction, ports: found.query.ports }] : [];
    });
    return aclFixPlan(ctx.resolver, outcome.resource, changes, first.query, first.query.protocol);
  }
  let group;
  if (outcome.layer === "loadBalancerSecurityGroups") {
    const lbGroups = ctx.subject.lb?.securityGroups;
    group = lbGroups !== void 0 && !isUnknown(lbGroups) ? lbGroups[0] : void 0;
  } else {
    const nic = ctx.subject.nic;
    group = nic !== void 0 && !isUnknown(nic) && !isUnknown(nic.securityGroups) ? nic.securityGroups[0] : void 0;
  }
  const blocking = denied.map((d) => d.part.decidedBy).filter(isWrittenRule);
  const blockingGroup = blocking[0]?.list;
  const target = blockingGroup ?? group;
  const targetKey = target === void 0 ? void 0 : ctx.resolver.securityGroup(target)?.key ?? target;
  const above = blocking.filter((r) => r.list === targetKey).sort((a, b) => a.index - b.index)[0];
  return addRulePlan(ctx.resolver, target, first.query, first.query.protocol, first.query.ports, above ? { above } : {});
}

// src/policy/assertions/registry.ts
var ASSERTION_KINDS = [
  all,
  ifThen,
  reachable,
  notReachable,
  noIneffectiveDeny,
  denyEffectiveForLoadBalancerTraffic,
  check
];
var ALWAYS_AVAILABLE_VARIABLES = ["reason"];
var BY_NAME = new Map(ASSERTION_KINDS.map((kind) => [kind.name, kind]));
function assertionKindOf(assertion) {
  for (const key in assertion) {
    const kind = BY_NAME.get(key);
    if (kind !== void 0) return kind;
  }
  throw new Error(`not an assertion: ${Object.keys(assertion).join(", ")}`);
}
function runAssertion(assertion, ctx) {
  return assertionKindOf(assertion).evaluate(assertion, ctx, runAssertion);
}

// src/policy/messageTemplate.ts
var PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9.]{0,100})\s*\}\}/g;
function renderTemplate(template, source, vars) {
  return template.replace(PLACEHOLDER, (whole, path) => {
    const fromVars = vars.get(path);
    if (fromVars !== void 0) return fromVars;
    const value = source.field(path);
    if (value === void 0) return whole;
    if (value === null) return "(none)";
    if (isUnknown(value)) return "(unknown)";
    if (Array.isArray(value)) return value.join(", ");
    return String(value);
  });
}

// src/policy/evaluatePolicies.ts
function evaluatePolicies(inventory, policies, options = {}) {
  const resolver = new InventoryResolver(inventory);
  const cache = new CheckCache(resolver);
  const byPolicy = /* @__PURE__ */ new Map();
  const findings = [];
  const mergeStates = /* @__PURE__ */ new Map();
  const plans = /* @__PURE__ */ new Map();
  const withPaths = options.paths !== false;
  let backends = 0;
  for (const { policy, severity, params } of policies) {
    const subjects = subjectsFor(policy.subject, params, cache);
    const ofPolicy = innerMap(byPolicy, policy.id);
    const failuresOf = (subject) => {
      const source = fieldSource(subject.fields, params);
      const applies = policy.where === void 0 ? "yes" : evaluateCondition(policy.where, source);
      if (applies === "no") return [];
      const failures = runAssertion(policy.assert, { subject, resolver, params, cache });
      if (applies === "unknown" && policy.where !== void 0) {
        const unknownFields = [...new Set(unknownFieldsOf(policy.where, source))].join("; ");
        const reason = `whether the policy applies depends on unknown values (${unknownFields})`;
        return failures.map((f) => ({ ...f, status: "unknown", vars: new Map([...f.vars, ["reason", reason]]) }));
      }
      return failures;
    };
    const report = (subject, failures, note) => {
      const source = fieldSource(subject.fields, params);
      for (const failure of failures) {
        const byKey = innerMap(ofPolicy, failure.resource);
        const existing = byKey.get(failure.key);
        if (existing !== void 0) {
          const nowFails = existing.status === "unknown" && failure.status === "fail";
          merge(existing, failure, mergeStates, withPaths);
          if (nowFails) {
            const vars2 = withDeclaredVariables(failure.vars, subject.texts);
            const rendered2 = renderTemplate(policy.message, source, vars2);
            existing.message = note === void 0 ? rendered2 : `${rendered2} (${note})`;
            const plan2 = failure.fix?.();
            if (plan2 !== void 0 && !plans.has(existing)) plans.set(existing, plan2);
          }
          continue;
        }
        const fingerprint = fingerprintOf(policy.id, failure.resource, failure.key);
        const vars = withDeclaredVariables(failure.vars, subject.texts);
        const rendered = renderTemplate(failure.status === "unknown" ? unknownMessage(policy.message) : policy.message, source, vars);
        const message = note === void 0 ? rendered : `${rendered} (${note})`;
        const advice = policy.remediation ? renderTemplate(policy.remediation, source, vars) : "";
        const plan = failure.fix?.();
        const path = withPaths ? failure.path?.() : void 0;
        const kept2 = {
          policy: policy.id,
          title: policy.title,
          severity,
          status: failure.status,
          resource: failure.resource,
          related: failure.related,
          message,
          location: failure.location,
          evidence: failure.evidence,
          ...path !== void 0 ? { paths: [path] } : {},
          ...advice !== "" ? { remediation: advice, advice } : {},
          ...policy.docs ? { docs: policy.docs } : {},
          fingerprint,
          ...failure.consoleUrl ? { consoleUrl: failure.consoleUrl } : {},
          extra: 0
        };
        byKey.set(failure.key, kept2);
        findings.push(kept2);
        if (plan !== void 0) plans.set(kept2, plan);
      }
    };
    for (const subject of subjects) {
      for (const { subject: reported, failures, note } of outcomesOf(subject, failuresOf)) report(reported, failures, note);
    }
  }
  for (const lb of inventory.loadBalancers.values())
    for (const l of lb.listeners) backends += l.targets.length + l.rules.reduce((n, r) => n + r.targets.length, 0);
  if (options.suppressed !== void 0) {
    for (const finding of findings) if (options.suppressed(finding)) plans.delete(finding);
  }
  const fixes = groupFixes(plans);
  const fixTexts = /* @__PURE__ */ new Map();
  const out = findings.map((kept2) => {
    const { extra, ...found } = kept2;
    const finding = extra > 0 ? { ...found, message: `${found.message} (and ${extra} more ${extra === 1 ? "flow" : "flows"} like it)` } : found;
    const fix = fixes.get(kept2);
    if (fix === void 0) return finding;
    let fixText = fixTexts.get(fix);
    if (fixText === void 0) {
      fixText = fixAsText(fix);
      fixTexts.set(fix, fixText);
    }
    const remediation = [finding.advice, fixText].filter((r) => r !== void 0 && r !== "").join("\n");
    return { ...finding, remediation, fix };
  });
  return {
    findings: out,
    counts: { loadBalancers: inventory.loadBalancers.size, backends, securityGroups: inventory.securityGroups.size }
  };
}
function subjectsFor(kind, params, cache) {
  const built = cache.subjects(kind, params);
  if (built !== void 0) return built;
  const reads = /* @__PURE__ */ new Map();
  const subjects = [
    ...subjectsOf(kind, cache, {
      get: (name) => {
        const value = params.get(name);
        reads.set(name, value);
        return value;
      }
    })
  ];
  cache.keepSubjects(kind, reads, subjects);
  return subjects;
}
function outcomesOf(subject, failuresOf) {
  const candidates = subject.candidates;
  if (candidates === void 0 || candidates.length === 0) return [{ subject, failures: failuresOf(subject) }];
  const outcomes = candidates.map((candidate) => ({ subject: candidate, failures: failuresOf(candidate) }));
  const signature = (failures2) => [...new Set(failures2.map((f) => f.key))].sort().join("\0");
  const first = signature(outcomes[0].failures);
  const same = outcomes.every(
    (o) => o.failures.length > 0 && o.failures.every((f) => f.status === "fail") && signature(o.failures) === first
  );
  const n = candidates.length;
  const shown = candidates.slice(0, 4).map((c) => c.resource).join(", ");
  const names = n > 4 ? `${shown} and ${n - 4} more` : shown;
  if (same) {
    const note = `the target of ${subject.target?.provenance.address ?? subject.resource} is one of ${n} candidate${n === 1 ? "" : "s"}, ${names}, all of which fail`;
    return outcomes.map((o) => ({ ...o, note }));
  }
  const why = outcomes.some((o) => o.failures.length === 0) ? "some of them pass" : "they do not all fail the same way";
  const failures = failuresOf(subject).map(
    (f) => f.status !== "unknown" ? f : {
      ...f,
      vars: new Map([
        ...f.vars,
        ["reason", `${f.vars.get("reason") ?? "unknown"}; it is one of ${n} candidates, ${names}, and ${why}`]
      ])
    }
  );
  return [{ subject, failures }];
}
var MAX_EVIDENCE2 = 20;
var MAX_PATHS = 10;
function groupFixes(plans) {
  const byKey = /* @__PURE__ */ new Map();
  for (const [identity, plan] of plans) {
    const group = byKey.get(plan.mergeKey) ?? { identities: [], plans: [] };
    group.identities.push(identity);
    group.plans.push(plan);
    byKey.set(plan.mergeKey, group);
  }
  const out = /* @__PURE__ */ new Map();
  for (const group of byKey.values()) {
    const fix = renderFixPlans(group.plans);
    for (const identity of group.identities) out.set(identity, fix);
  }
  return out;
}
var evidenceKey = (e) => `${e.verdict}|${e.list ?? ""}|${e.direction ?? ""}|${e.index ?? ""}|${e.rule}|${e.part ?? ""}|${e.flow ?? ""}`;
function merge(existing, failure, states, withPaths) {
  let state = states.get(existing);
  if (state === void 0) {
    state = {
      evidenceKeys: new Set(existing.evidence.map(evidenceKey)),
      related: new Set(existing.related),
      evidence: [...existing.evidence],
      paths: [...existing.paths ?? []]
    };
    states.set(existing, state);
  }
  const room = MAX_EVIDENCE2 - existing.evidence.length;
  if (room > 0) {
    const added = [];
    const keys = [];
    for (const e of failure.evidence) {
      if (added.length >= room) break;
      const key = evidenceKey(e);
      if (state.evidenceKeys.has(key)) continue;
      added.push(e);
      keys.push(key);
    }
    if (added.length > 0) {
      state.evidence.push(...added);
      for (const key of keys) state.evidenceKeys.add(key);
      existing.evidence = state.evidence;
    }
  }
  if (existing.related.length < 50) {
    const before = state.related.size;
    for (const r of failure.related) state.related.add(r);
    if (state.related.size !== before || state.related.size !== existing.related.length) existing.related = [...state.related].slice(0, 50);
  }
  if (failure.status === "fail") existing.status = "fail";
  const path = withPaths && (existing.paths?.length ?? 0) < MAX_PATHS ? failure.path?.() : void 0;
  if (path !== void 0) {
    state.paths.push(path);
    existing.paths = state.paths;
  }
  existing.extra += 1;
}
var DECLARED_EMPTY = new Map(
  [...ALWAYS_AVAILABLE_VARIABLES, ...ASSERTION_KINDS.flatMap((kind) => kind.variables)].map((name) => [name, ""])
);
function withDeclaredVariables(vars, texts) {
  return { get: (name) => vars.get(name) ?? texts?.get(name) ?? DECLARED_EMPTY.get(name) };
}
function unknownMessage(message) {
  return `Could not decide: {{reason}}. (Policy: ${message})`;
}
function fingerprintOf(policy, resource, key) {
  return hash2("sha256", `${policy}\0${resource}\0${key}`, "hex").slice(0, 32);
}

// src/policy/exceptions.ts
function compileWildcard(pattern) {
  const segments = pattern.split("*");
  if (segments.length === 1) return (value) => value.length === pattern.length && matchesAt(pattern, value, 0);
  const first = segments[0];
  const last = segments[segments.length - 1];
  const middle = segments.slice(1, -1).filter((s) => s !== "");
  const minLength = first.length + last.length;
  return (value) => {
    if (value.length < minLength) return false;
    if (!matchesAt(first, value, 0)) return false;
    const end = value.length - last.length;
    if (!matchesAt(last, value, end)) return false;
    let from = first.length;
    for (const segment of middle) {
      const found = findSegment(segment, value, from, end);
      if (found < 0) return false;
      from = found + segment.length;
    }
    return true;
  };
}
function matchesAt(segment, value, at2) {
  if (at2 < 0 || at2 + segment.length > value.length) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c !== "?" && c !== value[at2 + i]) return false;
  }
  return true;
}
function findSegment(segment, value, from, end) {
  if (!segment.includes("?")) {
    const found = value.indexOf(segment, from);
    return found >= 0 && found + segment.length <= end ? found : -1;
  }
  const literal = segment.split("?").reduce((a, b) => b.length > a.length ? b : a, "");
  const offset = literal === "" ? 0 : segment.indexOf(literal);
  for (let at2 = from; at2 + segment.length <= end; at2++) {
    if (literal !== "") {
      const next = value.indexOf(literal, at2 + offset);
      if (next < 0) return -1;
      at2 = next - offset;
      if (at2 + segment.length > end) return -1;
    }
    if (matchesAt(segment, value, at2)) return at2;
  }
  return -1;
}
function exceptionCovers(config, today) {
  const active = config.exceptions.filter((entry) => entry.expires >= today).map((entry) => ({ policy: entry.policy, match: compileWildcard(entry.resource) }));
  return (finding) => active.some((a) => a.policy === finding.policy && a.match(finding.resource));
}
function applyExceptions(findings, config, today) {
  const active = [];
  const uses = [];
  const expiredFindings = [];
  for (const entry of config.exceptions) {
    const expired = entry.expires < today;
    if (expired) {
      uses.push({
        policy: entry.policy,
        resource: entry.resource,
        reason: entry.reason,
        expires: entry.expires,
        expired: true,
        suppressed: 0
      });
      expiredFindings.push({
        policy: "expired-exception",
        title: "An exception has expired",
        severity: "warning",
        status: "fail",
        resource: entry.resource,
        related: [entry.policy],
        message: `The exception for ${entry.policy} on ${entry.resource} expired on ${entry.expires} ("${entry.reason}"); its findings are reported again.`,
        location: config.file !== void 0 ? { file: config.file, line: entry.line ?? 1 } : null,
        evidence: [],
        remediation: "Fix the findings, or renew the exception with a new expiry date and a reason that still holds.",
        fingerprint: fingerprintOf("expired-exception", entry.resource, entry.policy)
      });
      continue;
    }
    active.push({ entry, match: compileWildcard(entry.resource), count: 0 });
  }
  const kept2 = findings.filter((finding) => {
    const hit = active.find((a) => a.entry.policy === finding.policy && a.match(finding.resource));
    if (hit === void 0) return true;
    hit.count++;
    return false;
  });
  for (const a of active)
    uses.push({
      policy: a.entry.policy,
      resource: a.entry.resource,
      reason: a.entry.reason,
      expires: a.entry.expires,
      expired: false,
      suppressed: a.count
    });
  const warnings = active.filter((a) => a.count === 0).map(
    (a) => `${config.file ?? ".clb-guard.json"}:${a.entry.line ?? 1}: /exceptions/${a.entry.index}: the exception for ${a.entry.policy} on "${a.entry.resource}" matches no finding: remove it or fix the resource pattern`
  );
  return { findings: [...kept2, ...expiredFindings], uses, warnings };
}

// src/check/toolVersion.ts
var TOOL_VERSION = "0.1.0";

// src/check/checkInventory.ts
var RANK = { error: 0, warning: 1, notice: 2 };
function checkInventory(inventory, config, options) {
  const evaluation = evaluatePolicies(inventory, config.policies, {
    suppressed: exceptionCovers(config, options.today),
    ...options.paths !== void 0 ? { paths: options.paths } : {}
  });
  const { findings, uses, warnings: exceptionWarnings } = applyExceptions(evaluation.findings, config, options.today);
  const sorted = [...findings].sort(compareFindings);
  const policies = config.policies.map(({ policy, severity, source }) => ({
    id: policy.id,
    title: policy.title,
    description: policy.description,
    severity,
    ...policy.remediation ? { remediation: policy.remediation } : {},
    ...policy.docs ? { docs: policy.docs } : {},
    source
  }));
  if (uses.some((u) => u.expired)) {
    policies.push({
      id: "expired-exception",
      title: "An exception has expired",
      description: "An exception in the config passed its expiry date; the findings it covered are reported again.",
      severity: "warning",
      source: "builtin"
    });
  }
  return {
    version: 1,
    tool: { name: "clb-guard", version: TOOL_VERSION },
    mode: inventory.mode,
    complete: inventory.complete,
    ...!inventory.complete && inventory.incompleteReasons !== void 0 && inventory.incompleteReasons.length > 0 ? { incompleteReasons: inventory.incompleteReasons } : {},
    summary: summaryOf(sorted),
    findings: sorted,
    policies,
    exceptions: uses,
    warnings: [...inventory.warnings.map((w) => w.address ? `${w.address}: ${w.message}` : w.message), ...exceptionWarnings],
    target: options.target,
    counts: evaluation.counts
  };
}
var byLocale = new Intl.Collator().compare;
function compareFindings(a, b) {
  return RANK[a.severity] - RANK[b.severity] || (a.status === b.status ? 0 : a.status === "fail" ? -1 : 1) || byLocale(a.policy, b.policy) || byLocale(a.resource, b.resource) || byLocale(a.fingerprint, b.fingerprint);
}
function exitCodeFor(report, failOn, options = {}) {
  if (failOn === "never") return 0;
  const threshold = RANK[failOn];
  const counts = (f) => options.failOnPreexisting === true || f.outsidePlan?.preexisting !== true;
  return report.findings.some((f) => f.status === "fail" && RANK[f.severity] <= threshold && counts(f)) ? 1 : 0;
}

// src/sources/hybrid/externalReferences.ts
var PREFIX = {
  securityGroup: /^sg-[0-9a-z]+$/,
  instance: /^ins-[0-9a-z]+$/,
  networkInterface: /^eni-[0-9a-z]+$/,
  subnet: /^subnet-[0-9a-z]+$/,
  vpc: /^vpc-[0-9a-z]+$/,
  networkAcl: /^acl-[0-9a-z]+$/,
  loadBalancer: /^lb-[0-9a-z]+$/,
  addressTemplate: /^ipm-[0-9a-z]+$/,
  addressTemplateGroup: /^ipmg-[0-9a-z]+$/,
  serviceTemplate: /^ppm-[0-9a-z]+$/,
  serviceTemplateGroup: /^ppmg-[0-9a-z]+$/
};
function isCloudId(kind, ref) {
  return PREFIX[kind].test(ref);
}
var known = (value) => value === void 0 || isUnknown(value) ? void 0 : value;
function isPlaceholder(object) {
  return object.provenance.type === void 0 && Object.values(PREFIX).some((p) => p.test(object.key));
}
function externalReferencesOf(inventory, membersOnly = /* @__PURE__ */ new Set()) {
  const ids = /* @__PURE__ */ new Map();
  const has = (kind, ref) => {
    const key = inventory.aliases.get(ref) ?? ref;
    switch (kind) {
      case "securityGroup": {
        const group = inventory.securityGroups.get(key);
        return group !== void 0 && !(isPlaceholder(group) && (group.ingress.unknownReason !== void 0 || group.egress.unknownReason !== void 0));
      }
      case "instance":
        return inventory.instances.has(key);
      case "networkInterface":
        return inventory.networkInterfaces.has(key) || [...inventory.instances.values()].some((i) => i.interfaces.some((n) => n.key === key));
      case "subnet":
        return inventory.subnets.has(key);
      case "vpc":
        return inventory.vpcs.has(key);
      case "networkAcl":
        return inventory.networkAcls.has(key);
      case "loadBalancer": {
        const lb = inventory.loadBalancers.get(key);
        return lb !== void 0 && !isPlaceholder(lb);
      }
      case "addressTemplate":
        return inventory.addressTemplates.has(key);
      case "addressTemplateGroup":
        return inventory.addressTemplateGroups.has(key);
      case "serviceTemplate":
        return inventory.serviceTemplates.has(key);
      case "serviceTemplateGroup":
        return inventory.serviceTemplateGroups.has(key);
    }
  };
  const want = (kind, ref) => {
    const id = known(ref);
    if (id === void 0 || id === null || !isCloudId(kind, id) || has(kind, id)) return;
    const set = ids.get(kind) ?? /* @__PURE__ */ new Set();
    set.add(id);
    ids.set(kind, set);
  };
  const interfaces = [
    ...[...inventory.instances.values()].flatMap((i) => i.interfaces),
    ...inventory.networkInterfaces.values()
  ];
  for (const instance of inventory.instances.values()) want("vpc", instance.vpc);
  for (const nic of interfaces) {
    if (membersOnly.has(nic.key)) continue;
    for (const g of known(nic.securityGroups) ?? []) want("securityGroup", g);
    want("subnet", nic.subnet);
  }
  const peerGroups = /* @__PURE__ */ new Set();
  for (const group of inventory.securityGroups.values()) {
    for (const rule of [...group.ingress.rules, ...group.egress.rules]) {
      if (rule.peer.kind === "securityGroup") {
        want("securityGroup", rule.peer.ref);
        if (isCloudId("securityGroup", rule.peer.ref) && !inventory.aliases.has(rule.peer.ref)) peerGroups.add(rule.peer.ref);
      }
      if (rule.peer.kind === "addressTemplate" || rule.peer.kind === "addressTemplateGroup") want(rule.peer.kind, rule.peer.ref);
      if (rule.service.kind === "serviceTemplate" || rule.service.kind === "serviceTemplateGroup")
        want(rule.service.kind, rule.service.ref);
    }
  }
  for (const group of inventory.addressTemplateGroups.values()) for (const m of known(group.members) ?? []) want("addressTemplate", m);
  for (const group of inventory.serviceTemplateGroups.values()) for (const m of known(group.members) ?? []) want("serviceTemplate", m);
  for (const subnet of inventory.subnets.values()) {
    want("vpc", subnet.vpc);
    want("networkAcl", subnet.networkAcl);
  }
  const ownedIps = new Set(interfaces.flatMap((n) => known(n.privateIps) ?? []));
  const eniIps = /* @__PURE__ */ new Set();
  for (const lb of inventory.loadBalancers.values()) {
    want("loadBalancer", lb.key);
    for (const g of known(lb.securityGroups) ?? []) want("securityGroup", g);
    want("vpc", lb.vpc);
    want("subnet", lb.subnet);
    for (const target of targetsOf(lb)) {
      want("instance", target.instance);
      const ip = known(target.eniIp);
      if (ip !== void 0 && !ownedIps.has(ip)) eniIps.add(ip);
    }
  }
  return { ids, eniIps, peerGroups };
}
function targetsOf(lb) {
  return lb.listeners.flatMap((l) => [...l.targets, ...l.rules.flatMap((r) => r.targets)]);
}

// src/check/externalUnknownLine.ts
var CLOUD_ID = /\b(?:sg|ins|eni|subnet|vpc|acl|lb|ipm|ipmg|ppm|ppmg)-[0-9a-z]+\b/g;
function externalUnknownLine(report, inventory) {
  const ids = [...externalReferencesOf(inventory).ids.values()].flatMap((s) => [...s]);
  const external = new Set(ids);
  const mentions = (f) => {
    const text = [f.message, ...f.evidence.map((e) => e.reason ?? "")].join(" ");
    return (text.match(CLOUD_ID) ?? []).some((id) => external.has(id)) || /not in this plan|not in this check|not managed in this configuration/.test(text);
  };
  const count = report.findings.filter((f) => f.status === "unknown" && mentions(f)).length;
  const named = ids.slice(0, 3).join(", ");
  return `${count} ${count === 1 ? "check" : "checks"} stayed unknown because of external references${ids.length > 0 ? ` (${named}${ids.length > 3 ? ", \u2026" : ""})` : ""}`;
}

// node_modules/fastest-levenshtein/esm/mod.js
var peq = new Uint32Array(65536);
var myers_32 = (a, b) => {
  const n = a.length;
  const m = b.length;
  const lst = 1 << n - 1;
  let pv = -1;
  let mv = 0;
  let sc = n;
  let i = n;
  while (i--) {
    peq[a.charCodeAt(i)] |= 1 << i;
  }
  for (i = 0; i < m; i++) {
    let eq = peq[b.charCodeAt(i)];
    const xv = eq | mv;
    eq |= (eq & pv) + pv ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & lst) {
      sc++;
    }
    if (pv & lst) {
      sc--;
    }
    mv = mv << 1 | 1;
    pv = pv << 1 | ~(xv | mv);
    mv &= xv;
  }
  i = n;
  while (i--) {
    peq[a.charCodeAt(i)] = 0;
  }
  return sc;
};
var myers_x = (b, a) => {
  const n = a.length;
  const m = b.length;
  const mhc = [];
  const phc = [];
  const hsize = Math.ceil(n / 32);
  const vsize = Math.ceil(m / 32);
  for (let i = 0; i < hsize; i++) {
    phc[i] = -1;
    mhc[i] = 0;
  }
  let j = 0;
  for (; j < vsize - 1; j++) {
    let mv2 = 0;
    let pv2 = -1;
    const start2 = j * 32;
    const vlen2 = Math.min(32, m) + start2;
    for (let k = start2; k < vlen2; k++) {
      peq[b.charCodeAt(k)] |= 1 << k;
    }
    for (let i = 0; i < n; i++) {
      const eq = peq[a.charCodeAt(i)];
      const pb = phc[i / 32 | 0] >>> i & 1;
      const mb = mhc[i / 32 | 0] >>> i & 1;
      const xv = eq | mv2;
      const xh = ((eq | mb) & pv2) + pv2 ^ pv2 | eq | mb;
      let ph = mv2 | ~(xh | pv2);
      let mh = pv2 & xh;
      if (ph >>> 31 ^ pb) {
        phc[i / 32 | 0] ^= 1 << i;
      }
      if (mh >>> 31 ^ mb) {
        mhc[i / 32 | 0] ^= 1 << i;
      }
      ph = ph << 1 | pb;
      mh = mh << 1 | mb;
      pv2 = mh | ~(xv | ph);
      mv2 = ph & xv;
    }
    for (let k = start2; k < vlen2; k++) {
      peq[b.charCodeAt(k)] = 0;
    }
  }
  let mv = 0;
  let pv = -1;
  const start = j * 32;
  const vlen = Math.min(32, m - start) + start;
  for (let k = start; k < vlen; k++) {
    peq[b.charCodeAt(k)] |= 1 << k;
  }
  let score = m;
  for (let i = 0; i < n; i++) {
    const eq = peq[a.charCodeAt(i)];
    const pb = phc[i / 32 | 0] >>> i & 1;
    const mb = mhc[i / 32 | 0] >>> i & 1;
    const xv = eq | mv;
    const xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    score += ph >>> m - 1 & 1;
    score -= mh >>> m - 1 & 1;
    if (ph >>> 31 ^ pb) {
      phc[i / 32 | 0] ^= 1 << i;
    }
    if (mh >>> 31 ^ mb) {
      mhc[i / 32 | 0] ^= 1 << i;
    }
    ph = ph << 1 | pb;
    mh = mh << 1 | mb;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let k = start; k < vlen; k++) {
    peq[b.charCodeAt(k)] = 0;
  }
  return score;
};
var distance = (a, b) => {
  if (a.length < b.length) {
    const tmp = b;
    b = a;
    a = tmp;
  }
  if (b.length === 0) {
    return a.length;
  }
  if (a.length <= 32) {
    return myers_32(a, b);
  }
  return myers_x(a, b);
};

// src/text/closestMatch.ts
function closestMatch(word, candidates) {
  const limit = Math.max(word.length >= 4 ? 2 : 1, Math.min(3, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  let best;
  for (const candidate of candidates) {
    if (word.length > 200 || candidate.length > 200) continue;
    const d = candidate.toLowerCase().startsWith(lower) && word.length >= 3 ? 0.5 : distance(lower, candidate.toLowerCase());
    if (d <= limit && (best === void 0 || d < best.distance)) best = { candidate, distance: d };
  }
  return best?.candidate;
}

export {
  __require,
  __esm,
  __commonJS,
  __export,
  __toESM,
  __toCommonJS,
  __toBinaryNode,
  InputError,
  errorMessage,
  closestMatch,
  unknown,
  isUnknown,
  AddressSet,
  readPorts,
  ALWAYS_AVAILABLE_VARIABLES,
  assertionKindOf,
  PLACEHOLDER,
  summaryOf,
  fixAsText,
  fixGroupsOf,
  fixSummary,
  TOOL_VERSION,
  checkInventory,
  compareFindings,
  exitCodeFor,
  isPlaceholder,
  externalReferencesOf,
  targetsOf,
  externalUnknownLine
};
