import { slugify } from '../node/build/article.js';
import { SAFE_ID } from '../schema/common.js';
import { LIMITS } from '../schema/limits.js';
import { type Attribution, findAttributions } from './attributions/attributions.js';
import { type Entity, findEntities, type Nlp } from './entities/entities.js';
import { findClaims, findFacts } from './facts/facts.js';
import { readArticleText } from './sentences/sentences.js';
import { findTemporal, type StatedOrder } from './temporal/cues.js';
import { type ArticleEvent, eventKeyOf } from './temporal/events.js';
import { buildPartialOrder } from './temporal/order.js';
import { renderDraftModule } from './writer/module.js';
import { type DraftQuestion, draftQuestions } from './writer/questions.js';

let nlpLoaded: Promise<Nlp> | undefined;
/**
 * compromise, loaded on the first draft: it takes about half a second to
 * load, which every other user of `quizkit/node` (and every other CLI
 * command) would otherwise pay.
 */
const loadNlp = (): Promise<Nlp> => (nlpLoaded ??= import('compromise').then((module) => module.default));

/**
 * Options of {@link draftModule}.
 *
 * @example
 * ```ts
 * import type { DraftOptions } from 'quizkit/node';
 * const options: DraftOptions = { id: 'council', from: 'council.txt' };
 * ```
 */
export interface DraftOptions {
  /** The module id (default: made from the article's title). */
  readonly id?: string;
  /** The article's file name, named in the file's first comment. */
  readonly from?: string;
  /** How to read the article (default: Markdown when it has `#` headings, else plain text). */
  readonly format?: 'markdown' | 'text';
}

/**
 * What the drafter found in an article: why each question was proposed.
 *
 * @example
 * ```ts
 * import { draftModule, type DraftFindings } from 'quizkit/node';
 * const findings: DraftFindings = (await draftModule('Title\n\nPart\n\nThe vote came after the hearing.')).findings;
 * findings.chains; //=> [['hearing', 'vote']]
 * ```
 */
export interface DraftFindings {
  /** The named entities, in order of first mention. */
  readonly entities: readonly Entity[];
  /** The attribution sentences, in reading order. */
  readonly attributions: readonly Attribution[];
  /** The events, in order of first mention. */
  readonly events: readonly ArticleEvent[];
  /** The orders the text states in words (the time of writing is `(now)`). */
  readonly orders: readonly StatedOrder[];
  /** The chains of events fixed pair by pair, earliest first, by event key. */
  readonly chains: readonly (readonly string[])[];
  /** The pairs of events whose order the text does not state. */
  readonly unstated: readonly (readonly [ArticleEvent, ArticleEvent])[];
  /** Events the text puts both before and after each other. */
  readonly contradictory: readonly ArticleEvent[];
  /** The sentences, verbatim, by index (for quoting in a report). */
  readonly sentences: readonly string[];
}

/**
 * A drafted module: its YAML text, what it was drafted from, and the questions.
 *
 * @example
 * ```ts
 * import { draftModule, type DraftResult } from 'quizkit/node';
 * const draft: DraftResult = await draftModule('Title\n\nPart\n\nThe vote came after the hearing.', { id: 'vote' });
 * draft.yaml.startsWith('# Drafted by `quizkit draft`'); //=> true
 * ```
 */
export interface DraftResult {
  /** The module file, YAML, ending with a newline. */
  readonly yaml: string;
  /** The drafted questions, as written to the file. */
  readonly questions: readonly DraftQuestion[];
  /** What was found. */
  readonly findings: DraftFindings;
}

/**
 * Drafts a module of questions from an article: matching questions from its
 * attribution sentences (who said what, reporters kept apart from speakers),
 * ordering questions only over chains of events whose every adjacent pair the
 * text orders in words, and choice questions from the facts it states and the
 * clauses it hedges. Every question cites a section with a verbatim quote,
 * and its explanation starts with `TODO(draft):` so `quizkit validate` reports
 * it until the author has checked it. Pure and deterministic: the same text
 * gives the same file, byte for byte. Asynchronous only because it loads
 * the language library on first use.
 *
 * @param text The article, Markdown or plain text.
 * @param options The module id, the article's file name and how to read it.
 *
 * @returns A promise of the module file, the questions and the findings.
 *
 * @throws RangeError When the article has no text, or more sections than a module holds (100).
 *
 * @example
 * ```ts
 * import { draftModule } from 'quizkit/node';
 *
 * const text = 'Council votes\n\nThe vote\n\nMayor Ana Ruiz said the budget was balanced. Councillor Ben Ode warned that fees would rise.';
 * const draft = await draftModule(text, { id: 'council' });
 * draft.findings.attributions.map((a) => a.actor.name); //=> ['Ana Ruiz', 'Ben Ode']
 * draft.yaml.includes('TODO(draft):'); //=> true
 * ```
 */
export async function draftModule(text: string, options: DraftOptions = {}): Promise<DraftResult> {
  const nlp = await loadNlp();
  const { article, sentences } = readArticleText(text, options.format);
  if (article.sections.length === 0) throw new RangeError('The article has no text to draft from');
  if (article.sections.length > LIMITS.sectionsPerModule) {
    throw new RangeError(`The article has ${article.sections.length} sections; a module holds at most ${LIMITS.sectionsPerModule}: split it into several articles`);
  }
  const entities = findEntities(sentences, nlp);
  const attributions = findAttributions(sentences, entities);
  const temporal = findTemporal(sentences);
  const order = buildPartialOrder([...temporal.events.keys()], temporal.orders);
  const commemorations = temporal.orders.filter((o) => /commemorat|mark|celebrat/i.test(o.cue));
  const facts = findFacts(sentences, entities, temporal.events, (s, t) => eventKeyOf(sentences[s]!.tokens[t]!), commemorations);
  const claims = findClaims(sentences);
  const questions = draftQuestions({
    sentences,
    entities: entities.list,
    attributions,
    events: temporal.events,
    orders: temporal.orders,
    order,
    facts,
    claims,
  });
  const event = (key: string) => temporal.events.get(key)!;
  const unstated = order.unstated.map(([a, b]) => [event(a), event(b)] as const);
  const fallbackId = slugify(article.title ?? 'draft');
  const id = options.id ?? (SAFE_ID.test(fallbackId) ? fallbackId : 'draft');
  const yaml = renderDraftModule({ id, article, questions, unstated, from: options.from });
  return {
    yaml,
    questions,
    findings: {
      entities: entities.list,
      attributions,
      events: [...temporal.events.values()],
      orders: temporal.orders,
      chains: order.chains,
      unstated,
      contradictory: order.contradictory.map(event),
      sentences: sentences.map((s) => s.text),
    },
  };
}
