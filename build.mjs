// Bundles the Action (dist/index.js) and the CLI (dist/cli.js). The output must be
// deterministic: CI rebuilds and fails when dist/ differs from what is committed.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Prefer packages' ESM builds: jsonc-parser's UMD build requires modules dynamically, which an ESM bundle cannot.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
  // WebAssembly (tree-sitter's runtime and its HCL grammar) is embedded as bytes: the Action runs one file.
  loader: { '.wasm': 'binary' },
  // The SDK's HTTP client (node-fetch → whatwg-url → tr46) requires Node's deprecated `punycode`
  // module, which prints a deprecation warning on every live run; the userland package is the same code.
  alias: { punycode: 'punycode/' },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __clbGuardCreateRequire } from 'node:module';\nconst require = __clbGuardCreateRequire(import.meta.url);",
  },
};

// The benchmark builds into a folder of its own, so that it never touches the committed dist/.
const out = process.env.CLB_GUARD_BUILD_DIR ?? 'dist';

await build({ ...common, entryPoints: ['src/main.ts'], outfile: `${out}/index.js` });
// The CLI is split: what only some commands use (the live reader and the SDK, merging and its
// schema validator) is in files of dist/chunks/ that those commands import when they run, so that
// a plan check neither parses nor starts them. esbuild's chunk names are hashes of their content:
// the same sources give the same files.
rmSync(`${out}/chunks`, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outdir: out,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});

// The bundle embeds tree-sitter and its HCL grammar; their licences ship beside it.
mkdirSync(`${out}/licenses`, { recursive: true });
copyFileSync('node_modules/web-tree-sitter/LICENSE', `${out}/licenses/web-tree-sitter.LICENSE`);
copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/LICENSE', `${out}/licenses/tree-sitter-hcl.LICENSE`);
copyFileSync('node_modules/punycode/LICENSE-MIT.txt', `${out}/licenses/punycode.LICENSE`);
