/**
 * qtype_ordering_question::GRADING_* (moodle/moodle question/type/ordering/question.php),
 * by the name qtype_ordering's XML importer maps to each
 * (questiontype.php, set_layout_select_count_grading). Shared by the tests that
 * compare our ordering rules and our Moodle XML export with Moodle.
 */
export const MOODLE_GRADING = {
  ALL_OR_NOTHING: -1,
  ABSOLUTE_POSITION: 0,
  RELATIVE_NEXT_EXCLUDE_LAST: 1,
  RELATIVE_NEXT_INCLUDE_LAST: 2,
  RELATIVE_ONE_PREVIOUS_AND_NEXT: 3,
  RELATIVE_ALL_PREVIOUS_AND_NEXT: 4,
  LONGEST_ORDERED_SUBSET: 5,
  LONGEST_CONTIGUOUS_SUBSET: 6,
  RELATIVE_TO_CORRECT: 7,
} as const;
