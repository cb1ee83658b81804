import { actionsIo } from './action/actionsIo.js';
import { runAction } from './action/runAction.js';
import { tuneHeapForOneCheck } from './runtime/oneCheckHeap.js';

// Deprecations inside bundled dependencies (the SDK's HTTP client calls `url.parse` on every
// request) are not the workflow author's to act on; the tests see them.
process.noDeprecation = true;

// One process, one check: the heap is sized for that (see oneCheckHeap.ts).
const releaseGarbage = tuneHeapForOneCheck();

// The Action entry: only wiring.
process.exitCode = await runAction({ ...actionsIo(), releaseGarbage });
