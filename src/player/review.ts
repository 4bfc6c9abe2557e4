import { type Fraction, type QuestionStatus, formatFraction } from '../index.js';
import type { LearnerQuestionView, QuestionReview, ReviewedPartResult } from '../attempts/index.js';
import { h } from './dom.js';
import type { PlayerMessages } from './messages/types.js';
import type { AnyResponse } from './modes/backend.js';

const ICONS: Readonly<Record<QuestionStatus, string>> = { correct: '✓', partial: '◐', incorrect: '✗', unanswered: '–', invalid: '!' };

/** Points in the learner's language: "1 point", "0,5 points". */
export const pointsText = (messages: PlayerMessages, x: Fraction): string => messages.points(messages.number(formatFraction(x)), x.n === x.d);

/** One entry of an answer list, with the mark of its part where the review shows it. */
function markedEntry(messages: PlayerMessages, text: string, part: ReviewedPartResult | undefined, missed = false): HTMLLIElement {
  if (part?.correct === undefined) return h('li', {}, text);
  const mark = missed ? 'missed' : part.correct ? 'right' : 'wrong';
  const word = mark === 'missed' ? messages.partMissed : mark === 'right' ? messages.partRight : messages.partWrong;
  return h('li', { class: `part part-${mark}`, 'data-part': mark }, h('span', { class: 'part-mark', 'aria-hidden': 'true' }, mark === 'right' ? '✓ ' : '✗ '), text, h('span', { class: 'part-word' }, ` (${word})`));
}

/**
 * A response in words, from the question as it was shown. With `parts` (the
 * learner's own answer, when the review shows what is right), each option,
 * item or statement is marked right or wrong, and a correct option the
 * learner did not choose is listed as missed.
 */
function responseText(messages: PlayerMessages, question: LearnerQuestionView, response: AnyResponse | undefined, parts?: readonly ReviewedPartResult[]): Node {
  if (response === undefined) return document.createTextNode(messages.noAnswer);
  const part = new Map(parts?.map((p) => [p.id, p]));
  const list = (tag: 'ul' | 'ol', entries: readonly HTMLLIElement[]) => h(tag, { class: 'answer-list' }, ...entries);
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const ids = typeof response === 'string' ? [response] : Array.isArray(response) ? (response as readonly string[]) : [];
      const entries = question.options.filter((option) => ids.includes(option.id)).map((option) => markedEntry(messages, option.text, part.get(option.id)));
      // A correct option left out is part of what went wrong.
      const missed = question.options.filter((option) => !ids.includes(option.id) && part.get(option.id)?.correct === false);
      return list('ul', [...entries, ...missed.map((option) => markedEntry(messages, option.text, part.get(option.id), true))]);
    }
    case 'ordering': {
      const text = new Map(question.items.map((item) => [item.id, item.text]));
      return list('ol', (Array.isArray(response) ? (response as readonly string[]) : []).map((id) => markedEntry(messages, text.get(id) ?? id, part.get(id))));
    }
    case 'matching': {
      const actors = new Map(question.actors.map((actor) => [actor.id, actor.name]));
      const given = response !== null && typeof response === 'object' && !Array.isArray(response) ? (response as Readonly<Record<string, string | null>>) : {};
      return list(
        'ul',
        question.statements.map((statement) => {
          const actor = Object.hasOwn(given, statement.id) ? given[statement.id] : undefined;
          const name = actor === undefined ? messages.noAnswer : actor === null ? messages.noneOfTheseLower : (actors.get(actor) ?? actor);
          return markedEntry(messages, `${statement.text} → ${name}`, part.get(statement.id));
        }),
      );
    }
  }
}

/** How many wrong options were chosen, for the multiple-choice statistic. */
const wrongChosen = (entry: QuestionReview) =>
  entry.result.parts.every((p) => p.correct !== undefined) ? entry.result.parts.filter((p) => p.response === true && p.correct === false).length : undefined;

/** One reviewed question: status, points, the answer with each part marked, the right answer, feedback, explanation and quote. */
export function reviewItem(messages: PlayerMessages, entry: QuestionReview, index: number): HTMLElement {
  // A review shows only what its review policy allows (quizkit/attempts `reviewVisibility`): a hidden field is absent.
  const status = entry.status;
  const statistic = entry.result.statistic;
  const wrong = statistic?.name === 'right-options-chosen' ? wrongChosen(entry) : undefined;
  return h(
    'li',
    { class: `review-item status-${status ?? 'hidden'}`, part: 'review-item', id: `review-${entry.questionId}`, 'data-status': status ?? 'hidden' },
    // No aria-labelledby on the item: a screen reader would read the prompt twice (label, then heading).
    h('h3', { id: `review-heading-${entry.questionId}` }, h('span', { class: 'q-number' }, `${index + 1}. `), entry.question.prompt),
    status !== undefined &&
      h(
        'p',
        { class: 'review-status' },
        h('span', { class: 'badge' }, h('span', { 'aria-hidden': 'true' }, `${ICONS[status]} `), messages.status[status]),
        entry.earned && entry.possible && ` ${messages.number(formatFraction(entry.earned))} / ${pointsText(messages, entry.possible)}`,
        statistic && ` · ${messages.statistic({ name: statistic.name, value: statistic.value, of: statistic.of, ...(wrong !== undefined ? { wrong } : {}) })}`,
      ),
    entry.result.behaviour &&
      h(
        'ol',
        { class: 'tries', 'aria-label': entry.result.behaviour.name },
        ...entry.result.behaviour.tries.map((tried, index) => {
          const number = (x: Fraction) => messages.number(formatFraction(x));
          return h('li', { class: tried.counted ? 'try counted' : 'try' }, messages.tryLine(index + 1, number(tried.raw), tried.penalty.n === 0 ? undefined : number(tried.penalty), tried.counted));
        }),
      ),
    h(
      'dl',
      { class: 'answers' },
      h('dt', {}, messages.yourAnswer),
      h('dd', { class: 'your-answer' }, responseText(messages, entry.question, entry.response, entry.result.parts)),
      entry.correctResponse !== undefined && status !== 'correct' && h('dt', {}, messages.correctAnswer),
      entry.correctResponse !== undefined && status !== 'correct' && h('dd', { class: 'correct-answer' }, responseText(messages, entry.question, entry.correctResponse)),
    ),
    entry.feedback !== undefined && entry.feedback.length > 0 && h('ul', { class: 'feedback', 'aria-label': messages.feedback }, ...entry.feedback.map((text) => h('li', {}, text))),
    entry.result.issues !== undefined && entry.result.issues.length > 0 && h('ul', { class: 'issues', 'aria-label': messages.problems }, ...entry.result.issues.map((issue) => h('li', {}, issue.message))),
    entry.explanation !== undefined && h('p', { class: 'explanation' }, h('strong', {}, messages.why), entry.explanation),
    entry.source.quote && h('blockquote', { class: 'quote' }, entry.source.quote),
  );
}
