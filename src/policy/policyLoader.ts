import type { Dirent, Stats } from 'node:fs';
import { type FileHandle, open, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { errorMessage, InputError } from '../errors/inputError.js';
import type { Severity } from '../model/finding.js';
import { closestMatch as closest } from '../text/closestMatch.js';
import { builtinDocsUrl } from './builtinDocs.js';
import { BUILTIN_POLICY_FILES } from './builtinPack.js';
import { type JsonDocument, parseJsonDocument } from './jsonDocument.js';
import type { ConfigFile, LoadedPolicy, ParamValue, Policy, PolicyFile, PolicySetting } from './policyTypes.js';
import { formatProblem, type SchemaProblem, validatePolicyDocument } from './schemaValidation.js';
import { MAX_NESTING, tooDeep } from './semantics/nestingLimit.js';
import { checkPolicySemantics, type PolicyFacts } from './semantics/policySemantics.js';

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
  /** `builtin` or the file as shown to the user. */
  readonly file: string;
  readonly policies: readonly Policy[];
  /** The parsed file, for locating problems found after loading (absent for the built-in pack). */
  readonly doc?: JsonDocument;
  /** What the meaning checks learnt of each policy (params used), kept for the config-aware checks. */
  readonly facts?: readonly PolicyFacts[];
}

/** Policy files are small; a larger one is not a policy file (or is a device). */
const MAX_POLICY_FILE_BYTES = 4 * 1024 * 1024;
/** Directories are read one level deep; this many files is more than any policy set. */
const MAX_POLICY_FILES = 1000;

/** The built-in pack, each policy with its docs URL (derived from its id, never written in the file). */
export function builtinPolicies(): PolicySource[] {
  return BUILTIN_POLICY_FILES.map(({ document }) => ({
    file: 'builtin',
    policies: (document as PolicyFile).policies.map((policy) => ({ ...policy, docs: builtinDocsUrl(policy.id) })),
  }));
}

/** Reads policy files and directories (every `*.json` file inside, sorted), validating each. */
export async function readPolicyFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ sources: PolicySource[]; problems: SchemaProblem[] }> {
  const files: { full: string; display: string }[] = [];
  const problems: SchemaProblem[] = [];
  const displayOf = (full: string) => {
    const rel = relative(cwd, full);
    return rel === '' || rel.startsWith('..') ? full : rel;
  };
  for (const path of paths) {
    const full = resolve(cwd, path);
    let info: Stats;
    try {
      info = await stat(full);
    } catch (error) {
      problems.push({ file: path, line: 1, pointer: '', message: fileErrorText(error, 'policy file or directory not found') });
      continue;
    }
    if (info.isDirectory()) {
      let entries: Dirent[];
      try {
        entries = (await readdir(full, { withFileTypes: true }))
          .filter((e) => e.name.endsWith('.json'))
          .sort((a, b) => a.name.localeCompare(b.name));
      } catch (error) {
        problems.push({ file: path, line: 1, pointer: '', message: fileErrorText(error, 'cannot read this directory') });
        continue;
      }
      // Entries that are directories themselves (`x.json/`) are not policy files: skip them,
      // as a linter skips folders that look like files. Symlinks are followed by the reader.
      for (const entry of entries)
        if (!entry.isDirectory()) files.push({ full: join(full, entry.name), display: displayOf(join(full, entry.name)) });
    } else files.push({ full, display: displayOf(full) });
  }
  if (files.length > MAX_POLICY_FILES) {
    problems.push({
      file: paths.join(', '),
      line: 1,
      pointer: '',
      message: `${files.length} policy files: more than the ${MAX_POLICY_FILES} clb-guard reads`,
    });
    return { sources: [], problems };
  }
  const sources: PolicySource[] = [];
  for (const { full, display } of files) {
    const text = await readPolicyText(full, display, problems);
    if (text === undefined) continue;
    let doc: JsonDocument;
    try {
      doc = parseJsonDocument(text, display);
    } catch (error) {
      if (error instanceof InputError) {
        problems.push({ file: display, line: Number(/line (\d+)/.exec(error.place ?? '')?.[1] ?? 1), pointer: '', message: error.message });
        continue;
      }
      throw error;
    }
    const deep = tooDeep(doc.value, text);
    if (deep !== undefined) {
      problems.push({
        file: display,
        line: deep.line,
        pointer: deep.pointer,
        message: `nested more than ${MAX_NESTING} levels deep: flatten the conditions`,
      });
      continue;
    }
    const found = validatePolicyDocument(doc);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    const policies = (doc.value as PolicyFile).policies;
    const checked = policies.map((policy, i) => checkPolicySemantics(policy, `/policies/${i}`));
    const semantic = checked.flatMap((c) => c.problems);
    if (semantic.length > 0) {
      problems.push(...semantic.map((p) => ({ file: display, line: doc.lineOf(p.pointer), ...p })));
      continue;
    }
    sources.push({ file: display, policies, doc, facts: checked.map((c) => c.facts) });
  }
  return { sources, problems };
}

