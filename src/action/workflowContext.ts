import { readFileSync } from 'node:fs';

/** What the workflow run is about, from the runner's environment and event payload. */
export interface WorkflowContext {
  readonly eventName: string;
  readonly owner?: string;
  readonly repo?: string;
  readonly pullRequest?: { readonly number: number; readonly headSha: string };
  readonly runUrl?: string;
}

export function workflowContext(env: NodeJS.ProcessEnv = process.env): WorkflowContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: { pull_request?: { number?: number; head?: { sha?: string } } } = {};
  try {
    if (env.GITHUB_EVENT_PATH) payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof payload;
  } catch {
    payload = {};
  }
  const pr = payload.pull_request;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ...(owner && repo ? { owner, repo } : {}),
    ...(typeof pr?.number === 'number' ? { pullRequest: { number: pr.number, headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '' } } : {}),
    ...(env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? { runUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` } : {}),
  };
}
