import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LiveMeasurement, measureLive } from './liveBench.js';
import { writeModulePlan } from './modulePlan.js';
import { bareParse, findingsHash, fullCheck, type PhaseSplit, type ProcessRun, phaseSplit, startUp } from './planBench.js';
import { syntheticPlan } from './syntheticPlan.js';

/**
 * The benchmark. The parent generates plans and prints the tables; every measurement runs in a
 * process of its own, so that time and peak RSS belong to one job alone. Plan figures compare
 * whole processes: `clb-guard plan FILE --format json` against a process that reads the same
 * file and `JSON.parse`s it.
 */
const args = process.argv.slice(2);
const dir = process.env.CLB_GUARD_BENCH_DIR ?? '.';

if (args[0] === '--child') {
  const [, file, tfRoot] = args;
  process.stdout.write(JSON.stringify(await phaseSplit(file!, tfRoot!, dir, 2)));
  process.exit(0);
}

const quick = args.includes('--quick');
const planOnly = args.includes('--plan-only');
/** `--live`: only the live-mode measurement (the plan sizes and the oracle are skipped). */
const liveOnly = args.includes('--live');
const cli = join(dir, 'build', 'cli.js');

/** The check's phases (reading, evaluation, writing the report) against a bare parse, in one child process. */
function readingChild(file: string, tfRoot: string): PhaseSplit {
  const result = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, '--child', file, tfRoot], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`benchmark child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as PhaseSplit;
}

interface PlanCase {
  readonly name: string;
  readonly description: string;
  readonly fileBytes: number;
  readonly bare: ProcessRun;
  readonly check: ProcessRun;
  readonly reading: PhaseSplit;
  readonly hash: string;
  readonly findings: number;
}

function measurePlan(name: string, description: string, file: string, tfRoot: string, checkRepeats: number): PlanCase {
  const bare = bareParse(dir, file, 3);
  const report = join(dir, `${name}.report.json`);
  const check = fullCheck(dir, cli, file, tfRoot, checkRepeats, report);
  const { hash, findings } = findingsHash(report);
  const reading = readingChild(file, tfRoot);
  process.stderr.write(`measured ${name}\n`);
  return { name, description, fileBytes: statSync(file).size, bare, check, reading, hash, findings };
}

type PlanFigures = Record<string, number>;

/** Plan mode: (a) the synthetic create plan at 4S, (b) the real-format module plan at 1×, 2×, 10×. */
function measurePlans(): { planFigures: PlanFigures; hashes: Record<string, string> } {
  // (a) The synthetic create plan at 4S (every ID unknown: all linking goes through references).
  const syntheticK = quick ? 100 : 2000;
  const emptyRoot = join(dir, 'no-tf');
  mkdirSync(emptyRoot, { recursive: true });
  const synthetic = syntheticPlan(syntheticK);
  const syntheticFile = join(dir, `synthetic-${syntheticK}.json`);
  writeFileSync(syntheticFile, JSON.stringify(synthetic.plan));
  const cases: PlanCase[] = [
    measurePlan(
      `synthetic-${syntheticK}`,
      `synthetic create plan, ${synthetic.size.loadBalancers} CLBs / ${synthetic.size.backends} backends / ${synthetic.size.rules} rules`,
      syntheticFile,
      emptyRoot,
      2,
    ),
  ];
  // (b) The real-format module plan at 1×, 2× and 10× (p20/p21 module instances, with their .tf files).
  const moduleSizes = quick ? [30, 60, 300] : [300, 600, 3000];
  for (const instances of moduleSizes) {
    const { planFile, tfRoot } = writeModulePlan(join(dir, `module-${instances}`), instances);
    cases.push(measurePlan(`module-${instances}`, `real-format plan, ${instances} module instances of p20/p21`, planFile, tfRoot, 2));
  }

  const expectedFile = join(process.cwd(), 'bench', 'expectedFindings.json');
  const expected = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, string>) : {};
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log('\nPlan mode (whole processes; "bare" reads the file and JSON.parses it, nothing else)');
  console.log(
    'plan              file MB  bare ms  check ms  ratio  bare RSS MB  check RSS MB  RSS ratio  read ms  parse ms  read/parse  findings  hash',
  );
  for (const c of cases) {
    console.log(
      [
        c.name.padEnd(16),
        mb(c.fileBytes).padStart(8),
        c.bare.ms.toFixed(0).padStart(8),
        c.check.ms.toFixed(0).padStart(9),
        (c.check.ms / c.bare.ms).toFixed(2).padStart(6),
        mb(c.bare.maxRssBytes).padStart(12),
        mb(c.check.maxRssBytes).padStart(13),
        (c.check.maxRssBytes / c.bare.maxRssBytes).toFixed(2).padStart(10),
        c.reading.readMs.toFixed(0).padStart(8),
        c.reading.parseMs.toFixed(0).padStart(9),
        (c.reading.readMs / c.reading.parseMs).toFixed(2).padStart(11),
        String(c.findings).padStart(9),
        ` ${c.hash}`,
      ].join(' '),
    );
  }
  console.log(
    '\nWhere the time goes (one process, each phase as a multiple of the bare parse in that process; write = the report writer: the report object to its JSON text and one write)',
  );
  console.log('plan              parse ms  read  evaluate  write  phases sum  report MB  report/plan size');
  for (const c of cases) {
    const r = c.reading;
    const x = (ms: number) => (ms / r.parseMs).toFixed(2);
    console.log(
      [
        c.name.padEnd(16),
        r.parseMs.toFixed(0).padStart(9),
        x(r.readMs).padStart(5),
        x(r.evaluateMs).padStart(9),
        x(r.writeMs).padStart(6),
        x(r.readMs + r.evaluateMs + r.writeMs).padStart(11),
        mb(r.reportBytes).padStart(10),
        (r.reportBytes / c.fileBytes).toFixed(2).padStart(17),
      ].join(' '),
    );
  }
  // What no design of this CLI avoids: Node's start and the bundle's loading, and reading the file
  // (the bare parse plus the nesting check and trimming). What the 2x target leaves beyond that is
  // the budget for linking, evaluating and writing the report. Everything is in milliseconds and
  // the floor is against the whole-process bare parse, the target's own denominator: the phase
  // times are taken in one process (the bench's), so only their differences are carried over.
  const start = startUp(dir, cli, 5);
  const bundleMs = Math.max(0, start.cliMs - start.nodeMs);
  console.log(
    `\nWhat a check cannot avoid, in ms (bundle: loading the CLI beyond Node's own start of ${start.nodeMs.toFixed(0)} ms; file: reading beyond the bare parse — the nesting check and trimming; output: JSON.stringify of the report written, with nothing computed, and one write; floor = (bare + bundle + file + output) / bare; work = link + evaluate + what the writer adds to output, against what 2x leaves)`,
  );
  console.log(
    'plan              resources  bare ms  bundle  file  output  floor  left under 2x (ms, us/resource)  link  evaluate  writer  work/left',
  );
  const floors: Record<string, number> = {};
  for (const c of cases) {
    const r = c.reading;
    const fileExtraMs = Math.max(0, r.fileMs - r.parseMs);
    const floor = (c.bare.ms + bundleMs + fileExtraMs + r.serialiseMs) / c.bare.ms;
    floors[c.name] = round(floor);
    const leftMs = Math.max(0, (2 - floor) * c.bare.ms);
    const linkMs = r.readMs - r.fileMs;
    const writerMs = Math.max(0, r.writeMs - r.serialiseMs);
    const workMs = linkMs + r.evaluateMs + writerMs;
    console.log(
      [
        c.name.padEnd(16),
        String(r.resources).padStart(10),
        c.bare.ms.toFixed(0).padStart(8),
        bundleMs.toFixed(0).padStart(7),
        fileExtraMs.toFixed(0).padStart(5),
        r.serialiseMs.toFixed(0).padStart(7),
        floor.toFixed(2).padStart(6),
        `${leftMs.toFixed(0)} ms, ${((leftMs * 1000) / Math.max(1, r.resources)).toFixed(1)} us`.padStart(33),
        linkMs.toFixed(0).padStart(5),
        r.evaluateMs.toFixed(0).padStart(9),
        writerMs.toFixed(0).padStart(7),
        (leftMs > 0 ? (workMs / leftMs).toFixed(1) : 'none left').padStart(10),
      ].join(' '),
    );
  }
  const [syntheticCase, small, double, large] = cases as [PlanCase, PlanCase, PlanCase, PlanCase];
  const planFigures = {
    syntheticRatio: round(syntheticCase.check.ms / syntheticCase.bare.ms),
    moduleRatio: round(large.check.ms / large.bare.ms),
    syntheticRssRatio: round(syntheticCase.check.maxRssBytes / syntheticCase.bare.maxRssBytes),
    moduleRssRatio: round(large.check.maxRssBytes / large.bare.maxRssBytes),
    scaling2x: round(double.check.ms / small.check.ms),
    scaling10x: round(large.check.ms / small.check.ms),
    syntheticReadRatio: round(syntheticCase.reading.readMs / syntheticCase.reading.parseMs),
    moduleReadRatio: round(large.reading.readMs / large.reading.parseMs),
    syntheticEvaluateRatio: round(syntheticCase.reading.evaluateMs / syntheticCase.reading.parseMs),
    moduleEvaluateRatio: round(large.reading.evaluateMs / large.reading.parseMs),
    syntheticWriteRatio: round(syntheticCase.reading.writeMs / syntheticCase.reading.parseMs),
    moduleWriteRatio: round(large.reading.writeMs / large.reading.parseMs),
    syntheticOutputFloorRatio: round(syntheticCase.reading.serialiseMs / syntheticCase.reading.parseMs),
    moduleOutputFloorRatio: round(large.reading.serialiseMs / large.reading.parseMs),
    syntheticFloorRatio: floors[syntheticCase.name] ?? 0,
    moduleFloorRatio: floors[large.name] ?? 0,
  };
  const hashes = Object.fromEntries(cases.map((c) => [c.name, c.hash]));
  const checks: [string, number | string, string, boolean][] = [
    ['full check / bare parse, synthetic 4S', planFigures.syntheticRatio, '<= 2.0 (aim 1.5)', planFigures.syntheticRatio <= 2],
    ['full check / bare parse, module plan', planFigures.moduleRatio, '<= 2.0 (aim 1.5)', planFigures.moduleRatio <= 2],
    ['peak RSS / bare parse, synthetic 4S', planFigures.syntheticRssRatio, '<= 1.25', planFigures.syntheticRssRatio <= 1.25],
    ['peak RSS / bare parse, module plan', planFigures.moduleRssRatio, '<= 1.25', planFigures.moduleRssRatio <= 1.25],
    ['scaling, module plan 2x', planFigures.scaling2x, '<= 2.1', planFigures.scaling2x <= 2.1],
    ['scaling, module plan 10x', planFigures.scaling10x, '<= 10.5', planFigures.scaling10x <= 10.5],
    ...cases.map((c): [string, string, string, boolean] => [
      `findings hash, ${c.name}`,
      c.hash,
      expected[c.name] ?? '(none committed)',
      expected[c.name] === c.hash,
    ]),
  ];
  console.log('\nfigure                                   measured          target            ');
  for (const [what, measured, target, pass] of checks)
    console.log(`${what.padEnd(40)} ${String(measured).padEnd(17)} ${target.padEnd(17)} ${pass ? 'pass' : 'FAIL'}`);
  for (const c of [syntheticCase, large]) {
    // Reading the file (1x) and writing the report are owed by any check whatever its bundle or design.
    const output = c.reading.serialiseMs / c.reading.parseMs;
    console.log(
      `floor of ${c.name}: ${floors[c.name] ?? 0} (start, reading the file, and writing its ${mb(c.reading.reportBytes)} MB report with nothing computed, ${output.toFixed(2)}x the bare parse)` +
        (1 + output > 2 ? ` - reading + writing alone are ${(1 + output).toFixed(2)}x: no check that writes this report can meet 2.0` : ''),
    );
  }
  console.log(
    `reading only (plan -> inventory) / bare parse, in one process: synthetic ${planFigures.syntheticReadRatio}, module ${planFigures.moduleReadRatio} (no target; the rest of the check is policy evaluation and the report)`,
  );
  return { planFigures, hashes };
}

