// `npm run bench [-- --quick]`: bundles the benchmark from TypeScript sources, then runs it.
// Figures are ratios measured within one run, so a noisy shared machine still compares like with like.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'clb-guard-bench-'));
const outfile = join(dir, 'bench.mjs');
await build({
  entryPoints: ['bench/benchMain.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CLB_GUARD_BENCH_DIR: dir } });
process.exit(result.status ?? 1);
