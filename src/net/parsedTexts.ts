/**
 * A parser whose results are kept by the text they came from. Only for immutable results (the
 * engine's address and port sets): the same text then shares one parsed value, which large rule
 * lists and policies repeating a few CIDRs and port texts ask for again and again. Bounded, so a
 * long run over many distinct texts does not grow without end.
 */
export function parsedTexts<T>(parse: (text: string) => T, limit = 10_000): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    const found = kept.get(text);
    // A second lookup only for a kept `undefined` (text that does not parse).
    if (found !== undefined || kept.has(text)) return found as T;
    const parsed = parse(text);
    if (kept.size >= limit) kept.clear();
    kept.set(text, parsed);
    return parsed;
  };
}
