import { type ModuleStep, modulePrefix } from './terraformAddress.js';

/**
 * What is kept once per module instance (its variables, locals, `type.name` values), found by the
 * identity of its path array: every resource of one module instance shares one, so a lookup
 * builds no key text. A path built afresh (a parent's path sliced from its child's, a module
 * instance named by a reference) is found by its text once and then by its identity too.
 */
export class ModuleInstanceMemo<T> {
  private readonly byPath = new WeakMap<readonly ModuleStep[], T>();
  private readonly byText = new Map<string, T>();

  constructor(private readonly create: () => T) {}

  of(module: readonly ModuleStep[]): T {
    let value = this.byPath.get(module);
    if (value === undefined) {
      const text = modulePrefix(module);
      value = this.byText.get(text);
      if (value === undefined) {
        value = this.create();
        this.byText.set(text, value);
      }
      this.byPath.set(module, value);
    }
    return value;
  }
}
