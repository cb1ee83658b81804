import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkInventory } from '../src/check/checkInventory.js';
import { loadConfig } from '../src/policy/configLoader.js';
import { renderJson } from '../src/report/jsonReport.js';
import { readPlan, readPlanInventory } from '../src/sources/plan/index.js';

/** One process run: wall time (spawn to exit) and peak resident memory. */
export interface ProcessRun {
  readonly ms: number;
  readonly maxRssBytes: number;
}

/**
 * A preloaded module that writes the process's peak RSS to a file as it exits, so that the
 * CLI itself runs unchanged. Both the bare parse and the check are measured through it.
 */
function peakProbe(dir: string): string {
  const probe = join(dir, 'peak-rss.mjs');
  writeFileSync(
    probe,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CLB_GUARD_PEAK_FILE, String(process.resourceUsage().maxRSS * 1024)));\n",
  );
  return probe;
}

/** Runs `node ARGS` `repeats` times: the fastest wall time, and the smallest peak RSS (both least disturbed by neighbours). */
export function runNode(dir: string, args: readonly string[], repeats: number, stdoutFile?: string): ProcessRun {
  const probe = peakProbe(dir);
  const peakFile = join(dir, 'peak-rss.txt');
  let ms = Infinity;
  let maxRssBytes = Infinity;
  for (let i = 0; i < repeats; i++) {
    const out = stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'w');
    rmSync(peakFile, { force: true });
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', `file://${probe}`, ...args], {
      stdio: ['ignore', out, 'pipe'],
      cwd: dir,
      env: { ...process.env, CLB_GUARD_PEAK_FILE: peakFile },
      maxBuffer: 64 << 20,
    });
    const elapsed = performance.now() - start;
    if (typeof out === 'number') closeSync(out);
    // 0 clean, 1 findings; anything else is a broken run, not a measurement.
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(-2000)}`);
    ms = Math.min(ms, elapsed);
    maxRssBytes = Math.min(maxRssBytes, Number(readFileSync(peakFile, 'utf8')));
  }
  return { ms, maxRssBytes };
}

/** The yardstick: a process that reads the file and `JSON.parse`s it, nothing else. */
export function bareParse(dir: string, file: string, repeats: number): ProcessRun {
  const script = join(dir, 'bare-parse.mjs');
  writeFileSync(script, "import { readFileSync } from 'node:fs';\nJSON.parse(readFileSync(process.argv[2], 'utf8'));\n");
  return runNode(dir, [script, file], repeats);
}

/** The whole check as a user runs it: `clb-guard plan FILE --format json`, the report written to `reportFile`. */
export function fullCheck(dir: string, cli: string, file: string, tfRoot: string, repeats: number, reportFile: string): ProcessRun {
  return runNode(
    dir,
    [cli, 'plan', file, '--tf-root', tfRoot, '--format', 'json', '--fail-on', 'never', '--today', '2026-01-01'],
    repeats,
    reportFile,
  );
}

/**
 * A hash of the findings, sorted, each reduced to what says what was found (policy, status,
 * severity, resource, related, message): the same findings give the same hash, whatever order
 * the check produced them in and however the evidence is laid out.
 */
export function findingsHash(reportFile: string): { hash: string; findings: number } {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { findings: Record<string, unknown>[] };
  const lines = report.findings
    .map((f) => JSON.stringify([f['policy'], f['status'], f['severity'], f['resource'], f['related'], f['message']]))
    .sort();
  return { hash: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16), findings: lines.length };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Where one check's time goes, measured in one process (best of `repeats` each), against a bare parse of the same file. */
export interface PhaseSplit {
  /** read + `JSON.parse` of the plan, nothing else: the yardstick. */
  readonly parseMs: number;
  /** plan → inventory (reading, trimming, linking, `.tf` locations). */
  readonly readMs: number;
  /** Of `readMs`, reading the file: read, `JSON.parse`, the nesting check and trimming, no linking. */
  readonly fileMs: number;
  /** The plan's resource changes and prior-state resources: what linking and evaluating walk. */
  readonly resources: number;
  /** policies over the inventory → the report object (evaluation, findings, sorting). */
  readonly evaluateMs: number;
  /** the report object → the JSON text → the file. */
  readonly writeMs: number;
  /** The JSON report's size: a check cannot finish before it has written this much. */
  readonly reportBytes: number;
  /**
   * The same report written with nothing computed: `JSON.stringify(…, null, 2)` of its parsed
   * text and one write. No design that writes this report can do it for less, so it belongs to
   * the floor; `writeMs` above it is what the report writer itself adds.
   */
  readonly serialiseMs: number;
}

/**
 * In one process: the best of `repeats` bare parses, plan readings, evaluations and report
 * writings, and the bare serialisation of the report written (the output's share of the floor).
 */
export async function phaseSplit(file: string, tfRoot: string, outDir: string, repeats: number): Promise<PhaseSplit> {
  let parseMs = Infinity;
  let readMs = Infinity;
  let fileMs = Infinity;
  let resources = 0;
  let evaluateMs = Infinity;
  let writeMs = Infinity;
  let reportBytes = 0;
  let serialiseMs = Infinity;
  const config = await loadConfig({ cwd: outDir });
  const out = join(outDir, 'phase-split.report.json');
  for (let i = 0; i < repeats; i++) {
    gc();
    let start = performance.now();
    JSON.parse(readFileSync(file, 'utf8'));
    parseMs = Math.min(parseMs, performance.now() - start);
    gc();
    start = performance.now();
    const { plan } = readPlan(file, tfRoot);
    fileMs = Math.min(fileMs, performance.now() - start);
    resources = countResources(plan);
    gc();
    start = performance.now();
    const inventory = await readPlanInventory({ planFile: file, tfRoot, repoRoot: tfRoot });
    readMs = Math.min(readMs, performance.now() - start);
    gc();
    start = performance.now();
    const report = checkInventory(inventory, config, { today: '2026-01-01', target: { planFile: file }, paths: false });
    evaluateMs = Math.min(evaluateMs, performance.now() - start);
    gc();
    start = performance.now();
    const text = renderJson(report);
    writeFileSync(out, text);
    writeMs = Math.min(writeMs, performance.now() - start);
    reportBytes = Buffer.byteLength(text);
    const written: unknown = JSON.parse(text);
    gc();
    start = performance.now();
    writeFileSync(out, JSON.stringify(written, null, 2));
    serialiseMs = Math.min(serialiseMs, performance.now() - start);
  }
  rmSync(out, { force: true });
  return { parseMs, readMs, fileMs, resources, evaluateMs, writeMs, reportBytes, serialiseMs };
}

/** Resource changes plus the prior state's unchanged resources of a trimmed plan. */
function countResources(plan: unknown): number {
  const root = plan as { resource_changes?: unknown[]; prior_state?: { values?: { root_module?: StateModule } } };
  const inState = (m: StateModule | undefined): number =>
    m === undefined ? 0 : (m.resources?.length ?? 0) + (m.child_modules ?? []).reduce((n, c) => n + inState(c), 0);
  return (root.resource_changes?.length ?? 0) + inState(root.prior_state?.values?.root_module);
}

interface StateModule {
  readonly resources?: unknown[];
  readonly child_modules?: StateModule[];
}

/**
 * What every check pays before it reads the plan: the wall time of `clb-guard --version` (Node's
 * start and loading the CLI bundle) and of `node -e 0` (Node's start alone, which the bare parse
 * pays too). The difference is the bundle's share.
 */
export function startUp(dir: string, cli: string, repeats: number): { cliMs: number; nodeMs: number } {
  return { cliMs: runNode(dir, [cli, '--version'], repeats).ms, nodeMs: runNode(dir, ['-e', '0'], repeats).ms };
}
