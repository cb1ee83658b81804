// Bundles the Action (dist/index.js) and the CLI (dist/cli.js). The output must be
// deterministic: CI rebuilds and fails when dist/ differs from what is committed.
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
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __clbGuardCreateRequire } from 'node:module';\nconst require = __clbGuardCreateRequire(import.meta.url);" },
};

// The benchmark builds into a folder of its own, so that it never touches the committed dist/.
const out = process.env.CLB_GUARD_BUILD_DIR ?? 'dist';

await build({ ...common, entryPoints: ['src/main.ts'], outfile: `${out}/index.js` });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: `${out}/cli.js`,
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
