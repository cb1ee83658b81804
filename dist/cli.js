#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  runCli
} from "./chunks/chunk-MLDB4J7W.js";
import "./chunks/chunk-WY3A2VFQ.js";
import "./chunks/chunk-IMXSU5WG.js";

// src/cli.ts
process.noDeprecation = true;
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr
});
