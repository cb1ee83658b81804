import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/inputError.js';
import { loadConfig, validatePolicyFiles } from '../../src/policy/configLoader.js';
import { applyMutation, mutationArbitrary } from './mutations.js';

const SEED = 20261124;
const dir = mkdtempSync(join(tmpdir(), 'clb-guard-fuzz-'));
const policyText = readFileSync(new URL('../../policies/backend-allows-health-check.json', import.meta.url), 'utf8');
const configText = JSON.stringify({
  include: ['extra.json'],
  params: { clientCidrs: ['0.0.0.0/0'], adminCidrs: ['10.0.0.0/8'], ephemeralPorts: '1024-65535' },
  policies: {
    'admin-port-reachable': 'warning',
    'lb-sg-allows-listeners': { severity: 'notice', params: { clientCidrs: ['203.0.113.0/24'] } },
  },
  exceptions: [{ policy: 'backend-allows-vip', resource: 'tencentcloud_instance.web[*]', reason: 'migration', expires: '2027-01-01' }],
});

/** Either it loads, or it fails with located lines — never a crash, a stack or a polluted prototype. */
function expectCleanOutcome(error: unknown): void {
  if (error === undefined) return;
  expect(error).toBeInstanceOf(InputError);
  const text = (error as InputError).toLine();
  expect(text).not.toMatch(/\n\s+at /);
  for (const line of text.split('\n')) expect(line.length).toBeGreaterThan(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('mutated policy and config files', () => {
  it(`end in a result or located errors (seed ${SEED})`, async () => {
    let rejected = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(mutationArbitrary, fc.boolean(), async ({ name, seeds }, mutateConfig) => {
        const extra = mutateConfig
          ? JSON.stringify({ policies: [{ ...JSON.parse(policyText).policies[0], id: 'extra-policy' }] })
          : applyMutation(name, seeds, JSON.stringify({ policies: [{ ...JSON.parse(policyText).policies[0], id: 'extra-policy' }] }));
        writeFileSync(join(dir, 'extra.json'), extra);
        writeFileSync(join(dir, '.clb-guard.json'), mutateConfig ? applyMutation(name, seeds, configText) : configText);
        let error: unknown;
        try {
          await loadConfig({ cwd: dir });
        } catch (e) {
          error = e;
        }
        expectCleanOutcome(error);
        if (error === undefined) accepted++;
        else rejected++;
        const validated = await validatePolicyFiles(['extra.json'], dir);
        // validate reads the nearest config too, so its problems are located there.
        for (const p of validated.problems) expect(`${p.file}:${p.line}`).toMatch(/^(extra\.json|\.clb-guard\.json):\d+$/);
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The mutations must exercise both outcomes, or this test checks nothing. Most mutations are
    // refused: the meaning checks catch a changed CIDR or field as well as a broken shape.
    expect(rejected).toBeGreaterThan(30);
    expect(accepted).toBeGreaterThan(20);
  });
});
