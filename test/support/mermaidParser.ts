/**
 * Mermaid's own parser, the one its renderer (and so GitHub's) runs. It needs a DOM: call it from
 * a test file that starts with `// @vitest-environment jsdom`. Throws on a diagram it cannot parse.
 */
export async function parseMermaid(text: string): Promise<string> {
  const { default: mermaid } = await import('mermaid');
  // Without suppressErrors, parse throws on any error.
  const result = await mermaid.parse(text);
  return result.diagramType;
}

/** The ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}

/** Edges in a flowchart: one per arrow statement. */
export function edgeCount(chart: string): number {
  return chart.split('\n').filter((l) => /^\s+\S+ (-->|--x|-\.->) \S+$/.test(l)).length;
}
