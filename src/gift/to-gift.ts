import type { DeepReadonly, MatchingQuestion, MultipleChoiceQuestion, Question, QuestionType, SingleChoiceQuestion } from '../schema/types.js';
import { questionCarry, quizCarry } from './carry.js';
import type { ExportNote, InteropExport } from './notes.js';
import {
  DEFAULT_CATEGORY_ROOT,
  DEFAULT_NO_MATCH_LABEL,
  type InteropInput,
  categoryPath,
  matchingRows,
  questionNotes,
  targetsOf,
} from './plan.js';
import { escapeGift, giftRichText } from './text.js';
import { moodleWeights } from './weights.js';

/**
 * Options of {@link toGift} and {@link exportGift}.
 *
 * @example
 * ```ts
 * import type { GiftExportOptions } from 'quizkit/gift';
 * const options: GiftExportOptions = { categoryRoot: '$course$/top/Imported', noMatchLabel: 'Nobody' };
 * ```
 */
export interface GiftExportOptions {
  /**
   * The category every quiz's `$CATEGORY:` line starts with (default
   * `$course$/top`); `false` writes no category lines, so Moodle imports into
   * the category chosen on its import page.
   */
  readonly categoryRoot?: string | false;
  /** The extra answer written for matching questions with `allowNoMatch` (default `None of these`). */
  readonly noMatchLabel?: string;
}

interface Context {
  readonly noMatchLabel: string;
}

/** A `//` comment line: GIFT comments end at the line break, so line breaks inside become spaces. */
const comment = (text: string) => `// ${text.replace(/\s*[\r\n]+\s*/g, ' ')}`;

const feedbackPart = (feedback: string | undefined) => (feedback ? `#${giftRichText(feedback)}` : '');

function writeChoice(question: DeepReadonly<SingleChoiceQuestion> | DeepReadonly<MultipleChoiceQuestion>): string[] {
  const { single, options } = moodleWeights(question);
  return question.options.map((option, index) => {
    const { weight, percent } = options[index] as (typeof options)[number];
    const mark = single && weight.n === weight.d ? '=' : weight.n === 0 ? '~' : `~%${percent}%`;
    return `\t${mark}${giftRichText(option.text, { answer: true })}${feedbackPart(option.feedback)}`;
  });
}

function writeMatching(question: DeepReadonly<MatchingQuestion>, context: Context): string[] {
  return matchingRows(question, context.noMatchLabel).map(
    (row) => `\t=${row.stem ? `${giftRichText(row.stem, { answer: true })} ` : ' '}-> ${escapeGift(row.answer)}`,
  );
}

type Writer<T extends QuestionType> = (question: DeepReadonly<Extract<Question, { type: T }>>, context: Context) => string[] | undefined;

/** The answer lines of each question type; `undefined` for a type GIFT cannot hold. */
const writers: { readonly [T in QuestionType]: Writer<T> } = {
  'single-choice': writeChoice,
  'multiple-choice': writeChoice,
  ordering: () => undefined,
  matching: writeMatching,
};

function writeQuestion(question: DeepReadonly<Question>, notes: readonly ExportNote[], context: Context): string {
  const writer = writers[question.type] as Writer<QuestionType>;
  const answers = writer(question, context);
  const remarks = notes.map((note) => comment(`quizkit: ${note.message}`));
  if (!answers) return remarks.join('\n');
  // Moodle's importer (extract_idnumber_and_tags_from_comment) and gift-pegjs read idnumber and tags from these comments.
  const tags = question.objectives.map((objective) => ` [tag:${objective}]`).join('');
  const rowActors =
    question.type === 'matching' ? matchingRows(question, context.noMatchLabel).flatMap((row) => question.actors.filter((actor) => actor.name === row.answer).slice(0, 1).map((actor) => actor.id)) : [];
  return [
    `// [id:${question.id}]${tags}`,
    questionCarry(question, [...new Set(rowActors)]),
    ...remarks,
    `::${escapeGift(question.id)}::${giftRichText(question.prompt)}{`,
    ...answers,
    `\t####${giftRichText(question.explanation)}`,
    '}',
  ].join('\n');
}

