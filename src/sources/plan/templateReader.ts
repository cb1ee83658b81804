import type { AddressTemplate, AddressTemplateGroup, ServiceTemplate, ServiceTemplateGroup } from '../../model/address.js';
import type { Ref } from '../../model/network.js';
import { type Maybe, unknown } from '../../model/value.js';
import { AFTER_APPLY } from './attributeState.js';
import type { PlanContext } from './planContext.js';
import type { ResourceView } from './resourceView.js';

export interface Templates {
  readonly addressTemplates: Map<Ref, AddressTemplate>;
  readonly addressTemplateGroups: Map<Ref, AddressTemplateGroup>;
  readonly serviceTemplates: Map<Ref, ServiceTemplate>;
  readonly serviceTemplateGroups: Map<Ref, ServiceTemplateGroup>;
}

/** Parameter templates: `tencentcloud_address_template(_group)`, `tencentcloud_protocol_template(_group)`. */
export function readTemplates(context: PlanContext): Templates {
  const templates: Templates = {
    addressTemplates: new Map(),
    addressTemplateGroups: new Map(),
    serviceTemplates: new Map(),
    serviceTemplateGroups: new Map(),
  };
  for (const resource of context.resources.ofType('tencentcloud_address_template')) {
    const view = context.view(resource);
    templates.addressTemplates.set(resource.address, {
      key: resource.address,
      ...nameOf(view),
      addresses: strings(view, 'addresses'),
      provenance: context.provenance(resource),
    });
  }
  for (const resource of context.resources.ofType('tencentcloud_address_template_group')) {
    const view = context.view(resource);
    templates.addressTemplateGroups.set(resource.address, {
      key: resource.address,
      ...nameOf(view),
      members: members(view),
      provenance: context.provenance(resource),
    });
  }
  for (const resource of context.resources.ofType('tencentcloud_protocol_template')) {
    const view = context.view(resource);
    templates.serviceTemplates.set(resource.address, {
      key: resource.address,
      ...nameOf(view),
      services: strings(view, 'protocols'),
      provenance: context.provenance(resource),
    });
  }
  for (const resource of context.resources.ofType('tencentcloud_protocol_template_group')) {
    const view = context.view(resource);
    templates.serviceTemplateGroups.set(resource.address, {
      key: resource.address,
      ...nameOf(view),
      members: members(view),
      provenance: context.provenance(resource),
    });
  }
  return templates;
}

function nameOf(view: ResourceView): { name?: string } {
  const name = view.string(['name']);
  return typeof name === 'string' ? { name } : {};
}

function strings(view: ResourceView, attribute: string): Maybe<readonly string[]> {
  const state = view.attribute([attribute]);
  if (state.state === 'unset') return [];
  if (state.state === 'unknown') return unknown(AFTER_APPLY);
  if (Array.isArray(state.value) && state.value.every((v) => typeof v === 'string')) return state.value as string[];
  view.context.warn(view.resource, `${attribute}: expected a list of strings`);
  return unknown(`${attribute} has an unexpected shape`);
}

function members(view: ResourceView): Maybe<readonly Ref[]> {
  const links = view.links(['template_ids']);
  if (links === undefined) return [];
  return links.unknownReason !== undefined ? unknown(links.unknownReason) : links.refs;
}
