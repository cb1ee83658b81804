// `npm run generate`: writes the files derived from the sources (scripts/generatedFiles.ts), which
// are committed; test/policy/generatedFiles.test.ts fails when one is stale.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// Inside node_modules, so that the bundle's imports of packages resolve.
const dir = join('node_modules', '.cache', 'clb-guard-generate');
mkdirSync(dir, { recursive: true });
const outfile = join(dir, 'generate.mjs');
await build({
  entryPoints: ['scripts/generatedFiles.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
  loader: { '.wasm': 'binary' },
});
const { generatedFiles } = await import(pathToFileURL(outfile).href);
for (const { path, text } of generatedFiles(process.cwd())) writeFileSync(path, text);
