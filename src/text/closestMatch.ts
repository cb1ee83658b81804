import { distance } from 'fastest-levenshtein';

/**
 * The known name a typo most likely meant, for "did you mean": the nearest by edit distance
 * within about a third of the word's length, or a known name the word begins (`--tf` for
 * `--tf-root`). Undefined when nothing is that close: a wild guess helps nobody.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  // Two edits cover a swapped pair ("plna" for "plan"), which Levenshtein counts twice.
  const limit = Math.max(word.length >= 4 ? 2 : 1, Math.min(3, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (word.length > 200 || candidate.length > 200) continue;
    const d = candidate.toLowerCase().startsWith(lower) && word.length >= 3 ? 0.5 : distance(lower, candidate.toLowerCase());
    if (d <= limit && (best === undefined || d < best.distance)) best = { candidate, distance: d };
  }
  return best?.candidate;
}
