import { resolve } from 'node:path';
import { exitCodeFor } from '../check/index.js';
import { expectedShards, incompleteShardsText, readShardReports } from '../report/mergeInput.js';
import { renderMergedReport } from '../report/mergeRender.js';
import { mergeReports } from '../report/mergeReports.js';
import type { Command } from './cliArguments.js';
import { consoleLogger } from './consoleLogger.js';
import { type CliIo, emit } from './runCli.js';

/**
 * `clb-guard merge REPORT.json…`: the shards' reports as one. The config's accounts (when it has
 * them) say which account and region must have a report: a missing one is an incomplete section.
 */
export async function runMerge(command: Extract<Command, { kind: 'merge' }>, io: CliIo): Promise<number> {
  const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr as NodeJS.WriteStream });
  const expected = await expectedShards({
    cwd: io.cwd,
    logger,
    ...(command.common.config !== undefined ? { configFile: command.common.config } : {}),
  });
  const shards = await readShardReports(command.reports.map((file) => ({ path: resolve(io.cwd, file), display: file })));
  const report = mergeReports(shards, expected);
  for (const warning of new Set(report.warnings)) logger.warning(warning);
  await emit(report, command.common, io, renderMergedReport);
  if (!report.complete && !command.allowPartial) {
    io.stderr.write(
      `clb-guard: the merged result is incomplete: ${incompleteShardsText(report)}. Re-run those shards, or pass --allow-partial to exit by the findings alone.\n`,
    );
    return 2;
  }
  return exitCodeFor(report, command.common.failOn);
}
