// Text encodings for GIFT and Moodle XML. Every quizkit text is plain text.

/**
 * Escapes GIFT's control characters as Moodle's exporter does (`repchar`):
 * `\ # = ~ { } :` get a backslash, a newline becomes `\n`, `\r` is dropped.
 * No other backslash sequence is ever written.
 */
export const escapeGift = (text: string): string =>
  text.replace(/\r\n?/g, '\n').replace(/[\\#=~{}:\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));

/** A text at the start of an answer that Moodle or gift-pegjs would read as a format or a weight. */
const MISREAD_START = /^(?:%|\[(?:html|moodle|plain|markdown)\])/;

/** Only `&`, `<` and `>`: named entities keep `#` (a GIFT control character) out. Newlines become `<br>`. */
const toHtmlLine = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n?|\n/g, '<br>');

/**
 * A plain text as GIFT "rich text" (question text, answer, feedback, matching
 * stem), with a format prefix where Moodle would otherwise misread it:
 *
 * - `[html]` with `&lt;`-style entities for an answer text (matching stem,
 *   choice option) that contains `->`: GIFT cannot escape it, Moodle splits a
 *   matching pair at the first one, and gift-pegjs reads `=a -> b` as a pair
 *   even among `~` answers;
 * - `[plain]` for a text with `<` or `&`, which Moodle's default format would
 *   treat as HTML;
 * - `[moodle]` (the default format, stated) for a text that starts with `%`
 *   or with a format name, which would be read as a weight or a format.
 */
export function giftRichText(text: string, { answer = false } = {}): string {
  if (answer && text.includes('->')) return `[html]${escapeGift(toHtmlLine(text))}`;
  if (/[<&]/.test(text)) return `[plain]${escapeGift(text)}`;
  if (MISREAD_START.test(text)) return `[moodle]${escapeGift(text)}`;
  return escapeGift(text);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Removes every tag, as `.replace(/<[^>]*>/g, '')` does (from each `<` to the
 * next `>`), in one pass: the regex rescans to the end from every `<` that has
 * no `>` after it, O(n²) on `<<<<…` (issue #13.1).
 */
function stripTags(html: string): string {
  let text = '';
  let from = 0;
  for (let open = html.indexOf('<'); open >= 0; open = html.indexOf('<', from)) {
    const close = html.indexOf('>', open);
    if (close < 0) break;
    text += html.slice(from, open);
    from = close + 1;
  }
  return text + html.slice(from);
}

/**
 * HTML to plain text for imported `[html]` texts: `<br>` and paragraph ends
 * become newlines, other tags are removed, entities are decoded.
 */
export function htmlToText(html: string): string {
  return stripTags(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^>]*>/gi, '\n\n'))
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .trim();
}

// XML 1.0 allows tab, newline, carriage return and U+0020 up, minus surrogates (unless paired) and U+FFFE/U+FFFF.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** True when the text holds characters XML 1.0 cannot carry at all. */
export const hasXmlInvalid = (text: string): boolean => new RegExp(XML_INVALID.source).test(text);

/** Removes the characters XML 1.0 cannot carry (control characters, lone surrogates). */
export const xmlSafe = (text: string): string => text.replace(XML_INVALID, '');

/** Escapes text for an XML element or attribute. */
export const xmlEscape = (text: string): string =>
  xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Wraps text in CDATA, splitting any `]]>` across two sections. */
export const cdata = (text: string): string => `<![CDATA[${xmlSafe(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/**
 * A plain text as Moodle HTML: escaped, paragraphs at blank lines (`<p>`),
 * `<br>` at single newlines; `inline` (answers, items, matching stems) keeps
 * it to one block, with `<br>` for every line break.
 */
export function plainToHtml(text: string, { inline = false } = {}): string {
  const escaped = text.replace(/\r\n?/g, '\n').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (inline) return escaped.replace(/\n/g, '<br>');
  return escaped
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('');
}
