import type { RuleName } from '../schema/types.js';

/**
 * A grading type of Moodle's ordering question (`qtype_ordering`): the
 * `GRADING_*` constant of `qtype_ordering_question` and the name Moodle XML
 * and the GIFT extension write.
 *
 * @example
 * ```ts
 * import type { MoodleGradingType } from 'quizkit/gift';
 * const type: MoodleGradingType = { constant: 4, name: 'RELATIVE_ALL_PREVIOUS_AND_NEXT' };
 * ```
 */
export interface MoodleGradingType {
  /** The `qtype_ordering_question::GRADING_*` value stored in Moodle's database, −1 to 7. */
  readonly constant: number;
  /** The name in `<gradingtype>` (Moodle's XML importer reads names only: a number falls back to its default). */
  readonly name: string;
}

/**
 * Each of quizkit's nine ordering rules and the Moodle grading type that
 * scores exactly the same (`question/type/ordering/question.php`; the
 * formulas are compared in `docs/scoring.md`).
 *
 * `toMoodleXml` writes `name` into `<gradingtype>`: Moodle's importer
 * (`qtype_ordering::set_layout_select_count_grading`) maps names, and falls
 * back to RELATIVE_NEXT_EXCLUDE_LAST for anything else, numbers included.
 *
 * @example
 * ```ts
 * import { MOODLE_ORDERING_GRADING } from 'quizkit/gift';
 * MOODLE_ORDERING_GRADING['pairwise-order']; //=> { constant: 4, name: 'RELATIVE_ALL_PREVIOUS_AND_NEXT' }
 * MOODLE_ORDERING_GRADING['all-or-nothing'].constant; //=> -1
 * ```
 */
export const MOODLE_ORDERING_GRADING = {
  'all-or-nothing': { constant: -1, name: 'ALL_OR_NOTHING' },
  'exact-position': { constant: 0, name: 'ABSOLUTE_POSITION' },
  'next-item': { constant: 1, name: 'RELATIVE_NEXT_EXCLUDE_LAST' },
  'next-item-and-last': { constant: 2, name: 'RELATIVE_NEXT_INCLUDE_LAST' },
  'previous-and-next': { constant: 3, name: 'RELATIVE_ONE_PREVIOUS_AND_NEXT' },
  'pairwise-order': { constant: 4, name: 'RELATIVE_ALL_PREVIOUS_AND_NEXT' },
  'longest-ordered-subsequence': { constant: 5, name: 'LONGEST_ORDERED_SUBSET' },
  'longest-consecutive-run': { constant: 6, name: 'LONGEST_CONTIGUOUS_SUBSET' },
  'position-distance': { constant: 7, name: 'RELATIVE_TO_CORRECT' },
} as const satisfies { readonly [R in RuleName<'ordering'>]: MoodleGradingType };

/** Grading-type names and aliases the qtype_ordering importers accept, to quizkit's rule. */
export const ORDERING_RULE_BY_MOODLE_NAME: Readonly<Record<string, RuleName<'ordering'>>> = {
  ALL_OR_NOTHING: 'all-or-nothing',
  ABS: 'exact-position',
  ABSOLUTE: 'exact-position',
  ABSOLUTE_POSITION: 'exact-position',
  REL: 'next-item',
  RELATIVE: 'next-item',
  RELATIVE_NEXT_EXCLUDE_LAST: 'next-item',
  RELATIVE_NEXT_INCLUDE_LAST: 'next-item-and-last',
  RELATIVE_ONE_PREVIOUS_AND_NEXT: 'previous-and-next',
  RELATIVE_ALL_PREVIOUS_AND_NEXT: 'pairwise-order',
  LONGEST_ORDERED_SUBSET: 'longest-ordered-subsequence',
  LONGEST_CONTIGUOUS_SUBSET: 'longest-consecutive-run',
  RELATIVE_TO_CORRECT: 'position-distance',
};
