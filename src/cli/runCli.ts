import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkPlan, exitCodeFor, loadRunConfig } from '../check/index.js';
import type { PlanCheckOptions, ResolveLiveOptions } from '../check/options.js';
import { type Shard, shardAt } from '../check/shards.js';
import { TOOL_VERSION } from '../check/toolVersion.js';
import { errorMessage, InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import type { Inventory } from '../model/inventory.js';
import { loadConfig, validatePolicyFiles } from '../policy/configLoader.js';
import { formatProblem } from '../policy/schemaValidation.js';
import { planIncompleteSentence } from '../report/incompleteNote.js';
import { type RenderOptions, type ReportFormat, renderReportChunks } from '../report/renderReport.js';
import { utf8Batches } from '../report/utf8Batches.js';
import { type Command, type CommonArguments, type HybridArguments, parseCommand, usage } from './cliArguments.js';
import { consoleLogger } from './consoleLogger.js';
import { type ExplainFormat, explainReport, renderExplained } from './explainCommand.js';
import { writeReportFile } from './reportFile.js';
import { renderMatrix } from './shardsCommand.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A report comes as text or, a large one, as UTF-8 batches (`Buffer`s). */
  readonly stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  readonly stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  /** Where `plan -` reads the plan; default `process.stdin`. */
  readonly stdin?: PlanCheckOptions['stdin'];
  /** A full garbage collection, for the plan check's moments (`PlanCheckOptions.releaseGarbage`). */
  readonly releaseGarbage?: () => void;
}

