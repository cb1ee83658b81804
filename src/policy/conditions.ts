import { isUnknown } from '../model/value.js';
import { AddressSet } from '../net/addressSet.js';
import type { Condition, ParamValue } from './policyTypes.js';
import type { FieldLookup, FieldValue } from './subjects.js';

/** Three-valued: a condition over an unknown field is `unknown`, not false. */
export type Truth = 'yes' | 'no' | 'unknown';

export interface FieldSource {
  field(path: string): FieldValue | undefined;
}

/** Subject fields plus `params.NAME`. Lookups go through Maps: no property access on user text. */
export function fieldSource(fields: FieldLookup, params: ReadonlyMap<string, ParamValue>): FieldSource {
  return {
    field(path) {
      if (path.startsWith('params.')) {
        const value = params.get(path.slice('params.'.length));
        return value === undefined ? null : (value as FieldValue);
      }
      return fields.get(path);
    },
  };
}

export function evaluateCondition(condition: Condition, source: FieldSource): Truth {
  if ('all' in condition) {
    let result: Truth = 'yes';
    for (const c of condition.all) {
      const t = evaluateCondition(c, source);
      if (t === 'no') return 'no';
      if (t === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('any' in condition) {
    let result: Truth = 'no';
    for (const c of condition.any) {
      const t = evaluateCondition(c, source);
      if (t === 'yes') return 'yes';
      if (t === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('not' in condition) {
    const t = evaluateCondition(condition.not, source);
    return t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'unknown';
  }
  const value = source.field(condition.field);
  if (value === undefined) return 'no';
  if (condition.exists !== undefined) {
    if (isUnknown(value)) return 'unknown';
    const present = value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
    return present === condition.exists ? 'yes' : 'no';
  }
  if (isUnknown(value)) return 'unknown';
  const bool = (b: boolean): Truth => (b ? 'yes' : 'no');
  if ('equals' in condition) return bool(sameScalar(value, condition.equals));
  if ('notEquals' in condition) return bool(!sameScalar(value, condition.notEquals));
  if (condition.in !== undefined) return bool(condition.in.some((c) => sameScalar(value, c)));
  if (condition.greaterThan !== undefined) return bool(typeof value === 'number' && value > condition.greaterThan);
  if (condition.lessThan !== undefined) return bool(typeof value === 'number' && value < condition.lessThan);
  if (condition.inCidr !== undefined) {
    const bounds = AddressSet.parseAll(typeof condition.inCidr === 'string' ? [condition.inCidr] : condition.inCidr);
    const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    const set = AddressSet.parseAll(values as string[]);
    if (bounds === undefined || set === undefined || set.isEmpty()) return 'no';
    return bool(bounds.covers(set));
  }
  return 'no';
}

/** The fields a condition reads that are unknown, each with its reason (`lb.snat: known after apply`). */
export function unknownFieldsOf(condition: Condition, source: FieldSource): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => unknownFieldsOf(c, source));
  if ('any' in condition) return condition.any.flatMap((c) => unknownFieldsOf(c, source));
  if ('not' in condition) return unknownFieldsOf(condition.not, source);
  const value = source.field(condition.field);
  return value !== undefined && isUnknown(value) ? [`${condition.field}: ${value.reason}`] : [];
}

function sameScalar(value: FieldValue, expected: unknown): boolean {
  if (Array.isArray(value)) return false;
  // Compare case-insensitively for strings: Tencent names come in several cases.
  if (typeof value === 'string' && typeof expected === 'string') return value.toUpperCase() === expected.toUpperCase();
  return value === expected;
}
