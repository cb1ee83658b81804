import { exitCodeFor } from '../check/index.js';
import type { Logger } from '../logging/logger.js';
import type { Report } from '../model/finding.js';
import type { ActionInputs } from './actionInputs.js';

type Verdict = Pick<ActionInputs, 'failOn' | 'failOnPreexisting'>;

/** 1 when a failure is at or above fail-on (pre-existing ones only with fail-on-preexisting), else 0. */
export function findingsExitCode(report: Report, inputs: Verdict): 0 | 1 {
  return exitCodeFor(report, inputs.failOn, { failOnPreexisting: inputs.failOnPreexisting });
}

/**
 * The step's exit status, for every mode, said on one error line when it is not 0: 2 when the
 * report is incomplete (`incomplete` says why and what to do) unless allow-partial, 1 on findings
 * at fail-on, else 0.
 */
export function stepExitCode(
  report: Report,
  inputs: Verdict & Pick<ActionInputs, 'allowPartial'>,
  logger: Logger,
  incomplete: string,
): 0 | 1 | 2 {
  if (!report.complete && !inputs.allowPartial) {
    logger.error(incomplete);
    return 2;
  }
  if (findingsExitCode(report, inputs) === 1) {
    logger.error(
      `clb-guard found ${report.summary.error} errors, ${report.summary.warning} warnings and ${report.summary.notice} notices (fail-on: ${inputs.failOn}).`,
    );
    return 1;
  }
  return 0;
}
