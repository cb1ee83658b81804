import { isIPv4, isIPv6 } from 'node:net';
import { bigintDomain, type Interval, IntervalSet, numberDomain } from './intervalSet.js';
import { parsedTexts } from './parsedTexts.js';

const V4 = numberDomain(0, 2 ** 32 - 1);
const V6 = bigintDomain(0n, (1n << 128n) - 1n);

/** A set of IPv4 and IPv6 addresses. IPv4 and IPv6 are separate spaces: neither matches the other. */
export class AddressSet {
  // Immutable, so derived texts are computed once: large checks describe the same sets many times.
  private cidrCache?: string[];
  private describeCache?: Map<number, string>;
  private keyCache?: string;

  private constructor(
    readonly v4: IntervalSet<number>,
    readonly v6: IntervalSet<bigint>,
  ) {}

  static readonly EMPTY = new AddressSet(IntervalSet.empty(V4), IntervalSet.empty(V6));
  static readonly ALL_V4 = new AddressSet(IntervalSet.all(V4), IntervalSet.empty(V6));
  static readonly ALL_V6 = new AddressSet(IntervalSet.empty(V4), IntervalSet.all(V6));
  static readonly ALL = new AddressSet(IntervalSet.all(V4), IntervalSet.all(V6));

  static fromV4(intervals: Iterable<Interval<number>>): AddressSet {
    return new AddressSet(IntervalSet.of(V4, intervals), IntervalSet.empty(V6));
  }

  static fromV6(intervals: Iterable<Interval<bigint>>): AddressSet {
    return new AddressSet(IntervalSet.empty(V4), IntervalSet.of(V6, intervals));
  }

  /**
   * Parses a CIDR, a single address or a range `a-b` (IP templates allow ranges).
   * `0.0.0.0/n` means `0.0.0.0/0`, as Tencent maps it. Returns undefined when it is not an address.
   */
  static parse(text: string): AddressSet | undefined {
    // Sets are immutable, so the same text can share one parsed set (policies parse the same
    // few CIDRs for every subject).
    return AddressSet.parseText(text);
  }

  private static readonly parseText = parsedTexts((text: string) => AddressSet.parseUncached(text));

  private static parseUncached(text: string): AddressSet | undefined {
    const value = text.trim();
    const dash = value.indexOf('-');
    if (dash > 0) {
      const lo = parseAddress(value.slice(0, dash).trim());
      const hi = parseAddress(value.slice(dash + 1).trim());
      if (lo === undefined || hi === undefined || lo.family !== hi.family) return undefined;
      if (lo.family === 4) return AddressSet.fromV4([[lo.value as number, hi.value as number]]);
      return AddressSet.fromV6([[lo.value as bigint, hi.value as bigint]]);
    }
    const slash = value.indexOf('/');
    const addressText = slash >= 0 ? value.slice(0, slash) : value;
    const address = parseAddress(addressText);
    if (address === undefined) return undefined;
    const bits = address.family === 4 ? 32 : 128;
    let prefix = bits;
    if (slash >= 0) {
      const prefixText = value.slice(slash + 1);
      if (!/^\d{1,3}$/.test(prefixText)) return undefined;
      prefix = Number(prefixText);
      if (prefix > bits) return undefined;
    }
    if (address.family === 4) {
      const base = address.value as number;
      // "0.0.0.0/n 都会映射为0.0.0.0/0": the bare 0.0.0.0 is 0.0.0.0/32, one of them (the old
      // CLB page calls the broad allow "an allow 0.0.0.0 rule"). Read as one address, an
      // ACCEPT 0.0.0.0 on port 22 would open the admin port to everyone without a finding.
      if (base === 0) return AddressSet.ALL_V4;
      const size = 2 ** (32 - prefix);
      const lo = Math.floor(base / size) * size;
      return AddressSet.fromV4([[lo, lo + size - 1]]);
    }
    const base = address.value as bigint;
    const hostBits = BigInt(128 - prefix);
    const lo = (base >> hostBits) << hostBits;
    return AddressSet.fromV6([[lo, lo + (1n << hostBits) - 1n]]);
  }

  static parseAll(texts: Iterable<string>): AddressSet | undefined {
    let out = AddressSet.EMPTY;
    for (const text of texts) {
      const parsed = AddressSet.parse(text);
      if (parsed === undefined) return undefined;
      out = out.union(parsed);
    }
    return out;
  }

  isEmpty(): boolean {
    return this.v4.isEmpty() && this.v6.isEmpty();
  }

  // Set operations give back an operand itself when the result equals it: fewer objects, and
  // the texts already computed for it (describe, key) are kept.
  union(other: AddressSet): AddressSet {
    return this.same(this.v4.union(other.v4), this.v6.union(other.v6), other);
  }

  intersect(other: AddressSet): AddressSet {
    return this.same(this.v4.intersect(other.v4), this.v6.intersect(other.v6), other);
  }

  subtract(other: AddressSet): AddressSet {
    return this.same(this.v4.subtract(other.v4), this.v6.subtract(other.v6), undefined);
  }

  private same(v4: AddressSet['v4'], v6: AddressSet['v6'], other: AddressSet | undefined): AddressSet {
    if (v4 === this.v4 && v6 === this.v6) return this;
    if (other !== undefined && v4 === other.v4 && v6 === other.v6) return other;
    return new AddressSet(v4, v6);
  }

