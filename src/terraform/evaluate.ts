/**
 * Evaluates Terraform expressions (see `expression.ts`) as far as their values are known before
 * apply. Values are JSON-like; two more kinds stand for what is not a plain value:
 *
 * - `Opaque`: something the host knows by name only (a resource attribute known after apply, a
 *   data source). It can be carried, indexed by a known key and passed through `element()`,
 *   `concat()` and the like, but not computed on.
 * - `Unknown`: a value that cannot be decided here, with the reason (naming the expression).
 *   It spreads to everything computed from it; it is never replaced by a guess.
 *
 * The host gives meaning to root names (`var`, `local`, `count`, resource types…) and to steps
 * into opaque values. Nothing here knows about any provider.
 */

import { type Expr, PLAIN_NAME, parseExpression, render } from './expression.js';
import type { HclToken } from './hcl/index.js';
import { formatKey } from './terraformAddress.js';

export class Opaque {
  #text: string | undefined;
  #from: Opaque | undefined;
  #step: string | number | undefined;

  constructor(
    /** What the host needs to follow it. */
    readonly handle: unknown,
    /** How it is written, for messages. */
    text: string,
  ) {
    this.#text = text;
  }

  /**
   * A value one step (`.name` / `[key]`) into another: its text is written only when a message
   * asks for it, not for each of the many steps evaluated.
   */
  static stepped(handle: unknown, from: Opaque, step: string | number): Opaque {
    const value = new Opaque(handle, '');
    value.#text = undefined;
    value.#from = from;
    value.#step = step;
    return value;
  }

  /** How it is written, for messages. */
  get text(): string {
    this.#text ??= steppedText(this.#from!, this.#step!);
    return this.#text;
  }
}

/** `from.name`, `from[0]` or `from["key"]`. */
export function steppedText(from: Opaque, step: string | number): string {
  return `${from.text}${typeof step === 'string' && PLAIN_NAME.test(step) ? `.${step}` : formatKey(step)}`;
}

export class Unknown {
  constructor(
    readonly reason: string,
    /** Terraform would report an error here (a missing key, an index out of range): `try()` moves on. */
    readonly error = false,
  ) {}
}

export type Value = null | boolean | number | string | readonly Value[] | { readonly [key: string]: Value } | Opaque | Unknown;

export interface EvalHost {
  /** A root name's value; undefined when the name means nothing here. */
  root(name: string): Value | undefined;
  /** `.name` or `[key]` applied to an opaque value. */
  step(value: Opaque, step: string | number): Value;
}

export function isUnknownValue(value: Value): value is Unknown {
  return value instanceof Unknown;
}

export function isObjectValue(value: Value): value is { readonly [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Opaque) && !(value instanceof Unknown);
}

/** A value with no opaque or unknown part anywhere in it. */
export function isPlain(value: Value): boolean {
  if (value instanceof Opaque || value instanceof Unknown) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  if (isObjectValue(value)) return Object.values(value).every(isPlain);
  return true;
}

const parsed = new WeakMap<readonly HclToken[], Expr>();

/** The expression of an attribute's tokens, parsed once. */
export function expressionOf(tokens: readonly HclToken[]): Expr {
  let expr = parsed.get(tokens);
  if (expr === undefined) {
    expr = parseExpression(tokens);
    parsed.set(tokens, expr);
  }
  return expr;
}

const MAX_ELEMENTS = 100_000;
const NO_BINDINGS: ReadonlyMap<string, Value> = new Map();

/** Evaluates an expression. `bindings` are names bound around it (iterators, `for` variables). */
export function evaluate(expr: Expr, host: EvalHost, bindings: ReadonlyMap<string, Value> = NO_BINDINGS): Value {
  return new Evaluator(host).eval(expr, bindings);
}

class Evaluator {
  private steps = 0;

  constructor(private readonly host: EvalHost) {}

