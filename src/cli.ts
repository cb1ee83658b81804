import { runCli } from './cli/runCli.js';
import { tuneHeapForOneCheck } from './runtime/oneCheckHeap.js';

// Deprecations inside bundled dependencies (the SDK's HTTP client calls `url.parse` on every
// request) are not the user's to act on, and would print on every live run; the tests see them.
process.noDeprecation = true;

// A reader that goes away (`clb-guard plan … | head`) closes the pipe: the rest of the report has
// nowhere to go, which is no error of the check. Without a listener Node throws it with a stack.
// Any other failure of the output streams is one line and exit 2, never a stack.
let outputFailed = false;
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    outputFailed = true;
    process.exitCode = 2;
    if (stream !== process.stderr) process.stderr.write(`clb-guard: cannot write the output (${error.code ?? 'error'})\n`);
  });

// One process, one check: the heap is sized for that (see oneCheckHeap.ts).
const releaseGarbage = tuneHeapForOneCheck();

// The CLI entry: only wiring.
const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  releaseGarbage,
});
process.exitCode = outputFailed ? 2 : code;
