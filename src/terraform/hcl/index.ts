/**
 * Terraform's native syntax read with the tree-sitter HCL grammar: the same exports, types and
 * results as the hand-written scanner it replaces, plus `loadHclParser()`, which must be awaited
 * once before the first scan (WebAssembly loads asynchronously; parsing is synchronous).
 */
export { loadHclParser } from './grammar.js';
export {
  type HclAttribute,
  type HclBlock,
  type HclListElement,
  type HclToken,
  listElements,
  referencesIn,
  type TemplatePart,
} from './hclTokens.js';
export { scanHcl, tokenize } from './syntaxTree.js';
