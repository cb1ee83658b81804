import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/inputError.js';
import { planToInventory } from '../../src/sources/plan/index.js';
import { readPlanDocument } from '../../src/terraform/planDocument.js';
import { parsePlanBytes, readPlanFile } from '../../src/terraform/planFileReader.js';

const dir = mkdtempSync(join(tmpdir(), 'clb-guard-change-shape-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Entry = Record<string, unknown> & { change?: Record<string, unknown> };

function change(address: string, actions: unknown, extra: Record<string, unknown> = {}): Entry {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, change: { actions, before: null, after: { name }, after_unknown: {} }, ...extra };
}

function planText(entries: unknown[], indent?: number): string {
  return JSON.stringify({ format_version: '1.2', resource_changes: entries }, null, indent);
}

/** The error a plan text gives from a file and from standard input (the same), or undefined. */
function refusal(text: string): InputError | undefined {
  const path = join(dir, 'plan.json');
  writeFileSync(path, text);
  const errors = [() => readPlanFile(path, 'plan.json'), () => parsePlanBytes(Buffer.from(text), 'plan.json')].map((read) => {
    try {
      read();
      return undefined;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return error;
    }
  });
  expect(errors[1]?.toLine()).toBe(errors[0]?.toLine());
  return errors[0];
}

/** `line L column C` of an offset, counted here independently of the reader. */
function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length} column ${before[before.length - 1]!.length + 1}`;
}

const good = change('tencentcloud_instance.a', ['create']);

describe('a resource change Terraform would not write', () => {
  const cases: readonly (readonly [string, (entry: Entry) => unknown, string, RegExp])[] = [
    ['not an object', () => 42, '/resource_changes/1', /^expected an object \(a resource change\), found a number$/],
    ['without change', ({ change: _c, ...rest }) => rest, '/resource_changes/1', /^"change" is missing$/],
    ['a change that is a string', (e) => ({ ...e, change: 'x' }), '/resource_changes/1/change', /^expected an object, found a string$/],
    ['without actions', (e) => ({ ...e, change: { after: {} } }), '/resource_changes/1/change', /^"actions" is missing$/],
    [
      'actions that are a string',
      (e) => ({ ...e, change: { ...e.change, actions: 'create' } }),
      '/resource_changes/1/change/actions',
      /^expected an array of strings, found a string$/,
    ],
    [
      'an action that is a number',
      (e) => ({ ...e, change: { ...e.change, actions: ['create', 7] } }),
      '/resource_changes/1/change/actions/1',
      /^expected a string, found a number$/,
    ],
    [
      'an action Terraform does not write',
      (e) => ({ ...e, change: { ...e.change, actions: ['frobnicate'] } }),
      '/resource_changes/1/change/actions',
      /^\["frobnicate"\] is not a list of actions Terraform writes \(\["no-op"\], .*\["create","forget"\]\)$/,
    ],
    [
      'two actions Terraform never combines',
      (e) => ({ ...e, change: { ...e.change, actions: ['create', 'create'] } }),
      '/resource_changes/1/change/actions',
      /^\["create","create"\] is not a list/,
    ],
    [
      'no action at all',
      (e) => ({ ...e, change: { ...e.change, actions: [] } }),
      '/resource_changes/1/change/actions',
      /^\[\] is not a list/,
    ],
    [
      'an "after" that is a string',
      (e) => ({ ...e, change: { ...e.change, after: 'oops' } }),
      '/resource_changes/1/change/after',
      /^expected an object or null, found a string$/,
    ],
    [
      'an "after" that is a list',
      (e) => ({ ...e, change: { ...e.change, after: [] } }),
      '/resource_changes/1/change/after',
      /^expected an object or null, found an array$/,
    ],
    [
      'a "before" that is a number',
      (e) => ({ ...e, change: { ...e.change, before: 5 } }),
      '/resource_changes/1/change/before',
      /^expected an object or null, found a number$/,
    ],
    [
      'no values after a change that leaves an object',
      (e) => ({ ...e, change: { ...e.change, after: null } }),
      '/resource_changes/1/change/after',
      /^expected an object \(the values after \["update"\]\), found null$/,
    ],
    [
      'no "after" at all for a replace',
      (e) => ({ ...e, change: { actions: ['delete', 'create'], before: {} } }),
      '/resource_changes/1/change',
      /^"after" is missing \(the values after \["delete","create"\]\)$/,
    ],
    ['without mode', ({ mode: _m, ...rest }) => rest, '/resource_changes/1', /^"mode" is missing$/],
    ['a mode Terraform does not write', (e) => ({ ...e, mode: 'resource' }), '/resource_changes/1/mode', /^unknown mode "resource"/],
    ['an address that is a number', (e) => ({ ...e, address: 3 }), '/resource_changes/1/address', /^expected a string, found a number$/],
    [
      'a data source without actions',
      (e) => ({ ...e, mode: 'data', change: { after: {} } }),
      '/resource_changes/1/change',
      /^"actions" is missing$/,
    ],
  ];

  it.each(cases)('is refused with its line, column and JSON pointer: %s', (_name, damage, pointer, message) => {
    const text = planText([good, damage(change('tencentcloud_instance.b', ['update']))], 2);
    const error = refusal(text);
    expect(error?.message).toMatch(message);
    expect(error?.place).toMatch(new RegExp(`^line \\d+ column \\d+: ${pointer.replace(/\//g, '\\/')}$`));
    expect(error?.toLine()).toMatch(/^plan\.json: line \d+ column \d+: \/resource_changes\/1/);
    // Handed over as a value (no text to count lines in): the pointer alone.
    expect(() => readPlanDocument(JSON.parse(text), 'plan.json')).toThrow(expect.objectContaining({ place: pointer }));
  });

  it('is placed where the value starts: the entry, the object missing a key, or the wrong value', () => {
    const pretty = planText([good, 42], 2);
    expect(refusal(pretty)?.place).toBe(`${placeOf(pretty, pretty.lastIndexOf('42'))}: /resource_changes/1`);
    const missing = planText([good, { ...good, address: 'tencentcloud_instance.b', change: { after: {} } }], 2);
    const changeAt = missing.lastIndexOf('"change": {') + '"change": '.length;
    expect(refusal(missing)?.place).toBe(`${placeOf(missing, changeAt)}: /resource_changes/1/change`);
    // `terraform show -json` writes one line: the column says where.
    const oneLine = planText([good, change('tencentcloud_instance.b', ['update'], { change: { actions: ['update'], after: 'oops' } })]);
    expect(refusal(oneLine)?.place).toBe(`line 1 column ${oneLine.indexOf('"oops"') + 1}: /resource_changes/1/change/after`);
  });

  it('the first broken entry is the one named', () => {
    const text = planText([good, change('a.b', ['frobnicate']), 42]);
    expect(refusal(text)?.place).toMatch(/: \/resource_changes\/1\/change\/actions$/);
  });
});

