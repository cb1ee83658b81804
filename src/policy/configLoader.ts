import type { Stats } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../errors/inputError.js';
import { type JsonDocument, parseJsonDocument } from './jsonDocument.js';
import { builtinPolicies, fileErrorText, PolicyProblems, readPolicyFiles, resolvePolicies } from './policyLoader.js';
import type { ConfigFile, LoadedConfig } from './policyTypes.js';
import { type SchemaProblem, validateConfigDocument } from './schemaValidation.js';
import { checkAccounts } from './semantics/accountSemantics.js';
import { checkExceptions } from './semantics/exceptionSemantics.js';
import { MAX_NESTING, tooDeep } from './semantics/nestingLimit.js';
import { checkParams } from './semantics/paramSemantics.js';

const CONFIG_FILE_NAME = '.clb-guard.json';
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface ConfigLoadOptions {
  readonly cwd: string;
  /**
   * Explicit `--config`, relative to `cwd` or absolute; when absent, the nearest
   * `.clb-guard.json` in `cwd` or a folder above it, up to the repository root, is used.
   */
  readonly configFile?: string;
  readonly policyPaths?: readonly string[];
}

/**
 * Loads the config, the built-in pack and extra policy files, and reports every problem at once,
 * each on its own located line: shape (JSON Schema), then meaning (CIDRs, ports, field paths,
 * template variables, params, exception targets and dates).
 */
export async function loadConfig(options: ConfigLoadOptions): Promise<LoadedConfig> {
  const { cwd } = options;
  const configPath = options.configFile === undefined ? await discoverConfig(cwd) : resolve(cwd, options.configFile);
  let config: ConfigFile = {};
  let doc: JsonDocument | undefined;
  const problems: SchemaProblem[] = [];
  const display =
    configPath === undefined
      ? undefined
      : options.configFile !== undefined && isAbsolute(options.configFile)
        ? options.configFile
        : displayPath(cwd, configPath);
  if (configPath !== undefined && display !== undefined) {
    const read = await readConfigDocument(configPath, display);
    doc = read.doc;
    if (read.problems.length > 0) throw new PolicyProblems(read.problems);
    config = doc.value as ConfigFile;
  }
  const configDir = configPath === undefined ? cwd : dirname(configPath);
  const includes = (config.include ?? []).map((p) => relative(cwd, resolve(configDir, p)) || '.');
  const extra = await readPolicyFiles([...includes, ...(options.policyPaths ?? [])], cwd);
  problems.push(...extra.problems);
  const sources = [...builtinPolicies(), ...extra.sources];
  const resolved = resolvePolicies(sources, config, display);
  problems.push(...resolved.problems.map((p) => (doc !== undefined && p.file === display ? { ...p, line: doc.lineOf(p.pointer) } : p)));
  const configAt = { file: display ?? CONFIG_FILE_NAME, ...(doc ? { doc } : {}) };
  problems.push(
    ...checkParams(sources, config, configAt),
    ...checkExceptions(config, resolved.ids, configAt),
    ...checkAccounts(config, configAt),
  );
  if (problems.length > 0) throw new PolicyProblems(problems);
  const exceptions = (config.exceptions ?? []).map((entry, index) => ({
    ...entry,
    index,
    ...(doc ? { line: doc.lineOf(`/exceptions/${index}`) } : {}),
  }));
  return {
    ...(display !== undefined ? { file: display } : {}),
    policies: resolved.policies,
    exceptions,
    ...(config.accounts ? { accounts: config.accounts } : {}),
  };
}

/**
 * `clb-guard policies validate FILES`: every problem in the given policy files, as a run in `cwd`
 * would see them — with the nearest config's params, so a param the config supplies is not
 * reported missing (and a broken config is reported too).
 */
export async function validatePolicyFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ problems: SchemaProblem[]; policies: number; config?: string }> {
  const { sources, problems } = await readPolicyFiles(paths, cwd);
  const all = [...builtinPolicies(), ...sources];
  const configPath = await discoverConfig(cwd);
  let config: ConfigFile = {};
  let configAt: { file: string; doc?: JsonDocument } = { file: CONFIG_FILE_NAME };
  if (configPath !== undefined) {
    const display = displayPath(cwd, configPath);
    try {
      const { doc, problems: found } = await readConfigDocument(configPath, display);
      problems.push(...found);
      // Params and per-policy settings decide what is supplied; include and exceptions do not matter here.
      if (found.length === 0)
        config = { params: (doc.value as ConfigFile).params ?? {}, policies: (doc.value as ConfigFile).policies ?? {} };
      configAt = { file: display, doc };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ file: display, line: 1, pointer: '', message: error.message });
    }
  }
  const resolved = resolvePolicies(all, config, configAt.file);
  return {
    problems: [...problems, ...resolved.problems, ...checkParams(all, config, configAt)],
    policies: sources.reduce((n, s) => n + s.policies.length, 0),
    ...(configPath !== undefined ? { config: configAt.file } : {}),
  };
}

/**
 * The nearest `.clb-guard.json` from `cwd` up to the repository root (the first folder with a
 * `.git`), so running from `infra/` finds the config at the top as git finds its repository.
 */
async function discoverConfig(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (let steps = 0; steps < 64; steps++) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (await exists(candidate)) return candidate;
    if (await exists(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return path;
  // Above the working folder by a few steps reads well ("../.clb-guard.json"); elsewhere, absolute.
  return rel.split(/[\\/]/).filter((s) => s === '..').length > 3 ? path : rel;
}

/** The config parsed, with its shape problems (nesting first: the schema validator recurses). Throws InputError when it cannot be read or is not JSON. */
async function readConfigDocument(path: string, display: string): Promise<{ doc: JsonDocument; problems: SchemaProblem[] }> {
  const text = await readConfigText(path, display);
  const doc = parseJsonDocument(text, display);
  const deep = tooDeep(doc.value, text);
  if (deep !== undefined)
    return {
      doc,
      problems: [{ file: display, line: deep.line, pointer: deep.pointer, message: `nested more than ${MAX_NESTING} levels deep` }],
    };
  return { doc, problems: validateConfigDocument(doc) };
}

async function readConfigText(path: string, display: string): Promise<string> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(fileErrorText(error, 'config file not found'), { file: display });
  }
  if (info.isDirectory()) throw new InputError('is a directory, not a config file', { file: display });
  if (!info.isFile()) throw new InputError('is not a regular file (a device, pipe or socket)', { file: display });
  if (info.size > MAX_CONFIG_BYTES) throw new InputError(`is ${info.size} bytes: too large for a config file`, { file: display });
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(fileErrorText(error, 'cannot be read'), { file: display });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
