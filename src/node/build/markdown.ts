/**
 * Markdown helpers for the generated pages: text from quiz files is plain
 * text, so everything Markdown would read as syntax is escaped.
 *
 * @internal
 */

/** Escapes inline Markdown and HTML syntax in plain text, keeping line breaks. */
export function md(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
        // Whatever would start a block (heading, quote, list, rule, numbered list) at a line start.
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Plain text as Markdown paragraphs: blank-line-separated paragraphs stay paragraphs. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map(md);
}

/** An explicit HTML anchor on its own line, for stable in-page links. */
export const anchor = (id: string) => `<a id="${id}"></a>`;

/** A Markdown link to an anchor on the same page. */
export const link = (text: string, id: string) => `[${md(text)}](#${id})`;

/** A block quote of plain text. */
export const blockquote = (text: string) =>
  md(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
