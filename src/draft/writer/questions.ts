import { quotable, slugify } from '../../node/build/article.js';
import { LIMITS } from '../../schema/limits.js';
import type { ArticleSection } from '../../node/build/article.js';
import type { Attribution } from '../attributions/attributions.js';
import type { Entity } from '../entities/entities.js';
import type { Claim, Fact } from '../facts/facts.js';
import type { Sentence } from '../sentences/sentences.js';
import type { StatedOrder } from '../temporal/cues.js';
import { NOW } from '../temporal/cues.js';
import type { ArticleEvent } from '../temporal/events.js';
import { isFixedChain, type PartialOrder } from '../temporal/order.js';

/**
 * Drafted questions as plain module-file data. Each one cites a section with a
 * verbatim quote of one of its sentences, and its explanation starts with the
 * draft marker and quotes the evidence.
 */

/**
 * The marker every drafted question's explanation starts with; `quizkit validate` reports `TODO` text until the author removes it.
 *
 * @example
 * ```ts
 * import { DRAFT_MARKER } from 'quizkit/node';
 * DRAFT_MARKER; //=> 'TODO(draft):'
 * ```
 */
export const DRAFT_MARKER = 'TODO(draft):';

/**
 * A drafted question, as it is written to the module file (module-file data, validated with the whole file).
 *
 * @example
 * ```ts
 * import { draftModule, type DraftQuestion } from 'quizkit/node';
 * const questions: readonly DraftQuestion[] = (await draftModule('Title\n\nPart\n\nAna Ruiz said the plan works.')).questions;
 * ```
 */
export type DraftQuestion = Record<string, unknown> & { id: string; type: string };

/** Everything the question writers read. */
export interface DraftInputs {
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly attributions: readonly Attribution[];
  readonly events: ReadonlyMap<string, ArticleEvent>;
  readonly orders: readonly StatedOrder[];
  readonly order: PartialOrder;
  readonly facts: readonly Fact[];
  readonly claims: readonly Claim[];
}

const MARK = `${DRAFT_MARKER} check this drafted question against the reading, then delete this marker.`;
const quoted = (text: string) => `“${text}”`;
const lowerFirst = (text: string) => (/^The\b/.test(text) ? `the${text.slice(3)}` : text);
const short = (text: string) => quotable(text, 200);
/** A text cut to fit a limit at a word, marked with an ellipsis (explanations quoting many sentences). */
const fit = (text: string, max: number = LIMITS.longText) => (text.length <= max ? text : `${quotable(text, max - 1)}…`);

