import { describe, expect, it } from 'vitest';
import { type EvalHost, evaluate, Opaque, Unknown, type Value } from '../../src/terraform/evaluate.js';
import { hasTemplate, parseExpressionText, render } from '../../src/terraform/expression.js';

/**
 * The expression evaluator on its own, with a host that knows `var.*`, `local.*`, `count.index`,
 * `each.*` and treats resource references as opaque names (known only after apply).
 */
const VARS: Record<string, Value> = {
  n: 4,
  tiers: { web: { tier: 'front', port: 8443 }, api: { tier: 'back', port: 9000 } },
  names: ['a', 'b', 'c'],
  enabled: true,
  maybe: null,
};
const LOCALS: Record<string, Value> = { tier_of: { front: 0, back: 1 }, zones: ['z1', 'z2'] };

function host(key: number | string = 3, eachValue: Value = { tier: 'back' }): EvalHost {
  return {
    root(name) {
      if (['var', 'local', 'count', 'each'].includes(name)) return new Opaque(name, name);
      if (name.startsWith('tencentcloud_')) return new Opaque(name, name);
      return undefined;
    },
    step(value, step) {
      const text = `${value.text}${typeof step === 'number' ? `[${step}]` : `.${step}`}`;
      switch (value.handle) {
        case 'var':
          return String(step) in VARS ? VARS[String(step)]! : new Unknown(`no var.${step}`);
        case 'local':
          return LOCALS[String(step)] ?? new Unknown(`no local.${step}`);
        case 'count':
          return typeof key === 'number' ? key : new Unknown('no count');
        case 'each':
          return step === 'key' ? key : eachValue;
        default:
          return new Opaque(text, text);
      }
    },
  };
}

const show = (value: Value): unknown => {
  if (value instanceof Opaque) return `<${value.text}>`;
  if (value instanceof Unknown) return { unknown: value.reason };
  if (Array.isArray(value)) return value.map(show);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, show(v)]));
  return value;
};

const run = (text: string, key?: number | string, eachValue?: Value) => show(evaluate(parseExpressionText(text), host(key, eachValue)));

