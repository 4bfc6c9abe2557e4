import type { Sentence, Token } from '../sentences/sentences.js';

/**
 * Events an article names: a noun of happening (meeting, summit, parade,
 * vote, launch, match, …) or a verb that stands for one ("voted" → the vote).
 * One event per head noun: every "meeting" of an article is one meeting.
 */

/**
 * An event the article names.
 *
 * @example
 * ```ts
 * import type { ArticleEvent } from 'quizkit/node';
 * const event: ArticleEvent = { key: 'vote', label: 'The vote', bare: 'The vote', sentence: 0 };
 * ```
 */
export interface ArticleEvent {
  /** A key: the head noun, or the commemorated phrase ("end of world war ii"). */
  readonly key: string;
  /** A short label for a question, made from its fullest mention ("The military parade in Beijing"). */
  readonly label: string;
  /** The label without the phrases after the noun ("The military parade"): a prompt or option that gives away no place or name. */
  readonly bare: string;
  /** The first sentence that names it. */
  readonly sentence: number;
}

/** Where a sentence names an event. */
export interface EventMention {
  /** The event's key. */
  readonly key: string;
  /** The sentence's index. */
  readonly sentence: number;
  /** The head token. */
  readonly token: number;
}

const STRONG = new Map<string, string>(
  (
    'meeting summit parade anniversary vote launch release match game final election ceremony conference talks visit hearing session ' +
    'debate tournament race celebration festival announcement unveiling presentation interview derby semifinal semi-final rally protest ' +
    'referendum signing inauguration trial keynote opening kickoff kick-off premiere survey audit inspection'
  )
    .split(' ')
    .map((noun) => [noun, noun]),
);
for (const [plural, noun] of [['celebrations', 'celebration'], ['meetings', 'meeting'], ['parades', 'parade'], ['hearings', 'hearing']] as const) STRONG.set(plural, noun);
/** Verbs that stand for an event the article may also name by its noun. */
const VERB_EVENTS = new Map([
  ['voted', 'vote'],
  ['launched', 'launch'],
  ['released', 'release'],
  ['unveiled', 'unveiling'],
]);
/** Nouns that point back at an event already named ("This move", "this symbolic gathering"). */
export const WEAK = new Set(['move', 'event', 'gathering', 'appearance', 'step', 'development', 'decision', 'dialogue', 'occasion']);

const STOP_LEFT = new Set('a an the this that these those to of at in on with by for from and or between after before than its their his her its'.split(' '));
const STOP_RIGHT = new Set(
  ('was were is are be been comes came come follows followed follow signaling signalling that which who where when while and but as ' +
    'next last recent recently yesterday tomorrow earlier later this coming ahead prior after before commemorating marking celebrating during')
    .split(' '),
);
const PREPOSITIONS = new Set(['between', 'of', 'in', 'at', 'on', 'over', 'for', 'held', 'against', 'with']);

/** The head noun's key, when a token names an event. */
export function eventKeyOf(token: Token): string | undefined {
  const word = token.base.toLowerCase();
  return STRONG.get(word) ?? VERB_EVENTS.get(word);
}

/** The phrase around an event noun, verbatim: modifiers before it, and phrases after it ("between A and B", "in Beijing"). */
function phrase(sentence: Sentence, head: number): { label: string; bare: string } {
  const { tokens, text } = sentence;
  let first = head;
  while (first > 0 && first > head - 4) {
    const token = tokens[first - 1]!;
    if (!/^[\p{L}\p{N}’'-]+$/u.test(token.text) || STOP_LEFT.has(token.base.toLowerCase()) || /ly$|ed$/.test(token.base)) break;
    first--;
  }
  let last = head + 1;
  let inBetween = false;
  while (last < tokens.length && last < head + 16) {
    const token = tokens[last]!;
    const word = token.base.toLowerCase();
    if (!/^[\p{L}\p{N}][\p{L}\p{N}’'.-]*$/u.test(token.text) || STOP_RIGHT.has(word)) {
      if (word === 'and' && inBetween && /^\p{Lu}/u.test(tokens[last + 1]?.text ?? '')) {
        last++;
        continue;
      }
      break;
    }
    if (word === 'between') inBetween = true;
    last++;
  }
  // A phrase does not end on a preposition ("the meeting held in").
  while (last > head + 1 && PREPOSITIONS.has(tokens[last - 1]!.base.toLowerCase())) last--;
  // The bare label stops at the noun, unless a possessive name already leads it ("North Korea’s 80th founding anniversary").
  const bareEnd = head + 1;
  // At most 300 characters: a label is an option or item text, never a paragraph.
  const cut = (end: number) => text.slice(tokens[first]!.start, tokens[end - 1]!.end).slice(0, 300);
  const startsWithName = /^\p{Lu}/u.test(tokens[first]!.text) && (tokens.slice(first, head).some((token) => token.possessive) || first < head);
  const finish = (words: string) => (startsWithName && first !== 0 ? words : `The ${words.charAt(0) === words.charAt(0).toUpperCase() && first !== 0 ? words : words.charAt(0).toLowerCase() + words.slice(1)}`);
  return { label: finish(cut(last)), bare: finish(cut(bareEnd)) };
}

/** The events of an article, and every mention of one, in reading order. */
export interface Events {
  /** The events by key. */
  readonly byKey: ReadonlyMap<string, ArticleEvent>;
  /** The mentions by sentence index, in token order. */
  readonly bySentence: ReadonlyMap<number, readonly EventMention[]>;
}

/** An event made from a phrase rather than a noun ("the end of World War II"), registered under its own key. */
export function phraseEvent(events: Map<string, ArticleEvent>, sentence: Sentence, text: string): ArticleEvent {
  const words = text.replace(/^(?:the|a|an)\s+/i, '').slice(0, 300);
  const key = words.toLowerCase();
  const existing = events.get(key);
  if (existing) return existing;
  const event: ArticleEvent = { key, label: `The ${words}`, bare: `The ${words}`, sentence: sentence.index };
  events.set(key, event);
  return event;
}

/**
 * Finds the events each sentence names. An event's label is made from its
 * longest mention.
 *
 * @param sentences The article's sentences.
 *
 * @returns The events by key and the mentions by sentence.
 */
export function findEvents(sentences: readonly Sentence[]): { byKey: Map<string, ArticleEvent>; bySentence: Map<number, EventMention[]> } {
  const byKey = new Map<string, ArticleEvent>();
  const bySentence = new Map<number, EventMention[]>();
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, index) => {
      const key = eventKeyOf(token);
      if (!key) return;
      const mentions = bySentence.get(sentence.index) ?? [];
      mentions.push({ key, sentence: sentence.index, token: index });
      bySentence.set(sentence.index, mentions);
      const isVerb = VERB_EVENTS.has(token.base.toLowerCase());
      const { label, bare } = isVerb ? { label: `The ${key}`, bare: `The ${key}` } : phrase(sentence, index);
      const existing = byKey.get(key);
      if (!existing || (label.length > existing.label.length && !isVerb)) {
        byKey.set(key, { key, label, bare, sentence: existing?.sentence ?? sentence.index });
      }
    });
  }
  return { byKey, bySentence };
}
