import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import type { Annotation } from '../report/annotations.js';
import { githubClient } from '../report/github/githubClient.js';
import type { ActionIo } from './actionIo.js';
import { actionsLogger } from './actionsLogger.js';

function annotate(a: Annotation): void {
  const properties = {
    title: a.title,
    ...(a.file ? { file: a.file, startLine: a.startLine, ...(a.endLine ? { endLine: a.endLine } : {}) } : {}),
  };
  if (a.level === 'error') core.error(a.message, properties);
  else if (a.level === 'warning') core.warning(a.message, properties);
  else core.notice(a.message, properties);
}

/** The runner's side of `ActionIo`: `@actions/core`, `@actions/github` and the process environment. */
export function actionsIo(env: NodeJS.ProcessEnv = process.env): ActionIo {
  return {
    env,
    input: (name) => core.getInput(name),
    // The toolkit's context: the event name and payload (GITHUB_EVENT_PATH), sha, run ID.
    event: context,
    logger: actionsLogger,
    runner: {
      notice: (message) => core.notice(message),
      annotate,
      async appendSummary(markdown) {
        if (!env.GITHUB_STEP_SUMMARY) return false;
        await core.summary.addRaw(markdown).write();
        return true;
      },
      async writeFile(path, text) {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
      },
      fileExists: (path) => existsSync(path),
      readFile: (path) => readFile(path, 'utf8').catch(() => undefined),
    },
    githubClient: (token) => githubClient(token, { ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}), logger: actionsLogger }),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (secret) => core.setSecret(secret),
    idToken: (audience) => core.getIDToken(audience),
  };
}