  eval(expr: Expr, env: ReadonlyMap<string, Value>): Value {
    if (++this.steps > MAX_ELEMENTS) return new Unknown(`\`${render(expr)}\` is too large to evaluate here`);
    switch (expr.k) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr, env);
      case 'name': {
        if (env.has(expr.name)) return env.get(expr.name)!;
        const value = this.host.root(expr.name);
        return value === undefined ? new Unknown(`\`${expr.name}\` is not a name this configuration defines here`) : value;
      }
      case 'attr':
        return this.get(this.eval(expr.on, env), expr.name, expr);
      case 'index': {
        const key = this.eval(expr.index, env);
        if (key instanceof Unknown) return key;
        if (key instanceof Opaque) return new Unknown(`\`${render(expr)}\`: the index ${key.text} is known only after apply`);
        if (typeof key !== 'string' && typeof key !== 'number')
          return new Unknown(`\`${render(expr)}\`: the index is not a number or a string`, true);
        return this.get(this.eval(expr.on, env), key, expr);
      }
      case 'splat':
        return this.splat(expr, env);
      case 'call':
        return this.call(expr, env);
      case 'binary':
        return this.binary(expr, env);
      case 'unary': {
        const value = this.eval(expr.operand, env);
        const blocked = notComputable(value, expr);
        if (blocked !== undefined) return blocked;
        if (expr.op === '!') return typeof value === 'boolean' ? !value : new Unknown(`\`${render(expr)}\`: not a boolean`, true);
        const n = toNumber(value);
        return n === undefined ? new Unknown(`\`${render(expr)}\`: not a number`, true) : -n;
      }
      case 'conditional': {
        const condition = this.eval(expr.condition, env);
        const blocked = notComputable(condition, expr);
        if (blocked !== undefined) return blocked;
        const truth = toBool(condition);
        if (truth === undefined) return new Unknown(`\`${render(expr)}\`: the condition is not a boolean`, true);
        return this.eval(truth ? expr.then : expr.otherwise, env);
      }
      case 'tuple':
        return expr.items.map((item) => this.eval(item, env));
      case 'object': {
        const out: Record<string, Value> = {};
        for (const [keyExpr, valueExpr] of expr.items) {
          const key = this.eval(keyExpr, env);
          const blocked = notComputable(key, expr);
          if (blocked !== undefined) return blocked;
          if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean')
            return new Unknown(`\`${render(expr)}\`: an object key is not a string`, true);
          out[String(key)] = this.eval(valueExpr, env);
        }
        return out;
      }
      case 'for':
        return this.forExpression(expr, env);
      case 'unsupported':
        return new Unknown(`\`${expr.text}\` is not an expression evaluated here (${expr.why})`);
    }
  }

  private get(on: Value, key: string | number, expr: Expr): Value {
    if (on instanceof Unknown) return on;
    if (on instanceof Opaque) return this.host.step(on, key);
    if (Array.isArray(on)) {
      const index = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : undefined;
      if (index === undefined || !Number.isInteger(index))
        return new Unknown(`\`${render(expr)}\`: a list has no attribute "${key}"`, true);
      if (index < 0 || index >= on.length)
        return new Unknown(`\`${render(expr)}\`: index ${index} is out of range (${on.length} elements)`, true);
      return on[index]!;
    }
    if (isObjectValue(on)) {
      const name = String(key);
      if (!Object.hasOwn(on, name)) return new Unknown(`\`${render(expr)}\`: no key "${name}"`, true);
      return on[name]!;
    }
    return new Unknown(`\`${render(expr)}\`: ${on === null ? 'null' : `a ${typeof on}`} has no element "${key}"`, true);
  }

  private template(expr: Extract<Expr, { k: 'template' }>, env: ReadonlyMap<string, Value>): Value {
    // A template that is one interpolation and nothing else is that value, not its text.
    if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string') return this.eval(expr.parts[0]!, env);
    let out = '';
    for (const part of expr.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = this.eval(part, env);
      const blocked = notComputable(value, expr);
      if (blocked !== undefined) return blocked;
      const text = toText(value);
      if (text === undefined) return new Unknown(`\`${render(expr)}\`: \${${render(part)}} is not a string`, true);
      out += text;
    }
    return out;
  }

  private splat(expr: Extract<Expr, { k: 'splat' }>, env: ReadonlyMap<string, Value>): Value {
    let on = this.eval(expr.on, env);
    if (on instanceof Unknown) return on;
    if (on instanceof Opaque) return new Unknown(`\`${render(expr)}\`: a splat over ${on.text} is not evaluated here`);
    if (on === null) return [];
    if (!Array.isArray(on)) on = [on]; // a splat over one value makes a one-element list
    return (on as readonly Value[]).map((element) => {
      let value = element;
      for (const step of expr.each) {
        if ('name' in step) value = this.get(value, step.name, expr);
        else {
          const key = this.eval(step.index, env);
          if (typeof key !== 'string' && typeof key !== 'number')
            return key instanceof Unknown ? key : new Unknown(`\`${render(expr)}\`: an index is not known`);
          value = this.get(value, key, expr);
        }
      }
      return value;
    });
  }

  private binary(expr: Extract<Expr, { k: 'binary' }>, env: ReadonlyMap<string, Value>): Value {
    const left = this.eval(expr.left, env);
    // `&&` and `||` decide on a known side even when the other is not known.
    if (expr.op === '&&' || expr.op === '||') {
      const right = this.eval(expr.right, env);
      const l = left instanceof Unknown || left instanceof Opaque ? undefined : toBool(left);
      const r = right instanceof Unknown || right instanceof Opaque ? undefined : toBool(right);
      if (expr.op === '&&' && (l === false || r === false)) return false;
      if (expr.op === '||' && (l === true || r === true)) return true;
      if (l !== undefined && r !== undefined) return expr.op === '&&' ? l && r : l || r;
      return notComputable(l === undefined ? left : right, expr) ?? new Unknown(`\`${render(expr)}\`: not a boolean`, true);
    }
    const right = this.eval(expr.right, env);
    const blocked = notComputable(left, expr) ?? notComputable(right, expr);
    if (blocked !== undefined) return blocked;
    if (expr.op === '==' || expr.op === '!=') return equal(left, right) === (expr.op === '==');
    const a = toNumber(left);
    const b = toNumber(right);
    if (a === undefined || b === undefined) return new Unknown(`\`${render(expr)}\`: ${expr.op} needs numbers`, true);
    switch (expr.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? new Unknown(`\`${render(expr)}\`: division by zero`, true) : a / b;
      case '%':
        return b === 0 ? new Unknown(`\`${render(expr)}\`: modulo by zero`, true) : a % b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '<=':
        return a <= b;
      case '>=':
        return a >= b;
      default:
        return new Unknown(`\`${render(expr)}\`: the operator ${expr.op} is not evaluated here`);
    }
  }

  private forExpression(expr: Extract<Expr, { k: 'for' }>, env: ReadonlyMap<string, Value>): Value {
    const collection = this.eval(expr.collection, env);
    if (collection instanceof Unknown) return collection;
    if (collection instanceof Opaque) return new Unknown(`\`${render(expr)}\`: iterates over ${collection.text}, known only after apply`);
    let entries: [Value, Value][];
    if (Array.isArray(collection)) entries = collection.map((v, i) => [i, v]);
    else if (isObjectValue(collection))
      entries = Object.keys(collection)
        .sort()
        .map((k) => [k, collection[k]!]);
    else return new Unknown(`\`${render(expr)}\`: ${render(expr.collection)} is not a collection`, true);
    const list: Value[] = [];
    const object: Record<string, Value> = {};
    for (const [key, value] of entries) {
      const inner = new Map(env);
      if (expr.keyVar !== undefined) inner.set(expr.keyVar, key);
      inner.set(expr.valueVar, value);
      if (expr.condition !== undefined) {
        const keep = this.eval(expr.condition, inner);
        const blocked = notComputable(keep, expr);
        if (blocked !== undefined) return blocked;
        if (toBool(keep) !== true) continue;
      }
      const item = this.eval(expr.valueExpr, inner);
      if (!expr.object) {
        list.push(item);
        continue;
      }
      const k = this.eval(expr.keyExpr!, inner);
      const blocked = notComputable(k, expr);
      if (blocked !== undefined) return blocked;
      const name = toText(k);
      if (name === undefined) return new Unknown(`\`${render(expr)}\`: a key is not a string`, true);
      if (expr.group) object[name] = [...((object[name] as Value[] | undefined) ?? []), item];
      else if (Object.hasOwn(object, name)) return new Unknown(`\`${render(expr)}\`: duplicate key "${name}"`, true);
      else object[name] = item;
    }
    return expr.object ? object : list;
  }

  private call(expr: Extract<Expr, { k: 'call' }>, env: ReadonlyMap<string, Value>): Value {
    const name = expr.name;
    if (name === 'try' || name === 'can') {
      for (const arg of expr.args) {
        const value = this.eval(arg, env);
        if (value instanceof Unknown && value.error) continue;
        if (value instanceof Unknown || value instanceof Opaque) return name === 'can' ? (value instanceof Opaque ? true : value) : value;
        if (name === 'can')
          return isPlainDeepKnown(value) ? true : new Unknown(`\`${render(expr)}\` depends on values known only after apply`);
        return value;
      }
      return name === 'can' ? false : new Unknown(`\`${render(expr)}\`: no argument could be evaluated`, true);
    }
    let args = expr.args.map((arg) => this.eval(arg, env));
    if (expr.expand && args.length > 0) {
      const last = args[args.length - 1]!;
      if (!Array.isArray(last))
        return notComputable(last, expr) ?? new Unknown(`\`${render(expr)}\`: the expanded argument is not a list`, true);
      args = [...args.slice(0, -1), ...(last as Value[])];
    }
    const fn = FUNCTIONS[name];
    if (fn === undefined) return new Unknown(`\`${render(expr)}\`: the function ${name}() is not evaluated here`);
    return fn(args, expr);
  }
}

