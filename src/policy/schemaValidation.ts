import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonDocument } from './jsonDocument.js';
// Compiled from schema/*.schema.json at build time (`npm run generate`), not at every start.
import { validateConfig, validatePolicy } from './schemaValidators.generated.cjs';

/** One located problem in a policy or config file. */
export interface SchemaProblem {
  readonly file: string;
  readonly line: number;
  readonly pointer: string;
  readonly message: string;
}

export function formatProblem(problem: SchemaProblem): string {
  return `${problem.file}:${problem.line}: ${problem.pointer === '' ? '/' : problem.pointer}: ${problem.message}`;
}

export function validatePolicyDocument(doc: JsonDocument): SchemaProblem[] {
  return problemsOf(doc, validatePolicy);
}

export function validateConfigDocument(doc: JsonDocument): SchemaProblem[] {
  return problemsOf(doc, validateConfig);
}

export function problemsOf(doc: JsonDocument, validate: ValidateFunction): SchemaProblem[] {
  if (validate(doc.value)) return [];
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const error of validate.errors ?? []) {
    // `if` errors only say "must match then schema"; the branch's own errors say what is wrong.
    if (error.keyword === 'if') continue;
    const pointer = pointerOf(error);
    const message = messageOf(error);
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: doc.file, line: doc.lineOf(pointer), pointer, message });
  }
  return out;
}

function pointerOf(error: ErrorObject): string {
  const extra = error.params as { additionalProperty?: string; unevaluatedProperty?: string };
  const property = extra.additionalProperty ?? extra.unevaluatedProperty;
  if (property !== undefined) return `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown property "${String(params.additionalProperty)}"`;
    case 'unevaluatedProperties':
      return `unknown property "${String(params.unevaluatedProperty)}"`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be ${String(params.type).replace(/,/g, ' or ')}`;
    case 'pattern':
      return `does not match the expected format ${String(params.pattern)}`;
    case 'not':
      return (error.parentSchema as { description?: string } | undefined)?.description ?? 'is not allowed here';
    case 'minProperties':
    case 'maxProperties':
      return error.schemaPath.includes('/else') && params.limit === 2
        ? 'a field condition names "field" and exactly one comparison'
        : (error.message ?? 'invalid');
    default:
      return error.message ?? 'invalid';
  }
}
