import type { DeepReadonly, Question, QuestionType } from '../../schema/types.js';
import type { QtiScoring } from '../types.js';
import type { XmlElement } from '../xml.js';

/** Options with their defaults applied. */
export interface ResolvedOptions {
  readonly exact: boolean;
  readonly shuffle: boolean;
  readonly noMatchText: string;
}

/** What one question type contributes to its item. */
export interface ItemParts {
  /** `qti-response-declaration` for RESPONSE. */
  readonly declaration: XmlElement;
  /** Outcome declarations beyond SCORE and MAXSCORE (working variables of custom processing). */
  readonly outcomes: readonly XmlElement[];
  /** The interaction, with the prompt inside it. */
  readonly interaction: XmlElement;
  /** `qti-response-processing`. */
  readonly processing: XmlElement;
  /** How the item scores. */
  readonly scoring: Pick<QtiScoring, 'processing' | 'exact'> & { readonly note?: string | undefined };
}

/** Builds the parts of an item for one question type. */
export type ItemBuilder<T extends QuestionType> = (question: DeepReadonly<Extract<Question, { type: T }>>, options: ResolvedOptions) => ItemParts;

/** Joins the notes that apply, or undefined when none does. */
export const notes = (...texts: readonly (string | undefined)[]): string | undefined =>
  texts.filter((text): text is string => !!text).join(' ') || undefined;
