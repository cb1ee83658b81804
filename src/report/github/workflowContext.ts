/** The event a workflow runs for: the fields clb-guard reads of `@actions/github`'s `context`. */
export interface WorkflowEvent {
  readonly eventName: string;
  readonly payload: { readonly pull_request?: { readonly number?: number; readonly head?: { readonly sha?: string } } };
  readonly sha: string;
  readonly serverUrl: string;
  readonly runId: number;
}

/** What the workflow run is about, from the runner's environment and event payload. */
export interface WorkflowContext {
  readonly eventName: string;
  readonly owner?: string;
  readonly repo?: string;
  readonly pullRequest?: { readonly number: number; readonly headSha: string };
  readonly runUrl?: string;
}

export function workflowContext(event: WorkflowEvent, env: Readonly<Record<string, string | undefined>>): WorkflowContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const pr = event.payload.pull_request;
  return {
    eventName: event.eventName,
    ...(owner && repo ? { owner, repo } : {}),
    ...(typeof pr?.number === 'number' ? { pullRequest: { number: pr.number, headSha: pr.head?.sha ?? event.sha } } : {}),
    ...(owner && repo && event.runId ? { runUrl: `${event.serverUrl}/${owner}/${repo}/actions/runs/${event.runId}` } : {}),
  };
}
