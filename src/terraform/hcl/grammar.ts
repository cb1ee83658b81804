import terraformWasm from '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm';
import { Language, Parser } from 'web-tree-sitter';
import runtimeWasm from 'web-tree-sitter/web-tree-sitter.wasm';

/**
 * The tree-sitter HCL grammar (its Terraform dialect), loaded once. Both WebAssembly modules —
 * web-tree-sitter's runtime and the grammar — are bytes inside the bundle, so nothing is read
 * from disk or fetched at run time. Loading is asynchronous (WebAssembly compilation); parsing
 * afterwards is synchronous, so the scanner keeps its synchronous interface once this is awaited.
 */
let loading: Promise<Parser> | undefined;
let loaded: Parser | undefined;

export function loadHclParser(): Promise<Parser> {
  loading ??= (async () => {
    await Parser.init({ wasmBinary: runtimeWasm });
    const parser = new Parser();
    parser.setLanguage(await Language.load(terraformWasm));
    loaded = parser;
    return parser;
  })();
  return loading;
}

/** The loaded parser; a programming error (not an input error) when `loadHclParser()` was not awaited. */
export function hclParser(): Parser {
  if (loaded === undefined) throw new Error('the HCL parser is not loaded: await loadHclParser() before scanning .tf files');
  return loaded;
}
