import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { reportSchemaErrors } from '../report/reportSchema.js';
import { applyMutation, mutationArbitrary } from './mutations.js';

const SEED = 7031;
const repoRoot = join(import.meta.dirname, '..', '..');
const plans = ['test/fixtures/plans/demo/plan.json', 'test/fixtures/plans/p20-scenario-clb-backends/plan.json'].map((p) =>
  readFileSync(join(repoRoot, p), 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'clb-guard-fuzz-plan-'));

describe('mutated real plans', () => {
  it(`end in a report (exit 0/1) or one located line and exit 2 — never a crash, a stack or a polluted prototype (seed ${SEED})`, async () => {
    const outcomes = { report: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(mutationArbitrary, fc.nat({ max: plans.length - 1 }), async ({ name, seeds }, which) => {
        const file = join(dir, 'plan.json');
        writeFileSync(file, applyMutation(name, seeds, plans[which]!));
        const out: string[] = [];
        const err: string[] = [];
        const started = Date.now();
        const code = await runCli(['plan', file, '--format', 'json', '--config', 'test/e2e/empty-config.json', '--tf-root', dir], {
          cwd: repoRoot,
          env: {},
          stdout: { write: (t: string) => out.push(t) },
          stderr: { write: (t: string) => err.push(t) },
        });
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        const incomplete = code === 2 && out.length > 0;
        if (incomplete) {
          // A mutation that leaves a resource unlinked (or marks the plan deferred) gives an
          // incomplete report, which exits 2 too: a valid report that says so, and one line why.
          outcomes.report++;
          const report = JSON.parse(out.join('')) as { complete: boolean; incompleteReasons?: string[] };
          expect(report.complete).toBe(false);
          expect(report.incompleteReasons?.length).toBeGreaterThan(0);
          expect(reportSchemaErrors(out.join(''))).toEqual([]);
          expect(
            err
              .join('')
              .split('\n')
              .filter((line) => line.startsWith('clb-guard: ')),
          ).toEqual([expect.stringMatching(/^clb-guard: the plan check is incomplete: .*--allow-partial/)]);
        } else if (code === 2) {
          outcomes.rejected++;
          // Info lines (which config is used) may come first; the error is one line of its own.
          const lines = err
            .join('')
            .trim()
            .split('\n')
            .filter((line) => line.startsWith('clb-guard: '));
          expect(lines).toHaveLength(1);
          expect(err.join('')).not.toMatch(/^\s+at /m);
          expect(lines[0]).toMatch(/^clb-guard: .*plan\.json/);
          expect(lines[0]).not.toMatch(/internal error/);
        } else {
          outcomes.report++;
          expect([0, 1]).toContain(code);
          expect(JSON.parse(out.join('')).version).toBe(1);
          // Every report a surviving mutation produces keeps the report contract.
          expect(reportSchemaErrors(out.join(''))).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(outcomes.report).toBeGreaterThan(10);
    expect(outcomes.rejected).toBeGreaterThan(10);
  });
});
