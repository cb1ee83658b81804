import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { checkPlan, exitCodeFor } from '../check/index.js';
import { checkLive } from '../check/liveCheck.js';
import { errorMessage, InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import { annotationOf, annotationsFor } from '../report/annotations.js';
import { publishCheckRun } from '../report/github/checkRun.js';
import { syncDriftIssue } from '../report/github/driftIssue.js';
import { githubClient, isPermissionError, type GitHubClient } from '../report/github/githubClient.js';
import { COMMENT_LIMIT, upsertStickyComment } from '../report/github/stickyComment.js';
import { workflowContext, type WorkflowContext } from './workflowContext.js';
import { renderJson } from '../report/jsonReport.js';
import { renderMarkdown } from '../report/markdown.js';
import { markdownLinks } from '../report/github/links.js';
import { describeOmissions, renderSarif } from '../report/sarifReport.js';
import { actionsLogger } from './actionsLogger.js';
import { readActionInputs, type ActionInputs } from './actionInputs.js';

/** A step summary must stay under 1 MiB; leave room for what other steps write. */
const SUMMARY_LIMIT = 900_000;

/** The Action: inputs → check → annotations, summary, report files, outputs, exit status. */
export async function runAction(): Promise<void> {
  try {
    const inputs = readActionInputs();
    const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const report = await check(inputs, cwd);
    await publish(report, inputs, cwd);
    if (!report.complete && !inputs.allowPartial) {
      core.setFailed('The scan is incomplete: some API calls kept failing, so findings for those resources are unknown. Re-run, or set allow-partial to judge by the findings alone.');
      // The same codes as the CLI: 2 is "the data or the input is not good enough to judge".
      process.exitCode = 2;
      return;
    }
    if (exitCodeFor(report, inputs.failOn, { failOnPreexisting: inputs.failOnPreexisting }) === 1) {
      core.setFailed(`clb-guard found ${report.summary.error} errors, ${report.summary.warning} warnings and ${report.summary.notice} notices (fail-on: ${inputs.failOn}).`);
    }
  } catch (error) {
    // A user's mistake gets one clear line; a bug says so and asks to be reported.
    if (error instanceof InputError) core.setFailed(errorMessage(error));
    else core.setFailed(`clb-guard internal error: ${errorMessage(error)}. Please report it with the debug log (re-run with debug logging).`);
    process.exitCode = 2;
    if (!(error instanceof InputError) && error instanceof Error && error.stack) core.debug(error.stack);
  }
}

async function check(inputs: ActionInputs, cwd: string): Promise<Report> {
  const common = {
    cwd,
    logger: actionsLogger,
    ...(inputs.config ? { configFile: inputs.config } : {}),
    policyPaths: inputs.policies,
  };
  if ((inputs.roleArn === undefined) !== (inputs.oidcProviderId === undefined)) throw new InputError('OIDC needs both role-arn and oidc-provider-id');
  const oidc = inputs.roleArn && inputs.oidcProviderId ? { oidc: { roleArn: inputs.roleArn, providerId: inputs.oidcProviderId, idToken: () => core.getIDToken() } } : {};
  if (inputs.mode === 'plan') {
    // resolve-live: the same credentials as live mode; regions default to the plan's provider's.
    const resolveLive = inputs.resolveLive ? { resolveLive: { regions: inputs.regions, ...(inputs.apiEndpoint ? { apiEndpoint: inputs.apiEndpoint } : {}), ...oidc, onSecret: (secret: string) => core.setSecret(secret) } } : {};
    return checkPlan({ ...common, planFile: inputs.planFile!, ...(inputs.tfRoot ? { tfRoot: inputs.tfRoot } : {}), ...resolveLive });
  }
  return checkLive({
    ...common,
    regions: inputs.regions,
    ...(inputs.apiEndpoint ? { apiEndpoint: inputs.apiEndpoint } : {}),
    ...oidc,
    // Keys passed in from `secrets.*` are masked by the runner already; the temporary credentials
    // and the ID token clb-guard obtains itself are masked as soon as they exist.
    onSecret: (secret) => core.setSecret(secret),
  });
}

async function publish(report: Report, inputs: ActionInputs, cwd: string): Promise<void> {
  const context = workflowContext();
  const github = inputs.githubToken ? githubClient(inputs.githubToken) : undefined;
  if (inputs.annotations) await annotate(report, inputs, context, github);
  const reportFile = resolve(process.env.RUNNER_TEMP ?? tmpdir(), 'clb-guard-report.json');
  await writeFile(reportFile, renderJson(report));
  core.setOutput('report-file', reportFile);
  let sarifNote = '';
  if (inputs.sarifFile) {
    const path = resolve(cwd, inputs.sarifFile);
    await mkdir(dirname(path), { recursive: true });
    const { sarif, omitted, omissions } = renderSarif(report, { repoRoot: cwd, fileExists: (p) => existsSync(resolve(cwd, p)) });
    await writeFile(path, `${JSON.stringify(sarif, null, 2)}\n`);
    core.setOutput('sarif-file', path);
    // Findings without a line in the repository: code scanning cannot show them, this summary does.
    if (omitted > 0) {
      const text = describeOmissions(omissions, report.findings.length);
      sarifNote = `\n\n> ${text}\n`;
    }
  }
  if (process.env.GITHUB_STEP_SUMMARY) {
    const links = markdownLinks(process.env, context.pullRequest?.headSha);
    await core.summary.addRaw(renderMarkdown(report, { maxChars: SUMMARY_LIMIT, overflowHint: 'the JSON report (output report-file)', ...(links ? { links } : {}) }) + sarifNote).write();
  }
  await comment(report, inputs, context, github);
  await driftIssue(report, inputs, context, github);
  const failures = report.findings.filter((f) => f.status === 'fail');
  core.setOutput('findings', String(report.findings.length));
  core.setOutput('errors', String(failures.filter((f) => f.severity === 'error').length));
  core.setOutput('warnings', String(failures.filter((f) => f.severity === 'warning').length));
  core.setOutput('passed', String(exitCodeFor(report, inputs.failOn) === 0 && report.complete));
}

/**
 * With `checks: write`, every annotation goes on a check run for the PR head; otherwise workflow
 * commands, of which GitHub shows ten per level: the most severe first and a count of the rest.
 */
async function annotate(report: Report, inputs: ActionInputs, context: WorkflowContext, github: GitHubClient | undefined): Promise<void> {
  const all = report.findings.map(annotationOf);
  if (github && context.owner && context.repo && context.pullRequest?.headSha) {
    try {
      const failed = exitCodeFor(report, inputs.failOn) === 1;
      const run = await publishCheckRun(github, { owner: context.owner, repo: context.repo, headSha: context.pullRequest.headSha }, {
        title: `clb-guard: ${report.summary.error} errors, ${report.summary.warning} warnings`,
        summary: renderMarkdown(report, { maxChars: 60_000, overflowHint: 'the job summary' }),
        conclusion: failed ? 'failure' : 'success',
        annotations: all,
      });
      core.info(`Annotations are on check run ${run.id} (${all.length} in ${run.batches} batches).`);
      return;
    } catch (error) {
      if (!isPermissionError(error)) throw error;
      core.debug('No checks: write permission; annotating with workflow commands instead.');
    }
  }
  for (const a of annotationsFor(report)) {
    const properties = { title: a.title, ...(a.file ? { file: a.file, startLine: a.startLine, ...(a.endLine ? { endLine: a.endLine } : {}) } : {}) };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
}

async function comment(report: Report, inputs: ActionInputs, context: WorkflowContext, github: GitHubClient | undefined): Promise<void> {
  const wanted = inputs.comment === 'always' || (inputs.comment === 'auto' && context.pullRequest !== undefined);
  if (!wanted) return;
  if (!github || !context.owner || !context.repo || !context.pullRequest) {
    core.notice('clb-guard: no pull request or token here, so no PR comment.');
    return;
  }
  try {
    const links = markdownLinks(process.env, context.pullRequest.headSha);
    const body = renderMarkdown(report, { maxChars: COMMENT_LIMIT - 200, overflowHint: 'the job summary', heading: 'clb-guard', ...(links ? { links } : {}) });
    const done = await upsertStickyComment(github, { owner: context.owner, repo: context.repo, issueNumber: context.pullRequest.number }, body);
    core.info(`PR comment ${done}.`);
  } catch (error) {
    // Fork PRs get a read-only token: skip the comment, never fail the run over reporting.
    if (!isPermissionError(error)) throw error;
    core.notice('clb-guard: the token may not comment on this pull request (read-only token, e.g. from a fork); the findings are in the job summary. Grant pull-requests: write to get the PR comment.');
  }
}

async function driftIssue(report: Report, inputs: ActionInputs, context: WorkflowContext, github: GitHubClient | undefined): Promise<void> {
  const scheduled = context.eventName === 'schedule' || context.eventName === 'workflow_dispatch';
  const wanted = inputs.driftIssue === 'always' || (inputs.driftIssue === 'auto' && inputs.mode === 'live' && scheduled);
  if (!wanted) return;
  if (!github || !context.owner || !context.repo) {
    core.notice('clb-guard: no token or repository here, so no drift issue.');
    return;
  }
  try {
    const failures = report.findings.filter((f) => f.status === 'fail').length;
    const done = await syncDriftIssue(github, { owner: context.owner, repo: context.repo }, {
      findings: report.complete ? failures : Math.max(failures, 1),
      title: `clb-guard: ${report.summary.error} errors, ${report.summary.warning} warnings in the live account`,
      body: renderMarkdown(report, { maxChars: 60_000, overflowHint: context.runUrl ?? 'the workflow run' }) + (context.runUrl ? `\n\nLatest run: ${context.runUrl}` : ''),
      ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    });
    core.info(`Drift issue ${done}.`);
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    core.notice('clb-guard: the token may not manage issues; grant issues: write to get the drift issue.');
  }
}
