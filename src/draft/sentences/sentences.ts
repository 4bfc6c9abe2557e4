import { type Article, type ArticleSection, parseArticle, sentences as splitSentences } from '../../node/build/article.js';

/**
 * The article as sentences: `quizkit new module`'s own section split
 * (`parseArticle`) and sentence split, so a drafted quote is always a verbatim
 * substring of the section it cites.
 */

/** One word or punctuation mark of a sentence, with its offsets in the sentence. */
export interface Token {
  /** The text as written (a possessive `’s` is kept). */
  readonly text: string;
  /** The text without a possessive `’s` / `'s`. */
  readonly base: string;
  /** Whether the word ends in a possessive `’s` / `'s`. */
  readonly possessive: boolean;
  /** Where the token starts in the sentence. */
  readonly start: number;
  /** Where the token ends in the sentence (exclusive). */
  readonly end: number;
}

/** A sentence of the article, verbatim, with where it stands. */
export interface Sentence {
  /** The sentence's position in the whole article, from 0. */
  readonly index: number;
  /** The section it belongs to. */
  readonly section: ArticleSection;
  /** The paragraph of the section it belongs to, from 0. */
  readonly paragraph: number;
  /** Its position in its paragraph, from 0. */
  readonly position: number;
  /** The sentence, verbatim. */
  readonly text: string;
  /** Its words and punctuation marks. */
  readonly tokens: readonly Token[];
}

/** The article read into sections and sentences. */
export interface ArticleText {
  /** The article as `parseArticle` reads it (title, sections). */
  readonly article: Article;
  /** Every sentence, in reading order. */
  readonly sentences: readonly Sentence[];
}

// A word: letters/digits with inner apostrophes, hyphens and abbreviation dots ("U.S.", "Kim-Xi", "China’s").
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}’'\-]|\.(?=\p{L}\.)|\.(?<=\b\p{Lu}\.)(?=\p{Lu}))*\.?|[^\s\p{L}\p{N}]/gu;

/**
 * Splits a sentence into tokens. A final full stop is its own token unless it
 * ends an abbreviation of capitals ("U.S.").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    let start = match.index;
    const pieces: [string, number][] = [];
    if (word.length > 1 && word.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(word)) {
      pieces.push([word.slice(0, -1), start], ['.', start + word.length - 1]);
    } else pieces.push([word, start]);
    for ([word, start] of pieces) {
      const possessive = /\p{L}['’]s$/u.test(word);
      tokens.push({ text: word, base: possessive ? word.slice(0, -2) : word, possessive, start, end: start + word.length });
    }
  }
  return tokens;
}

/**
 * Reads an article into sections (as `quizkit new module --from` does) and
 * sentences.
 *
 * @param text The article, Markdown or plain text.
 * @param format How to read it: `markdown`, `text`, or detected when left out.
 *
 * @returns The article and its sentences in reading order.
 */
export function readArticleText(text: string, format?: 'markdown' | 'text'): ArticleText {
  const article = format ? parseArticle(text, format) : parseArticle(text);
  const result: Sentence[] = [];
  for (const section of article.sections) {
    section.paragraphs.forEach((paragraph, paragraphIndex) => {
      splitSentences(paragraph).forEach((sentence, position) => {
        result.push({ index: result.length, section, paragraph: paragraphIndex, position, text: sentence, tokens: tokenize(sentence) });
      });
    });
  }
  return { article, sentences: result };
}
