/** Where each built-in policy is documented: its `##` section of docs/policies.md, named by its id. */
export function builtinDocsUrl(id: string): string {
  return `https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#${id}`;
}
