import { loadHclParser } from '../../src/terraform/hcl/index.js';

// The tree-sitter grammar loads asynchronously, once; the readers that tests call are synchronous.
await loadHclParser();
