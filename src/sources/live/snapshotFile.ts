import { readFile, stat, writeFile } from 'node:fs/promises';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import snapshotSchema from '../../../schema/snapshot.schema.json' with { type: 'json' };
import { InputError } from '../../errors/inputError.js';
import { type JsonDocument, parseJsonDocument } from '../../policy/jsonDocument.js';
import { PolicyProblems } from '../../policy/policyLoader.js';
import { problemsOf, type SchemaProblem } from '../../policy/schemaValidation.js';
import { digestOf, SNAPSHOT_VERSION, type Snapshot } from './snapshotFormat.js';

/** A snapshot of a very large account is big, but not bigger than a plan may be. */
const MAX_SNAPSHOT_BYTES = 500 * 1024 * 1024;

let validator: ValidateFunction | undefined;
const validate = (): ValidateFunction =>
  (validator ??= new Ajv2020({ allErrors: true, strictTypes: false, verbose: true }).compile(snapshotSchema));

/** Writes the snapshot as JSON (one call a few lines, so a diff between two snapshots reads well). */
export async function writeSnapshot(path: string, display: string, snapshot: Snapshot): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(snapshot, null, 1)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot write the snapshot: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}`,
      { file: display },
    );
  }
}

/**
 * Reads and checks a snapshot: JSON, the schema, the version, each region once, and each
 * region's digest. Every problem is one located line, `file:line: /pointer: what is wrong`.
 */
export async function readSnapshot(path: string, display: string): Promise<Snapshot> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new InputError(info.isDirectory() ? 'is a folder, not a snapshot' : 'is not a regular file', { file: display });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('no such snapshot file', { file: display });
  }
  if (size > MAX_SNAPSHOT_BYTES)
    throw new InputError(`is ${size} bytes: more than the ${MAX_SNAPSHOT_BYTES} a snapshot may have`, { file: display });
  return parseSnapshot(await readFile(path, 'utf8'), display);
}

/** The text of a snapshot, checked (see `readSnapshot`). */
export function parseSnapshot(text: string, display: string): Snapshot {
  let doc: JsonDocument;
  try {
    doc = parseJsonDocument(text, display);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const line = /^line (\d+)/.exec(error.place ?? '')?.[1];
    throw new PolicyProblems([
      {
        file: display,
        line: line === undefined ? 1 : Number(line),
        pointer: '',
        message: `${error.message}${error.place ? ` (${error.place})` : ''}`,
      },
    ]);
  }
  const value = doc.value as { version?: unknown };
  // A later format is named as such, not as a heap of schema errors.
  if (typeof value === 'object' && value !== null && typeof value.version === 'number' && value.version !== SNAPSHOT_VERSION) {
    throw new PolicyProblems([
      {
        file: display,
        line: doc.lineOf('/version'),
        pointer: '/version',
        message: `a version ${value.version} snapshot; this clb-guard reads version ${SNAPSHOT_VERSION}`,
      },
    ]);
  }
  const problems = problemsOf(doc, validate());
  if (problems.length > 0) throw new PolicyProblems(problems);
  const snapshot = doc.value as Snapshot;
  const seen = new Map<string, number>();
  const found: SchemaProblem[] = [];
  snapshot.regions.forEach((region, i) => {
    const at = (field: string) => ({ file: display, line: doc.lineOf(`/regions/${i}/${field}`), pointer: `/regions/${i}/${field}` });
    if (seen.has(region.region))
      found.push({
        ...at('region'),
        message: `region ${region.region} is in the snapshot twice (also /regions/${seen.get(region.region)})`,
      });
    seen.set(region.region, i);
    if (digestOf(region.calls) !== region.digest)
      found.push({
        ...at('digest'),
        message: `does not match the calls of ${region.region}: the snapshot was changed or damaged after it was written`,
      });
    if (!region.complete && snapshot.complete)
      found.push({ ...at('complete'), message: `${region.region} is incomplete but the snapshot says it is complete` });
  });
  if (found.length > 0) throw new PolicyProblems(found);
  return snapshot;
}
