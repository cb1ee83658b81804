import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../errors/inputError.js';
import type { Severity } from '../model/finding.js';
import { BUILTIN_POLICY_FILES } from './builtinPack.js';
import { parseJsonDocument } from './jsonDocument.js';
import type { ConfigFile, LoadedPolicy, ParamValue, Policy, PolicyFile, PolicySetting } from './policyTypes.js';
import { formatProblem, validatePolicyDocument, type SchemaProblem } from './schemaValidation.js';

/** Problems found in several files at once: each is one located line. */
export class PolicyProblems extends InputError {
  constructor(readonly problems: readonly SchemaProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
  override toLine(): string {
    return this.message;
  }
}

export interface PolicySource {
  readonly file: string;
  readonly policies: readonly Policy[];
}

export function builtinPolicies(): PolicySource[] {
  return BUILTIN_POLICY_FILES.map(({ name, document }) => ({ file: 'builtin', policies: (document as PolicyFile).policies, name }));
}

/** Reads policy files and directories (every `*.json` inside, sorted), validating each. */
export async function readPolicyFiles(paths: readonly string[], cwd: string): Promise<{ sources: PolicySource[]; problems: SchemaProblem[] }> {
  const files: string[] = [];
  const problems: SchemaProblem[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let info;
    try {
      info = await stat(full);
    } catch {
      problems.push({ file: path, line: 1, pointer: '', message: 'policy file or directory not found' });
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(full)).filter((n) => n.endsWith('.json')).sort();
      files.push(...names.map((n) => join(full, n)));
    } else files.push(full);
  }
  const sources: PolicySource[] = [];
  for (const full of files) {
    const rel = relative(cwd, full);
    const display = rel === '' || rel.startsWith('..') ? full : rel;
    const text = await readFile(full, 'utf8');
    let doc;
    try {
      doc = parseJsonDocument(text, display);
    } catch (error) {
      if (error instanceof InputError) {
        problems.push({ file: display, line: Number(/line (\d+)/.exec(error.place ?? '')?.[1] ?? 1), pointer: '', message: error.message });
        continue;
      }
      throw error;
    }
    const found = validatePolicyDocument(doc);
    if (found.length > 0) problems.push(...found);
    else sources.push({ file: display, policies: (doc.value as PolicyFile).policies });
  }
  return { sources, problems };
}

/** Applies config settings (off / severity / params) to every policy, built-in first. */
export function resolvePolicies(sources: readonly PolicySource[], config: ConfigFile, configFile: string | undefined): { policies: LoadedPolicy[]; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, string>();
  const policies: LoadedPolicy[] = [];
  const globalParams = config.params ?? {};
  const builtinText = new Map(sources.filter((s) => s.file === 'builtin').flatMap((s) => s.policies.map((p) => [p.id, JSON.stringify(p)] as const)));
  for (const source of sources) {
    for (const policy of source.policies) {
      const previous = seen.get(policy.id);
      // Validating the shipped pack itself: the same policy again is not a clash.
      if (previous === 'builtin' && source.file !== 'builtin' && builtinText.get(policy.id) === JSON.stringify(policy)) continue;
      if (previous !== undefined) {
        problems.push({ file: source.file, line: 1, pointer: `/policies`, message: `policy id "${policy.id}" is already defined in ${previous}` });
        continue;
      }
      seen.set(policy.id, source.file);
      const setting: PolicySetting | undefined = config.policies?.[policy.id];
      const severity = severityOf(setting, policy.severity);
      if (severity === 'off') continue;
      const params = new Map<string, ParamValue>(Object.entries({ ...(policy.params ?? {}), ...globalParams, ...(typeof setting === 'object' ? (setting.params ?? {}) : {}) }));
      policies.push({ policy, severity, params, source: source.file });
    }
  }
  for (const id of Object.keys(config.policies ?? {})) {
    if (!seen.has(id)) problems.push({ file: configFile ?? '.clb-guard.json', line: 1, pointer: `/policies/${id}`, message: `no policy with id "${id}" (known: ${[...seen.keys()].join(', ')})` });
  }
  return { policies, problems };
}

function severityOf(setting: PolicySetting | undefined, fallback: Severity): Severity | 'off' {
  if (setting === undefined) return fallback;
  if (typeof setting === 'string') return setting;
  return setting.severity ?? fallback;
}
