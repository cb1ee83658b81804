import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InventoryResolver } from '../../src/net/inventoryResolver.js';
import { ASSERTION_KINDS } from '../../src/policy/assertions/registry.js';
import { CheckCache } from '../../src/policy/checkCache.js';
import { loadConfig, validatePolicyFiles } from '../../src/policy/configLoader.js';
import { builtinPolicies } from '../../src/policy/policyLoader.js';
import type { SubjectKind } from '../../src/policy/policyTypes.js';
import { SUBJECT_FIELDS } from '../../src/policy/subjectFields.js';
import { subjectsOf } from '../../src/policy/subjects.js';
import { readPlanInventory } from '../../src/sources/plan/index.js';
import { runPolicy } from './runPolicy.js';
import { scenario } from './scenario.js';

const root = join(import.meta.dirname, '..', '..');
const planDirs = [
  ...readdirSync(join(root, 'test/fixtures/plans')).map((d) => join(root, 'test/fixtures/plans', d)),
  ...readdirSync(join(root, 'test/fixtures/scenarios'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, 'test/fixtures/scenarios', d.name)),
];

async function inventories() {
  return Promise.all(planDirs.map((dir) => readPlanInventory({ planFile: join(dir, 'plan.json'), tfRoot: dir, repoRoot: root })));
}

describe('the shipped pack and the docs', () => {
  it('every policy file in policies/ validates, with its meaning checks', async () => {
    const { problems, policies } = await validatePolicyFiles(['policies'], root);
    expect(problems).toEqual([]);
    expect(policies).toBe(readdirSync(join(root, 'policies')).filter((f) => f.endsWith('.json')).length);
  });

  it('every policy example in the docs validates', async () => {
    const blocks: string[] = [];
    for (const doc of ['README.md', 'docs/policy-language.md', 'docs/policies.md']) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const match of text.matchAll(/```json\n([\s\S]*?)```/g)) if (/"policies":\s*\[/.test(match[1]!)) blocks.push(match[1]!);
    }
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const dir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'clb-guard-doc-'));
      (await import('node:fs')).writeFileSync(join(dir, 'p.json'), block);
      const { problems } = await validatePolicyFiles(['p.json'], dir);
      expect(problems, block).toEqual([]);
    }
  });

  it('every built-in policy finds something on some fixture: none is inert', async () => {
    // The plan fixtures have no SnatPro CLB: one built inventory stands in for that estate.
    const snatPro = scenario(['ACCEPT 192.168.0.0/16 TCP 8080'])
      .clb('lb', { network: 'INTERNAL', snatPro: true, snatIps: [{ subnet: 'subnet', ip: '10.0.1.99' }] })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
    const invs = [...(await inventories()), snatPro];
    const silent = builtinPolicies()
      .flatMap((s) => s.policies)
      .filter((policy) => !invs.some((inv) => runPolicy(inv, policy.id, { adminCidrs: ['192.0.2.0/24'] }).length > 0))
      .map((p) => p.id);
    expect(silent).toEqual([]);
  });

  it('the subject field table is what subjects carry', async () => {
    const invs = await inventories();
    const params = { get: () => undefined };
    for (const kind of Object.keys(SUBJECT_FIELDS) as SubjectKind[]) {
      const subjects = invs.flatMap((inv) => [...subjectsOf(kind, new CheckCache(new InventoryResolver(inv)), params)]);
      expect(subjects.length, kind).toBeGreaterThan(0);
      for (const field of SUBJECT_FIELDS[kind])
        expect(
          subjects.some((s) => s.fields.get(field) !== undefined),
          `${kind}.${field}`,
        ).toBe(true);
    }
  });

  it('docs/policy-language.md lists exactly the fields of each subject', () => {
    const text = readFileSync(join(root, 'docs/policy-language.md'), 'utf8');
    for (const [kind, fields] of Object.entries(SUBJECT_FIELDS)) {
      const row = new RegExp(`^\\| \`${kind}\` \\|[^|]*\\| (.*) \\|$`, 'm').exec(text);
      expect(row, `a row for ${kind}`).not.toBeNull();
      const listed = [...row![1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      expect(listed, kind).toEqual(fields);
    }
  });

  it('docs/policy-language.md lists exactly the template variables of each assertion', () => {
    const text = readFileSync(join(root, 'docs/policy-language.md'), 'utf8');
    for (const { name: kind, variables: vars } of ASSERTION_KINDS.filter((k) => k.composite !== true)) {
      const row = new RegExp(`^\\| \`${kind}\` \\| (.*) \\|$`, 'm').exec(text.slice(text.indexOf('Template variables by assertion')));
      expect(row, kind).not.toBeNull();
      expect(
        [...row![1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
        kind,
      ).toEqual([...vars]);
    }
  });

  it('every config example in the docs loads', async () => {
    const blocks: string[] = [];
    for (const doc of ['README.md', 'docs/policy-language.md', 'docs/policies.md']) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const match of text.matchAll(/```json\n([\s\S]*?)```/g))
        if (/^\{\s*"\$schema": "[^"]*config\.schema\.json"/.test(match[1]!)) blocks.push(match[1]!);
    }
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const dir = mkdtempSync(join(tmpdir(), 'clb-guard-doc-config-'));
      mkdirSync(join(dir, '.git'));
      mkdirSync(join(dir, 'policies'));
      writeFileSync(join(dir, '.clb-guard.json'), block);
      await expect(loadConfig({ cwd: dir }), block).resolves.toBeDefined();
    }
  });
});
