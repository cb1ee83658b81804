import fc from 'fast-check';

/**
 * Ways a JSON input goes wrong in practice: cut short, wrong types, huge numbers, deep nesting,
 * `__proto__` keys, odd Unicode, enormous strings. Each takes the parsed value (or the text) and
 * returns new text.
 */
export type Mutation = (value: unknown, text: string, pick: (n: number) => number) => string;

const ODD_STRINGS = [
  '',
  '\u0000',
  '\u202e',
  '\ud800',
  '🦀'.repeat(50),
  'x'.repeat(200_000),
  '${var.x}',
  '../../etc/passwd',
  '%s%n',
  '<script>',
];
const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  {},
  '',
  'ALL',
  [null],
  { __proto__: { polluted: true } },
];

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  out.push(prefix);
  if (depth > 12 || out.length > 5000) return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      paths(v, [...prefix, i], out, depth + 1);
    });
  } else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out, depth + 1);
  return out;
}

function setAt(root: unknown, path: (string | number)[], make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(root);
  const copy: unknown = Array.isArray(root) ? [...root] : { ...(root as object) };
  const [head, ...rest] = path;
  (copy as Record<string | number, unknown>)[head!] = setAt((root as Record<string | number, unknown>)[head!], rest, make);
  return copy;
}

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (_v, text, pick) => text.slice(0, pick(text.length)),
  wrongType: (v, _t, pick) => {
    const all = paths(v);
    return JSON.stringify(setAt(v, all[pick(all.length)]!, () => ODD_VALUES[pick(ODD_VALUES.length)]));
  },
  oddString: (v, _t, pick) => {
    const all = paths(v);
    return JSON.stringify(setAt(v, all[pick(all.length)]!, () => ODD_STRINGS[pick(ODD_STRINGS.length)]));
  },
  hugeNumber: (v, _t, pick) => {
    const all = paths(v);
    return JSON.stringify(setAt(v, all[pick(all.length)]!, () => [1e308, -1e308, 2 ** 53 + 1, 65536, -0.5][pick(5)]));
  },
  deepNesting: (v, _t, pick) => {
    const all = paths(v);
    const depth = 2000 + pick(3000);
    return JSON.stringify(setAt(v, all[pick(all.length)]!, () => null)).replace('null', '['.repeat(depth) + ']'.repeat(depth));
  },
  protoKey: (v, _t, pick) => {
    const all = paths(v).filter((p) => {
      let node: unknown = v;
      for (const k of p) node = (node as Record<string | number, unknown>)[k];
      return typeof node === 'object' && node !== null && !Array.isArray(node);
    });
    const text = JSON.stringify(setAt(v, all[pick(all.length)] ?? [], (old) => ({ ...(old as object), __marker__: { polluted: true } })));
    return text.replace('"__marker__"', pick(2) === 0 ? '"__proto__"' : '"constructor"');
  },
  dropKey: (v, _t, pick) => {
    const all = paths(v).filter((p) => p.length > 0);
    const path = all[pick(all.length)];
    if (path === undefined) return JSON.stringify(v);
    return JSON.stringify(
      setAt(v, path.slice(0, -1), (old) => {
        if (Array.isArray(old)) return old.filter((_, i) => i !== path[path.length - 1]);
        const { [path[path.length - 1]!]: _drop, ...rest } = old as Record<string, unknown>;
        return rest;
      }),
    );
  },
};

export const mutationArbitrary = fc.record({
  name: fc.constantFrom(...Object.keys(MUTATIONS)),
  seeds: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
});

export function applyMutation(name: string, seeds: number[], text: string): string {
  let i = 0;
  const pick = (n: number) => (n <= 0 ? 0 : seeds[i++ % seeds.length]! % n);
  return MUTATIONS[name]!(JSON.parse(text), text, pick);
}
