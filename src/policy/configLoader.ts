import { access, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { InputError } from '../errors/inputError.js';
import { parseJsonDocument, type JsonDocument } from './jsonDocument.js';
import { builtinPolicies, PolicyProblems, readPolicyFiles, resolvePolicies } from './policyLoader.js';
import type { ConfigFile, LoadedConfig } from './policyTypes.js';
import { validateConfigDocument, type SchemaProblem } from './schemaValidation.js';

export interface ConfigLoadOptions {
  readonly cwd: string;
  /** Explicit `--config`; when absent, `<cwd>/.clb-guard.json` is used if it exists. */
  readonly configFile?: string;
  readonly policyPaths?: readonly string[];
}

/**
 * Loads the config, the built-in pack and extra policy files, and reports every problem at once,
 * each on its own located line.
 */
export async function loadConfig(options: ConfigLoadOptions): Promise<LoadedConfig> {
  const { cwd } = options;
  let configPath = options.configFile === undefined ? undefined : join(cwd, options.configFile);
  if (configPath === undefined) {
    const candidate = join(cwd, '.clb-guard.json');
    if (await exists(candidate)) configPath = candidate;
  }
  let config: ConfigFile = {};
  let doc: JsonDocument | undefined;
  const problems: SchemaProblem[] = [];
  const display = configPath === undefined ? undefined : relative(cwd, configPath) || configPath;
  if (configPath !== undefined && display !== undefined) {
    let text: string;
    try {
      text = await readFile(configPath, 'utf8');
    } catch {
      throw new InputError('config file not found', { file: display });
    }
    doc = parseJsonDocument(text, display);
    problems.push(...validateConfigDocument(doc));
    if (problems.length > 0) throw new PolicyProblems(problems);
    config = doc.value as ConfigFile;
  }
  const configDir = configPath === undefined ? cwd : dirname(configPath);
  const includes = (config.include ?? []).map((p) => relative(cwd, join(configDir, p)) || '.');
  const extra = await readPolicyFiles([...includes, ...(options.policyPaths ?? [])], cwd);
  problems.push(...extra.problems);
  const resolved = resolvePolicies([...builtinPolicies(), ...extra.sources], config, display);
  problems.push(...resolved.problems.map((p) => (doc !== undefined && p.file === display ? { ...p, line: doc.lineOf(p.pointer) } : p)));
  if (problems.length > 0) throw new PolicyProblems(problems);
  const exceptions = (config.exceptions ?? []).map((entry, index) => ({ ...entry, ...(doc ? { line: doc.lineOf(`/exceptions/${index}`) } : {}) }));
  return { ...(display !== undefined ? { file: display } : {}), policies: resolved.policies, exceptions };
}

/** `clb-guard policies validate FILES`: every problem in the given policy files. */
export async function validatePolicyFiles(paths: readonly string[], cwd: string): Promise<{ problems: SchemaProblem[]; policies: number }> {
  const { sources, problems } = await readPolicyFiles(paths, cwd);
  const resolved = resolvePolicies([...builtinPolicies(), ...sources], {}, undefined);
  return { problems: [...problems, ...resolved.problems], policies: sources.reduce((n, s) => n + s.policies.length, 0) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
