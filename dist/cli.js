#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  runCli
} from "./chunks/chunk-MD3FS7SO.js";
import "./chunks/chunk-NO67LPBY.js";
import "./chunks/chunk-PNCMHPV7.js";

// src/runtime/oneCheckHeap.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
function tuneHeapForOneCheck() {
  setFlagsFromString("--semi-space-growth-factor=1");
  let collect;
  return () => {
    if (collect === void 0) {
      setFlagsFromString("--expose-gc");
      const gc = runInNewContext('typeof gc === "function" ? gc : undefined');
      collect = typeof gc === "function" ? gc : () => {
      };
    }
    collect();
  };
}

// src/cli.ts
process.noDeprecation = true;
var outputFailed = false;
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code === "EPIPE") return;
    outputFailed = true;
    process.exitCode = 2;
    if (stream !== process.stderr) process.stderr.write(`clb-guard: cannot write the output (${error.code ?? "error"})
`);
  });
var releaseGarbage = tuneHeapForOneCheck();
var code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  releaseGarbage
});
process.exitCode = outputFailed ? 2 : code;
