/** One step of a path into a resource's attributes: a name, or an index into a list. */
export type PathStep = string | number;

/** `ingress[2].cidr_block`: a path as Terraform writes it. */
export function formatPath(path: readonly PathStep[]): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i === 0 ? '' : '.'}${step}`)).join('');
}

/** The value one step down (undefined when the step does not fit the value's shape). */
export function childAt(value: unknown, step: PathStep): unknown {
  if (Array.isArray(value)) return typeof step === 'number' ? value[step] : undefined;
  if (typeof value === 'object' && value !== null) return (value as Record<string, unknown>)[String(step)];
  return undefined;
}
