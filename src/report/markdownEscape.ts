/** Keeps user-controlled text from breaking the Markdown around it (tables, code spans, HTML). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|');
}

/** Keeps fenced blocks closed: a ``` inside the content would end the block early. */
export function fence(text: string): string {
  return text.replace(/```/g, "'''");
}
