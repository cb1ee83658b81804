import type { AddressSpec, ServiceSpec } from '../../model/address.js';
import type { Ref } from '../../model/network.js';
import type { RuleAction } from '../../model/securityGroup.js';
import type { TemplatePart } from '../../terraform/hcl/index.js';
import type { Resolved } from '../../terraform/referenceResolver.js';

/**
 * The `#`-separated rule strings of `tencentcloud_security_group_lite_rule`
 * (`ACTION#SOURCE#PORT#PROTOCOL`) and `tencentcloud_vpc_acl` (`ACTION#CIDR#PORT#PROTOCOL[#DESCRIPTION]`),
 * from a known value or from the template written in the `.tf` file when the plan only knows
 * that the list is unknown (one interpolated element makes the whole list unknown).
 */
export type RuleField =
  | { readonly text: string }
  /** A field written as one interpolation, e.g. `${tencentcloud_clb_instance.web.clb_vips[0]}`. */
  | { readonly items: readonly Resolved[]; readonly source: string }
  | { readonly unknownReason: string };

export function fieldsOfText(text: string): RuleField[] {
  return text.split('#').map((part) => ({ text: part }));
}

/** Splits a template on the `#` of its literal parts; interpolations stay whole. */
export function fieldsOfTemplate(parts: readonly TemplatePart[], resolve: (expression: string) => Resolved[]): RuleField[] {
  const raw: TemplatePart[][] = [[]];
  for (const part of parts) {
    if ('literal' in part) {
      const pieces = part.literal.split('#');
      pieces.forEach((piece, i) => {
        if (i > 0) raw.push([]);
        if (piece !== '') raw[raw.length - 1]!.push({ literal: piece });
      });
    } else raw[raw.length - 1]!.push(part);
  }
  return raw.map((field) => fieldOfParts(field, resolve));
}

function fieldOfParts(parts: readonly TemplatePart[], resolve: (expression: string) => Resolved[]): RuleField {
  if (parts.every((p) => 'literal' in p)) return { text: parts.map((p) => (p as { literal: string }).literal).join('') };
  if (parts.some((p) => 'directive' in p)) return { unknownReason: 'a template directive (%{…}) in a rule string' };
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only !== undefined && 'interpolation' in only) {
    const items = resolve(only.interpolation);
    const constant = constantText(items);
    return constant !== undefined ? { text: constant } : { items, source: only.interpolation };
  }
  let text = '';
  for (const part of parts) {
    if ('literal' in part) text += part.literal;
    else if ('interpolation' in part) {
      const constant = constantText(resolve(part.interpolation));
      if (constant === undefined) return { unknownReason: `\${${part.interpolation}} is known only after apply` };
      text += constant;
    }
  }
  return { text };
}

function constantText(items: readonly Resolved[]): string | undefined {
  if (items.length !== 1) return undefined;
  const item = items[0]!;
  if (item.kind !== 'constant') return undefined;
  if (typeof item.value === 'string' || typeof item.value === 'number' || typeof item.value === 'boolean') return String(item.value);
  return undefined;
}

export function ruleAction(text: string): RuleAction | undefined {
  const upper = text.trim().toUpperCase();
  return upper === 'ACCEPT' || upper === 'DROP' ? upper : undefined;
}

/** A lite rule's source: a CIDR or address, `sg-…`, `ipm-…` or `ipmg-…`. */
export function peerOfText(text: string, alias: (id: string) => Ref): AddressSpec {
  const value = text.trim();
  if (/^sg-/i.test(value)) return { kind: 'securityGroup', ref: alias(value) };
  if (/^ipmg-/i.test(value)) return { kind: 'addressTemplateGroup', ref: alias(value) };
  if (/^ipm-/i.test(value)) return { kind: 'addressTemplate', ref: alias(value) };
  return { kind: 'cidr', cidr: value };
}

/** A lite rule's protocol and port: `TCP` + `80`, `ALL` + `ALL`, or a `ppm-…`/`ppmg-…` template. */
export function serviceOfText(protocol: string, port: string, alias: (id: string) => Ref): ServiceSpec {
  const value = protocol.trim();
  if (/^ppmg-/i.test(value)) return { kind: 'serviceTemplateGroup', ref: alias(value) };
  if (/^ppm-/i.test(value)) return { kind: 'serviceTemplate', ref: alias(value) };
  return { kind: 'protocol', protocol: value === '' ? 'ALL' : value.toUpperCase(), ports: normalizePorts(port) };
}

/** Ports as the engine reads them: empty or `all` means every port. */
export function normalizePorts(port: string): string {
  const value = port.trim();
  return value === '' || value.toUpperCase() === 'ALL' ? 'ALL' : value;
}