describe('the expression evaluator: supported forms', () => {
  it.each<[string, unknown]>([
    // arithmetic on count.index (count.index = 3)
    ['tencentcloud_security_group.pool[count.index % 2].id', '<tencentcloud_security_group.pool[1].id>'],
    ['tencentcloud_security_group.pool[count.index + 1]', '<tencentcloud_security_group.pool[4]>'],
    ['tencentcloud_security_group.pool[count.index - 3]', '<tencentcloud_security_group.pool[0]>'],
    ['count.index * 2', 6],
    ['count.index / 2', 1.5],
    ['floor(count.index / 2)', 1],
    ['-count.index', -3],
    ['(1 + 2) * 3', 9],
    ['1 + 2 * 3', 7],
    // literals, templates, collections
    ['"web-${count.index}"', 'web-3'],
    ['"${tencentcloud_security_group.api.id}"', '<tencentcloud_security_group.api.id>'],
    ['[1, "a", true, null]', [1, 'a', true, null]],
    ['{ a = 1, "b" = 2 }', { a: 1, b: 2 }],
    ['{\n  web = { tier = "front" }\n  api = { tier = "back" }\n}', { web: { tier: 'front' }, api: { tier: 'back' } }],
    // var.* and local.* with known values, each.key / each.value
    ['var.tiers["web"].port', 8443],
    ['var.tiers.api.tier', 'back'],
    ['local.tier_of[each.value.tier]', 1],
    ['tencentcloud_security_group.tier[local.tier_of[var.tiers["web"].tier]].id', '<tencentcloud_security_group.tier[0].id>'],
    ['var.names.1', 'b'],
    // functions
    ['element(local.zones, count.index)', 'z2'],
    ['element([tencentcloud_security_group.a.id, tencentcloud_security_group.b.id], count.index)', '<tencentcloud_security_group.b.id>'],
    ['lookup(var.tiers["web"], "port", 80)', 8443],
    ['lookup(var.tiers["web"], "missing", 80)', 80],
    ['try(var.tiers["nope"].port, 443)', 443],
    ['try(var.tiers["web"].port, 443)', 8443],
    ['can(var.tiers["nope"])', false],
    ['length(var.names)', 3],
    ['concat(var.names, ["d"])', ['a', 'b', 'c', 'd']],
    ['flatten([["a"], ["b", ["c"]]])', ['a', 'b', 'c']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['merge({ a = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['keys(var.tiers)', ['api', 'web']],
    ['coalesce(var.maybe, "x")', 'x'],
    ['join(",", var.names)', 'a,b,c'],
    // conditionals and logic with known conditions
    ['var.enabled ? tencentcloud_security_group.on.id : tencentcloud_security_group.off.id', '<tencentcloud_security_group.on.id>'],
    ['count.index >= 2 && var.enabled ? "late" : "early"', 'late'],
    ['var.n == 4 || tencentcloud_x.y.z', true],
    ['!var.enabled', false],
    // for expressions over known collections
    ['[for name in var.names : upper(name)]', ['A', 'B', 'C']],
    ['[for i, name in var.names : "${i}-${name}" if name != "b"]', ['0-a', '2-c']],
    ['{for k, v in var.tiers : k => v.port}', { api: 9000, web: 8443 }],
    ['{for k, v in var.tiers : v.tier => k...}', { back: ['api'], front: ['web'] }],
    // splat over a known list
    ['[{ id = 1 }, { id = 2 }][*].id', [1, 2]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('the expression evaluator: what it cannot decide is unknown, with the expression in the reason', () => {
  it.each<[string, RegExp]>([
    // an index computed from a value known only after apply
    [
      'tencentcloud_security_group.pool[tencentcloud_x.y.n].id',
      /`tencentcloud_security_group\.pool\[tencentcloud_x\.y\.n\]`: the index tencentcloud_x\.y\.n is known only after apply/,
    ],
    // a condition known only after apply
    [
      'tencentcloud_x.y.on ? tencentcloud_security_group.a.id : tencentcloud_security_group.b.id',
      /`tencentcloud_x\.y\.on \? .*` computes on tencentcloud_x\.y\.on, which is known only after apply/,
    ],
    // arithmetic on a value known only after apply
    ['tencentcloud_x.y.n % 2', /`tencentcloud_x\.y\.n % 2` computes on tencentcloud_x\.y\.n/],
    // a function not evaluated here
    [
      'cidrsubnet("10.0.0.0/16", 8, count.index)',
      /`cidrsubnet\("10\.0\.0\.0\/16", 8, count\.index\)`: the function cidrsubnet\(\) is not evaluated here/,
    ],
    // template directives
    ['"%{if var.enabled}a%{endif}"', /template directives/],
    // a splat over resource instances
    [
      'tencentcloud_security_group.pool[*].id',
      /`tencentcloud_security_group\.pool\[\*\]\.id`: a splat over tencentcloud_security_group\.pool is not evaluated here/,
    ],
    // a for expression over a value known only after apply
    [
      '[for sg in tencentcloud_x.y.ids : sg]',
      /`\[for sg in tencentcloud_x\.y\.ids : sg\]`: iterates over tencentcloud_x\.y\.ids, known only after apply/,
    ],
    // a name that means nothing here
    ['whatever.x', /`whatever` is not a name/],
    // errors Terraform would report: a missing key, an index out of range
    ['var.tiers["nope"].port', /`var\.tiers\["nope"\]`: no key "nope"/],
    ['var.names[7]', /`var\.names\[7\]`: index 7 is out of range \(3 elements\)/],
    // syntax outside the supported forms
    ['provider::terraform::encode_tfvars({})', /provider-defined functions/],
    ['var.names[', /is not an expression evaluated here/],
  ])('%s', (text, reason) => {
    const value = run(text);
    expect(value).toMatchObject({ unknown: expect.stringMatching(reason) });
  });

  it('keeps an unknown element unknown inside a list, without losing the known ones', () => {
    expect(run('[tencentcloud_security_group.a.id, var.names[9]]')).toEqual([
      '<tencentcloud_security_group.a.id>',
      { unknown: expect.stringContaining('out of range') },
    ]);
  });

  it('renders expressions back as HCL for messages', () => {
    expect(render(parseExpressionText('a.b[count.index % 2].c'))).toBe('a.b[count.index % 2].c');
    expect(render(parseExpressionText('x ? [for k, v in m : v if v > 1] : {a = 1}'))).toBe('x ? [for k, v in m : v if v > 1] : { a = 1 }');
  });
});

describe('hasTemplate (.tf.json constant values)', () => {
  it.each([
    ['${var.x}', true],
    ['%{ if var.on }on%{ endif }', true],
    ['$${literal}', false],
    ['%%{literal}', false],
    ['plain', false],
  ])('%s → %s', (text, expected) => {
    expect(hasTemplate(text)).toBe(expected);
  });
});
