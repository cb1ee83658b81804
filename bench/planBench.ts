import { readFileSync } from 'node:fs';
import { checkInventory } from '../src/check/checkInventory.js';
import { loadConfig } from '../src/policy/configLoader.js';
import { renderJson } from '../src/report/jsonReport.js';
import { readPlanInventory } from '../src/sources/plan/index.js';

/** What one child process measures for one plan file. */
export interface PlanMeasurement {
  readonly parseMs: number;
  readonly checkMs: number;
  readonly maxRssBytes: number;
  readonly findings: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function measureParse(file: string, repeats: number): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    gc();
    const start = performance.now();
    JSON.parse(readFileSync(file, 'utf8'));
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The whole plan check: load, link, evaluate the built-in pack, build the JSON report. */
export async function measureCheck(file: string, repeats: number): Promise<{ ms: number; findings: number }> {
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < repeats; i++) {
    gc();
    const start = performance.now();
    const config = await loadConfig({ cwd: process.cwd() });
    const inventory = await readPlanInventory({ planFile: file, tfRoot: '/nonexistent', repoRoot: process.cwd() });
    const report = checkInventory(inventory, config, { today: '2026-01-01', target: { planFile: file } });
    const json = renderJson(report);
    best = Math.min(best, performance.now() - start);
    findings = report.findings.length + (json.length > 0 ? 0 : 1);
  }
  return { ms: best, findings };
}
