import type { DeepReadonly, Question } from '../../../schema/types.js';
import type { Finding, ModuleRule } from '../types.js';
import { contentStems, ngrams, quoteText, stem } from '../text.js';
import { choiceTexts, type PlacedQuestion, questionsOf } from '../walk.js';
import { namesIn } from './self-excluding-distractor.js';

/**
 * Share of an answer's content words another question's text must hold to
 * give it away. Calibrated on the article module (issue #17): "Choe Son Hui
 * and Wang Yi reaching a comprehensive consensus" holds 2 of the 5 of "A
 * comprehensive consensus on regional and international affairs", and
 * answers that question; one shared word in five never does alone.
 */
const COVERAGE = 0.4;

/** One thing a question asks a learner to pick: a key option, or a statement with its actor. */
interface Answer {
  /** How the answer is shown in a message. */
  readonly label: string;
  /** Parts that must each be mentioned (a statement and its actor); each a text. */
  readonly parts: readonly string[];
}

/** What a question's key is, as texts another question could give away. Orderings are not given away by a text. */
function answersOf(question: DeepReadonly<Question>): Answer[] {
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    return question.options.filter((option) => option.correct).map((option) => ({ label: quoteText(option.text), parts: [option.text] }));
  }
  if (question.type === 'matching') {
    const names = new Map(question.actors.map((actor) => [actor.id, actor.name]));
    return question.statements.flatMap((statement) => {
      const actor = statement.actor === null ? undefined : names.get(statement.actor);
      return actor ? [{ label: `${quoteText(statement.text)} → ${actor}`, parts: [statement.text, actor] }] : [];
    });
  }
  return [];
}

/** The words of a text: its stems, stem bigrams and plain words. */
interface Bag {
  readonly stems: Set<string>;
  readonly bigrams: Set<string>;
  readonly plain: Set<string>;
}
const bagOf = (text: string): Bag => {
  const stems = contentStems(text);
  return { stems: new Set(stems), bigrams: ngrams(stems, 2), plain: new Set(contentStems(text, { stem: false })) };
};

/**
 * Whether a text mentions a part of an answer. A name ("Kim Jong Un") is
 * mentioned by its first or last word ("Kim", "Putin"), as articles shorten
 * names. Any other text by its words outside names: at least
 * {@link COVERAGE} of their stems, and a stem bigram of them (or their one
 * stem). Names alone do not count there: "North Korea’s nuclear ambitions"
 * is not given away by any text that says "North Korea".
 */
function mentions(text: Bag, part: string): boolean {
  const names = namesIn(part);
  const inNames = new Set(names.flat());
  const rest = contentStems(part, { stem: false }).filter((word) => !inNames.has(word));
  if (rest.length === 0) {
    return names.length > 0 && names.every((name) => text.plain.has(name[0]!) || text.plain.has(name[name.length - 1]!));
  }
  const restStems = rest.map(stem);
  const stems = new Set(restStems);
  let shared = 0;
  for (const item of stems) if (text.stems.has(item)) shared++;
  if (shared / stems.size < COVERAGE) return false;
  if (stems.size === 1) return true;
  for (const gram of ngrams(restStems, 2)) if (text.bigrams.has(gram)) return true;
  return false;
}

/** Whether a text is about what a question's prompt asks: they share a content stem. */
function onTopic(text: Bag, prompt: ReadonlySet<string>): boolean {
  for (const item of text.stems) if (prompt.has(item)) return true;
  return false;
}

export const crossItemCueing: ModuleRule = {
  id: 'cross-item-cueing',
  why: 'When one question shows the answer to another of the same quiz, the second measures nothing: learners copy it across.',
  check(module) {
    const findings: Finding[] = [];
    const byQuiz = new Map<unknown, PlacedQuestion[]>();
    for (const placed of questionsOf(module)) byQuiz.set(placed.quiz, [...(byQuiz.get(placed.quiz) ?? []), placed]);
    for (const questions of byQuiz.values()) {
      const targets = questions.map((placed) => ({ placed, prompt: new Set(contentStems(placed.question.prompt)), answers: answersOf(placed.question) }));
      for (const source of questions) {
        for (const choice of choiceTexts(source)) {
          const bag = bagOf(choice.text);
          for (const target of targets) {
            if (target.placed === source || !onTopic(bag, target.prompt)) continue;
            const given = target.answers.filter((answer) => answer.parts.every((part) => mentions(bag, part)));
            if (given.length === 0) continue;
            findings.push({
              path: choice.path,
              also: target.placed.path,
              message: `${quoteText(choice.text)} in question "${source.question.id}" gives away question "${target.placed.question.id}" (${given.map((answer) => answer.label).join('; ')})`,
            });
          }
        }
      }
    }
    return findings;
  },
};
