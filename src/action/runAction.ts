import { checkPlan } from '../check/index.js';
import { checkLive } from '../check/liveCheck.js';
import { errorMessage, InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import type { SensitiveText } from '../model/sensitiveText.js';
import { annotationPublisher } from '../report/github/checkRun.js';
import { driftIssuePublisher } from '../report/github/driftIssue.js';
import { jobSummaryPublisher } from '../report/github/jobSummary.js';
import type { Publisher } from '../report/github/publisher.js';
import { sarifFilePublisher } from '../report/github/sarifFile.js';
import { stickyCommentPublisher } from '../report/github/stickyComment.js';
import { outsideDiffSection, type SuggestionOutcome, suggestedChangesPublisher } from '../report/github/suggestedChanges.js';
import { planIncompleteSentence } from '../report/incompleteNote.js';
import { type ActionInputs, readActionInputs } from './actionInputs.js';
import type { ActionIo } from './actionIo.js';
import { runMergeAction } from './mergeAction.js';
import { publishReport } from './reportOutputs.js';
import { stepExitCode } from './stepExit.js';

/**
 * The Action: inputs → check → publishers → outputs; returns the exit status (the CLI's codes:
 * 0 clean, 1 findings at fail-on, 2 input error or an incomplete scan).
 */
export async function runAction(io: ActionIo): Promise<number> {
  try {
    const inputs = readActionInputs(
      (name) => io.input(name),
      (secret) => io.setSecret(secret),
    );
    const cwd = io.env.GITHUB_WORKSPACE ?? process.cwd();
    if (inputs.mode === 'merge') return await runMergeAction(inputs, cwd, io);
    let sensitive: SensitiveText | undefined;
    const report = await check(inputs, cwd, io, (found) => {
      sensitive = found;
      // The runner masks each one in every later log line, whatever prints it.
      for (const text of found.texts) io.setSecret(text);
    });
    await publish(report, inputs, cwd, io, sensitive);
    return stepExitCode(report, inputs, io.logger, incompleteLine(report));
  } catch (error) {
    // A user's mistake gets one clear line; a bug says so and asks to be reported.
    if (error instanceof InputError) io.logger.error(errorMessage(error));
    else {
      io.logger.error(`clb-guard internal error: ${errorMessage(error)}. Please report it with the debug log (re-run with debug logging).`);
      if (error instanceof Error && error.stack) io.logger.debug(error.stack);
    }
    return 2;
  }
}

/** Why a plan or live report is incomplete, and what to do about it. */
function incompleteLine(report: Report): string {
  if (report.mode === 'live')
    return 'The scan is incomplete: some API calls kept failing, so findings for those resources are unknown. Re-run, or set allow-partial to judge by the findings alone.';
  if (report.resolution?.complete === false)
    return "Resolving the plan's external references is incomplete (calls kept failing, or the account's answers left something out: see the warnings), so the checks that need them are unknown. Re-run, or set allow-partial to judge by the findings alone.";
  const sentence = planIncompleteSentence(report);
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. Set allow-partial to judge by the findings alone.`;
}

async function check(inputs: ActionInputs, cwd: string, io: ActionIo, onSensitive: (sensitive: SensitiveText) => void): Promise<Report> {
  const common = {
    cwd,
    logger: io.logger,
    ...(inputs.config ? { configFile: inputs.config } : {}),
    policyPaths: inputs.policies,
  };
  const oidc =
    inputs.roleArn && inputs.oidcProviderId
      ? { oidc: { roleArn: inputs.roleArn, providerId: inputs.oidcProviderId, idToken: () => io.idToken(inputs.oidcAudience) } }
      : {};
  if (inputs.mode === 'plan') {
    // resolve-live: the same credentials as live mode; regions default to the plan's provider's.
    const resolveLive = inputs.resolveLive
      ? {
          resolveLive: {
            regions: inputs.regions,
            env: io.env,
            ...(inputs.apiEndpoint ? { apiEndpoint: inputs.apiEndpoint } : {}),
            ...oidc,
            onSecret: (secret: string) => io.setSecret(secret),
          },
        }
      : {};
    return checkPlan({
      ...common,
      planFile: inputs.planFile!,
      ...(inputs.tfRoot ? { tfRoot: inputs.tfRoot } : {}),
      ...resolveLive,
      ...(io.releaseGarbage ? { releaseGarbage: io.releaseGarbage } : {}),
      onSensitive,
    });
  }
  return checkLive({
    ...common,
    regions: inputs.regions,
    env: io.env,
    ...(inputs.apiEndpoint ? { apiEndpoint: inputs.apiEndpoint } : {}),
    ...(inputs.account ? { account: inputs.account } : {}),
    ...(inputs.saveSnapshot ? { saveSnapshot: inputs.saveSnapshot } : {}),
    ...(inputs.profile ? { profile: inputs.profile } : {}),
    ...oidc,
    // Keys passed in from `secrets.*` are masked by the runner already; the temporary credentials
    // and the ID token clb-guard obtains itself are masked as soon as they exist.
    onSecret: (secret) => io.setSecret(secret),
  });
}

async function publish(
  report: Report,
  inputs: ActionInputs,
  cwd: string,
  io: ActionIo,
  sensitive: SensitiveText | undefined,
): Promise<void> {
  const outcome: SuggestionOutcome = { posted: new Set() };
  const publishers: Publisher[] = [
    annotationPublisher(inputs.annotations),
    ...(inputs.sarifFile ? [sarifFilePublisher(inputs.sarifFile, (path) => io.setOutput('sarif-file', path))] : []),
    jobSummaryPublisher(),
    // Before the sticky comment: it shows the edits that did not become suggestions.
    suggestedChangesPublisher(inputs.suggestions, outcome),
    stickyCommentPublisher(inputs.comment, (r) => outsideDiffSection(r, outcome)),
    driftIssuePublisher(inputs.driftIssue),
  ];
  await publishReport(report, inputs, cwd, io, publishers, { links: true, ...(sensitive !== undefined ? { sensitive } : {}) });
}
