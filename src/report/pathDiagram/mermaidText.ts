/**
 * Text for a Mermaid node label in double quotes. Mermaid's own entity codes (`#quot;`, `#35;`)
 * replace every character that could end the string, start an entity or markup, or close the
 * Markdown fence around the diagram; line breaks become `<br/>`, the one tag labels carry.
 */
export function mermaidLabel(lines: readonly string[]): string {
  return `"${lines.map(escapeLine).join('<br/>')}"`;
}

const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
  '\\': '#92;',
};

function escapeLine(text: string): string {
  // Control characters (a newline in a description) would end the statement.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this does
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.replace(/[#"<>&`\\]/g, (c) => ENTITIES[c]!);
}

/** Shortens a line for a node: long CIDR lists would stretch the diagram. */
export function clip(text: string, max = 72): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
