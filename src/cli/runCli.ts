import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkPlan, exitCodeFor } from '../check/index.js';
import { checkLive } from '../check/liveCheck.js';
import { TOOL_VERSION } from '../check/toolVersion.js';
import { errorMessage, InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import { validatePolicyFiles } from '../policy/configLoader.js';
import { formatProblem } from '../policy/schemaValidation.js';
import { renderReport } from '../report/renderReport.js';
import { parseCommand, USAGE, type CommonArguments } from './cliArguments.js';
import { consoleLogger } from './consoleLogger.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
}

/** The whole CLI as a function: arguments in, exit code out (0 clean, 1 findings, 2 input error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.kind) {
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout.write(`clb-guard ${TOOL_VERSION}\n`);
        return 0;
      case 'validate': {
        const { problems, policies } = await validatePolicyFiles(command.files, io.cwd);
        if (problems.length > 0) {
          for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
          return 2;
        }
        io.stdout.write(`${policies} ${policies === 1 ? 'policy' : 'policies'} in ${command.files.join(', ') || 'no files'}, and the built-in pack, are valid.\n`);
        return 0;
      }
      case 'plan': {
        const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr as NodeJS.WriteStream });
        const report = await checkPlan({
          cwd: io.cwd,
          logger,
          planFile: command.planFile,
          ...(command.tfRoot !== undefined ? { tfRoot: command.tfRoot } : {}),
          ...(command.common.config !== undefined ? { configFile: command.common.config } : {}),
          policyPaths: command.common.policies,
          ...(command.common.today !== undefined ? { today: command.common.today } : {}),
        });
        await emit(report, command.common, io);
        return exitCodeFor(report, command.common.failOn);
      }
      case 'live': {
        const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr as NodeJS.WriteStream });
        const apiEndpoint = command.apiEndpoint ?? io.env.CLB_GUARD_API_ENDPOINT;
        const report = await checkLive({
          cwd: io.cwd,
          logger,
          regions: command.regions,
          env: io.env,
          ...(apiEndpoint ? { apiEndpoint } : {}),
          ...(command.common.config !== undefined ? { configFile: command.common.config } : {}),
          policyPaths: command.common.policies,
          ...(command.common.today !== undefined ? { today: command.common.today } : {}),
        });
        await emit(report, command.common, io);
        if (!report.complete && !command.allowPartial) {
          io.stderr.write('clb-guard: the scan is incomplete (some API calls kept failing); findings for those resources are unknown. Re-run, or pass --allow-partial to exit by the findings alone.\n');
          return 2;
        }
        return exitCodeFor(report, command.common.failOn);
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`clb-guard: ${errorMessage(error)}\n`);
      return 2;
    }
    // A bug, not the user's mistake: one line, and the stack only when asked for.
    io.stderr.write(`clb-guard: internal error: ${errorMessage(error)} (set CLB_GUARD_DEBUG=1 for the stack trace, and please report it)\n`);
    if (io.env.CLB_GUARD_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

async function emit(report: Report, common: CommonArguments, io: CliIo): Promise<void> {
  const color = common.output === undefined && io.stdout.isTTY === true && io.env.NO_COLOR === undefined ? true : io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const text = renderReport(report, common.format, {
    color: common.format === 'text' && color,
    explain: common.explain,
    repoRoot: io.cwd,
    fileExists: (path) => existsSync(resolve(io.cwd, path)),
  });
  if (common.output !== undefined) await writeFile(resolve(io.cwd, common.output), text);
  else io.stdout.write(text);
}