/** The file's text, or undefined with a located problem: only regular files of a sane size are read. */
async function readPolicyText(full: string, display: string, problems: SchemaProblem[]): Promise<string | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(full, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) {
      problems.push({ file: display, line: 1, pointer: '', message: 'is a directory, not a policy file' });
      return undefined;
    }
    if (!info.isFile()) {
      problems.push({ file: display, line: 1, pointer: '', message: 'is not a regular file (a device, pipe or socket)' });
      return undefined;
    }
    if (info.size > MAX_POLICY_FILE_BYTES) {
      problems.push({
        file: display,
        line: 1,
        pointer: '',
        message: `is ${info.size} bytes: too large for a policy file (at most ${MAX_POLICY_FILE_BYTES})`,
      });
      return undefined;
    }
    return await handle.readFile('utf8');
  } catch (error) {
    problems.push({ file: display, line: 1, pointer: '', message: fileErrorText(error, 'cannot be read') });
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** One readable reason for a file system error, without a stack or an internal path. */
export function fileErrorText(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return fallback;
    case 'ELOOP':
      return 'is a symbolic link loop';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return `${fallback} (${code ?? errorMessage(error)})`;
  }
}

/** Applies config settings (off / severity / params) to every policy, built-in first. */
export function resolvePolicies(
  sources: readonly PolicySource[],
  config: ConfigFile,
  configFile: string | undefined,
): { policies: LoadedPolicy[]; problems: SchemaProblem[]; ids: ReadonlySet<string> } {
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, string>();
  const policies: LoadedPolicy[] = [];
  const globalParams = config.params ?? {};
  // The built-in docs URL is derived, so a copy of the shipped file without one is the same policy.
  const comparable = ({ docs: _docs, ...rest }: Policy) => JSON.stringify(rest);
  const builtinText = new Map(
    sources.filter((s) => s.file === 'builtin').flatMap((s) => s.policies.map((p) => [p.id, comparable(p)] as const)),
  );
  for (const source of sources) {
    source.policies.forEach((policy, index) => {
      const previous = seen.get(policy.id);
      // Validating the shipped pack itself: the same policy again is not a clash.
      if (previous === 'builtin' && source.file !== 'builtin' && builtinText.get(policy.id) === comparable(policy)) return;
      if (previous !== undefined) {
        const pointer = `/policies/${index}/id`;
        problems.push({
          file: source.file,
          line: source.doc?.lineOf(pointer) ?? 1,
          pointer,
          message: `policy id "${policy.id}" is already defined in ${previous === 'builtin' ? 'the built-in pack' : previous}`,
        });
        return;
      }
      seen.set(policy.id, source.file);
      const setting: PolicySetting | undefined = config.policies?.[policy.id];
      const severity = severityOf(setting, policy.severity);
      if (severity === 'off') return;
      const params = new Map<string, ParamValue>(
        Object.entries({ ...(policy.params ?? {}), ...globalParams, ...(typeof setting === 'object' ? (setting.params ?? {}) : {}) }),
      );
      policies.push({ policy, severity, params, source: source.file });
    });
  }
  for (const id of Object.keys(config.policies ?? {})) {
    if (!seen.has(id))
      problems.push({
        file: configFile ?? '.clb-guard.json',
        line: 1,
        pointer: `/policies/${id}`,
        message: `no policy with id "${id}"${didYouMean(id, seen.keys())}`,
      });
  }
  return { policies, problems, ids: new Set(seen.keys()) };
}

function didYouMean(id: string, known: Iterable<string>): string {
  const list = [...known];
  const best = closest(id, list);
  return best !== undefined ? ` (did you mean "${best}"?)` : ` (known: ${list.join(', ')})`;
}

function severityOf(setting: PolicySetting | undefined, fallback: Severity): Severity | 'off' {
  if (setting === undefined) return fallback;
  if (typeof setting === 'string') return setting;
  return setting.severity ?? fallback;
}
