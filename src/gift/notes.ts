/**
 * Every code an {@link ExportNote} can carry:
 *
 * - `skipped`: the question has no form in the target format (ordering in GIFT).
 * - `weights-snapped`: a weight was moved to Moodle's grade list, so some scores change.
 * - `rule-approximated`: the scoring rule has no Moodle equivalent; the closest weights were written.
 * - `points-dropped`: GIFT has no marks; the question will be worth Moodle's default 1.
 * - `feedback-dropped`: feedback the format cannot hold (per statement, or by outcome in GIFT).
 * - `weights-dropped`: matching statement weights, which Moodle does not have.
 * - `no-match-added`: a "none of these" answer was added for `allowNoMatch`.
 * - `text-changed`: a text had to be changed to be written (control characters removed from XML).
 * - `moodle-limit`: the question is below a minimum of Moodle's editor (2 statements and 3 answers for matching).
 *
 * @example
 * ```ts
 * import { EXPORT_NOTE_CODES } from 'quizkit/gift';
 * EXPORT_NOTE_CODES.includes('skipped'); //=> true
 * ```
 */
export const EXPORT_NOTE_CODES = [
  'skipped',
  'weights-snapped',
  'rule-approximated',
  'points-dropped',
  'feedback-dropped',
  'weights-dropped',
  'no-match-added',
  'text-changed',
  'moodle-limit',
  'behaviour-dropped',
] as const;

/**
 * The code of an {@link ExportNote}.
 *
 * @example
 * ```ts
 * import type { ExportNoteCode } from 'quizkit/gift';
 * const code: ExportNoteCode = 'weights-snapped';
 * ```
 */
export type ExportNoteCode = (typeof EXPORT_NOTE_CODES)[number];

/**
 * Something an export could not carry exactly: which question, and what was
 * done instead. The same text is written into GIFT as a `//` comment above
 * the question and into Moodle XML as an XML comment.
 *
 * @example
 * ```ts
 * import type { ExportNote } from 'quizkit/gift';
 * const note: ExportNote = {
 *   code: 'skipped', quizId: 'order', questionId: 'q3',
 *   message: 'Ordering question "q3" skipped: GIFT has no ordering type; export it as Moodle XML instead ("quizkit export --format moodle-xml", or toMoodleXml: qtype_ordering).',
 * };
 * ```
 */
export interface ExportNote {
  /** What kind of change it is. */
  readonly code: ExportNoteCode;
  /** The quiz the question belongs to. */
  readonly quizId: string;
  /** The question concerned. */
  readonly questionId: string;
  /** What was lost or changed, and what to do about it. */
  readonly message: string;
}

/**
 * The result of {@link exportGift} or {@link exportMoodleXml}: the file's
 * text, and a note for everything it could not carry exactly.
 *
 * @example
 * ```ts
 * import { exportGift, type InteropExport } from 'quizkit/gift';
 * import { northKoreaChina } from 'quizkit/modules';
 * const result: InteropExport = exportGift(northKoreaChina);
 * result.notes.filter((note) => note.code === 'skipped').length; //=> 2
 * ```
 */
export interface InteropExport {
  /** The file content, UTF-8 text ending in a newline. */
  readonly text: string;
  /** Everything that was skipped, snapped, approximated or dropped, in file order. */
  readonly notes: readonly ExportNote[];
}