/** The whole CLI as a function: arguments in, exit code out (0 clean, 1 findings, 2 input error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(parseCommand(argv), io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`clb-guard: ${errorMessage(error)}\n`);
      return 2;
    }
    const ioLine = ioErrorLine(error);
    if (ioLine !== undefined) {
      io.stderr.write(`clb-guard: ${ioLine}\n`);
      return 2;
    }
    // A bug, not the user's mistake: one line, and the stack only when asked for.
    io.stderr.write(
      `clb-guard: internal error: ${errorMessage(error)} (set CLB_GUARD_DEBUG=1 for the stack trace, and please report it)\n`,
    );
    if (io.env.CLB_GUARD_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

async function run(command: Command, io: CliIo): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout.write(`${usage(command.topic)}\n`);
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
      io.stdout.write(
        `${policies} ${policies === 1 ? 'policy' : 'policies'} in ${command.files.join(', ') || 'no files'}, and the built-in pack, are valid.\n`,
      );
      return 0;
    }
    case 'list': {
      const logger = consoleLogger({ verbose: command.verbose, stream: io.stderr as NodeJS.WriteStream });
      const config = await loadRunConfig({
        cwd: io.cwd,
        logger,
        ...(command.config !== undefined ? { configFile: command.config } : {}),
        policyPaths: command.policies,
      });
      const rows = config.policies.map(({ policy, severity, source }) => ({ id: policy.id, severity, source, title: policy.title }));
      if (command.format === 'json') {
        io.stdout.write(`${JSON.stringify({ ...(config.file !== undefined ? { config: config.file } : {}), policies: rows }, null, 2)}\n`);
        return 0;
      }
      const width = (key: 'id' | 'severity' | 'source', heading: string) => Math.max(heading.length, ...rows.map((r) => r[key].length));
      const [id, severity, source] = [width('id', 'POLICY'), width('severity', 'SEVERITY'), width('source', 'SOURCE')];
      const line = (a: string, b: string, c: string, d: string) =>
        `${a.padEnd(id)}  ${b.padEnd(severity)}  ${c.padEnd(source)}  ${d}`.trimEnd();
      const lines = [line('POLICY', 'SEVERITY', 'SOURCE', 'TITLE'), ...rows.map((r) => line(r.id, r.severity, r.source, r.title))];
      lines.push('', `${rows.length} ${rows.length === 1 ? 'policy' : 'policies'}; config: ${config.file ?? 'none'}`);
      io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    }
    case 'shards': {
      const logger = consoleLogger({ verbose: command.verbose, stream: io.stderr as NodeJS.WriteStream });
      const config = await loadRunConfig({ cwd: io.cwd, logger, ...(command.config !== undefined ? { configFile: command.config } : {}) });
      io.stdout.write(renderMatrix(config.accounts, config.file, command.index));
      return 0;
    }
    case 'merge':
      // Loaded on demand: merging brings the report schema's validator, which a check never uses.
      return (await import('./mergeCommand.js')).runMerge(command, io);
    case 'plan': {
      const report = await checkPlan({
        ...planCheckOptions(command, io),
        ...(command.hybrid ? { resolveLive: resolveLiveOf(command.hybrid, io) } : {}),
        // Only the Markdown report draws the failing flows' paths.
        paths: command.common.format === 'markdown',
      });
      await emit(report, command.common, io);
      // Like live mode: data that did not arrive never passes silently (exit 2 unless --allow-partial).
      if (!report.complete && report.resolution?.complete !== false && command.allowPartial !== true) {
        io.stderr.write(`clb-guard: ${planIncompleteSentence(report)}. Pass --allow-partial to exit by the findings alone.\n`);
        return 2;
      }
      if (report.resolution?.complete === false && command.allowPartial !== true) {
        io.stderr.write(
          "clb-guard: resolving the plan's external references is incomplete (calls kept failing, or the account's answers left something out: see the warnings); the checks that need them are unknown. Re-run, or pass --allow-partial to exit by the findings alone.\n",
        );
        return 2;
      }
      return exitCodeFor(report, command.common.failOn, { failOnPreexisting: command.hybrid?.failOnPreexisting === true });
    }
    case 'explain': {
      let inventory: Inventory | undefined;
      const report = await checkPlan({ ...planCheckOptions(command, io), onInventory: (read) => (inventory = read) });
      const explained = explainReport(report, inventory, command.id, command.planFile === '-' ? 'the plan on stdin' : command.planFile);
      await emitExplained(explained, command.id, command.common, io);
      // As `plan`: what the plan leaves out is not checked, so an explanation of it is never clean.
      if (!report.complete) {
        io.stderr.write(`clb-guard: ${planIncompleteSentence(report)}.\n`);
        return 2;
      }
      return exitCodeFor(explained, command.common.failOn);
    }
    case 'live': {
      const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr as NodeJS.WriteStream });
      const apiEndpoint = command.apiEndpoint ?? io.env.CLB_GUARD_API_ENDPOINT;
      const shard =
        command.snapshot?.shard === undefined ? undefined : await configShard(io.cwd, command.common.config, command.snapshot.shard);
      if (shard !== undefined) logger.info(`shard ${command.snapshot?.shard}: account ${shard.account}, region ${shard.region}`);
      const account = shard?.account ?? command.snapshot?.account;
      const common = {
        cwd: io.cwd,
        logger,
        ...(command.common.config !== undefined ? { configFile: command.common.config } : {}),
        policyPaths: command.common.policies,
        ...(command.common.today !== undefined ? { today: command.common.today } : {}),
        ...(account !== undefined ? { account } : {}),
      };
      const regions = shard !== undefined ? [shard.region] : command.regions;
      let inventory: Inventory | undefined;
      const onInventory = command.explainOnly !== undefined ? { onInventory: (read: Inventory) => (inventory = read) } : {};
      // Loaded on demand: the live reader and the SDK it brings are for this command only.
      const checked =
        command.snapshot?.from !== undefined
          ? await (await import('../check/snapshotCheck.js')).checkSnapshot({
              ...common,
              snapshotFile: command.snapshot.from,
              regions,
              ...onInventory,
            })
          : await (await import('../check/liveCheck.js')).checkLive({
              ...common,
              regions,
              env: io.env,
              ...command.live,
              ...(apiEndpoint ? { apiEndpoint } : {}),
              ...(command.snapshot?.save !== undefined ? { saveSnapshot: command.snapshot.save } : {}),
              ...onInventory,
            });
      const report =
        command.explainOnly === undefined
          ? checked
          : explainReport(
              checked,
              inventory,
              command.explainOnly,
              `the account (${checked.target.regions?.join(', ') ?? regions.join(', ')})`,
            );
      if (command.explainOnly === undefined) await emit(report, command.common, io);
      else await emitExplained(report, command.explainOnly, command.common, io);
      if (!report.complete && !command.allowPartial) {
        io.stderr.write(
          'clb-guard: the scan is incomplete (some API calls kept failing); findings for those resources are unknown. Re-run, or pass --allow-partial to exit by the findings alone.\n',
        );
        return 2;
      }
      return exitCodeFor(report, command.common.failOn);
    }
  }
}

function resolveLiveOf(hybrid: HybridArguments, io: CliIo): ResolveLiveOptions {
  const apiEndpoint = hybrid.apiEndpoint ?? io.env.CLB_GUARD_API_ENDPOINT;
  return {
    regions: hybrid.regions,
    env: io.env,
    ...(apiEndpoint ? { apiEndpoint } : {}),
    ...(hybrid.rateLimits ? { rateLimits: hybrid.rateLimits } : {}),
    ...(hybrid.budgetPerRegion ? { budgetPerRegion: true } : {}),
  };
}

/** What `plan` and `explain` check: the plan file, its .tf root and the common options. */
function planCheckOptions(command: Extract<Command, { kind: 'plan' | 'explain' }>, io: CliIo): PlanCheckOptions {
  return {
    cwd: io.cwd,
    logger: consoleLogger({ verbose: command.common.verbose, stream: io.stderr as NodeJS.WriteStream }),
    planFile: command.planFile,
    ...(command.tfRoot !== undefined ? { tfRoot: command.tfRoot } : {}),
    ...(command.common.config !== undefined ? { configFile: command.common.config } : {}),
    policyPaths: command.common.policies,
    ...(command.common.today !== undefined ? { today: command.common.today } : {}),
    ...(io.stdin !== undefined ? { stdin: io.stdin } : {}),
    ...(io.releaseGarbage !== undefined ? { releaseGarbage: io.releaseGarbage } : {}),
  };
}