/**
 * Exports a module or a quiz as GIFT, Moodle's text format for question
 * banks, and lists everything it could not carry exactly.
 *
 * - Single choice: `=` marks the correct option, `~` a wrong one, and
 *   `~%-50%` a partial or negative credit.
 * - Multiple choice: `~%33.33333%` weights (no `=`), snapped to Moodle's
 *   grade list so that the positive ones add up to exactly 100% (see
 *   {@link moodleWeights}); rules Moodle cannot express get the closest
 *   weights and a `// quizkit:` comment saying so.
 * - Matching: `=statement -> actor`, and `= -> actor` for each actor who owns
 *   no statement (a distractor).
 * - Every question: `::id::` title, `// [id:…] [tag:…]` (Moodle idnumber and
 *   tags, from the id and objectives), `#` option feedback and `####` the
 *   explanation as general feedback; one `$CATEGORY:` per quiz.
 * - What GIFT cannot say (option, statement and actor ids, the rule, exact
 *   credits, points, weights; the quiz's id, pass mark and time limit) in
 *   `// [quizkit:…]` and `// [quizkit-quiz:…]` comments, which Moodle ignores
 *   and {@link fromGift} reads back, so an export imports back unchanged
 *   (except what the notes list).
 * - Ordering has no GIFT form: each ordering question is replaced by a
 *   comment and reported as `skipped`. Use {@link toMoodleXml} for them.
 *
 * Texts are escaped as Moodle's own exporter does (`\ # = ~ { } :` and line
 * breaks as `\n`); a text Moodle would misread gets a format prefix
 * (`[plain]` for `<` or `&`, `[moodle]` before a leading `%`, `[html]` for an
 * option or matching statement containing `->`).
 *
 * @param input A parsed module or quiz.
 * @param options Category root and the "none of these" label.
 *
 * @returns The GIFT text and the notes.
 *
 * @example
 * ```ts
 * import { exportGift } from 'quizkit/gift';
 * import { northKoreaChina } from 'quizkit/modules';
 * const { text, notes } = exportGift(northKoreaChina);
 * text.startsWith('// quizkit GIFT export'); //=> true
 * notes.find((note) => note.code === 'skipped')?.questionId; //=> 'order-summit-meeting-anniversary'
 * ```
 */
export function exportGift(input: InteropInput, options: GiftExportOptions = {}): InteropExport {
  const context: Context = { noMatchLabel: options.noMatchLabel ?? DEFAULT_NO_MATCH_LABEL };
  const root = options.categoryRoot ?? DEFAULT_CATEGORY_ROOT;
  const notes: ExportNote[] = [];
  const blocks: string[] = [
    [
      comment(`quizkit GIFT export of ${'quizzes' in input ? 'module' : 'quiz'} "${input.id}": ${input.title}`),
      comment('Ordering questions have no GIFT form and are skipped; "quizkit:" comments say what else changed.'),
    ].join('\n'),
  ];
  for (const { quiz, names } of targetsOf(input)) {
    if (root !== false) blocks.push(`${quizCarry(quiz)}\n$CATEGORY: ${categoryPath(root, names)}`);
    for (const question of quiz.questions) {
      const questionNotesList = questionNotes(question, quiz, 'gift', context.noMatchLabel);
      notes.push(...questionNotesList);
      blocks.push(writeQuestion(question, questionNotesList, context));
    }
  }
  return { text: `${blocks.join('\n\n')}\n`, notes };
}

/**
 * Exports a module or a quiz as GIFT text; the same as
 * `exportGift(input, options).text`. See {@link exportGift} for what is
 * written and what is lost.
 *
 * @param input A parsed module or quiz.
 * @param options Category root and the "none of these" label.
 *
 * @returns The GIFT text, ending in a newline.
 *
 * @example
 * ```ts
 * import { toGift } from 'quizkit/gift';
 * import { parseQuiz } from 'quizkit/schema';
 * const quiz = parseQuiz({
 *   id: 'capitals', title: 'Capitals',
 *   questions: [{
 *     id: 'capital', type: 'single-choice', prompt: 'What is the capital of China?',
 *     explanation: 'Beijing.', source: { section: 'china', quote: 'Beijing' },
 *     options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'shanghai', text: 'Shanghai', credit: -0.5 }],
 *   }],
 * });
 * toGift(quiz, { categoryRoot: false }).split('\n\n')[1];
 * //=> '// [id:capital]\n// [quizkit:rule=option-credit;ids=beijing,shanghai;credits=,-1/2]\n::capital::What is the capital of China?{\n\t=Beijing\n\t~%-50%Shanghai\n\t####Beijing.\n}\n'
 * ```
 */
export function toGift(input: InteropInput, options: GiftExportOptions = {}): string {
  return exportGift(input, options).text;
}
