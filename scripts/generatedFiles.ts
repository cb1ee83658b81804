import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertionSchema } from '../src/policy/assertions/registry.js';

/** A file the build derives from the sources; committed, and checked to be current by a test. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Every generated file, computed from the sources under `root`: the `assertion` definition of
 * the policy schema comes from the assertion registry.
 */
export function generatedFiles(root: string): GeneratedFile[] {
  const policySchema = JSON.parse(readFileSync(join(root, 'schema/policy.schema.json'), 'utf8')) as { $defs: Record<string, unknown> };
  policySchema.$defs.assertion = assertionSchema();
  return [{ path: 'schema/policy.schema.json', text: `${JSON.stringify(policySchema, null, 2)}\n` }];
}
