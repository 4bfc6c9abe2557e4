import { type Fraction, equals, formatFraction } from '../fraction/fraction.js';
import type { DeepReadonly, Question, Quiz, ReadonlyMatchingQuestion, ReadonlyModule, ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import type { ExportNote, ExportNoteCode } from './notes.js';
import { hasXmlInvalid } from './text.js';
import { describeSnapping, moodleWeights } from './weights.js';

/**
 * What the exporters accept: a parsed module (one category per quiz) or a
 * parsed quiz, including the built-in `as const` modules.
 *
 * @example
 * ```ts
 * import type { InteropInput } from 'quizkit/gift';
 * import { northKoreaChina } from 'quizkit/modules';
 * const input: InteropInput = northKoreaChina;
 * ```
 */
export type InteropInput = ReadonlyModule | ReadonlyQuiz;

export type Format = 'gift' | 'moodle-xml';

export interface Target {
  readonly quiz: ReadonlyQuiz;
  /** Category names below the root: the module's title then the quiz's, or the quiz's alone. */
  readonly names: readonly string[];
}

export const targetsOf = (input: InteropInput): Target[] =>
  'quizzes' in input
    ? input.quizzes.map((quiz) => ({ quiz, names: [input.title, quiz.title] }))
    : [{ quiz: input, names: [input.title] }];

/**
 * A Moodle category path: `root/name/name`, where a `/` inside a name is
 * doubled (Moodle's `split_category_path` reads `//` as a literal slash) and
 * line breaks become spaces, since the path must stay on one line.
 */
export const categoryPath = (root: string, names: readonly string[]): string =>
  [root, ...names.map((name) => name.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\//g, '//'))].join('/');

export const DEFAULT_CATEGORY_ROOT = '$course$/top';
export const DEFAULT_NO_MATCH_LABEL = 'None of these';

/** One row of a Moodle matching question: a stem (empty for a distractor) and its answer. */
export interface MatchingRow {
  readonly stem: string;
  readonly answer: string;
}

/** Statements with their actor's name (or the "none" label), then one empty-stem row per unused answer. */
export function matchingRows(question: ReadonlyMatchingQuestion, noMatchLabel: string): MatchingRow[] {
  const names = new Map(question.actors.map((actor) => [actor.id, actor.name]));
  const rows: MatchingRow[] = question.statements.map((statement) => ({
    stem: statement.text,
    answer: statement.actor === null ? noMatchLabel : (names.get(statement.actor) ?? noMatchLabel),
  }));
  const used = new Set(rows.map((row) => row.answer));
  const extra = [...question.actors.map((actor) => actor.name), ...(question.allowNoMatch ? [noMatchLabel] : [])];
  for (const answer of extra) {
    if (used.has(answer)) continue;
    used.add(answer);
    rows.push({ stem: '', answer });
  }
  return rows;
}

type Noter = (code: ExportNoteCode, message: string) => void;

const points = (value: Fraction) => formatFraction(value, 7);

/** Everything about a question that the format cannot carry exactly, as notes. */
export function questionNotes(
  question: DeepReadonly<Question>,
  quiz: Pick<DeepReadonly<Quiz>, 'id' | 'behaviour'>,
  format: Format,
  noMatchLabel: string,
): ExportNote[] {
  const notes: ExportNote[] = [];
  const note: Noter = (code, message) => notes.push({ code, quizId: quiz.id, questionId: question.id, message });
  const behaviour = question.behaviour ?? quiz.behaviour;
  if (behaviour && behaviour.name !== 'deferred') {
    // Moodle sets the behaviour per quiz ("How questions behave"), not in the question bank file.
    note(
      'behaviour-dropped',
      format === 'gift'
        ? `behaviour ${behaviour.name} is not carried by GIFT (nor its penalty and hints): set the Moodle quiz's "How questions behave" to match, or export Moodle XML, which carries the penalty and hints`
        : `behaviour ${behaviour.name} is set on the Moodle quiz ("How questions behave"), not in the question bank: set it there; the penalty${behaviour.name === 'interactive' ? ' and hints are' : ' is'} in the question`,
    );
  }
  if (format === 'gift') {
    if (question.type === 'ordering') {
      note(
        'skipped',
        `ordering question "${question.id}" skipped: GIFT has no ordering type; export it as Moodle XML instead ("quizkit export --format moodle-xml", or toMoodleXml: qtype_ordering, gradingtype for rule ${question.rule.name})`,
      );
      return notes;
    }
    if (!equals(question.points, { n: 1, d: 1 })) {
      note('points-dropped', `GIFT has no marks for Moodle: worth ${points(question.points)} points here, 1 (Moodle's default) after Moodle imports it; quizkit's import reads them back from the comment above`);
    }
    if (question.feedback && Object.values(question.feedback).some(Boolean)) {
      note('feedback-dropped', 'feedback by outcome (correct, partial, incorrect) has no GIFT form; Moodle XML carries it');
    }
  }
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    const weights = moodleWeights(question);
    if (weights.approximation) note('rule-approximated', weights.approximation);
    if (weights.snapped) note('weights-snapped', describeSnapping(weights));
  }
  if (question.type === 'matching') {
    if (question.rule.name === 'all-or-nothing') {
      note('rule-approximated', 'rule all-or-nothing has no Moodle form: Moodle scores matching per statement (right statements / statements)');
    }
    const weights = question.statements.map((statement) => statement.weight ?? { n: 1, d: 1 });
    if (weights.some((weight) => !equals(weight, weights[0] as Fraction))) {
      note('weights-dropped', 'statement weights dropped: Moodle counts every statement equally');
    }
    if (question.statements.some((statement) => statement.feedback)) {
      note('feedback-dropped', 'per-statement feedback dropped: Moodle matching has none');
    }
    if (question.allowNoMatch) {
      note('no-match-added', `"none of these" written as an extra answer "${noMatchLabel}", offered for every statement`);
    }
    const rows = matchingRows(question, noMatchLabel);
    if (question.statements.length < 2 || rows.length < 3) {
      note('moodle-limit', "Moodle's matching editor asks for at least 2 statements and 3 answers; add a distractor actor");
    }
  }
  if (format === 'moodle-xml' && textsOf(question).some(hasXmlInvalid)) {
    note('text-changed', 'control characters that XML 1.0 cannot carry were removed');
  }
  return notes;
}

/** Every text of a question, for checks that apply to all of them. */
export function textsOf(question: ReadonlyQuestion): string[] {
  const texts: (string | undefined)[] = [question.prompt, question.explanation, ...Object.values(question.feedback ?? {})];
  if (question.type === 'matching') {
    for (const statement of question.statements) texts.push(statement.text, statement.feedback);
    for (const actor of question.actors) texts.push(actor.name);
  } else {
    for (const part of question.type === 'ordering' ? question.items : question.options) texts.push(part.text, part.feedback);
  }
  return texts.filter((text): text is string => typeof text === 'string' && text !== '');
}
