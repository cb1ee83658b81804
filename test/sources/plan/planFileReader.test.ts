import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planToInventory } from '../../../src/sources/plan/index.js';
import { readPlanFile } from '../../../src/sources/plan/planFileReader.js';
import { FIXTURES, REPO_ROOT } from './inventoryText.js';

const dir = mkdtempSync(join(tmpdir(), 'clb-guard-plan-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stream(path: string): Record<string, unknown> {
  return readPlanFile(path, 'plan.json', () => readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('reading the plan file in chunks', () => {
  it.each(['demo', 'p20-scenario-clb-backends', 'p21-scenario-update'])('gives the same inventory as parsing the whole text (%s)', (name) => {
    const path = join(FIXTURES, name, 'plan.json');
    const options = { file: 'plan.json', tfRoot: join(FIXTURES, name, name === 'demo' ? '.' : 'config'), repoRoot: REPO_ROOT };
    expect(planToInventory(stream(path), options)).toEqual(planToInventory(JSON.parse(readFileSync(path, 'utf8')), options));
  });

  it('keeps of each change only what the checks read, and no prior-state copy of a changed resource', () => {
    const plan = stream(join(FIXTURES, 'p21-scenario-update/plan.json'));
    const change = (plan['resource_changes'] as { address: string; change: Record<string, unknown> }[]).find((c) => c.address === 'tencentcloud_clb_instance.web')!;
    expect(Object.keys(change.change)).toEqual(['actions', 'after', 'after_unknown']);
    expect(plan['planned_values']).toEqual({});
    expect(plan['relevant_attributes']).toEqual({});
    const prior = (plan['prior_state'] as { values: { root_module: { resources: unknown[]; child_modules: { resources: unknown[] }[] } } }).values.root_module;
    expect(prior.resources).toEqual([]);
    expect(prior.child_modules.flatMap((m) => m.resources)).toEqual([]);
    expect((plan['resource_changes'] as { mode: string }[]).every((c) => c.mode === 'managed')).toBe(true);
  });

  it('keeps prior-state resources that have no change, and reads planned_values when there are no changes', () => {
    const path = write('prior.json', {
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ address: 'tencentcloud_vpc.a', mode: 'managed', type: 'tencentcloud_vpc', name: 'a', values: { cidr_block: '10.0.0.0/16' } }] } },
      prior_state: { values: { root_module: { resources: [{ address: 'tencentcloud_vpc.b', mode: 'managed', type: 'tencentcloud_vpc', name: 'b', values: { id: 'vpc-b', cidr_block: '10.1.0.0/16' } }] } } },
    });
    const inventory = planToInventory(stream(path), { file: 'prior.json', tfRoot: dir, repoRoot: dir });
    expect([...inventory.vpcs.keys()]).toEqual(['tencentcloud_vpc.b', 'tencentcloud_vpc.a']);
    expect(inventory.aliases.get('vpc-b')).toBe('tencentcloud_vpc.b');
  });

  it('finds values whose strings hold braces, quotes and escapes across chunk boundaries', () => {
    const tricky = 'a "}]{[ \\ b \u00e9\u4e2d ' + 'x'.repeat(700);
    const changes = Array.from({ length: 4000 }, (_, i) => ({
      address: `tencentcloud_vpc.v${i}`,
      mode: 'managed',
      type: 'tencentcloud_vpc',
      name: `v${i}`,
      change: { actions: ['create'], before: { name: tricky }, after: { name: `${tricky}${i}`, cidr_block: '10.0.0.0/16' }, after_unknown: { id: true }, after_sensitive: {} },
    }));
    const path = write('big.json', `\ufeff{ "format_version" : "1.2" ,\n"resource_changes":[ ${changes.map((c) => JSON.stringify(c)).join(' ,\n ')} ] , "complete": true}\n`);
    expect(readFileSync(path).length).toBeGreaterThan(3 << 20);
    const plan = stream(path);
    const read = plan['resource_changes'] as { change: { after: { name: string } } }[];
    expect(read).toHaveLength(4000);
    expect(read[3999]!.change.after.name).toBe(`${tricky}3999`);
    expect(plan['complete']).toBe(true);
  });

  it('leaves anything it does not expect to the whole-text parser, which says what is wrong', () => {
    expect(() => stream(write('bad.json', '{"format_version": "1.2", "resource_changes": [{"a": tru}]}'))).toThrow(/not JSON/);
    expect(stream(write('array.json', '[1, 2]'))).toEqual([1, 2]);
    expect(stream(write('nested.json', '{"resource_changes": {"not": "a list"}, "format_version": "1.2"}'))).toEqual({ resource_changes: { not: 'a list' }, format_version: '1.2' });
  });
});
