/**
 * Sets of integers (IPv4 addresses as numbers, IPv6 as bigints, ports) as sorted, disjoint,
 * non-adjacent closed intervals. Never enumerated, so `0.0.0.0/0` costs what one address costs.
 */
export type Scalar = number | bigint;

export interface IntervalDomain<T extends Scalar> {
  readonly min: T;
  readonly max: T;
  succ(value: T): T;
  pred(value: T): T;
}

export type Interval<T extends Scalar> = readonly [lo: T, hi: T];

export class IntervalSet<T extends Scalar> {
  private constructor(
    readonly domain: IntervalDomain<T>,
    readonly intervals: readonly Interval<T>[],
  ) {}

  static empty<T extends Scalar>(domain: IntervalDomain<T>): IntervalSet<T> {
    return new IntervalSet(domain, []);
  }

  static all<T extends Scalar>(domain: IntervalDomain<T>): IntervalSet<T> {
    return new IntervalSet(domain, [[domain.min, domain.max]]);
  }

  static of<T extends Scalar>(domain: IntervalDomain<T>, intervals: Iterable<Interval<T>>): IntervalSet<T> {
    return new IntervalSet(domain, normalise(domain, [...intervals]));
  }

  isEmpty(): boolean {
    return this.intervals.length === 0;
  }

  isAll(): boolean {
    return this.intervals.length === 1 && this.intervals[0]![0] === this.domain.min && this.intervals[0]![1] === this.domain.max;
  }

  has(value: T): boolean {
    // Binary search: sets from large rule lists can hold many intervals.
    let lo = 0;
    let hi = this.intervals.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.intervals[mid]!;
      if (value < a) hi = mid - 1;
      else if (value > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  union(other: IntervalSet<T>): IntervalSet<T> {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    return new IntervalSet(this.domain, normalise(this.domain, [...this.intervals, ...other.intervals]));
  }

  intersect(other: IntervalSet<T>): IntervalSet<T> {
    if (this.isEmpty() || other.isAll()) return this;
    if (other.isEmpty() || this.isAll()) return other;
    const out: Interval<T>[] = [];
    let i = 0;
    let j = 0;
    const a = this.intervals;
    const b = other.intervals;
    while (i < a.length && j < b.length) {
      // biome-ignore lint/complexity/useMathMinMax: T may be bigint (IPv6), which Math.max throws on
      const lo = a[i]![0] > b[j]![0] ? a[i]![0] : b[j]![0];
      // biome-ignore lint/complexity/useMathMinMax: T may be bigint (IPv6), which Math.min throws on
      const hi = a[i]![1] < b[j]![1] ? a[i]![1] : b[j]![1];
      if (lo <= hi) out.push([lo, hi]);
      if (a[i]![1] < b[j]![1]) i++;
      else j++;
    }
    return new IntervalSet(this.domain, out);
  }

  subtract(other: IntervalSet<T>): IntervalSet<T> {
    if (this.isEmpty() || other.isEmpty()) return this;
    if (other.isAll()) return IntervalSet.empty(this.domain);
    return this.intersect(other.complement());
  }

  complement(): IntervalSet<T> {
    const { domain } = this;
    const out: Interval<T>[] = [];
    let next: T | undefined = domain.min;
    for (const [lo, hi] of this.intervals) {
      if (next !== undefined && lo > next) out.push([next, domain.pred(lo)]);
      next = hi === domain.max ? undefined : domain.succ(hi);
    }
    if (next !== undefined) out.push([next, domain.max]);
    return new IntervalSet(domain, out);
  }

  /**
   * True when every member of `other` is in this set. Intervals are kept merged (`normalise`),
   * so each interval of `other` lies inside one of ours: a scan, no set is built.
   */
  covers(other: IntervalSet<T>): boolean {
    const a = this.intervals;
    let i = 0;
    for (const [lo, hi] of other.intervals) {
      while (i < a.length && a[i]![1] < lo) i++;
      const inside = a[i];
      if (inside === undefined || inside[0] > lo || inside[1] < hi) return false;
    }
    return true;
  }

  /** True when the sets share a member: a scan, no set is built. */
  overlaps(other: IntervalSet<T>): boolean {
    const a = this.intervals;
    const b = other.intervals;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i]![1] < b[j]![0]) i++;
      else if (b[j]![1] < a[i]![0]) j++;
      else return true;
    }
    return false;
  }

  equals(other: IntervalSet<T>): boolean {
    if (this.intervals.length !== other.intervals.length) return false;
    return this.intervals.every(([lo, hi], k) => lo === other.intervals[k]![0] && hi === other.intervals[k]![1]);
  }
}

function normalise<T extends Scalar>(domain: IntervalDomain<T>, input: Interval<T>[]): Interval<T>[] {
  const sorted = input.filter(([lo, hi]) => lo <= hi).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [T, T][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    // Merge overlapping and adjacent intervals so that equal sets have equal representations.
    if (last !== undefined && (last[1] === domain.max || lo <= domain.succ(last[1]))) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}

export const numberDomain = (min: number, max: number): IntervalDomain<number> => ({
  min,
  max,
  succ: (v) => v + 1,
  pred: (v) => v - 1,
});

export const bigintDomain = (min: bigint, max: bigint): IntervalDomain<bigint> => ({
  min,
  max,
  succ: (v) => v + 1n,
  pred: (v) => v - 1n,
});
