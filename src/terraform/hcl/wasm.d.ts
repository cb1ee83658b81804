// The bundler (esbuild's `binary` loader; vitest.config.ts does the same for the tests) turns an
// imported `.wasm` file into its bytes, so the Action's single dist file carries them.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
