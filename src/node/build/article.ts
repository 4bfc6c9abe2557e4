import { LIMITS } from '../../schema/limits.js';

/**
 * Reads an article (Markdown or plain text) into a title and sections, for
 * `quizkit new module`. Pure; the rules are in {@link parseArticle}.
 *
 * @internal
 */

/** A section of an article: its heading, a stable id made from the heading, and its paragraphs verbatim. */
export interface ArticleSection {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** An article read into a title and sections. */
export interface Article {
  /** The title: the first heading, or the first line when it stands alone. */
  readonly title: string | undefined;
  /** The sections, in order, each with at least one paragraph. */
  readonly sections: readonly ArticleSection[];
  /** Headings left out because no text followed them. */
  readonly emptyHeadings: readonly string[];
  /** How the text was read. */
  readonly format: ArticleFormat;
}

/** How to read an article: Markdown (`#` headings) or plain text (headings are short lines standing alone). */
export type ArticleFormat = 'markdown' | 'text';

/** Whether text looks like Markdown: it has at least one ATX heading (`# Title`, `## Section`). */
export function looksLikeMarkdown(text: string): boolean {
  return /^ {0,3}#{1,6}[ \t]+\S/m.test(text);
}

/** The longest heading read as a heading in plain text; longer lines are paragraphs. */
const MAX_PLAIN_HEADING = 100;
/** The longest first line taken as a title. */
const MAX_TITLE = 150;
/** The longest generated id, cut at a hyphen. */
const MAX_ID = 48;

type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; lines: string[] };

/** Whether a line ends like a sentence or a clause (after closing quotes and brackets). */
function endsWithPunctuation(line: string): boolean {
  return /[.!?;,:…]$/.test(line.replace(/["'”’»)\]*_]+$/, ''));
}

/**
 * Splits text into blocks. Markdown: ATX (`## H`) and setext (`H` over `===`/`---`) headings,
 * fenced code kept inside paragraphs, front matter skipped. Plain text: blank-line-separated
 * paragraphs, where a paragraph of one short line without final punctuation, followed by more
 * text, is a heading.
 */
function blocks(text: string, format: ArticleFormat): Block[] {
  let lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  if (format === 'markdown' && lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) lines = lines.slice(end + 1);
  }
  const result: Block[] = [];
  let paragraph: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (paragraph.length) result.push({ kind: 'paragraph', lines: paragraph });
    paragraph = [];
  };
  for (const line of lines) {
    if (format === 'markdown') {
      const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        paragraph.push(line);
        if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
        continue;
      }
      if (fenceMark) {
        fence = fenceMark;
        paragraph.push(line);
        continue;
      }
      const atx = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?$/.exec(line);
      if (atx) {
        flush();
        const heading = (atx[2] ?? '').trim();
        if (heading) result.push({ kind: 'heading', level: atx[1]!.length, text: heading });
        continue;
      }
      const setext = /^ {0,3}(=+|-+)$/.exec(line);
      if (setext && paragraph.length === 1) {
        result.push({ kind: 'heading', level: setext[1]!.startsWith('=') ? 1 : 2, text: paragraph[0]!.trim() });
        paragraph = [];
        continue;
      }
    }
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  if (format === 'text') {
    return result.map((block, index) => {
      if (block.kind !== 'paragraph' || block.lines.length !== 1) return block;
      const line = block.lines[0]!.trim();
      const isHeading = index < result.length - 1 && line.length <= MAX_PLAIN_HEADING && !endsWithPunctuation(line);
      return isHeading ? { kind: 'heading', level: 1, text: line } : block;
    });
  }
  return result;
}

/**
 * A stable kebab-case id from a heading: lower case, accents dropped,
 * apostrophes dropped (“China’s” → `chinas`), `&` read as “and”, every other
 * run of non-alphanumerics a hyphen, at most 48 characters (cut at a hyphen).
 * An id that would not start with a letter gets the prefix `section-`.
 *
 * @example
 * ```ts
 * slugify('A United Front: Kim, Xi, and Putin'); //=> 'a-united-front-kim-xi-and-putin'
 * ```
 */
export function slugify(text: string): string {
  let slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_ID) {
    const cut = slug.slice(0, MAX_ID + 1);
    const hyphen = cut.lastIndexOf('-');
    slug = hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, MAX_ID);
  }
  if (!/^[a-z]/.test(slug)) slug = slug ? `section-${slug}` : 'section';
  if (slug === 'constructor' || slug === 'prototype') slug = `${slug}-section`;
  return slug.slice(0, LIMITS.idLength);
}

/** Gives each id a unique variant by appending `-2`, `-3`, … in order of appearance. */
function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.map((id) => {
    let unique = id;
    for (let n = 2; seen.has(unique); n++) unique = `${id}-${n}`;
    seen.add(unique);
    return unique;
  });
}