/** Unique ids within one list, made from texts. */
function idMaker(): (text: string) => string {
  const used = new Set<string>();
  return (text: string) => {
    const base = slugify(text).slice(0, 40).replace(/-+$/, '') || 'item';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

const cite = (sentence: Sentence) => ({ section: sentence.section.id, quote: quotable(sentence.text) });

/** Matching questions: one per section with attributions, speakers against their statements. */
function matchingQuestions(inputs: DraftInputs, questionId: (text: string) => string): DraftQuestion[] {
  const bySection = new Map<ArticleSection, Attribution[]>();
  for (const attribution of inputs.attributions) {
    const section = inputs.sentences[attribution.sentence]!.section;
    bySection.set(section, [...(bySection.get(section) ?? []), attribution]);
  }
  const attributed = new Set(inputs.attributions.map((a) => a.sentence));
  const questions: DraftQuestion[] = [];
  for (const [section, list] of bySection) {
    const speakers = [...new Set(list.map((a) => a.actor))];
    const reporters = [...new Set(list.flatMap((a) => (a.reportedBy ? [a.reportedBy.actor] : [])))].filter((r) => !speakers.includes(r));
    const kinds = new Set(speakers.map((s) => s.kind));
    const others = inputs.entities.filter((e) => !speakers.includes(e) && !reporters.includes(e));
    const distractors = [...reporters, ...others.filter((e) => kinds.has(e.kind)), ...others.filter((e) => !kinds.has(e.kind))].slice(0, Math.max(2, 4 - speakers.length));
    const actors = [...speakers, ...distractors];
    // A matching question holds at most 30 actors and 50 statements; a section with more speakers keeps its first ones.
    if (actors.length < 2 || speakers.length > LIMITS.actorsPerMatching) continue;
    const statementId = idMaker();
    const statements: Record<string, unknown>[] = [];
    const texts = new Set<string>();
    for (const a of list.slice(0, LIMITS.statementsPerMatching - 1)) {
      const text = short(a.statement);
      if (texts.has(text)) continue;
      texts.add(text);
      statements.push({ id: statementId(text), text, actor: a.actor.id });
    }
    // A "none of these" statement naming one of the actors would exclude that actor by itself.
    const namesAnActor = (text: string) => actors.some((e) => text.toLowerCase().includes(e.name.toLowerCase()) || (e.kind === 'person' && e.name.split(/\s+/).some((w) => new RegExp(`\\b${w.replace(/[^\p{L}]/gu, '')}\\b`, 'u').test(text))));
    const none = inputs.claims.find((c) => !c.hedge && !attributed.has(c.sentence) && inputs.sentences[c.sentence]!.section === section && !namesAnActor(c.text));
    if (none) statements.push({ id: statementId(none.text), text: short(none.text), actor: null, feedback: 'The article states this itself; it credits it to no one.' });
    const evidence = [...new Set(list.map((a) => a.sentence))].map((i) => quoted(inputs.sentences[i]!.text)).join(' ');
    const chains = list.filter((a) => a.reportedBy).map((a) => `${a.reportedBy!.actor.name} (${a.reportedBy!.verb}) reports what ${a.actor.name} said (${a.verb}); the statement is ${a.actor.name}’s.`);
    questions.push({
      id: questionId(`who-said-${section.id}`),
      type: 'matching',
      prompt: `Match each statement in “${section.heading}” to who made it, as the article attributes it.${none ? ' Choose “none of these” if the article credits it to no one.' : ''}`,
      rule: { name: 'per-statement' },
      ...(none ? { allowNoMatch: true } : {}),
      actors: actors.slice(0, LIMITS.actorsPerMatching).map((e) => ({ id: e.id, name: fit(e.name, LIMITS.shortText) })),
      statements,
      explanation: fit([MARK, 'The article says:', evidence, ...chains].join(' ')),
      source: cite(inputs.sentences[list[0]!.sentence]!),
      objectives: ['attribute-positions'],
    });
  }
  return questions;
}

/** One single choice per chain attribution: who reported what someone else said (the two roles kept apart). */
function reporterQuestions(inputs: DraftInputs, questionId: (text: string) => string): DraftQuestion[] {
  return inputs.attributions
    .filter((a) => a.reportedBy)
    .flatMap((a) => {
      const reporter = a.reportedBy!.actor;
      const others = inputs.entities.filter((e) => e !== reporter && e !== a.actor && (e.kind === 'medium' || e.kind === reporter.kind)).slice(0, 2);
      const sentence = inputs.sentences[a.sentence]!;
      const option = idMaker();
      return [
        {
          id: questionId(`reported-by-${reporter.id}`),
          type: 'single-choice',
          // The prompt does not name the speaker: the speaker is the distractor that tells the two roles apart.
          prompt: `Who does the article say reported or confirmed this statement: ${quoted(short(a.statement))}?`,
          options: [
            { id: option(reporter.id), text: reporter.name, correct: true },
            { id: option(a.actor.id), text: a.actor.name, feedback: `${a.actor.name} made the statement (${a.verb}); the article says ${reporter.name} reported it (${a.reportedBy!.verb}).` },
            ...others.map((e) => ({ id: option(e.id), text: e.name })),
          ],
          explanation: `${MARK} The article says: ${quoted(sentence.text)}`,
          source: cite(sentence),
          objectives: ['attribute-positions'],
        },
      ];
    });
}

/**
 * Two option texts for two events, of similar length: the bare labels, or
 * just "The <noun>" when one bare label is much longer (a longer key is a
 * clue: lint's longest-key).
 */
function balanced(a: ArticleEvent, b: ArticleEvent): [string, string] {
  const [x, y] = [a.bare, b.bare];
  const long = Math.max(x.length, y.length);
  const shortest = Math.min(x.length, y.length);
  if (long < shortest * 1.25 || long - shortest < 12) return [fit(x, LIMITS.shortText), fit(y, LIMITS.shortText)];
  const noun = (e: ArticleEvent) => (e.key.includes(' ') ? e.bare : `The ${e.key}`);
  return [fit(noun(a), LIMITS.shortText), fit(noun(b), LIMITS.shortText)];
}

/** One ordering question per maximal chain of fixed pairs. */
function orderingQuestions(inputs: DraftInputs, questionId: (text: string) => string): DraftQuestion[] {
  const { order, events, orders, sentences } = inputs;
  return order.chains.flatMap((chain) => {
    if (!isFixedChain(chain, order.precedes)) throw new Error(`quizkit draft: a chain with an unstated pair (${chain.join(' → ')}); this is a bug in quizkit`);
    const inChain = new Set([...chain, NOW]);
    const evidence = orders.filter((o) => inChain.has(o.before) && inChain.has(o.after));
    if (evidence.length === 0) return [];
    // Cite a sentence that orders two events, not one event against the time of writing.
    const cited = sentences[(evidence.find((o) => o.before !== NOW && o.after !== NOW) ?? evidence[0]!).sentence]!;
    const item = idMaker();
    const items = chain.map((key) => ({ id: item(key), text: fit(events.get(key)!.label, LIMITS.shortText) }));
    const because = [...new Set(evidence.map((o) => o.sentence))].map((i) => {
      const cues = evidence.filter((o) => o.sentence === i).map((o) => quoted(o.cue));
      return `${cues.join(', ')} in ${quoted(sentences[i]!.text)}`;
    });
    const explanation = fit(`${MARK} Each pair is ordered by the text: ${because.join('; ')}.`);
    if (chain.length === 2) {
      // Two events make a poor ordering question (lint's two-item-ordering): ask which came first.
      return [
        {
          id: questionId(`which-first-${slugify(chain[0]!)}-or-${slugify(chain[1]!)}`),
          type: 'single-choice',
          prompt: 'Which of these happened first, as the article states it?',
          options: balanced(events.get(chain[0]!)!, events.get(chain[1]!)!).map((text, i) => ({ id: items[i]!.id, text, ...(i === 0 ? { correct: true } : {}) })),
          explanation,
          source: cite(cited),
          objectives: ['order-events'],
        },
      ];
    }
    const question: DraftQuestion = {
      id: questionId(`order-${slugify(chain[0]!)}-to-${slugify(chain[chain.length - 1]!)}`),
      type: 'ordering',
      prompt: 'Put these events in the order the article states, earliest first.',
      rule: { name: 'pairwise-order' },
      items,
      correctOrder: items.map((i) => i.id),
      explanation,
      source: cite(cited),
      objectives: ['order-events'],
    };
    return [question];
  });
}

/** Choice questions from facts: who took part, where, what was commemorated. */
function factQuestions(inputs: DraftInputs, questionId: (text: string) => string): DraftQuestion[] {
  const questions: DraftQuestion[] = [];
  const people = inputs.entities.filter((e) => e.kind === 'person');
  const places = inputs.entities.filter((e) => e.kind === 'place');
  for (const fact of inputs.facts) {
    const sentence = inputs.sentences[fact.sentence]!;
    const option = idMaker();
    const base = { explanation: `${MARK} The article says: ${quoted(sentence.text)}`, source: cite(sentence) };
    if (fact.kind === 'participants') {
      // Two questions on who took part, with the same people as options, answer each other: the first one only.
      if (questions.some((q) => q.id.startsWith('who-took-part'))) continue;
      const wrong = people.filter((p) => !fact.people.includes(p)).slice(0, 2);
      if (wrong.length === 0 || fact.people.length + wrong.length > LIMITS.optionsPerQuestion) continue;
      questions.push({
        id: questionId(`who-took-part-${fact.event.key}`),
        type: 'multiple-choice',
        prompt: `Who does the article say took part in ${lowerFirst(fact.event.bare)}? Choose all that apply.`,
        rule: { name: 'right-minus-wrong' },
        options: [...fact.people.map((p) => ({ id: option(p.id), text: p.name, correct: true })), ...wrong.map((p) => ({ id: option(p.id), text: p.name }))],
        ...base,
        objectives: ['identify-actors'],
      });
    } else if (fact.kind === 'place') {
      const wrong = places.filter((p) => p !== fact.place).slice(0, 3);
      if (wrong.length === 0) continue;
      questions.push({
        id: questionId(`where-${fact.event.key}`),
        type: 'single-choice',
        prompt: `Where does the article place ${lowerFirst(fact.event.bare)}?`,
        options: [{ id: option(fact.place.id), text: fact.place.name, correct: true }, ...wrong.map((p) => ({ id: option(p.id), text: p.name }))],
        ...base,
        objectives: ['identify-actors'],
      });
    } else {
      const wrong = [...inputs.events.values()].filter((e) => e !== fact.event && e !== fact.commemorated).slice(0, 3);
      if (wrong.length === 0) continue;
      questions.push({
        id: questionId(`commemorated-${fact.event.key}`),
        type: 'single-choice',
        prompt: `What does the article say ${lowerFirst(fact.event.bare)} commemorated?`,
        options: [{ id: option(fact.commemorated.key), text: fact.commemorated.label, correct: true }, ...wrong.map((e) => ({ id: option(e.key), text: e.bare }))],
        ...base,
        objectives: ['order-events'],
      });
    }
  }
  return questions;
}

/** One multiple choice: which clauses the article hedges (expected, potential, remains to be seen) rather than reports. */
function hedgeQuestion(inputs: DraftInputs, questionId: (text: string) => string): DraftQuestion[] {
  const hedged = inputs.claims.filter((c) => c.hedge).slice(0, 3);
  const attributed = new Set(inputs.attributions.map((a) => a.sentence));
  // Sentences that state an order answer the ordering questions; quoting them here would give those answers away.
  const ordering = new Set(inputs.orders.map((o) => o.sentence));
  const reported = inputs.claims
    .filter((c) => !c.hedge && !attributed.has(c.sentence) && !ordering.has(c.sentence) && !/^(?:In conclusion|As the world)/.test(c.text))
    .slice(0, 3);
  if (hedged.length === 0 || reported.length === 0) return [];
  const option = idMaker();
  const options = [...hedged.map((c) => ({ id: option(c.text), text: short(c.text), correct: true })), ...reported.map((c) => ({ id: option(c.text), text: short(c.text) }))];
  options.sort((a, b) => inputs.claims.findIndex((c) => short(c.text) === a.text) - inputs.claims.findIndex((c) => short(c.text) === b.text));
  const first = hedged[0]!;
  const sentence = inputs.sentences[first.sentence]!;
  return [
    {
      id: questionId('expected-not-reported'),
      type: 'multiple-choice',
      prompt: 'Which of these does the article present as expected, possible or still open, rather than as something that happened? Choose all that apply.',
      rule: { name: 'right-minus-wrong' },
      options,
      explanation: fit(`${MARK} The hedged ones say ${hedged.map((c) => quoted(c.hedge!)).join(', ')}; the others are reported as fact.`),
      source: { section: sentence.section.id, quote: first.text },
      objectives: ['separate-report-from-outlook'],
    },
  ];
}

/**
 * Drafts every question the findings support, in a fixed order: matching
 * (who said what), who reported it, ordering, facts, reported vs expected.
 *
 * @param inputs The findings.
 *
 * @returns The questions as module-file data.
 */
export function draftQuestions(inputs: DraftInputs): DraftQuestion[] {
  const questionId = idMaker();
  // One quiz holds at most 200 questions: a longer article keeps the first 200 of the fixed order.
  return [
    ...matchingQuestions(inputs, questionId),
    ...reporterQuestions(inputs, questionId),
    ...orderingQuestions(inputs, questionId),
    ...factQuestions(inputs, questionId),
    ...hedgeQuestion(inputs, questionId),
  ].slice(0, LIMITS.questionsPerQuiz);
}
