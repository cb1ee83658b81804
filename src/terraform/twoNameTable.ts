/**
 * Values found by two names: a resource's type and name, a module call and one of its arguments.
 * Looked up for every instance of a module, so without building a `first.second` key text.
 */
export class TwoNameTable<T> {
  private readonly byFirst = new Map<string, Map<string, T>>();

  get(first: string, second: string): T | undefined {
    return this.byFirst.get(first)?.get(second);
  }

  set(first: string, second: string, value: T): void {
    let bySecond = this.byFirst.get(first);
    if (bySecond === undefined) {
      bySecond = new Map();
      this.byFirst.set(first, bySecond);
    }
    bySecond.set(second, value);
  }
}
