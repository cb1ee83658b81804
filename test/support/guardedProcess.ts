import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { NETWORK_GUARD_EXIT, NETWORK_GUARD_MARK } from './networkGuard.mjs';

export const GUARD_EXIT = NETWORK_GUARD_EXIT;
export const GUARD_MARK = NETWORK_GUARD_MARK;

const repoRoot = join(import.meta.dirname, '..', '..');

/** Arguments that go before the script: `spawn(process.execPath, [...guardedNodeArgs(), script, …])`. */
export function guardedNodeArgs(): string[] {
  return ['--import', pathToFileURL(join(import.meta.dirname, 'networkGuardPreload.mjs')).href];
}

/** Throws when a guarded child's output says it tried to leave loopback. */
export function expectNoEscape(output: string, code: number | null): void {
  if (code === GUARD_EXIT || output.includes(GUARD_MARK)) throw new Error(`the process tried to leave loopback:\n${output}`);
}

/**
 * The CLI or the Action bundled from the current sources (as build.mjs does, into a temporary
 * directory), so process-level tests do not depend on dist/ being rebuilt.
 */
export async function bundleEntry(entry: 'cli' | 'main'): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'clb-guard-bundle-')), `${entry}.mjs`);
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    logLevel: 'error',
    loader: { '.wasm': 'binary' },
    entryPoints: [join(repoRoot, 'src', `${entry}.ts`)],
    outfile,
    banner: {
      js: "import { createRequire as __clbGuardCreateRequire } from 'node:module';\nconst require = __clbGuardCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}
