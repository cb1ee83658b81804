import { AddressSet } from '../../net/addressSet.js';
import { readPorts } from '../../net/portSet.js';
import type { ParamKind } from '../builtinParams.js';
import type { ParamValue } from '../policyTypes.js';

/**
 * What is wrong with a CIDR, address or `a-b` range a policy or config names, or undefined when
 * it is right. Host bits set (`10.0.0.1/8`) are refused with the network meant: the engine would
 * silently widen it, and the author probably meant something else.
 */
export function cidrProblem(text: string): string | undefined {
  const value = text.trim();
  const parsed = AddressSet.parse(value);
  if (parsed === undefined) {
    const slash = value.indexOf('/');
    if (slash >= 0 && AddressSet.parse(value.slice(0, slash)) !== undefined) {
      const bits = value.includes(':') ? 128 : 32;
      return `"${text}" is not a CIDR: the prefix length must be 0-${bits}`;
    }
    return `"${text}" is not a CIDR or IP address`;
  }
  if (parsed.isEmpty()) return `"${text}" is an empty range (the first address is above the last)`;
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  // The engine reads `0.0.0.0/n` as Tencent's rules do, as 0.0.0.0/0: in a policy that widening
  // would be silent, so only /0 itself is taken.
  if (value.startsWith('0.0.0.0/') && value !== '0.0.0.0/0')
    return `"${text}" would be read as 0.0.0.0/0 (Tencent maps every 0.0.0.0/n to all addresses): write 0.0.0.0/0, or the network meant`;
  const host = AddressSet.parse(value.slice(0, slash));
  if (host !== undefined && lowest(host) !== lowest(parsed)) {
    return `"${text}" has host bits set: the network is ${parsed.toCidrs()[0] ?? '?'}`;
  }
  return undefined;
}

function lowest(set: AddressSet): string {
  const v4 = set.v4.intervals[0];
  if (v4 !== undefined) return `4:${v4[0]}`;
  const v6 = set.v6.intervals[0];
  return v6 === undefined ? '' : `6:${v6[0]}`;
}

/** A port or port list (`22`, `80,443`, `8000-8010`, `ALL`) as policies and params write it. */
export function portProblem(value: string | number): string | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1 && value <= 65535 ? undefined : `port ${value} is outside 1-65535`;
  const read = readPorts(value);
  if (read === 'all') return undefined;
  if ('problem' in read) {
    if (read.problem === 'syntax') return `"${value}" is not a port, a list of ports or a range like 8000-8010`;
    if (read.problem === 'range') return `"${value}": ports are 1-65535`;
    return `"${value}": the range starts above its end (${read.lo} > ${read.hi})`;
  }
  // The engine reads port 0 (a full-port target follows the listener); a policy means 1-65535.
  return read.intervals.some(([lo]) => lo === 0) ? `"${value}": ports are 1-65535` : undefined;
}

/** What is wrong with a parameter value of the given kind, or undefined. */
export function paramValueProblem(kind: ParamKind, value: ParamValue): string | undefined {
  if (kind === 'boolean') return typeof value === 'boolean' ? undefined : `must be true or false, not ${JSON.stringify(value)}`;
  if (kind === 'cidrs') {
    const list = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter((v) => v !== '')
        : undefined;
    if (list === undefined) return `must be a list of CIDRs, not ${JSON.stringify(value)}`;
    for (const item of list) {
      const problem = cidrProblem(item);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (kind === 'ports') {
    if (typeof value === 'boolean') return `must be a port list such as "1024-65535", not ${JSON.stringify(value)}`;
    if (typeof value === 'string' || typeof value === 'number') return portProblem(value);
    for (const item of value) {
      const problem = portProblem(item);
      if (problem !== undefined) return problem;
    }
    return value.length === 0 ? 'must name at least one port' : undefined;
  }
  return typeof value === 'string' && kind.oneOf.includes(value)
    ? undefined
    : `must be one of ${kind.oneOf.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(value)}`;
}

/** A real calendar day in YYYY-MM-DD (the schema checks only the shape: 2027-02-31 passes it). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
