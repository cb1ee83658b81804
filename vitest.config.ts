import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** `import bytes from 'x.wasm'` gives the file's bytes, as esbuild's `binary` loader does in the bundle (build.mjs). */
const wasmBytes: Plugin = {
  name: 'wasm-bytes',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.wasm')) return undefined;
    const bytes = readFileSync(id).toString('base64');
    return `export default new Uint8Array(Buffer.from(${JSON.stringify(bytes)}, 'base64'));`;
  },
};

export default defineConfig({
  plugins: [wasmBytes],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests call the synchronous readers directly: the grammar is loaded once per test process.
    setupFiles: ['test/support/loadHclParser.ts'],
    // Not handed to Node as modules: the plugin above turns them into their bytes.
    server: { deps: { inline: [/\.wasm$/] } },
  },
});
