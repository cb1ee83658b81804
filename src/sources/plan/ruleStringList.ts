import { formatPath } from '../../terraform/attributePath.js';
import { type HclListElement, listElements, referencesIn, tokenize } from '../../terraform/hcl/index.js';
import { AFTER_APPLY } from './attributeState.js';
import { someOf } from './messageList.js';
import type { ResourceView } from './resourceView.js';
import { fieldsOfTemplate, fieldsOfText, type RuleField } from './ruleStrings.js';

export interface RuleStringEntry {
  readonly index: number;
  readonly fields: readonly RuleField[];
  /** The string as known or as written, for messages. */
  readonly text: string;
  /** Its own line in the `.tf` file, when found. */
  readonly line?: number;
}

export type RuleStringList = { readonly entries: readonly RuleStringEntry[] } | { readonly unknownReason: string };

/**
 * A list attribute of rule strings (`ingress`/`egress` of a lite rule or an ACL). Known lists are
 * read as they are, each string placed on its line of the `.tf` file. An unknown list (one
 * element interpolates a value known after apply) is rebuilt from the strings as written, with
 * each interpolation resolved through the configuration — so `ACCEPT#${clb.clb_vips[0]}#…`
 * still says "the VIP of that CLB" and the literal rules around it are not lost.
 */
export function readRuleStrings(view: ResourceView, name: string): RuleStringList {
  const source = view.context.sourceBlock(view.resource)?.block.attributes.get(name);
  const elements = source === undefined ? undefined : listElements(source.tokens);
  const state = view.attribute([name]);
  if (state.state === 'unset') return { entries: [] };
  if (state.state === 'set') return knownList(view, name, state.value, elements);
  const constants = state.items.filter((item) => item.kind === 'constant');
  if (constants.length === 1 && state.items.length === 1) return knownList(view, name, constants[0]!.value, elements);
  if (elements?.every((element) => element.template !== undefined)) {
    const resolve = (expression: string) => view.context.resolver.resolveReferences(referencesIn(tokenize(expression)), view.scope);
    return {
      entries: elements.map((element, index) => ({
        index,
        fields: fieldsOfTemplate(element.template!, resolve),
        text: element
          .template!.map((part) => ('literal' in part ? part.literal : 'interpolation' in part ? `\${${part.interpolation}}` : '%{…}'))
          .join(''),
        line: element.line,
      })),
    };
  }
  const mentioned = state.items
    .filter((item) => item.kind === 'resource')
    .map((item) => (item.kind === 'resource' ? `${item.resource.address}.${item.attribute.join('.')}` : ''));
  return { unknownReason: `${name}: ${AFTER_APPLY}${mentioned.length > 0 ? ` (it interpolates ${someOf(mentioned)})` : ''}` };
}

function knownList(view: ResourceView, name: string, value: unknown, elements: readonly HclListElement[] | undefined): RuleStringList {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    view.context.warn(view.resource, `${formatPath([name])}: expected a list of strings`);
    return { unknownReason: `${name} has an unexpected shape` };
  }
  const written = elements?.map((element) =>
    element.template?.every((part) => 'literal' in part)
      ? element.template.map((part) => (part as { literal: string }).literal).join('')
      : undefined,
  );
  const aligned = elements !== undefined && elements.length === value.length;
  return {
    entries: (value as string[]).map((text, index) => {
      let line: number | undefined;
      if (elements !== undefined) {
        const exact = written?.indexOf(text) ?? -1;
        if (aligned && (written?.[index] === text || written?.[index] === undefined)) line = elements[index]!.line;
        else if (exact >= 0) line = elements[exact]!.line;
      }
      return { index, fields: fieldsOfText(text), text, ...(line !== undefined ? { line } : {}) };
    }),
  };
}
