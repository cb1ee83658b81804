import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

// The flags are the process's, so every check of the tuning itself runs in a child of its own
// (Node 24 runs the TypeScript module as it is), never in the test runner's process.
const repoRoot = join(import.meta.dirname, '..', '..');
const tuning = pathToFileURL(join(repoRoot, 'src/runtime/oneCheckHeap.ts')).href;

function child(script: string, ...nodeArgs: string[]): string {
  const run = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

/** A child that allocates 3 million short-lived objects and prints its young generation's size in MiB. */
const churn = (tuned: boolean) => `
  import { getHeapSpaceStatistics } from 'node:v8';
  ${tuned ? `const { tuneHeapForOneCheck } = await import(${JSON.stringify(tuning)}); tuneHeapForOneCheck();` : ''}
  let live = [];
  for (let i = 0; i < 3e6; i++) { live.push({ i, text: 'x' + i }); if (live.length > 50000) live = []; }
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  console.log(young.space_size / 1048576);`;

describe('the heap of one check', () => {
  it('keeps the young generation at its start size while a check allocates at full speed; V8 alone grows it', () => {
    const tuned = Number(child(churn(true)));
    const plain = Number(child(churn(false)));
    expect(tuned).toBeLessThanOrEqual(4);
    expect(plain).toBeGreaterThan(tuned * 4);
  });

  it('releaseGarbage collects what nothing references any more; without it V8 keeps it', () => {
    const script = (release: boolean) => `
      const { tuneHeapForOneCheck } = await import(${JSON.stringify(tuning)});
      const releaseGarbage = tuneHeapForOneCheck();
      let tree = Array.from({ length: 200000 }, (_, i) => ({ i }));
      const ref = new WeakRef(tree);
      tree = undefined;
      await new Promise((resolve) => setImmediate(resolve)); // a WeakRef target lives to the end of its job
      ${release ? 'releaseGarbage();' : ''}
      console.log(ref.deref() === undefined ? 'collected' : 'kept');`;
    expect(child(script(true))).toBe('collected');
    expect(child(script(false))).toBe('kept');
  });
});

describe('where a plan check releases garbage', () => {
  it('twice: when the plan is read and trimmed, and when it is linked and dropped, before the policies run', async () => {
    const events: string[] = [];
    const report = await checkPlan({
      ...DEMO_PLAN_CHECK,
      releaseGarbage: () => events.push('release'),
      onInventory: () => events.push('inventory'),
    });
    expect(events).toEqual(['release', 'release', 'inventory']);
    // The hint changes no finding.
    expect(report.findings).toEqual((await checkPlan(DEMO_PLAN_CHECK)).findings);
  });

  let cli = '';
  beforeAll(async () => {
    cli = await bundleEntry('cli');
  }, 60_000);

  /** The explicit full collections (V8 names their reason "testing") in a CLI run. */
  function explicitCollections(args: string[]): number {
    const run = spawnSync(process.execPath, [...guardedNodeArgs(), '--trace-gc', cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
    expectNoEscape(run.stdout + run.stderr, run.status);
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.split('\n').filter((line) => /Mark-Compact .*testing/.test(line)).length;
  }

  // A collection asked for while V8 is marking may print as two lines (it finishes that marking
  // first): the calls themselves are counted in process, above.
  it('the CLI passes the collection in: a plan check collects at least twice, a live check never', () => {
    const common = [
      '--config',
      'test/e2e/empty-config.json',
      '--fail-on',
      'never',
      '--format',
      'json',
      '--output',
      join(mkdtempSync(join(tmpdir(), 'clb-guard-heap-')), 'report.json'),
    ];
    expect(explicitCollections(['plan', 'examples/demo/plan.json', '--tf-root', 'examples/demo', ...common])).toBeGreaterThanOrEqual(2);
    expect(explicitCollections(['live', '--snapshot', 'examples/demo/account.json', ...common])).toBe(0);
  });
});
