/** A list for a message: the first few names, then how many more (a plan can name thousands). */
export function someOf(names: readonly string[], shown = 4): string {
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
