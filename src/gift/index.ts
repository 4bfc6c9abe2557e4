/**
 * Moodle interoperability: export modules and quizzes as GIFT (choice and
 * matching questions) and Moodle XML (every type, ordering included), and
 * import GIFT question banks into quizkit's model. Weights are snapped to
 * Moodle's grade list, and everything an export cannot carry exactly is
 * reported as a note. Browser-safe: no Node.js APIs.
 *
 * @example
 * ```ts
 * import { fromGift, toGift, toMoodleXml } from 'quizkit/gift';
 * import { northKoreaChina } from 'quizkit/modules';
 * const gift = toGift(northKoreaChina);
 * const xml = toMoodleXml(northKoreaChina);
 * fromGift(gift).quizzes.length; //=> 2
 * ```
 *
 * @packageDocumentation
 * @module quizkit/gift
 */
export { toGift, exportGift, type GiftExportOptions } from './to-gift.js';
export { toMoodleXml, exportMoodleXml, type MoodleXmlOptions } from './to-moodle-xml.js';
export {
  fromGift,
  GIFT_ISSUE_CODES,
  GIFT_MAX_LENGTH,
  TODO_SOURCE,
  type GiftImport,
  type GiftImportOptions,
  type GiftIssue,
  type GiftIssueCode,
} from './from-gift.js';
export { MOODLE_FRACTIONS, snapToMoodleFraction } from './moodle-fractions.js';
export { moodleWeights, type MoodleChoiceWeights, type MoodleOptionWeight } from './weights.js';
export { MOODLE_ORDERING_GRADING, type MoodleGradingType } from './ordering.js';
export { EXPORT_NOTE_CODES, type ExportNote, type ExportNoteCode, type InteropExport } from './notes.js';
export type { InteropInput } from './plan.js';
