import type { ModuleStep } from './terraformAddress.js';

/**
 * Values found by a module path and two names (a resource's type and name), remembered by the
 * path's identity. Readers ask for the same few resources of a module instance hundreds of
 * thousands of times; building `module.x["k"].type.name` for each lookup means a new string
 * to flatten and hash every time. Every resource of one module instance shares one path array,
 * so this finds them without building any text; a path built afresh only misses (and fills) the memo.
 */
export class ModuleNameMemo<T> {
  private readonly byModule = new WeakMap<readonly ModuleStep[], Map<string, Map<string, T>>>();

  /** The remembered value, or undefined when none is. */
  get(module: readonly ModuleStep[], first: string, second: string): T | undefined {
    return this.byModule.get(module)?.get(first)?.get(second);
  }

  set(module: readonly ModuleStep[], first: string, second: string, value: T): void {
    let byFirst = this.byModule.get(module);
    if (byFirst === undefined) {
      byFirst = new Map();
      this.byModule.set(module, byFirst);
    }
    let bySecond = byFirst.get(first);
    if (bySecond === undefined) {
      bySecond = new Map();
      byFirst.set(first, bySecond);
    }
    bySecond.set(second, value);
  }
}