describe('the resource changes Terraform writes', () => {
  it('are read: every list of actions, data sources, deposed objects, null and absent values', () => {
    const entries = [
      change('tencentcloud_instance.a', ['no-op']),
      change('tencentcloud_instance.b', ['create']),
      change('tencentcloud_instance.c', ['update']),
      change('tencentcloud_instance.d', ['delete'], { change: { actions: ['delete'], before: { id: 'ins-1' }, after: null } }),
      change('tencentcloud_instance.e', ['forget'], { change: { actions: ['forget'], before: { id: 'ins-2' }, after: null } }),
      change('tencentcloud_instance.f', ['delete', 'create']),
      change('tencentcloud_instance.g', ['create', 'delete']),
      change('tencentcloud_instance.h', ['create', 'forget']),
      change('tencentcloud_instance.i', ['delete'], { deposed: '00000001', change: { actions: ['delete'], before: {} } }),
      { ...change('tencentcloud_vpc.j', ['read']), mode: 'data' },
    ];
    const text = planText(entries, 1);
    expect(refusal(text)).toBeUndefined();
    const inventory = planToInventory(readPlanFile(join(dir, 'plan.json'), 'plan.json'), { file: 'plan.json', tfRoot: dir, repoRoot: dir });
    expect([...inventory.instances.keys()].sort()).toEqual(['a', 'b', 'c', 'f', 'g', 'h'].map((n) => `tencentcloud_instance.${n}`));
    expect(inventory.complete).toBe(true);
  });
});

describe('deferred changes', () => {
  const deferred = [
    { reason: 'resource_config_unknown', resource_change: change('tencentcloud_security_group_rule_set.later', ['create']) },
    { reason: 'provider_config_unknown', resource_change: change('tencentcloud_instance.later', ['create']) },
  ];

  it('make the plan incomplete even without "complete", naming what was deferred', () => {
    const path = join(dir, 'deferred.json');
    writeFileSync(path, JSON.stringify({ format_version: '1.2', resource_changes: [good], deferred_changes: deferred }));
    const plan = readPlanFile(path, 'plan.json');
    // Trimmed to the addresses: the values of what is deferred are not read.
    expect((plan as Record<string, unknown>)['deferred_changes']).toEqual([
      { resource_change: { address: 'tencentcloud_security_group_rule_set.later' } },
      { resource_change: { address: 'tencentcloud_instance.later' } },
    ]);
    const document = readPlanDocument(plan, 'plan.json');
    expect(document.partial).toBe(true);
    expect(document.deferredChanges).toEqual(['tencentcloud_security_group_rule_set.later', 'tencentcloud_instance.later']);
    const inventory = planToInventory(plan, { file: 'plan.json', tfRoot: dir, repoRoot: dir });
    expect(inventory.complete).toBe(false);
    expect(inventory.warnings.map((w) => w.message)).toContain(
      'Terraform deferred these changes until what they depend on is known; they are not checked: tencentcloud_security_group_rule_set.later, tencentcloud_instance.later',
    );
  });

  it('none deferred, the plan is complete; a "deferred_changes" or "complete" of another type is refused', () => {
    const read = (extra: Record<string, unknown>) =>
      readPlanDocument({ format_version: '1.2', resource_changes: [good], ...extra }, 'plan.json');
    expect(read({ deferred_changes: [] }).partial).toBe(false);
    expect(read({ complete: true }).partial).toBe(false);
    expect(read({ complete: true, deferred_changes: deferred }).partial).toBe(true);
    expect(() => read({ deferred_changes: {} })).toThrow(
      expect.objectContaining({ place: '/deferred_changes', message: 'expected an array, found an object' }),
    );
    expect(() => read({ complete: 'false' })).toThrow(
      expect.objectContaining({ place: '/complete', message: 'expected true or false, found a string' }),
    );
  });
});
