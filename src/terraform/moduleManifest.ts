import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from './planDocument.js';
import type { TfFileReader } from './terraformSources.js';

/**
 * Terraform records where `terraform init` put registry and git modules in
 * `.terraform/modules/modules.json`: key (`a.b` for nested calls) → directory.
 */
export function installedModules(tfRoot: string, files: TfFileReader | undefined): Map<string, string> {
  const modules = new Map<string, string>();
  let text: string | undefined;
  const manifest = join(tfRoot, '.terraform', 'modules', 'modules.json');
  if (files !== undefined) text = files.read(manifest);
  else {
    try {
      text = readFileSync(manifest, 'utf8');
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) return modules;
  try {
    const parsed: unknown = JSON.parse(text);
    const entries = isObject(parsed) && Array.isArray(parsed['Modules']) ? parsed['Modules'] : [];
    for (const entry of entries) {
      if (isObject(entry) && typeof entry['Key'] === 'string' && entry['Key'] !== '' && typeof entry['Dir'] === 'string')
        modules.set(entry['Key'], entry['Dir']);
    }
  } catch {
    // A damaged manifest only costs locations in those modules.
  }
  return modules;
}
