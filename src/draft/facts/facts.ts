import type { Entities, Entity } from '../entities/entities.js';
import type { Sentence } from '../sentences/sentences.js';
import type { ArticleEvent } from '../temporal/events.js';

/**
 * Facts a choice question can ask about: who took part in an event, where it
 * was held, what it commemorated, and which clauses the text hedges
 * (expected, potential, may, remains to be seen) rather than reports.
 */

/** A fact the text states, with the sentence that states it. */
export type Fact =
  | { readonly kind: 'participants'; readonly event: ArticleEvent; readonly people: readonly Entity[]; readonly sentence: number; readonly evidence: string }
  | { readonly kind: 'place'; readonly event: ArticleEvent; readonly place: Entity; readonly sentence: number; readonly evidence: string }
  | { readonly kind: 'commemorated'; readonly event: ArticleEvent; readonly commemorated: ArticleEvent; readonly sentence: number; readonly evidence: string };

/** A clause and whether the text hedges it. */
export interface Claim {
  /** The clause, verbatim. */
  readonly text: string;
  /** The hedge word, verbatim, when hedged ("expected", "remains to be seen"). */
  readonly hedge: string | undefined;
  /** The sentence's index. */
  readonly sentence: number;
}

const HEDGE = /\b(?:expected|potential(?:ly)?|may|might|could|remains? to be seen|likely|possible|possibly|plans? to|hopes? to|would)\b/i;

/**
 * The facts of the article's sentences about its events.
 *
 * @param sentences The sentences.
 * @param entities Their entities.
 * @param events The events, by key.
 * @param eventAt The event a sentence names at a token, if any.
 *
 * @returns The facts, in reading order.
 */
export function findFacts(
  sentences: readonly Sentence[],
  entities: Entities,
  events: ReadonlyMap<string, ArticleEvent>,
  eventAt: (sentence: number, token: number) => string | undefined,
  commemorations: readonly { before: string; after: string; sentence: number; cue: string }[],
): Fact[] {
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const push = (fact: Fact, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    facts.push(fact);
  };
  for (const sentence of sentences) {
    const { tokens, text } = sentence;
    const mentions = entities.bySentence.get(sentence.index) ?? [];
    tokens.forEach((token, index) => {
      const key = eventAt(sentence.index, index);
      if (!key) return;
      const event = events.get(key)!;
      // "summit between A and B", "appearance of A, B, and C at a parade".
      const list = /^(?:between|of)$/.test(tokens[index + 1]?.base ?? '') ? index + 2 : -1;
      const weakBefore = tokens.slice(Math.max(0, index - 20), index).findIndex((t, i, all) => /^(?:appearance|meeting|talks)$/.test(t.base) && /^(?:of|between)$/.test(all[i + 1]?.base ?? ''));
      const from = list >= 0 ? list : weakBefore >= 0 ? Math.max(0, index - 20) + weakBefore + 2 : -1;
      if (from >= 0) {
        const people: Entity[] = [];
        for (const mention of mentions) {
          if (mention.start < from || (list >= 0 ? false : mention.start > index)) continue;
          if (list >= 0 && tokens.slice(from, mention.start).some((t) => !/^(?:and|,)$/.test(t.base) && !mentions.some((m) => m.start <= tokens.indexOf(t) && tokens.indexOf(t) < m.end) && !/^\p{Lu}/u.test(t.base) && !/^(?:leader|president|minister)$/i.test(t.base))) break;
          if (mention.entity.kind === 'person' && !people.includes(mention.entity)) people.push(mention.entity);
        }
        if (people.length >= 2) push({ kind: 'participants', event, people, sentence: sentence.index, evidence: text }, `participants:${key}`);
      }
      // "held in Beijing", "in Beijing" right after the event noun.
      const after = tokens.slice(index + 1, index + 4);
      const inAt = after.findIndex((t) => /^(?:in|at)$/.test(t.base));
      if (inAt >= 0) {
        const place = mentions.find((m) => m.start === index + 2 + inAt && m.entity.kind === 'place');
        if (place) push({ kind: 'place', event, place: place.entity, sentence: sentence.index, evidence: text }, `place:${key}`);
      }
    });
  }
  for (const order of commemorations) {
    const event = events.get(order.after);
    const commemorated = events.get(order.before);
    if (event && commemorated) push({ kind: 'commemorated', event, commemorated, sentence: order.sentence, evidence: sentences[order.sentence]!.text }, `commemorated:${order.after}`);
  }
  return facts;
}

/**
 * The clauses of the article, each marked hedged or reported. A clause is a
 * comma-separated part of a sentence of at least five words.
 *
 * @param sentences The sentences.
 *
 * @returns The clauses in reading order.
 */
export function findClaims(sentences: readonly Sentence[]): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of sentences) {
    const parts = sentence.text.split(/,\s+(?=though|although|but|while|potentially|emphasizing|signaling|signalling)|,\s+(?=the\s)/);
    for (const part of parts) {
      const clause = part.trim().replace(/[.,;:]+$/, '');
      if (clause.split(/\s+/).length < 5 || clause.length > 200) continue;
      const hedge = HEDGE.exec(clause)?.[0];
      claims.push({ text: clause, hedge, sentence: sentence.index });
    }
  }
  return claims;
}
