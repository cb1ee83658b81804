import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ActionIo } from '../../src/action/actionIo.js';
import type { Annotation } from '../../src/report/annotations.js';
import { githubClient } from '../../src/report/github/githubClient.js';
import type { WorkflowEvent } from '../../src/report/github/workflowContext.js';

/** What an in-process Action run wrote, where the runner would have shown it. */
export interface Recorded {
  readonly notices: string[];
  readonly errors: string[];
  readonly annotations: Annotation[];
  readonly summary: string[];
  readonly outputs: Record<string, string>;
  readonly secrets: string[];
}

/** An `ActionIo` for `runAction` in the test process: inputs from a map, everything recorded. */
export function fakeActionIo(options: { inputs: Record<string, string>; env: Record<string, string>; event: Partial<WorkflowEvent> }): {
  io: ActionIo;
  recorded: Recorded;
} {
  const recorded: Recorded = { notices: [], errors: [], annotations: [], summary: [], outputs: {}, secrets: [] };
  const event: WorkflowEvent = {
    eventName: 'pull_request',
    payload: {},
    sha: 'cafe',
    serverUrl: 'https://github.example',
    runId: 7,
    ...options.event,
  };
  const io: ActionIo = {
    env: options.env,
    input: (name) => options.inputs[name] ?? '',
    event,
    logger: { debug() {}, info() {}, warning() {}, error: (m) => void recorded.errors.push(m), group: (_n, fn) => fn(), progress() {} },
    runner: {
      notice: (m) => void recorded.notices.push(m),
      annotate: (a) => void recorded.annotations.push(a),
      appendSummary: async (m) => {
        recorded.summary.push(m);
        return true;
      },
      writeFile: async (path, text) => {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, typeof text === 'string' ? text : Buffer.concat([...text]));
      },
      fileExists: (path) => existsSync(path),
      readFile: async (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    },
    githubClient: (token) =>
      githubClient(token, { ...(options.env.GITHUB_API_URL ? { baseUrl: options.env.GITHUB_API_URL } : {}), msPerSecond: 1 }),
    setOutput: (name, value) => {
      recorded.outputs[name] = value;
    },
    setSecret: (secret) => void recorded.secrets.push(secret),
    idToken: async () => 'no-id-token',
  };
  return { io, recorded };
}
