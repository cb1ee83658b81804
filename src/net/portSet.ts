import { IntervalSet, numberDomain } from './intervalSet.js';

const PORTS = numberDomain(0, 65535);

export type PortSet = IntervalSet<number>;

export const ALL_PORTS: PortSet = IntervalSet.all(PORTS);
export const NO_PORTS: PortSet = IntervalSet.empty(PORTS);

export function portRange(lo: number, hi: number = lo): PortSet {
  return IntervalSet.of(PORTS, [[lo, hi]]);
}

/**
 * Parses Tencent port text: `ALL` (any case), `80`, `80,443`, `8000-8010`, and mixes of the last
 * two. Returns undefined for anything else, so callers can say what was wrong.
 */
export function parsePorts(text: string): PortSet | undefined {
  const value = text.trim();
  if (value.toUpperCase() === 'ALL' || value === '') return value === '' ? undefined : ALL_PORTS;
  const intervals: [number, number][] = [];
  for (const part of value.split(',')) {
    const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(part);
    if (match === null) return undefined;
    const lo = Number(match[1]);
    const hi = match[2] === undefined ? lo : Number(match[2]);
    if (lo > 65535 || hi > 65535 || lo > hi) return undefined;
    intervals.push([lo, hi]);
  }
  return IntervalSet.of(PORTS, intervals);
}

/** `ALL`, `443`, `80,443`, `8000-8010`. */
export function describePorts(ports: PortSet): string {
  if (ports.isAll()) return 'ALL';
  if (ports.isEmpty()) return 'none';
  return ports.intervals.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}