  covers(other: AddressSet): boolean {
    return this.v4.covers(other.v4) && this.v6.covers(other.v6);
  }

  overlaps(other: AddressSet): boolean {
    return this.v4.overlaps(other.v4) || this.v6.overlaps(other.v6);
  }

  equals(other: AddressSet): boolean {
    return this.v4.equals(other.v4) && this.v6.equals(other.v6);
  }

  /** A compact identity for caches: equal sets have equal keys. */
  key(): string {
    this.keyCache ??= `${this.v4.intervals.map(([lo, hi]) => `${lo}-${hi}`).join(',')}|${this.v6.intervals.map(([lo, hi]) => `${lo}-${hi}`).join(',')}`;
    return this.keyCache;
  }

  /** Minimal CIDR list, e.g. `["0.0.0.0/3", "32.0.0.0/4"]`. */
  toCidrs(): string[] {
    this.cidrCache ??= this.computeCidrs();
    return this.cidrCache;
  }

  private computeCidrs(): string[] {
    const out: string[] = [];
    for (const [lo, hi] of this.v4.intervals)
      out.push(...rangeToCidrs(BigInt(lo), BigInt(hi), 32).map((c) => `${formatV4(Number(c.base))}/${c.prefix}`));
    for (const [lo, hi] of this.v6.intervals) out.push(...rangeToCidrs(lo, hi, 128).map((c) => `${formatV6(c.base)}/${c.prefix}`));
    return out;
  }

  /** Short human text: `0.0.0.0/0`, `10.0.0.0/8, 172.16.0.0/12`, or a summary when long. */
  describe(maxItems = 4): string {
    this.describeCache ??= new Map();
    let text = this.describeCache.get(maxItems);
    if (text === undefined) {
      text = this.computeDescription(maxItems);
      this.describeCache.set(maxItems, text);
    }
    return text;
  }

  private computeDescription(maxItems: number): string {
    if (this.isEmpty()) return 'no address';
    // "0.0.0.0/0 except 45.33.0.0/16" reads better than sixteen ranges.
    if (this.v6.isEmpty() && this.v4.intervals.length <= maxItems + 1 && this.toCidrs().length > maxItems) {
      const enclosing = enclosingV4(this.v4.intervals[0]![0], this.v4.intervals[this.v4.intervals.length - 1]![1]);
      const missing = enclosing.subtract(this);
      if (missing.toCidrs().length <= maxItems) return `${enclosing.describe()} except ${missing.describe(maxItems)}`;
    }
    const cidrs = this.toCidrs().map((c) => (c.endsWith('/32') && !c.includes(':') ? c.slice(0, -3) : c));
    if (cidrs.length <= maxItems) return cidrs.join(', ');
    return `${cidrs.slice(0, maxItems).join(', ')} and ${cidrs.length - maxItems} more ranges`;
  }
}

/** The smallest IPv4 CIDR holding both addresses. */
function enclosingV4(lo: number, hi: number): AddressSet {
  let prefix = 32;
  while (prefix > 0 && Math.floor(lo / 2 ** (32 - prefix)) !== Math.floor(hi / 2 ** (32 - prefix))) prefix--;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(lo / size) * size;
  return AddressSet.fromV4([[base, base + size - 1]]);
}

interface ParsedAddress {
  family: 4 | 6;
  value: number | bigint;
}

function parseAddress(text: string): ParsedAddress | undefined {
  if (isIPv4(text)) {
    const parts = text.split('.').map(Number);
    return { family: 4, value: ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]! };
  }
  if (isIPv6(text)) return { family: 6, value: parseV6(text) };
  return undefined;
}

/** Expands `::` and an embedded dotted IPv4 tail; `net.isIPv6` has already validated the text. */
function parseV6(text: string): bigint {
  let body = text;
  const lastColon = body.lastIndexOf(':');
  const tailText = body.slice(lastColon + 1);
  if (tailText.includes('.')) {
    const v4 = tailText.split('.').map(Number);
    body = `${body.slice(0, lastColon + 1)}${(v4[0]! * 256 + v4[1]!).toString(16)}:${(v4[2]! * 256 + v4[3]!).toString(16)}`;
  }
  const double = body.indexOf('::');
  let groups: string[];
  if (double >= 0) {
    const head = body
      .slice(0, double)
      .split(':')
      .filter((g) => g !== '');
    const rest = body
      .slice(double + 2)
      .split(':')
      .filter((g) => g !== '');
    groups = [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest];
  } else {
    groups = body.split(':');
  }
  let value = 0n;
  for (const group of groups) value = (value << 16n) + BigInt(parseInt(group, 16));
  return value;
}

function rangeToCidrs(lo: bigint, hi: bigint, bits: number): { base: bigint; prefix: number }[] {
  const out: { base: bigint; prefix: number }[] = [];
  let cursor = lo;
  while (cursor <= hi) {
    let size = 0;
    // Largest aligned block starting at cursor that stays within hi.
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

function formatV4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function formatV6(value: bigint): string {
  const groups: number[] = [];
  for (let k = 7; k >= 0; k--) groups.push(Number((value >> BigInt(k * 16)) & 0xffffn));
  // Compress the longest run of zero groups, as RFC 5952 recommends.
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
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
