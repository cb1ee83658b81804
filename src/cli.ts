import { runCli } from './cli/runCli.js';

// A reader that goes away (`clb-guard plan … | head`) closes the pipe: the rest of the report has
// nowhere to go, which is no error of the check. Without a listener Node throws it with a stack.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });

// The CLI entry: only wiring.
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
