import { formatFraction } from '../fraction/fraction.js';
import type { DeepReadonly, Question, QuestionType, ReadonlyMatchingQuestion, ReadonlyMultipleChoiceQuestion, ReadonlyOrderingQuestion, ReadonlyQuestion, ReadonlySingleChoiceQuestion } from '../schema/types.js';
import type { ExportNote, InteropExport } from './notes.js';
import { MOODLE_ORDERING_GRADING } from './ordering.js';
import {
  DEFAULT_CATEGORY_ROOT,
  DEFAULT_NO_MATCH_LABEL,
  type InteropInput,
  categoryPath,
  matchingRows,
  questionNotes,
  targetsOf,
} from './plan.js';
import { cdata, plainToHtml, xmlEscape, xmlSafe } from './text.js';
import { moodleWeights } from './weights.js';

/**
 * Options of {@link toMoodleXml} and {@link exportMoodleXml}.
 *
 * @example
 * ```ts
 * import type { MoodleXmlOptions } from 'quizkit/gift';
 * const options: MoodleXmlOptions = { orderingLayout: 'HORIZONTAL' };
 * ```
 */
export interface MoodleXmlOptions {
  /** The category every quiz's category starts with (default `$course$/top`); `false` writes no category questions. */
  readonly categoryRoot?: string | false;
  /** The extra answer written for matching questions with `allowNoMatch` (default `None of these`). */
  readonly noMatchLabel?: string;
  /** `<layouttype>` of ordering questions (default `VERTICAL`). */
  readonly orderingLayout?: 'VERTICAL' | 'HORIZONTAL';
}

interface Context {
  readonly noMatchLabel: string;
  readonly orderingLayout: 'VERTICAL' | 'HORIZONTAL';
}

const I2 = '    ';
const I3 = '      ';

/** `<tag format="html"><text>…</text></tag>` for a plain text (empty text stays empty). */
const htmlField = (tag: string, text: string | undefined, indent = I2) =>
  `${indent}<${tag} format="html"><text>${text ? cdata(plainToHtml(text)) : ''}</text></${tag}>`;

const element = (tag: string, value: string | number, indent = I2) => `${indent}<${tag}>${xmlEscape(String(value))}</${tag}>`;

/** XML comments may not contain `--` or end in `-`. */
const xmlComment = (text: string, indent = I2) =>
  `${indent}<!-- ${xmlSafe(text.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/-(?=-)/g, '- ').replace(/-$/, '- ')} -->`;

function combinedFeedback(question: ReadonlyQuestion): string[] {
  const feedback = question.feedback ?? {};
  return [
    htmlField('correctfeedback', feedback.correct),
    htmlField('partiallycorrectfeedback', feedback.partial),
    htmlField('incorrectfeedback', feedback.incorrect),
  ];
}

function answer(fraction: string, text: string, feedback: string | undefined): string {
  return [
    `${I2}<answer fraction="${fraction}" format="html">`,
    `${I3}<text>${cdata(plainToHtml(text, { inline: true }))}</text>`,
    ...(feedback ? [htmlField('feedback', feedback, I3)] : []),
    `${I2}</answer>`,
  ].join('\n');
}

function writeChoice(question: ReadonlySingleChoiceQuestion | ReadonlyMultipleChoiceQuestion): string[] {
  const { single, options } = moodleWeights(question);
  return [
    element('single', single ? 'true' : 'false'),
    element('shuffleanswers', 'true'),
    element('answernumbering', 'abc'),
    element('showstandardinstruction', 0),
    ...combinedFeedback(question),
    ...question.options.map((option, index) => answer((options[index] as (typeof options)[number]).percent, option.text, option.feedback)),
  ];
}

function writeMatching(question: ReadonlyMatchingQuestion, context: Context): string[] {
  return [
    element('shuffleanswers', 'true'),
    ...combinedFeedback(question),
    ...matchingRows(question, context.noMatchLabel).map((row) =>
      [
        `${I2}<subquestion format="html">`,
        `${I3}<text>${row.stem ? cdata(plainToHtml(row.stem, { inline: true })) : ''}</text>`,
        `${I3}<answer><text>${xmlEscape(row.answer)}</text></answer>`,
        `${I2}</subquestion>`,
      ].join('\n'),
    ),
  ];
}

