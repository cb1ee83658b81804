import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureLive, type LiveMeasurement } from './liveBench.js';
import { measureCheck, measureParse } from './planBench.js';
import { syntheticPlan, type PlanSize } from './syntheticPlan.js';

/**
 * The benchmark. The parent generates plans and prints the table; each measurement runs in a
 * child process of this same bundle, so peak RSS belongs to one job alone.
 */
const args = process.argv.slice(2);
const dir = process.env.CLB_GUARD_BENCH_DIR ?? '.';

if (args[0] === '--child') {
  const [, mode, file] = args;
  if (mode === 'time') {
    const parseMs = await measureParse(file!, 3);
    const check = await measureCheck(file!, 2);
    process.stdout.write(JSON.stringify({ parseMs, checkMs: check.ms, findings: check.findings }));
  } else {
    await measureCheck(file!, 1);
    process.stdout.write(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  }
  process.exit(0);
}

const quick = args.includes('--quick');
/** `--live`: only the live-mode measurement (the plan sizes and the oracle are skipped). */
const liveOnly = args.includes('--live');
const units = liveOnly ? [] : quick ? [25, 50, 100] : [500, 1000, 2000];

function child(mode: 'time' | 'rss', file: string): Record<string, number> {
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', process.argv[1]!, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`benchmark child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, number>;
}

interface Row {
  k: number;
  size: PlanSize;
  fileBytes: number;
  parseMs: number;
  checkMs: number;
  maxRssBytes: number;
  findings: number;
}

const rows: Row[] = [];
for (const k of units) {
  const { plan, size } = syntheticPlan(k);
  const file = join(dir, `plan-${k}.json`);
  writeFileSync(file, JSON.stringify(plan));
  const fileBytes = statSync(file).size;
  const timing = child('time', file);
  const memory = child('rss', file);
  rows.push({ k, size, fileBytes, parseMs: timing.parseMs!, checkMs: timing.checkMs!, maxRssBytes: memory.maxRssBytes!, findings: timing.findings! });
  process.stderr.write(`measured ${k} CLBs\n`);
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
if (rows.length > 0) {
  console.log('\nPlan mode (synthetic create plans, every ID unknown)');
  console.log('CLBs   listeners  backends  SGs    rules    file MB  parse ms  check ms  ratio  peak RSS MB  RSS/file  findings');
}
for (const r of rows) {
  console.log(
    [
      String(r.size.loadBalancers).padEnd(6),
      String(r.size.listeners).padEnd(10),
      String(r.size.backends).padEnd(9),
      String(r.size.securityGroups).padEnd(6),
      String(r.size.rules).padEnd(8),
      mb(r.fileBytes).padStart(7),
      r.parseMs.toFixed(0).padStart(9),
      r.checkMs.toFixed(0).padStart(9),
      (r.checkMs / r.parseMs).toFixed(2).padStart(6),
      mb(r.maxRssBytes).padStart(12),
      (r.maxRssBytes / r.fileBytes).toFixed(2).padStart(9),
      String(r.findings).padStart(9),
    ].join(' '),
  );
}
const liveClbs = quick ? 40 : 1000;
const live: LiveMeasurement[] = [];
for (const throttle of [0, 0.3]) {
  live.push(await measureLive(liveClbs, throttle));
  process.stderr.write(`measured live ${liveClbs} CLBs, ${throttle * 100}% throttling\n`);
}
console.log('\nLive mode (emulator with published rate limits and 50 ms latency)');
console.log(`floor = largest (calls of one action / its limit) + one round trip (here ${live[0]!.slowestAction}); phased = the dependent phases one after another`);
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
if (Object.keys(clean.overMinimum).length > 0) console.log(`actions above their minimum (calls, minimum): ${JSON.stringify(clean.overMinimum)}`);
const largest = rows[rows.length - 1];
const middle = rows[rows.length - 2];
const figures = {
  ...(largest && middle
    ? { planRatio: round(largest.checkMs / largest.parseMs), rssRatio: round(largest.maxRssBytes / largest.fileBytes), scaling: round(largest.checkMs / middle.checkMs) }
    : {}),
  liveCallRatio: round(clean.calls / clean.minCalls),
  liveTimeRatio: round(clean.seconds / clean.perActionSeconds),
  liveTimeRatioPhased: round(clean.seconds / clean.phasedSeconds),
  liveThrottled: { callRatio: round(throttled.calls / throttled.minCalls), timeRatio: round(throttled.seconds / throttled.perActionSeconds), complete: throttled.complete },
  targets: { planRatio: 1.5, rssRatio: 3, scaling: 2.2, liveCallRatio: 1.1, liveTimeRatio: 1.25, liveThrottledTimeRatio: 2 },
  sizes: rows.map((r) => ({ ...r.size, fileBytes: r.fileBytes })),
  quick,
  liveOnly,
};
const planLine = largest && middle ? `planRatio ${figures.planRatio} (target <= 1.5), rssRatio ${figures.rssRatio} (target <= 3), scaling ${figures.scaling} (target <= 2.2), ` : '';
console.log(
  `\n${planLine}liveCallRatio ${figures.liveCallRatio} (target <= 1.1), liveTimeRatio ${figures.liveTimeRatio} against the per-action floor (target <= 1.25; ${figures.liveTimeRatioPhased} against the phased sum), throttled 30%: time ${figures.liveThrottled.timeRatio} (target <= 2, complete ${throttled.complete})`,
);
console.log(JSON.stringify(figures));

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