function isPlainDeepKnown(value: Value): boolean {
  return !(value instanceof Unknown);
}

/** Why a value cannot be computed on: it is unknown, or opaque. */
function notComputable(value: Value, expr: Expr): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (value instanceof Opaque) return new Unknown(`\`${render(expr)}\` computes on ${value.text}, which is known only after apply`);
  return undefined;
}

function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

function toBool(value: Value): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

function toText(value: Value): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function equal(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]!));
  if (isObjectValue(a) && isObjectValue(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k]!, b[k]!));
  }
  return a === b;
}

type Fn = (args: readonly Value[], expr: Extract<Expr, { k: 'call' }>) => Value;

function arity(expr: Extract<Expr, { k: 'call' }>, args: readonly Value[], min: number, max = min): Unknown | undefined {
  if (args.length < min || args.length > max)
    return new Unknown(`\`${render(expr)}\`: ${expr.name}() takes ${min === max ? min : `${min} to ${max}`} arguments`, true);
  return undefined;
}

/** The argument as a list (tuples, lists and sets are all arrays here). */
function listArg(value: Value, expr: Extract<Expr, { k: 'call' }>): readonly Value[] | Unknown {
  if (Array.isArray(value)) return value;
  return notComputable(value, expr) ?? new Unknown(`\`${render(expr)}\`: expected a list`, true);
}

