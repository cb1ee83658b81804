import { isUnknown } from '../model/value.js';
import type { FieldSource } from './conditions.js';

/** `{{path}}`: one placeholder of a message or remediation template (the validator reads the same). */
export const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9.]{0,100})\s*\}\}/g;

/** An assertion's message variables by name (a map, or a view over one). */
export interface TemplateVariables {
  get(name: string): string | undefined;
}

/**
 * Fills `{{path}}` placeholders from subject fields and assertion variables. A linear regex over
 * a bounded template: nothing a policy writes can make this slow or run code.
 */
export function renderTemplate(template: string, source: FieldSource, vars: TemplateVariables): string {
  return template.replace(PLACEHOLDER, (whole, path: string) => {
    const fromVars = vars.get(path);
    if (fromVars !== undefined) return fromVars;
    const value = source.field(path);
    if (value === undefined) return whole;
    if (value === null) return '(none)';
    if (isUnknown(value)) return '(unknown)';
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  });
}
