// `npm run generate`: writes the files derived from the sources (scripts/generatedFiles.ts), which
// are committed; test/policy/generatedFiles.test.ts fails when one is stale.
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const outfile = join(mkdtempSync(join(tmpdir(), 'clb-guard-generate-')), 'generate.mjs');
await build({
  entryPoints: ['scripts/generatedFiles.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const { generatedFiles } = await import(pathToFileURL(outfile).href);
for (const { path, text } of generatedFiles(process.cwd())) writeFileSync(path, text);