function mapArg(value: Value, expr: Extract<Expr, { k: 'call' }>): { readonly [key: string]: Value } | Unknown {
  if (isObjectValue(value)) return value;
  return notComputable(value, expr) ?? new Unknown(`\`${render(expr)}\`: expected a map or object`, true);
}

function plainArgs(args: readonly Value[], expr: Extract<Expr, { k: 'call' }>): Unknown | undefined {
  for (const arg of args) {
    if (!isPlain(arg)) {
      const blocked = findBlocked(arg);
      return blocked instanceof Unknown
        ? blocked
        : new Unknown(`\`${render(expr)}\` computes on ${blocked?.text ?? 'a value'}, which is known only after apply`);
    }
  }
  return undefined;
}

function findBlocked(value: Value): Opaque | Unknown | undefined {
  if (value instanceof Opaque || value instanceof Unknown) return value;
  if (Array.isArray(value))
    for (const v of value) {
      const found = findBlocked(v);
      if (found !== undefined) return found;
    }
  if (isObjectValue(value))
    for (const v of Object.values(value)) {
      const found = findBlocked(v);
      if (found !== undefined) return found;
    }
  return undefined;
}

function stringFn(f: (s: string) => Value): Fn {
  return (args, expr) => {
    const bad = arity(expr, args, 1) ?? plainArgs(args, expr);
    if (bad !== undefined) return bad;
    const text = toText(args[0]!);
    return text === undefined ? new Unknown(`\`${render(expr)}\`: expected a string`, true) : f(text);
  };
}

function numbersFn(f: (ns: number[]) => Value): Fn {
  return (args, expr) => {
    const bad = plainArgs(args, expr);
    if (bad !== undefined) return bad;
    const numbers = args.map(toNumber);
    if (numbers.some((n) => n === undefined)) return new Unknown(`\`${render(expr)}\`: expected numbers`, true);
    return f(numbers as number[]);
  };
}

