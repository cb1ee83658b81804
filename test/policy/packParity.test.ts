import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_FILES } from '../../src/policy/builtinPack.js';
import { BUILTIN_PARAMS } from '../../src/policy/builtinParams.js';
import { builtinPolicies } from '../../src/policy/policyLoader.js';
import type { PolicyFile } from '../../src/policy/policyTypes.js';

// As ESLint's checkRuleFiles: every built-in policy is a file, in the bundle, in the docs, in the
// README and in a table of cases, under one id; adding a policy without the rest fails here.
const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const sorted = (list: Iterable<string>) => [...list].sort();

describe('the built-in pack is the same everywhere', () => {
  const files = readdirSync(join(root, 'policies')).filter((f) => f.endsWith('.json'));
  const fromFiles = files.map((f) => (JSON.parse(read(`policies/${f}`)) as PolicyFile).policies.map((p) => p.id));

  it('one policy per file, named after its id', () => {
    for (const [i, ids] of fromFiles.entries()) expect(ids.map((id) => `${id}.json`)).toEqual([files[i]]);
  });

  it('the bundle holds every file, once', () => {
    expect(sorted(BUILTIN_POLICY_FILES.map((f) => f.name))).toEqual(sorted(files.map((f) => `policies/${f}`)));
    for (const { name, document } of BUILTIN_POLICY_FILES) expect(document).toEqual(JSON.parse(read(name)));
  });

  it('docs/policies.md has a section per policy, and the docs URL of each, derived from its id, points at it', () => {
    const sections = [...read('docs/policies.md').matchAll(/^## ([a-z0-9-]+)$/gm)]
      .map((m) => m[1]!)
      .filter((s) => s !== 'expired-exception');
    expect(sorted(sections)).toEqual(sorted(fromFiles.flat()));
    for (const policy of builtinPolicies().flatMap((s) => s.policies))
      expect(policy.docs).toBe(`https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#${policy.id}`);
    // Derived, so never written (and never stale) in a file.
    for (const { document } of BUILTIN_POLICY_FILES)
      for (const policy of (document as PolicyFile).policies) expect(policy.docs).toBeUndefined();
  });

  it('test/policy/rules has a table of cases per policy, named after its id', () => {
    const tables = readdirSync(join(root, 'test/policy/rules')).filter((f) => f.endsWith('.test.ts'));
    expect(sorted(tables)).toEqual(sorted(fromFiles.flat().map((id) => `${id}.test.ts`)));
    for (const table of tables) {
      const text = read(`test/policy/rules/${table}`);
      expect(text, table).toContain(`const id = '${table.replace('.test.ts', '')}';`);
      expect(text, table).toContain('policyTable(id, {');
    }
  });

  it('the README table lists every policy with its severity', () => {
    const rows = [...read('README.md').matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|notice) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    const expected = BUILTIN_POLICY_FILES.flatMap(({ document }) => (document as PolicyFile).policies.map((p) => `${p.id} ${p.severity}`));
    expect(sorted(rows)).toEqual(sorted(expected));
  });

  it('docs/policies.md documents exactly the built-in params', () => {
    const section = read('docs/policies.md').split('## Parameters')[1]!.split('\n## ')[0]!;
    const params = [...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]!);
    expect(sorted(params)).toEqual(sorted(BUILTIN_PARAMS.keys()));
  });
});
