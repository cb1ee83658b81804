import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../src/errors/inputError.js';
import { readPlanFacts } from '../../src/sources/hybrid/planFacts.js';
import { planToInventory } from '../../src/sources/plan/index.js';
import { MAX_PLAN_DEPTH, parsePlanBytes, readPlanFile } from '../../src/terraform/planFileReader.js';
import { FIXTURES, REPO_ROOT } from '../sources/plan/inventoryText.js';

const HYBRID_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'hybrid');
const dir = mkdtempSync(join(tmpdir(), 'clb-guard-plan-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stream(path: string): Record<string, unknown> {
  return readPlanFile(path, 'plan.json') as Record<string, unknown>;
}

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('reading the plan file', () => {
  it.each(['demo', 'p20-scenario-clb-backends', 'p21-scenario-update'])(
    'gives the same inventory as parsing the whole text (%s)',
    (name) => {
      const path = join(FIXTURES, name, 'plan.json');
      const options = { file: 'plan.json', tfRoot: join(FIXTURES, name, name === 'demo' ? '.' : 'config'), repoRoot: REPO_ROOT };
      expect(planToInventory(stream(path), options)).toEqual(planToInventory(JSON.parse(readFileSync(path, 'utf8')), options));
    },
  );

  it('keeps of each change only what the checks read, and no prior-state copy of a changed resource', () => {
    const plan = stream(join(FIXTURES, 'p21-scenario-update/plan.json'));
    const change = (plan['resource_changes'] as { address: string; change: Record<string, unknown> }[]).find(
      (c) => c.address === 'tencentcloud_clb_instance.web',
    )!;
    expect(Object.keys(change.change)).toEqual(['actions', 'after', 'after_unknown', 'before']);
    // Of `before`, only the IDs a hybrid check reads.
    expect(Object.keys(change.change['before'] as object)).toEqual(['id']);
    // Sensitivity marks only where they mark something (what they mark is never shown): the
    // instance's password, not its `before` IDs.
    const instance = (plan['resource_changes'] as { address: string; change: Record<string, unknown> }[]).find(
      (c) => c.address === 'tencentcloud_instance.api["a"]',
    )!;
    expect(instance.change['after_sensitive']).toMatchObject({ password: true });
    expect(instance.change['before_sensitive']).toBeUndefined();
    expect(plan['planned_values']).toEqual({});
    expect(plan['relevant_attributes']).toEqual({});
    const prior = (plan['prior_state'] as { values: { root_module: { resources: unknown[]; child_modules: { resources: unknown[] }[] } } })
      .values.root_module;
    expect(prior.resources).toEqual([]);
    expect(prior.child_modules.flatMap((m) => m.resources)).toEqual([]);
    expect((plan['resource_changes'] as { mode: string }[]).every((c) => c.mode === 'managed')).toBe(true);
  });

  it.each(
    readdirSync(HYBRID_FIXTURES)
      .filter((name) => existsSync(join(HYBRID_FIXTURES, name, 'plan.json')))
      .map((name) => join(HYBRID_FIXTURES, name, 'plan.json'))
      .concat(['p20-scenario-clb-backends', 'p21-scenario-update'].map((name) => join(FIXTURES, name, 'plan.json'))),
  )('keeps what a hybrid check reads of the plan (%s)', (path) => {
    expect(readPlanFacts(stream(path))).toEqual(readPlanFacts(JSON.parse(readFileSync(path, 'utf8'))));
  });

  it('keeps the IDs before a change from the prior state when the change has no before', () => {
    const resource = (address: string, values: unknown) => ({ address, mode: 'managed', type: 'tencentcloud_vpc_acl', name: 'a', values });
    const path = write('before-from-prior.json', {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'tencentcloud_vpc_acl.a',
          mode: 'managed',
          type: 'tencentcloud_vpc_acl',
          name: 'a',
          change: { actions: ['delete'], before: null, after: null },
        },
        {
          address: 'tencentcloud_vpc_acl.b',
          mode: 'managed',
          type: 'tencentcloud_vpc_acl',
          name: 'b',
          change: { actions: ['no-op'], before: { id: 'acl-b' }, after: { id: 'acl-b' } },
        },
      ],
      prior_state: { values: { root_module: { resources: [resource('tencentcloud_vpc_acl.a', { id: 'acl-a', name: 'x' })] } } },
    });
    const changes = stream(path)['resource_changes'] as { change: Record<string, unknown> }[];
    expect(changes[0]!.change['before']).toEqual({ id: 'acl-a' });
    expect(changes[1]!.change['before']).toBeUndefined(); // a no-op's IDs are not read
    expect(readPlanFacts(stream(path)).deleted).toEqual(new Set(['acl-a']));
  });

  it('keeps prior-state resources that have no change, and reads planned_values when there are no changes', () => {
    const path = write('prior.json', {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: 'tencentcloud_vpc.a', mode: 'managed', type: 'tencentcloud_vpc', name: 'a', values: { cidr_block: '10.0.0.0/16' } },
          ],
        },
      },
      prior_state: {
        values: {
          root_module: {
            resources: [
              {
                address: 'tencentcloud_vpc.b',
                mode: 'managed',
                type: 'tencentcloud_vpc',
                name: 'b',
                values: { id: 'vpc-b', cidr_block: '10.1.0.0/16' },
              },
            ],
          },
        },
      },
    });
    const inventory = planToInventory(stream(path), { file: 'prior.json', tfRoot: dir, repoRoot: dir });
    expect([...inventory.vpcs.keys()]).toEqual(['tencentcloud_vpc.b', 'tencentcloud_vpc.a']);
    expect(inventory.aliases.get('vpc-b')).toBe('tencentcloud_vpc.b');
  });

  it('reads values whose strings hold braces, quotes, escapes and non-ASCII text', () => {
    const tricky = `a "}]{[ \\ b \u00e9\u4e2d ${'x'.repeat(700)}`;
    const changes = Array.from({ length: 4000 }, (_, i) => ({
      address: `tencentcloud_vpc.v${i}`,
      mode: 'managed',
      type: 'tencentcloud_vpc',
      name: `v${i}`,
      change: {
        actions: ['create'],
        before: { name: tricky },
        after: { name: `${tricky}${i}`, cidr_block: '10.0.0.0/16' },
        after_unknown: { id: true },
        after_sensitive: {},
      },
    }));
    const path = write(
      'big.json',
      `\ufeff{ "format_version" : "1.2" ,\n"resource_changes":[ ${changes.map((c) => JSON.stringify(c)).join(' ,\n ')} ] , "complete": true}\n`,
    );
    expect(readFileSync(path).length).toBeGreaterThan(3 << 20);
    const plan = stream(path);
    const read = plan['resource_changes'] as { change: { after: { name: string } } }[];
    expect(read).toHaveLength(4000);
    expect(read[3999]!.change.after.name).toBe(`${tricky}3999`);
    expect(plan['complete']).toBe(true);
  });

  it('says what is wrong with invalid JSON, and leaves unexpected shapes to the plan reader', () => {
    expect(() => stream(write('bad.json', '{"format_version": "1.2", "resource_changes": [{"a": tru}]}'))).toThrow(/not JSON/);
    expect(stream(write('array.json', '[1, 2]'))).toEqual([1, 2]);
    expect(stream(write('nested.json', '{"resource_changes": {"not": "a list"}, "format_version": "1.2"}'))).toEqual({
      resource_changes: { not: 'a list' },
      format_version: '1.2',
    });
  });
});