function writeOrdering(question: ReadonlyOrderingQuestion, context: Context): string[] {
  const items = new Map(question.items.map((item) => [item.id, item]));
  return [
    element('layouttype', context.orderingLayout),
    // Written explicitly: the importer's defaults (RANDOM, 6, RELATIVE_NEXT_EXCLUDE_LAST) would change the question.
    element('selecttype', 'ALL'),
    element('selectcount', question.items.length),
    element('gradingtype', MOODLE_ORDERING_GRADING[question.rule.name].name),
    element('showgrading', 'SHOW'),
    element('numberingstyle', 'none'),
    ...combinedFeedback(question),
    element('shownumcorrect', 1),
    // Items in the correct order; `fraction` is the position, as qtype_ordering writes it.
    ...question.correctOrder.map((id, index) => {
      const item = items.get(id);
      return answer(String(index + 1), item?.text ?? id, item?.feedback);
    }),
  ];
}

type Writer<T extends QuestionType> = (question: DeepReadonly<Extract<Question, { type: T }>>, context: Context) => string[];

/** The Moodle `type` and type-specific elements of each question type. */
const writers: { readonly [T in QuestionType]: { readonly type: string; readonly write: Writer<T> } } = {
  'single-choice': { type: 'multichoice', write: writeChoice },
  'multiple-choice': { type: 'multichoice', write: writeChoice },
  ordering: { type: 'ordering', write: writeOrdering },
  matching: { type: 'matching', write: writeMatching },
};

/**
 * Moodle's `<hint>` elements (its `write_hints`): the interactive behaviour's
 * hints, each with its `<shownumcorrect/>` and `<clearwrong/>` flags.
 */
function hintElements(behaviour: ReadonlyQuestion['behaviour']): string[] {
  if (behaviour?.name !== 'interactive') return [];
  return (behaviour.hints ?? []).map((hint) =>
    [
      `${I2}<hint format="html">`,
      `${I3}<text>${cdata(plainToHtml(hint.text))}</text>`,
      ...(hint.showNumberCorrect ? [`${I3}<shownumcorrect/>`] : []),
      ...(hint.clearWrong ? [`${I3}<clearwrong/>`] : []),
      `${I2}</hint>`,
    ].join('\n'),
  );
}

/** The penalty for each wrong try (interactive, adaptive; Moodle's default 1/3), 0 where there are no retries. */
const penaltyOf = (behaviour: ReadonlyQuestion['behaviour']) =>
  behaviour?.name === 'interactive' || behaviour?.name === 'adaptive' ? formatFraction(behaviour.penalty ?? { n: 1, d: 3 }, 7) : 0;

function writeQuestion(question: ReadonlyQuestion, notes: readonly ExportNote[], context: Context, behaviour: ReadonlyQuestion['behaviour']): string {
  const { type, write } = writers[question.type] as { type: string; write: Writer<QuestionType> };
  const tags = question.objectives.length
    ? [`${I2}<tags>`, ...question.objectives.map((objective) => `${I3}<tag><text>${xmlEscape(objective)}</text></tag>`), `${I2}</tags>`]
    : [];
  return [
    ...notes.map((note) => xmlComment(`quizkit: ${note.message}`, '  ')),
    `  <question type="${type}">`,
    `${I2}<name><text>${xmlEscape(question.id)}</text></name>`,
    htmlField('questiontext', question.prompt),
    htmlField('generalfeedback', question.explanation),
    element('defaultgrade', formatFraction(question.points, 7)),
    // Moodle keeps the penalty with the question and applies it under interactive and adaptive behaviours.
    element('penalty', penaltyOf(behaviour)),
    element('hidden', 0),
    element('idnumber', question.id),
    ...write(question, context),
    ...hintElements(behaviour),
    ...tags,
    '  </question>',
  ].join('\n');
}

