#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  runCli
} from "./chunks/chunk-KUZJZJQT.js";
import "./chunks/chunk-BQBDAG2U.js";
import "./chunks/chunk-JLAV5FKU.js";

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
var code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr
});
process.exitCode = outputFailed ? 2 : code;
