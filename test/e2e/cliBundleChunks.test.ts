import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

// dist/cli.js is split at the CLI's on-demand imports (build.mjs): a plan check must start without
// parsing the live reader, the SDK or the report merger. The bundle is built here from the sources
// (as build.mjs builds dist/), and esbuild names each bundled source in a `// path` comment, which
// is what is looked for.
const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'clb-guard-build-'));
const entry = join(out, 'cli.js');

/** The files a module imports statically (`import … from "./x.js"`, `import "./x.js"`), or on demand (`import("./x.js")`). */
function importsOf(file: string): { static: string[]; onDemand: string[] } {
  const text = readFileSync(file, 'utf8');
  const at = (specifier: string) => join(dirname(file), specifier);
  return {
    static: [...text.matchAll(/(?:^|\n)(?:import|export)\s(?:[^;"'(]*?\sfrom\s)?"(\.\/[^"]+)"/g)].map((m) => at(m[1]!)),
    onDemand: [...text.matchAll(/\bimport\("(\.\/[^"]+)"\)/g)].map((m) => at(m[1]!)),
  };
}

/** The files `starts` load: by static imports only (what is parsed before the first line runs), or on demand as well. */
function reachable(starts: readonly string[], onDemandToo: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const imports = importsOf(file);
    for (const next of onDemandToo ? [...imports.static, ...imports.onDemand] : imports.static) visit(next);
  };
  for (const start of starts) visit(start);
  return seen;
}

const sources = (files: Iterable<string>) => [...files].map((f) => readFileSync(f, 'utf8')).join('\n');

describe('the CLI bundle loads only what a plan check uses', () => {
  let loaded = new Set<string>();
  let onDemand = new Set<string>();
  let atStart = '';
  beforeAll(() => {
    const build = spawnSync(process.execPath, [...guardedNodeArgs(), 'build.mjs'], {
      cwd: root,
      env: { ...process.env, CLB_GUARD_BUILD_DIR: out },
      encoding: 'utf8',
    });
    expectNoEscape(build.stderr, build.status);
    expect(build.status, build.stderr).toBe(0);
    loaded = reachable([entry], false);
    onDemand = new Set([...loaded].flatMap((file) => importsOf(file).onDemand));
    atStart = sources(loaded);
  }, 120_000);

  it('has the checker, the plan reader and the HCL grammar at start', () => {
    expect(atStart).toContain('// src/policy/evaluatePolicies.ts');
    expect(atStart).toContain('// src/sources/plan/');
    expect(atStart).toContain('// node_modules/web-tree-sitter/');
  });

  it('leaves the SDK, the live reader and the merger with its schema compiler to the commands that import them', () => {
    for (const absent of [
      '// node_modules/tencentcloud-sdk-nodejs/',
      '// src/sources/live/tencentApi.ts',
      '// src/report/mergeReports.ts',
      '// node_modules/ajv/dist/core.js',
    ])
      expect(atStart, absent).not.toContain(absent);
    const later = sources(reachable([...onDemand], true));
    expect(later).toContain('// node_modules/tencentcloud-sdk-nodejs/');
    expect(later).toContain('// src/report/mergeReports.ts');
    expect(later).toContain('// node_modules/ajv/dist/core.js');
  });

  it('every file imported on demand is there', () => {
    expect(onDemand.size).toBeGreaterThan(0);
    for (const file of onDemand) expect(existsSync(file), file).toBe(true);
  });
});