/** Splits a long section into parts of at most `max` characters at paragraph boundaries. */
function splitLong(paragraphs: readonly string[], max: number): string[][] {
  const parts: string[][] = [[]];
  let size = 0;
  for (const paragraph of paragraphs) {
    const current = parts[parts.length - 1]!;
    if (current.length > 0 && size + paragraph.length + 2 > max) {
      parts.push([paragraph]);
      size = paragraph.length;
    } else {
      current.push(paragraph);
      size += paragraph.length + (current.length > 1 ? 2 : 0);
    }
  }
  return parts;
}

/**
 * Reads an article into a title and sections.
 *
 * - The **title** is the first block when it is a heading or a line standing
 *   alone (at most 150 characters); otherwise there is none and the caller
 *   writes a placeholder.
 * - **Sections** start at headings: in Markdown, `#` … `######` and setext
 *   headings of the shallowest level used after the title (deeper headings
 *   stay in the text as paragraphs); in plain text, a short line (at most 100
 *   characters) without final punctuation, standing alone between blank lines
 *   and followed by more text.
 * - Paragraphs are kept verbatim (trailing spaces dropped). Text before the
 *   first heading becomes a section “Introduction”; an article without
 *   headings becomes one section headed by its title. A heading with no text
 *   after it is left out and listed in `emptyHeadings`. A section longer than
 *   the schema allows is split at paragraph boundaries into “(part 2)” … .
 * - Ids come from {@link slugify}, made unique with `-2`, `-3`, … .
 *
 * @param text The article.
 * @param format How to read it; detected with {@link looksLikeMarkdown} when left out.
 *
 * @returns The title and sections.
 */
export function parseArticle(text: string, format: ArticleFormat = looksLikeMarkdown(text) ? 'markdown' : 'text'): Article {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const all = blocks(normalized, format);
  let title: string | undefined;
  const first = all[0];
  if (first?.kind === 'heading') {
    title = first.text;
    all.shift();
  } else if (first?.kind === 'paragraph' && first.lines.length === 1 && first.lines[0]!.trim().length <= MAX_TITLE) {
    title = first.lines[0]!.trim();
    all.shift();
  }

  const levels = all.flatMap((block) => (block.kind === 'heading' ? [block.level] : []));
  const sectionLevel = levels.length ? Math.min(...levels) : 0;
  const raw: { heading: string; paragraphs: string[] }[] = [];
  for (const block of all) {
    if (block.kind === 'heading' && block.level === sectionLevel) {
      raw.push({ heading: block.text, paragraphs: [] });
      continue;
    }
    const paragraph = block.kind === 'heading' ? block.text : block.lines.join('\n');
    if (raw.length === 0) raw.push({ heading: levels.length ? 'Introduction' : (title ?? 'Reading'), paragraphs: [] });
    raw[raw.length - 1]!.paragraphs.push(paragraph);
  }

  const emptyHeadings = raw.filter((section) => section.paragraphs.length === 0).map((section) => section.heading);
  const filled = raw
    .filter((section) => section.paragraphs.length > 0)
    .flatMap((section) => {
      const parts = splitLong(section.paragraphs, LIMITS.sectionText);
      return parts.map((paragraphs, index) => ({
        heading: (index === 0 ? section.heading : `${section.heading} (part ${index + 1})`).slice(0, LIMITS.shortText),
        paragraphs,
      }));
    });
  const ids = uniqueIds(filled.map((section) => slugify(section.heading)));
  const sections = filled.map((section, index) => ({ id: ids[index]!, heading: section.heading, paragraphs: section.paragraphs }));
  return { title: title?.slice(0, LIMITS.shortText), sections, emptyHeadings, format };
}

/**
 * The sentences of a paragraph, each a verbatim substring of it. A full stop
 * after a single capital letter (“U.S.”, “J. Smith”) does not end a sentence.
 */
export function sentences(paragraph: string): string[] {
  const result: string[] = [];
  const end = /[.!?…]+["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9]|\s*$)/g;
  let start = 0;
  for (const match of paragraph.matchAll(end)) {
    const stop = match.index + match[0].length;
    const before = paragraph.slice(Math.max(0, match.index - 2), match.index);
    if (/(^|[\s.])[A-Z]$/.test(before) && stop < paragraph.length) continue;
    const sentence = paragraph.slice(start, stop).trim();
    if (sentence) result.push(sentence);
    start = stop;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) result.push(rest);
  return result;
}

/** A quote for a question: the sentence itself, or its first words when it is long (still verbatim). */
export function quotable(sentence: string, max = 240): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > 40 ? cut.slice(0, space).replace(/[\s,;:]+$/, '') : cut;
}
