import type { Question, ReadonlyModule, ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';

/**
 * What the QTI export accepts: a whole module (one assessment test per quiz)
 * or one quiz, parsed, or a built-in module written `as const`.
 *
 * @example
 * ```ts
 * import type { QtiSource } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const whole: QtiSource = northKoreaChina;
 * const one: QtiSource = northKoreaChina.quizzes[0];
 * ```
 */
export type QtiSource = ReadonlyModule | ReadonlyQuiz;

/**
 * A question as the QTI export accepts it.
 *
 * @example
 * ```ts
 * import type { QtiQuestion } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const question: QtiQuestion = northKoreaChina.quizzes[0].questions[0];
 * ```
 */
export type QtiQuestion = ReadonlyQuestion;

/**
 * Options of the QTI export. Every field is optional.
 *
 * @example
 * ```ts
 * import type { QtiOptions } from 'quizkit/qti';
 * const options: QtiOptions = { lang: 'en-GB', responseProcessing: 'templates', shuffle: false };
 * ```
 */
export interface QtiOptions {
  /**
   * How items are scored. `'exact'` (the default) uses a standard template
   * where one computes the question's rule, and writes custom response
   * processing for the rules no template can express, so every item scores as
   * quizkit does. `'templates'` uses only the standard templates
   * (`match_correct`, `map_response`), for systems that ignore custom
   * processing; rules no template expresses then fall back to `match_correct`
   * (all or nothing), and {@link qtiScoring} says so.
   */
  readonly responseProcessing?: 'exact' | 'templates';
  /** The language of the text, written as `xml:lang` on every item (default `'en'`). */
  readonly lang?: string;
  /** Whether the delivery system may shuffle options, items and match sets (default `true`). */
  readonly shuffle?: boolean;
  /** The text of the extra "none of these" target of matching questions that set `allowNoMatch` (default `'None of these'`). */
  readonly noMatchText?: string;
}

/**
 * Options of {@link toQtiZip}: those of the export, and the time stamp of the
 * zip entries.
 *
 * @example
 * ```ts
 * import type { QtiZipOptions } from 'quizkit/qti';
 * const options: QtiZipOptions = { mtime: new Date(2026, 0, 1) };
 * ```
 */
export interface QtiZipOptions extends QtiOptions {
  /**
   * The modification time written for every entry, read in local time as zip
   * does (default 1 January 1980, 00:00, the earliest a zip can hold), so the
   * same module always gives the same bytes.
   */
  readonly mtime?: Date;
}

/**
 * One file of a QTI content package: its path inside the package (`/`
 * separated, no leading slash) and its XML text.
 *
 * @example
 * ```ts
 * import type { QtiFile } from 'quizkit/qti';
 * const file: QtiFile = { path: 'items/capital.xml', content: '<?xml version="1.0" encoding="UTF-8"?>\n…' };
 * ```
 */
export interface QtiFile {
  /** The path inside the package, such as `items/who-met-in-beijing.xml`. */
  readonly path: string;
  /** The file's text, UTF-8 XML ending in a newline. */
  readonly content: string;
}

/**
 * How an exported item is scored, and whether that equals quizkit's rule.
 *
 * @example
 * ```ts
 * import type { QtiScoring } from 'quizkit/qti';
 * const scoring: QtiScoring = {
 *   questionId: 'order', type: 'ordering', rule: 'pairwise-order',
 *   processing: 'match_correct', exact: false,
 *   note: 'No standard template scores pairwise-order; exported as match_correct (all or nothing).',
 * };
 * ```
 */
export interface QtiScoring {
  /** The question's id, which is also the item's identifier. */
  readonly questionId: string;
  /** The question's type. */
  readonly type: Question['type'];
  /** The name of the question's scoring rule. */
  readonly rule: string;
  /**
   * The item's response processing: one of the standard templates
   * (`match_correct`, `map_response`), or `custom` rules written out in the item.
   */
  readonly processing: 'match_correct' | 'map_response' | 'custom';
  /**
   * Whether the item computes quizkit's fraction for every response, up to
   * the rounding of mapped values to `QTI_DECIMALS` places.
   */
  readonly exact: boolean;
  /** Why the item differs from quizkit's rule, or anything else a reader should know. */
  readonly note?: string;
}