const plan = liveOnly ? undefined : measurePlans();

if (planOnly) {
  console.log(JSON.stringify({ plan: plan?.planFigures, hashes: plan?.hashes, quick, planOnly }));
  process.exit(0);
}

const liveClbs = quick ? 40 : 1000;
const live: LiveMeasurement[] = [];
for (const throttle of [0, 0.3]) {
  live.push(await measureLive(liveClbs, throttle));
  process.stderr.write(`measured live ${liveClbs} CLBs, ${throttle * 100}% throttling\n`);
}
console.log('\nLive mode (emulator with published rate limits and 50 ms latency)');
console.log(
  `floor = largest (calls of one action / its limit) + one round trip (here ${live[0]!.slowestAction}); phased = the dependent phases one after another`,
);
console.log('CLBs   throttling  calls   min calls  call ratio  seconds  floor s  time/floor  phased s  time/phased  complete');
for (const m of live) {
  console.log(
    [
      String(m.clbs).padEnd(6),
      `${m.throttleRate * 100}%`.padEnd(11),
      String(m.calls).padEnd(7),
      String(m.minCalls).padEnd(10),
      (m.calls / m.minCalls).toFixed(2).padEnd(11),
      m.seconds.toFixed(1).padEnd(8),
      m.perActionSeconds.toFixed(1).padEnd(8),
      (m.seconds / m.perActionSeconds).toFixed(2).padEnd(11),
      m.phasedSeconds.toFixed(1).padEnd(9),
      (m.seconds / m.phasedSeconds).toFixed(2).padEnd(12),
      String(m.complete),
    ].join(' '),
  );
}
const clean = live[0]!;
const throttled = live[1]!;
if (Object.keys(clean.overMinimum).length > 0)
  console.log(`actions above their minimum (calls, minimum): ${JSON.stringify(clean.overMinimum)}`);
const figures = {
  ...(plan ? { plan: plan.planFigures, hashes: plan.hashes } : {}),
  liveCallRatio: round(clean.calls / clean.minCalls),
  liveTimeRatio: round(clean.seconds / clean.perActionSeconds),
  liveTimeRatioPhased: round(clean.seconds / clean.phasedSeconds),
  liveThrottled: {
    callRatio: round(throttled.calls / throttled.minCalls),
    timeRatio: round(throttled.seconds / throttled.perActionSeconds),
    complete: throttled.complete,
  },
  targets: {
    planRatio: 2,
    rssRatio: 1.25,
    scaling2x: 2.1,
    scaling10x: 10.5,
    liveCallRatio: 1.1,
    liveTimeRatio: 1.25,
    liveThrottledTimeRatio: 2,
  },
  quick,
  liveOnly,
};
console.log(
  `\nliveCallRatio ${figures.liveCallRatio} (target <= 1.1), liveTimeRatio ${figures.liveTimeRatio} against the per-action floor (target <= 1.25; ${figures.liveTimeRatioPhased} against the phased sum), throttled 30%: time ${figures.liveThrottled.timeRatio} (target <= 2, complete ${throttled.complete})`,
);
console.log(JSON.stringify(figures));

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
