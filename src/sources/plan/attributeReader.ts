import type { Ref } from '../../model/network.js';
import { SENSITIVE_REASON } from '../../model/sensitiveText.js';
import { type Maybe, type Unknown, unknown } from '../../model/value.js';
import { formatPath, type PathStep } from '../../terraform/attributePath.js';
import { AFTER_APPLY, type AttributeState, SENSITIVE_STATE } from './attributeState.js';
import type { LinkedRefs } from './idLinks.js';
import { someOf } from './messageList.js';
import type { ResourceView } from './resourceView.js';

/** Typed reads over `attribute()`, shared by a resource and by one of its nested blocks. */
export abstract class AttributeReader {
  abstract readonly view: ResourceView;
  abstract attribute(path: readonly PathStep[]): AttributeState;

  string(path: readonly PathStep[]): Maybe<string> | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    if (state.state === 'unknown') return unknownOf(state, path);
    if (typeof state.value === 'string') return state.value;
    if (typeof state.value === 'number' || typeof state.value === 'boolean') return String(state.value);
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a string`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }

  number(path: readonly PathStep[]): Maybe<number> | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    if (state.state === 'unknown') return unknownOf(state, path);
    const value = typeof state.value === 'string' && /^-?\d+$/.test(state.value) ? Number(state.value) : state.value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a number`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }

  boolean(path: readonly PathStep[]): Maybe<boolean> | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    if (state.state === 'unknown') return unknownOf(state, path);
    if (typeof state.value === 'boolean') return state.value;
    if (state.value === 'true' || state.value === 'false') return state.value === 'true';
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a boolean`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }

  /** The IDs an attribute names, linked to resources of the plan where it can be. */
  links(path: readonly PathStep[]): LinkedRefs | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    return this.view.context.links.linksOf(state, this.view.resource.address, path);
  }

  /** A single linked ID: `null` when not set. */
  link(path: readonly PathStep[]): Maybe<Ref> | null {
    const links = this.links(path);
    if (links === undefined) return null;
    if (links.unknownReason !== undefined) return unknown(links.unknownReason);
    if (links.refs.length === 1) return links.refs[0]!;
    if (links.refs.length === 0) return null;
    return unknown(`${formatPath(path)} names ${links.refs.length} objects: ${someOf(links.refs)}`);
  }
}

function unknownOf(state: AttributeState, path: readonly PathStep[]): Unknown {
  return state === SENSITIVE_STATE ? unknown(`${formatPath(path)} is ${SENSITIVE_REASON}`) : unknown(AFTER_APPLY);
}