describe('hostile plan files', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const plan = (extra: string) => `{"format_version": "1.2", "resource_changes": [], ${extra}}`;

  it.each([
    ['in planned_values', plan('"planned_values": {"root_module": {"resources": [ {"a": tru} ]}}')],
    ['a bare word in planned_values', plan('"planned_values": {"x": garbage}')],
    ['a missing comma in relevant_attributes', plan('"relevant_attributes": [{"a": 1} {"b": 2}]')],
    ['a bad escape in output_changes', plan('"output_changes": {"x": "\\q"}')],
    ['a raw line break in a skipped string', plan('"checks": ["a\nb"]')],
    ['a trailing comma in a skipped object', plan('"resource_drift": {"a": 1,}')],
    ['a key without a colon in a skipped object', plan('"values": {"a" 1}')],
    ['a number with a leading zero', plan('"planned_values": {"a": 012}')],
    ['a mismatched closer', plan('"planned_values": {"a": [1}]')],
  ])('refuses damage %s, a section no check reads', (_name, text) => {
    expect(() => stream(write('damaged.json', text))).toThrow(/not JSON|truncated/);
  });

  it('still skips valid sections of every kind', () => {
    const text = plan(
      '"planned_values": {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n\\"", {}, []], "b": {"c": {"d": "}"}}}, "checks": 0',
    );
    expect(stream(write('valid-skipped.json', text))).toMatchObject({ format_version: '1.2', resource_changes: [] });
  });

  it.each([
    [
      'in a resource change value',
      `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "mode": "managed", "change": {"after": ${deep(100_000)}}}]}`,
    ],
    ['in a skipped section', plan(`"planned_values": ${deep(100_000)}`)],
    [
      'in the prior state modules',
      `{"format_version": "1.2", "prior_state": {"values": {"root_module": ${'{"child_modules": ['.repeat(20_000)}${']}'.repeat(20_000)}}}}`,
    ],
    ['where the whole-text parser reads', `[${deep(100_000)}]`],
  ])('refuses nesting deeper than the limit %s, with a located line', (_name, text) => {
    expect(() => stream(write('deep.json', text))).toThrow(new RegExp(`nested deeper than ${MAX_PLAN_DEPTH} levels`));
    try {
      stream(write('deep.json', text));
    } catch (error) {
      expect((error as InputError).place).toMatch(/^line 1 column \d+$/);
    }
  });

  it('checks the depth of a large file on a worker thread, refusing it with the place, or reading it', () => {
    // Past the size from which the depth is checked beside the parse rather than in line.
    const padding = 'x'.repeat(17 << 20);
    const deepLarge = `{"format_version": "1.2", "resource_changes": [], "output_changes": {"pad": "${padding}"},\n"checks": ${deep(1000)}}`;
    expect(() => stream(write('deep-large.json', deepLarge))).toThrow(new RegExp(`nested deeper than ${MAX_PLAN_DEPTH} levels`));
    try {
      stream(write('deep-large.json', deepLarge));
    } catch (error) {
      expect((error as InputError).place).toBe(`line 2 column ${10 + MAX_PLAN_DEPTH}`); // the 256th `[` opens level 257;
    }
    const within = `{"format_version": "1.2", "resource_changes": [], "output_changes": {"pad": "${padding}", "quoted": "[[[[{{{{\\"]]"}, "checks": ${deep(MAX_PLAN_DEPTH - 5)}}`;
    expect(stream(write('within-large.json', within))).toMatchObject({ format_version: '1.2', resource_changes: [] });
  });

  it('accepts nesting up to the limit', () => {
    const within = `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "mode": "managed", "change": {"actions": ["create"], "after": {"tags": ${deep(MAX_PLAN_DEPTH - 6)}}}}]}`;
    expect(() => stream(write('within.json', within))).not.toThrow();
  });

  it('refuses devices and directories with one line, before reading them', () => {
    expect(() => readPlanFile('/dev/zero', '/dev/zero')).toThrow(/^not a file \(a character device\)/);
    expect(() => readPlanFile(dir, 'dir')).toThrow(/^not a file \(a directory\)/);
  });

  it('a whole text (as standard input gives it): empty is "the file is empty", a plan is a plan', () => {
    expect(() => parsePlanBytes(Buffer.alloc(0), 'stdin')).toThrow(/the file is empty/);
    const text = readFileSync(join(FIXTURES, 'demo', 'plan.json'));
    expect(parsePlanBytes(text, 'stdin')).toEqual(JSON.parse(text.toString('utf8')));
  });
});