/**
 * Exports a module or a quiz as Moodle XML, every question type included,
 * and lists everything it could not carry exactly.
 *
 * - Single and multiple choice: `multichoice` with `<single>true|false</single>`
 *   and `<answer fraction="…">` in percent, the same snapped weights as GIFT
 *   ({@link moodleWeights}).
 * - Matching: `matching` with one `<subquestion>` per statement and an
 *   empty-text `<subquestion>` per distractor actor.
 * - Ordering: `ordering` (qtype_ordering, bundled with Moodle 4.4+, a plugin
 *   before) with explicit `<layouttype>`, `<selecttype>ALL</selecttype>`,
 *   `<selectcount>` = number of items and the `<gradingtype>` that scores as
 *   the question's rule ({@link MOODLE_ORDERING_GRADING}); items in the
 *   correct order.
 * - Every question: `<name>` and `<idnumber>` = id, `<defaultgrade>` =
 *   points, `<generalfeedback>` = explanation, outcome feedback as
 *   `correctfeedback`/`partiallycorrectfeedback`/`incorrectfeedback`,
 *   objectives as `<tags>`, `<penalty>` (the behaviour's penalty per wrong try under `interactive` and `adaptive`, else 0) and `<hint>`s (`interactive`); one category per quiz.
 *
 * Texts are written as HTML (escaped, paragraphs as `<p>`) in CDATA
 * sections; short texts (names, matching answers) as escaped text. Notes
 * appear as `<!-- quizkit: … -->` comments before their question.
 *
 * @param input A parsed module or quiz.
 * @param options Category root, "none of these" label, ordering layout.
 *
 * @returns The XML text and the notes.
 *
 * @example
 * ```ts
 * import { exportMoodleXml } from 'quizkit/gift';
 * import { northKoreaChina } from 'quizkit/modules';
 * const { text } = exportMoodleXml(northKoreaChina);
 * text.includes('<gradingtype>RELATIVE_ALL_PREVIOUS_AND_NEXT</gradingtype>'); //=> true
 * ```
 */
export function exportMoodleXml(input: InteropInput, options: MoodleXmlOptions = {}): InteropExport {
  const context: Context = {
    noMatchLabel: options.noMatchLabel ?? DEFAULT_NO_MATCH_LABEL,
    orderingLayout: options.orderingLayout ?? 'VERTICAL',
  };
  const root = options.categoryRoot ?? DEFAULT_CATEGORY_ROOT;
  const notes: ExportNote[] = [];
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    xmlComment(`quizkit Moodle XML export of ${'quizzes' in input ? 'module' : 'quiz'} "${input.id}": ${input.title}`, ''),
    '<quiz>',
  ];
  for (const { quiz, names } of targetsOf(input)) {
    if (root !== false) {
      parts.push(
        ['  <question type="category">', `${I2}<category><text>${xmlEscape(categoryPath(root, names))}</text></category>`, '  </question>'].join(
          '\n',
        ),
      );
    }
    for (const question of quiz.questions) {
      const questionNotesList = questionNotes(question, quiz, 'moodle-xml', context.noMatchLabel);
      notes.push(...questionNotesList);
      parts.push(writeQuestion(question, questionNotesList, context, question.behaviour ?? quiz.behaviour));
    }
  }
  parts.push('</quiz>');
  return { text: `${parts.join('\n')}\n`, notes };
}

/**
 * Exports a module or a quiz as Moodle XML; the same as
 * `exportMoodleXml(input, options).text`. See {@link exportMoodleXml}.
 *
 * @param input A parsed module or quiz.
 * @param options Category root, "none of these" label, ordering layout.
 *
 * @returns The XML document, ending in a newline.
 *
 * @example
 * ```ts
 * import { toMoodleXml } from 'quizkit/gift';
 * import { northKoreaChina } from 'quizkit/modules';
 * toMoodleXml(northKoreaChina.quizzes[0]).match(/<question type="ordering">/g)?.length; //=> 2
 * ```
 */
export function toMoodleXml(input: InteropInput, options: MoodleXmlOptions = {}): string {
  return exportMoodleXml(input, options).text;
}