function useColor(common: CommonArguments, io: CliIo): boolean {
  const toStdout = common.output === undefined;
  return toStdout && io.stdout.isTTY === true && io.env.NO_COLOR === undefined
    ? true
    : io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
}

async function emitExplained(report: Report, id: string, common: CommonArguments, io: CliIo): Promise<void> {
  await write(renderExplained(report, id, common.format as ExplainFormat, common.format === 'text' && useColor(common, io)), common, io);
}

/** `live --shard N`: the account and region of the config's shard N. */
async function configShard(cwd: string, configFile: string | undefined, index: number): Promise<Shard> {
  const config = await loadConfig({ cwd, ...(configFile !== undefined ? { configFile } : {}) });
  return shardAt(config.accounts, config.file, index);
}

/** A renderer of one report: its text, or pieces that join to it (a large JSON report is never one string). */
export type ReportRenderer = (report: Report, format: ReportFormat, options: RenderOptions) => string | Iterable<string>;

export async function emit(report: Report, common: CommonArguments, io: CliIo, render: ReportRenderer = renderReportChunks): Promise<void> {
  const toStdout = common.output === undefined;
  const color = useColor(common, io);
  // The warnings are on stderr already; a text report on the same terminal would say them twice.
  const shown = toStdout && common.format === 'text' ? { ...report, warnings: [] } : report;
  const text = render(shown, common.format, {
    color: common.format === 'text' && color,
    explain: common.explain,
    repoRoot: io.cwd,
    fileExists: (path) => existsSync(resolve(io.cwd, path)),
  });
  await write(text, common, io);
}

/** The report on stdout (waiting whenever the stream asks to) or in the --output file, piece by piece. */
async function write(text: string | Iterable<string>, common: CommonArguments, io: CliIo): Promise<void> {
  // Many pieces (a JSON report's findings) go as UTF-8 batches: a few writes, no joined string.
  const chunks: Iterable<string | Uint8Array> = typeof text === 'string' ? [text] : utf8Batches(text);
  if (common.output === undefined) {
    for (const chunk of chunks) {
      if ((io.stdout as { destroyed?: boolean }).destroyed === true) return;
      if (io.stdout.write(chunk) === false) await drained(io.stdout);
    }
    return;
  }
  const path = resolve(io.cwd, common.output);
  const output = common.output;
  writeReportFile(path, chunks, (error) => cannotWrite(error, output, path));
}

/**
 * Resolves when a stream that refused more (write returned false) has emptied its buffer, or has
 * closed (a reader that went away: its error is the stream's own to report).
 */
function drained(stream: CliIo['stdout']): Promise<void> {
  const emitter = stream as Partial<Pick<NodeJS.EventEmitter, 'once' | 'off'>> & { destroyed?: boolean };
  if (typeof emitter.once !== 'function' || typeof emitter.off !== 'function' || emitter.destroyed === true) return Promise.resolve();
  return new Promise((done) => {
    const settle = () => {
      emitter.off?.('drain', settle);
      emitter.off?.('close', settle);
      done();
    };
    emitter.once?.('drain', settle);
    emitter.once?.('close', settle);
  });
}

function cannotWrite(error: unknown, output: string, path: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? `the folder ${dirname(output) === '.' ? dirname(path) : dirname(output)} does not exist`
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'ENOTDIR'
          ? 'a part of the path is a file, not a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'ENOSPC'
              ? 'no space left on the device'
              : code === 'EROFS'
                ? 'read-only file system'
                : (error as Error).message;
  return new InputError(`cannot write the report to ${output}: ${reason}`);
}

const IO_CODES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EPIPE: 'broken pipe',
  EAGAIN: 'resource temporarily unavailable',
};

/** A file-system error the user can act on, as one line; undefined for anything else (a bug). */
export function ioErrorLine(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e === undefined || e === null || typeof e.code !== 'string' || !(e.code in IO_CODES)) return undefined;
  const what =
    e.syscall === 'open' || e.syscall === 'read' || e.syscall === 'scandir' || e.syscall === 'stat' || e.syscall === 'lstat'
      ? 'cannot read'
      : e.syscall === 'write' || e.syscall === 'mkdir'
        ? 'cannot write'
        : 'cannot access';
  return `${what}${e.path ? ` ${e.path}` : ''}: ${IO_CODES[e.code]}`;
}
