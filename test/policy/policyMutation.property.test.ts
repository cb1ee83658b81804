import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressSet } from '../../src/net/addressSet.js';
import { parsePorts } from '../../src/net/portSet.js';
import { BUILTIN_POLICY_FILES } from '../../src/policy/builtinPack.js';
import { validatePolicyFiles } from '../../src/policy/configLoader.js';
import { evaluatePolicies } from '../../src/policy/evaluatePolicies.js';
import { readPolicyFiles } from '../../src/policy/policyLoader.js';
import type { Policy, PolicyFile } from '../../src/policy/policyTypes.js';
import { FIELD_VALUES, SUBJECT_FIELDS } from '../../src/policy/subjectFields.js';
import { readPlanInventory } from '../../src/sources/plan/index.js';

const root = join(import.meta.dirname, '..', '..');
const pack = BUILTIN_POLICY_FILES.flatMap(({ document }) => (document as PolicyFile).policies);

/** Every string leaf of a policy a typo can land in, with its JSON path. */
function leaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

const TARGETS = /^(field|from|ports|message|remediation|equals)$/;

function setAt(policy: Policy, path: (string | number)[], text: string): Policy {
  const copy = structuredClone(policy) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = text;
  return copy as unknown as Policy;
}

/** A typo: one character dropped, doubled, replaced or inserted. */
const typo = (text: string) =>
  fc
    .tuple(
      fc.nat({ max: Math.max(0, text.length - 1) }),
      fc.constantFrom('drop', 'double', 'replace', 'insert'),
      fc.constantFrom('x', '.', '3', '/', '-', '{', 'a'),
    )
    .map(([at, kind, c]) => {
      if (kind === 'drop') return text.slice(0, at) + text.slice(at + 1);
      if (kind === 'double') return text.slice(0, at + 1) + text.slice(at);
      if (kind === 'replace') return text.slice(0, at) + c + text.slice(at + 1);
      return text.slice(0, at) + c + text.slice(at);
    });

const NAMED = new Set(['clients', 'lb.vips', 'healthCheck.source', 'snat.ips', 'backend.port', 'healthCheck.port', 'listener.port']);

/** Whether a leaf means something for this policy, judged independently of the validator. */
function meaningful(policy: Policy, key: string, text: string): boolean {
  if (key === 'field') return text.startsWith('params.') || SUBJECT_FIELDS[policy.subject].includes(text);
  if (key === 'from')
    return NAMED.has(text) || text.startsWith('params.') || (AddressSet.parse(text) !== undefined && !AddressSet.parse(text)!.isEmpty());
  if (key === 'ports') return NAMED.has(text) || text.startsWith('params.') || parsePorts(text) !== undefined;
  return true;
}

describe('a mutated policy is refused with a located line, or it means something and runs', () => {
  it('holds for random typos in the built-in pack', async () => {
    const demo = await readPlanInventory({
      planFile: join(root, 'examples/demo/plan.json'),
      tfRoot: join(root, 'examples/demo'),
      repoRoot: root,
    });
    const cases = pack.flatMap((policy) =>
      leaves(policy)
        .filter((l) => TARGETS.test(String(l.path.filter((p) => typeof p === 'string').at(-1))))
        .map((leaf) => ({ policy, leaf })),
    );
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-mutation-'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases).chain((c) => typo(c.leaf.text).map((text) => ({ ...c, text }))),
        async ({ policy, leaf, text }) => {
          const mutated = { ...setAt(policy, leaf.path, text), id: 'mutated-policy' };
          writeFileSync(join(dir, 'p.json'), JSON.stringify({ policies: [mutated] }, null, 2));
          const { problems } = await validatePolicyFiles(['p.json'], dir);
          if (problems.length > 0) {
            for (const p of problems)
              expect(`${p.file}:${p.line}: ${p.pointer}: ${p.message}`).toMatch(/^p\.json:\d+: \/policies\/0\/\S+: \S/);
            return;
          }
          const key = String(leaf.path.filter((p) => typeof p === 'string').at(-1));
          expect(meaningful(mutated, key, text), `accepted ${key} "${text}"`).toBe(true);
          if (key === 'equals') {
            // The condition's field sits beside the mutated value: the value must be one it can have.
            let node: unknown = mutated;
            for (const step of leaf.path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
            const values = FIELD_VALUES.get(String((node as { field: string }).field));
            if (values !== undefined && typeof values === 'object')
              expect(
                values.oneOf.map((v) => v.toUpperCase()),
                `accepted equals "${text}"`,
              ).toContain(text.toUpperCase());
          }
          const { sources } = await readPolicyFiles(['p.json'], dir);
          const loaded = sources[0]!.policies.map((p) => ({
            policy: p,
            severity: p.severity,
            params: new Map(Object.entries(p.params ?? {})),
            source: 'p.json',
          }));
          for (const finding of evaluatePolicies(demo, loaded).findings) expect(finding.message).not.toMatch(/\{\{/);
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
