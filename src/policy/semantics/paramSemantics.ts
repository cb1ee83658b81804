import { closestMatch as closest } from '../../text/closestMatch.js';
import { BUILTIN_PARAMS, type ParamKind } from '../builtinParams.js';
import type { JsonDocument } from '../jsonDocument.js';
import type { PolicySource } from '../policyLoader.js';
import type { ConfigFile, ParamValue, Policy, PolicySetting } from '../policyTypes.js';
import type { SchemaProblem } from '../schemaValidation.js';
import { checkPolicySemantics, type PolicyFacts } from './policySemantics.js';
import { paramValueProblem } from './valueChecks.js';

export interface ConfigLocation {
  readonly file: string;
  readonly doc?: JsonDocument;
}

interface PolicyEntry {
  readonly policy: Policy;
  readonly source: PolicySource;
  readonly at: string;
  readonly facts: PolicyFacts;
}

/**
 * Checks parameters against what reads them, once the config is known: every name a config sets
 * is read by the engine or a policy; every value has the kind its readers need (CIDRs for
 * `from`, ports for `ports`, the built-in params' own kinds); every `params.NAME` a policy uses
 * is supplied by the config, the policy's defaults or a built-in default, unless the policy
 * itself tests it with `exists`. Without these, a misspelt or mistyped param silently falls back
 * to a default or leaves a policy inert.
 */
export function checkParams(sources: readonly PolicySource[], config: ConfigFile, configAt: ConfigLocation): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string, doc: JsonDocument | undefined, pointer: string, message: string) => {
    const key = `${file}\u0000${pointer}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ file, line: doc?.lineOf(pointer) ?? 1, pointer, message });
  };
  const entries: PolicyEntry[] = [];
  const firstOfId = new Set<string>();
  for (const source of sources) {
    source.policies.forEach((policy, i) => {
      if (firstOfId.has(policy.id)) return;
      firstOfId.add(policy.id);
      const at = `/policies/${i}`;
      entries.push({ policy, source, at, facts: source.facts?.[i] ?? checkPolicySemantics(policy, at).facts });
    });
  }

  const namesOf = (entry: PolicyEntry) => new Set([...entry.facts.paramRefs.map((r) => r.name), ...Object.keys(entry.policy.params ?? {})]);
  const everyName = new Set<string>([...BUILTIN_PARAMS.keys(), ...entries.flatMap((e) => [...namesOf(e)])]);
  const kindOf = (name: string, entry?: PolicyEntry): ParamKind | undefined => {
    const builtin = BUILTIN_PARAMS.get(name)?.kind;
    if (builtin !== undefined) return builtin;
    const uses = (entry ? [entry] : entries).flatMap((e) => e.facts.paramRefs.filter((r) => r.name === name && r.usage !== 'value'));
    return uses[0]?.usage === 'cidrs' ? 'cidrs' : uses[0]?.usage === 'ports' ? 'ports' : undefined;
  };
  const checkValue = (
    name: string,
    value: ParamValue,
    kind: ParamKind | undefined,
    file: string,
    doc: JsonDocument | undefined,
    pointer: string,
  ) => {
    if (kind === undefined) return;
    const bad = paramValueProblem(kind, value);
    if (bad !== undefined) add(file, doc, pointer, `params.${name}: ${bad}`);
  };

  // Config-wide params: known names, right kinds.
  for (const [name, value] of Object.entries(config.params ?? {})) {
    const pointer = `/params/${name}`;
    if (!everyName.has(name)) {
      const suggestion = closest(name, everyName);
      add(
        configAt.file,
        configAt.doc,
        pointer,
        `no policy or built-in reads params.${name}${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ` (known: ${[...everyName].join(', ')})`}`,
      );
      continue;
    }
    checkValue(name, value, kindOf(name), configAt.file, configAt.doc, pointer);
  }

  for (const entry of entries) {
    const { policy, source, at, facts } = entry;
    // The policy's own defaults.
    for (const [name, value] of Object.entries(policy.params ?? {}))
      checkValue(name, value, kindOf(name, entry), source.file, source.doc, `${at}/params/${name}`);
    // Per-policy params in the config.
    const setting: PolicySetting | undefined = config.policies?.[policy.id];
    const own = typeof setting === 'object' ? (setting.params ?? {}) : {};
    if (setting === 'off' || (typeof setting === 'object' && setting.severity === 'off')) continue;
    const known = new Set([...BUILTIN_PARAMS.keys(), ...namesOf(entry)]);
    for (const [name, value] of Object.entries(own)) {
      const pointer = `/policies/${policy.id}/params/${name}`;
      if (!known.has(name)) {
        const suggestion = closest(name, known);
        add(
          configAt.file,
          configAt.doc,
          pointer,
          `policy ${policy.id} does not read params.${name}${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ''}`,
        );
        continue;
      }
      checkValue(name, value, kindOf(name, entry), configAt.file, configAt.doc, pointer);
    }
    // Every reference is supplied (its value's kind is checked where the value is written, above).
    for (const ref of facts.paramRefs) {
      const value = own[ref.name] ?? config.params?.[ref.name] ?? policy.params?.[ref.name] ?? BUILTIN_PARAMS.get(ref.name)?.default;
      if (value === undefined) {
        if (facts.guardedParams.has(ref.name)) continue;
        add(
          source.file,
          source.doc,
          ref.pointer,
          `params.${ref.name} is set by no config, policy default or built-in default: set it in .clb-guard.json "params", or give the policy a default in its "params"`,
        );
      }
    }
  }
  return problems;
}
