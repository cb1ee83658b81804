import { IntervalSet, numberDomain } from './intervalSet.js';
import { parsedTexts } from './parsedTexts.js';

const PORTS = numberDomain(0, 65535);

export type PortSet = IntervalSet<number>;

export const ALL_PORTS: PortSet = IntervalSet.all(PORTS);
export const NO_PORTS: PortSet = IntervalSet.empty(PORTS);

export function portRange(lo: number, hi: number = lo): PortSet {
  return IntervalSet.of(PORTS, [[lo, hi]]);
}

/** Why a port text is not a port list, or the intervals it names. */
export type PortParse =
  | { readonly intervals: readonly [number, number][] }
  | { readonly problem: 'syntax' | 'range' | 'reversed'; readonly lo?: number; readonly hi?: number };

/**
 * Reads Tencent port text: `ALL` (any case), `80`, `80,443`, `8000-8010`, and mixes of the last
 * two, saying what is wrong when it is none of them (so validators can explain, and the engine
 * and the validator cannot disagree on what parses).
 */
export function readPorts(text: string): PortParse | 'all' {
  const value = text.trim();
  if (value.toUpperCase() === 'ALL') return 'all';
  if (value === '') return { problem: 'syntax' };
  const intervals: [number, number][] = [];
  for (const part of value.split(',')) {
    const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(part);
    if (match === null) return { problem: 'syntax' };
    const lo = Number(match[1]);
    const hi = match[2] === undefined ? lo : Number(match[2]);
    if (lo > 65535 || hi > 65535) return { problem: 'range', lo, hi };
    if (lo > hi) return { problem: 'reversed', lo, hi };
    intervals.push([lo, hi]);
  }
  return { intervals };
}

/**
 * Parses port text (see `readPorts`); undefined for anything else, so callers can say what was
 * wrong. Sets are immutable, so one text shares one parsed set: large rule lists repeat a few.
 */
export const parsePorts: (text: string) => PortSet | undefined = parsedTexts((text) => {
  const read = readPorts(text);
  return read === 'all' ? ALL_PORTS : 'intervals' in read ? IntervalSet.of(PORTS, read.intervals) : undefined;
});

/** `ALL`, `443`, `80,443`, `8000-8010`. */
export function describePorts(ports: PortSet): string {
  if (ports.isAll()) return 'ALL';
  if (ports.isEmpty()) return 'none';
  return ports.intervals.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}