function distinct(values: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const value of values) if (!out.some((v) => equal(v, value))) out.push(value);
  return out;
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  element(args, expr) {
    const bad = arity(expr, args, 2);
    if (bad !== undefined) return bad;
    const list = listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    const index = args[1]!;
    const blocked = notComputable(index, expr);
    if (blocked !== undefined) return blocked;
    const n = toNumber(index);
    if (n === undefined || !Number.isInteger(n) || n < 0) return new Unknown(`\`${render(expr)}\`: the index is not a whole number`, true);
    if (list.length === 0) return new Unknown(`\`${render(expr)}\`: the list is empty`, true);
    return list[n % list.length]!; // element() wraps around
  },
  lookup(args, expr) {
    const bad = arity(expr, args, 2, 3);
    if (bad !== undefined) return bad;
    const map = mapArg(args[0]!, expr);
    if (map instanceof Unknown) return map;
    const key = args[1]!;
    const blocked = notComputable(key, expr);
    if (blocked !== undefined) return blocked;
    const name = toText(key);
    if (name === undefined) return new Unknown(`\`${render(expr)}\`: the key is not a string`, true);
    if (Object.hasOwn(map, name)) return map[name]!;
    return args.length === 3 ? args[2]! : new Unknown(`\`${render(expr)}\`: no key "${name}" and no default`, true);
  },
  length(args, expr) {
    const bad = arity(expr, args, 1);
    if (bad !== undefined) return bad;
    const value = args[0]!;
    if (Array.isArray(value)) return value.length;
    if (isObjectValue(value)) return Object.keys(value).length;
    if (typeof value === 'string') return [...value].length;
    return notComputable(value, expr) ?? new Unknown(`\`${render(expr)}\`: no length`, true);
  },
  concat(args, expr) {
    const out: Value[] = [];
    for (const arg of args) {
      const list = listArg(arg, expr);
      if (list instanceof Unknown) return list;
      out.push(...list);
    }
    return out;
  },
  flatten(args, expr) {
    const bad = arity(expr, args, 1);
    if (bad !== undefined) return bad;
    const out: Value[] = [];
    const walk = (value: Value): Unknown | undefined => {
      if (value instanceof Unknown) return value;
      if (!Array.isArray(value)) {
        out.push(value);
        return undefined;
      }
      for (const v of value as readonly Value[]) {
        const bad = walk(v);
        if (bad !== undefined) return bad;
      }
      return undefined;
    };
    const list = listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    return walk(list) ?? out;
  },
  toset(args, expr) {
    const bad = arity(expr, args, 1);
    if (bad !== undefined) return bad;
    const list = listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    const blocked = plainArgs(list, expr);
    if (blocked !== undefined) return blocked;
    const out = distinct(list);
    // A set of strings is ordered by value, as Terraform does.
    return out.every((v) => typeof v === 'string') ? [...(out as string[])].sort() : out;
  },
  tolist: (args, expr) => arity(expr, args, 1) ?? listArg(args[0]!, expr),
  tomap: (args, expr) => arity(expr, args, 1) ?? mapArg(args[0]!, expr),
  merge(args, expr) {
    const out: Record<string, Value> = {};
    for (const arg of args) {
      if (arg === null) continue;
      const map = mapArg(arg, expr);
      if (map instanceof Unknown) return map;
      Object.assign(out, map);
    }
    return out;
  },
  keys(args, expr) {
    const map = arity(expr, args, 1) ?? mapArg(args[0]!, expr);
    return map instanceof Unknown ? map : Object.keys(map).sort();
  },
  values(args, expr) {
    const map = arity(expr, args, 1) ?? mapArg(args[0]!, expr);
    return map instanceof Unknown
      ? map
      : Object.keys(map)
          .sort()
          .map((k) => map[k]!);
  },
  zipmap(args, expr) {
    const bad = arity(expr, args, 2);
    if (bad !== undefined) return bad;
    const keys = listArg(args[0]!, expr);
    const values = listArg(args[1]!, expr);
    if (keys instanceof Unknown) return keys;
    if (values instanceof Unknown) return values;
    const out: Record<string, Value> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = toText(keys[i]!);
      if (key === undefined) return notComputable(keys[i]!, expr) ?? new Unknown(`\`${render(expr)}\`: a key is not a string`, true);
      out[key] = values[i] ?? null;
    }
    return out;
  },
  contains(args, expr) {
    const bad = arity(expr, args, 2) ?? plainArgs(args, expr);
    if (bad !== undefined) return bad;
    const list = listArg(args[0]!, expr);
    return list instanceof Unknown ? list : list.some((v) => equal(v, args[1]!));
  },
  distinct(args, expr) {
    const list = arity(expr, args, 1) ?? listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    return plainArgs(list, expr) ?? distinct(list);
  },
  compact(args, expr) {
    const list = arity(expr, args, 1) ?? listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    return plainArgs(list, expr) ?? list.filter((v) => v !== null && v !== '');
  },
  coalesce(args, expr) {
    for (const arg of args) {
      if (arg instanceof Unknown || arg instanceof Opaque)
        return arg instanceof Unknown ? arg : new Unknown(`\`${render(expr)}\` depends on ${arg.text}, known only after apply`);
      if (arg !== null && arg !== '') return arg;
    }
    return new Unknown(`\`${render(expr)}\`: every argument is null or empty`, true);
  },
  one(args, expr) {
    const list = arity(expr, args, 1) ?? listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    if (list.length > 1) return new Unknown(`\`${render(expr)}\`: more than one element`, true);
    return list[0] ?? null;
  },
  index(args, expr) {
    const bad = arity(expr, args, 2) ?? plainArgs(args, expr);
    if (bad !== undefined) return bad;
    const list = listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    const found = list.findIndex((v) => equal(v, args[1]!));
    return found < 0 ? new Unknown(`\`${render(expr)}\`: the value is not in the list`, true) : found;
  },
  slice(args, expr) {
    const bad = arity(expr, args, 3);
    if (bad !== undefined) return bad;
    const list = listArg(args[0]!, expr);
    if (list instanceof Unknown) return list;
    const from = toNumber(args[1]!);
    const to = toNumber(args[2]!);
    if (from === undefined || to === undefined || from < 0 || to > list.length || from > to)
      return (
        notComputable(args[1]!, expr) ?? notComputable(args[2]!, expr) ?? new Unknown(`\`${render(expr)}\`: indexes out of range`, true)
      );
    return list.slice(from, to);
  },
  reverse(args, expr) {
    const list = arity(expr, args, 1) ?? listArg(args[0]!, expr);
    return list instanceof Unknown ? list : [...list].reverse();
  },
  range: numbersFn((ns) => {
    const [start, limit, step] = ns.length === 1 ? [0, ns[0]!, 1] : ns.length === 2 ? [ns[0]!, ns[1]!, 1] : [ns[0]!, ns[1]!, ns[2]!];
    if (step === 0 || Math.abs((limit - start) / step) > 1024) return new Unknown('range(): too many elements or a zero step', true);
    const out: number[] = [];
    for (let n = start; step > 0 ? n < limit : n > limit; n += step) out.push(n);
    return out;
  }),
  join(args, expr) {
    const bad = arity(expr, args, 2) ?? plainArgs(args, expr);
    if (bad !== undefined) return bad;
    const list = listArg(args[1]!, expr);
    if (list instanceof Unknown) return list;
    const separator = toText(args[0]!);
    const texts = list.map(toText);
    if (separator === undefined || texts.some((t) => t === undefined)) return new Unknown(`\`${render(expr)}\`: expected strings`, true);
    return texts.join(separator);
  },
  split(args, expr) {
    const bad = arity(expr, args, 2) ?? plainArgs(args, expr);
    if (bad !== undefined) return bad;
    const separator = toText(args[0]!);
    const text = toText(args[1]!);
    if (separator === undefined || text === undefined) return new Unknown(`\`${render(expr)}\`: expected strings`, true);
    return text === '' ? [] : text.split(separator);
  },
  lower: stringFn((s) => s.toLowerCase()),
  upper: stringFn((s) => s.toUpperCase()),
  trimspace: stringFn((s) => s.trim()),
  tostring: stringFn((s) => s),
  tonumber(args, expr) {
    const bad = arity(expr, args, 1) ?? plainArgs(args, expr);
    if (bad !== undefined) return bad;
    if (args[0] === null) return null;
    const n = toNumber(args[0]!);
    return n === undefined ? new Unknown(`\`${render(expr)}\`: not a number`, true) : n;
  },
  min: numbersFn((ns) => (ns.length === 0 ? new Unknown('min() of nothing', true) : Math.min(...ns))),
  max: numbersFn((ns) => (ns.length === 0 ? new Unknown('max() of nothing', true) : Math.max(...ns))),
  abs: numbersFn((ns) => Math.abs(ns[0] ?? 0)),
  floor: numbersFn((ns) => Math.floor(ns[0] ?? 0)),
  ceil: numbersFn((ns) => Math.ceil(ns[0] ?? 0)),
};

/** The names of the functions evaluated here (for documentation and tests). */
export const EVALUATED_FUNCTIONS: readonly string[] = ['try', 'can', ...Object.keys(FUNCTIONS)].sort();
