import type { SensitiveText } from '../../model/sensitiveText.js';
import type { GitHubClient } from './githubClient.js';
import type { WorkflowRunner } from './workflowRunner.js';

/**
 * The runner with the plan's sensitive values scrubbed from every annotation, notice, summary and
 * text file written through it. Batched files (the JSON report) are written from the scrubbed
 * report; files read come back as they are (`plannedEdits` keeps an edit that would show one
 * out of what is published).
 */
export function redactingRunner(runner: WorkflowRunner, sensitive: SensitiveText): WorkflowRunner {
  return {
    notice: (message) => runner.notice(sensitive.redact(message)),
    annotate: (annotation) => runner.annotate(sensitive.redactDeep(annotation)),
    appendSummary: (markdown) => runner.appendSummary(sensitive.redact(markdown)),
    writeFile: (path, text) => runner.writeFile(path, typeof text === 'string' ? sensitive.redact(text) : text),
    fileExists: (path) => runner.fileExists(path),
    readFile: (path) => runner.readFile(path),
  };
}

/** What a request carries that is not its parameters: left as it is. */
const REQUEST_PLUMBING = new Set(['method', 'url', 'baseUrl', 'headers', 'request', 'mediaType']);

/**
 * Scrubs the plan's sensitive values from the parameters of every request the client sends
 * (comment, review comment, check run, issue bodies and titles): the last line of defence for
 * what goes to GitHub.
 */
export function redactRequests(github: GitHubClient, sensitive: SensitiveText): void {
  github.hook.before('request', (options) => {
    const params = options as unknown as Record<string, unknown>;
    for (const key of Object.keys(params)) if (!REQUEST_PLUMBING.has(key)) params[key] = sensitive.redactDeep(params[key]);
  });
}
