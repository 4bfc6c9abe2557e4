import type { Sentence } from '../sentences/sentences.js';
import { type ArticleEvent, type EventMention, WEAK, eventKeyOf, findEvents, phraseEvent } from './events.js';

/**
 * Temporal cues: the words that fix an order between two events ("comes
 * shortly after", "follows", "before", "commemorating", "then", "once") or
 * between an event and the time of writing ("recent", "next month").
 */

/** The key of the time of writing, the node that "recent" and "next month" order events against. */
export const NOW = '(now)';

/**
 * One order the text states in words: `before` happened before `after`.
 *
 * @example
 * ```ts
 * import { draftModule, type StatedOrder } from 'quizkit/node';
 * const [order]: readonly StatedOrder[] = (await draftModule('Title\n\nPart\n\nThe vote came after the hearing.')).findings.orders;
 * [order!.before, order!.after, order!.cue]; //=> ['hearing', 'vote', 'came after']
 * ```
 */
export interface StatedOrder {
  /** The earlier event's key, or `(now)`, the time of writing. */
  readonly before: string;
  /** The later event's key, or `(now)`, the time of writing. */
  readonly after: string;
  /** The cue, verbatim ("comes shortly after", "next month"). */
  readonly cue: string;
  /** The sentence that states it. */
  readonly sentence: number;
}

/** The events of an article and the orders its words state. */
export interface TemporalFindings {
  /** The events, by key, in order of first mention. */
  readonly events: ReadonlyMap<string, ArticleEvent>;
  /** The orders the text states, in reading order. */
  readonly orders: readonly StatedOrder[];
}

const PAST = /\b(?:recent(?:ly)?|last (?:week|month|year|season|night|weekend|summer|spring|autumn|fall|winter)|yesterday|earlier this (?:week|month|year|season)|\w+ (?:days|weeks|months|years) ago)\b/gi;
const FUTURE = /\b(?:next (?:week|month|year|season|weekend|summer|spring|autumn|fall|winter|spring)|tomorrow|upcoming|later this (?:week|month|year|season)|in the coming (?:days|weeks|months))\b/gi;

/** Relations between the event before a cue (the subject) and the event after it (the object). */
const RELATIONS: { pattern: RegExp; subjectFirst: boolean }[] = [
  { pattern: /\b(?:comes?|came|coming)\s+(?:(?:shortly|soon|just|right|only|days|weeks|months|hours)\s+)?after\b/gi, subjectFirst: false },
  { pattern: /\b(?:follows|followed|follow)\b(?!\s+by\b)/gi, subjectFirst: false },
  { pattern: /\b(?:was|were|is|are)\s+(?:preceded)\s+by\b/gi, subjectFirst: false },
  { pattern: /\b(?:was|were|is|are)\s+followed\s+by\b/gi, subjectFirst: true },
  { pattern: /\b(?:precedes|preceded|ahead of|prior to|(?:shortly |just |days |weeks |hours )?before)\b/gi, subjectFirst: true },
  { pattern: /\b(?:shortly |just |soon |days |weeks |hours |minutes )?after\b/gi, subjectFirst: false },
];
const OPENING = /^(?:(?:Shortly |Just |Soon |Days |Weeks |Hours )?(After|Following|Before|Once|Ahead of|Prior to))\b/;
const COMMEMORATES = /\b(?:commemorating|to commemorate|marking|to mark|celebrating)\s+(the [^,.;]+)/gi;
const SEQUENCE_OPENING = /^(?:Then|Later|Next|Afterwards|Afterward|Subsequently)\b/;

/** The token index at a character offset of a sentence. */
const tokenAt = (sentence: Sentence, offset: number) => {
  const index = sentence.tokens.findIndex((token) => token.end > offset);
  return index < 0 ? sentence.tokens.length : index;
};

/**
 * Finds the orders an article states in words. An event before a cue is its
 * subject (an anaphor such as "This move", "It" or "this gathering" stands
 * for the last event named before the sentence); the first event after the cue
 * is its object. A cue with no event on one side states nothing.
 *
 * @param sentences The article's sentences.
 *
 * @returns The events and the stated orders.
 */
export function findTemporal(sentences: readonly Sentence[]): TemporalFindings {
  const { byKey, bySentence } = findEvents(sentences);
  const orders: StatedOrder[] = [];
  let topic: string | undefined;
  let previousLast: string | undefined;
  const add = (before: string | undefined, after: string | undefined, cue: string, sentence: Sentence) => {
    if (before && after && before !== after) orders.push({ before, after, cue: cue.trim(), sentence: sentence.index });
  };
  for (const sentence of sentences) {
    const mentions: readonly EventMention[] = bySentence.get(sentence.index) ?? [];
    const { tokens, text } = sentence;
    /** The subject before token `at`: the nearest event named before it, or what an anaphor points back to. */
    const subject = (at: number): string | undefined => {
      const named = mentions.filter((mention) => mention.token < at).at(-1);
      if (named) return named.key;
      const anaphor = tokens.slice(0, at).some((token, index) => (index === 0 && /^(?:It|This|That)$/.test(token.base)) || (WEAK.has(token.base.toLowerCase()) && /^(?:this|that|the)$/i.test(tokens[index - 1]?.base ?? '') ));
      return anaphor ? topic : undefined;
    };
    const objectAfter = (at: number, until = tokens.length) => mentions.find((mention) => mention.token >= at && mention.token < until)?.key;

    const opening = OPENING.exec(text);
    if (opening) {
      // "After the hearing, the council voted": the event of the opening phrase, then the event after the comma.
      const comma = tokens.findIndex((token) => token.text === ',');
      const first = objectAfter(1, comma < 0 ? tokens.length : comma);
      const main = comma < 0 ? undefined : objectAfter(comma);
      const word = opening[1]!.toLowerCase();
      if (word === 'before' || word === 'ahead of' || word === 'prior to') add(main, first, opening[0], sentence);
      else add(first, main, opening[0], sentence);
    } else {
      // A cue inside a longer cue already read ("after" in "comes shortly after") states nothing more.
      const taken: [number, number][] = [];
      for (const { pattern, subjectFirst } of RELATIONS) {
        for (const match of text.matchAll(pattern)) {
          const range: [number, number] = [match.index, match.index + match[0].length];
          if (taken.some(([from, to]) => range[0] < to && range[1] > from)) continue;
          taken.push(range);
          const at = tokenAt(sentence, match.index);
          const end = tokenAt(sentence, match.index + match[0].length);
          const s = subject(at);
          const o = objectAfter(end);
          if (subjectFirst) add(s, o, match[0], sentence);
          else add(o, s, match[0], sentence);
        }
      }
    }
    for (const match of text.matchAll(COMMEMORATES)) {
      const at = tokenAt(sentence, match.index);
      const s = subject(at);
      const inner = match[1]!.trim();
      const head = tokens.slice(at).find((token) => eventKeyOf(token));
      if (!s || (head && inner.includes(head.text))) continue;
      const event = phraseEvent(byKey, sentence, inner);
      add(event.key, s, match[0].split(/\s+/).slice(0, -inner.split(/\s+/).length).join(' '), sentence);
    }
    if (SEQUENCE_OPENING.test(text)) add(previousLast, mentions[0]?.key ?? subject(1), SEQUENCE_OPENING.exec(text)![0], sentence);
    else if (/^Earlier\b/.test(text)) add(mentions[0]?.key, previousLast, 'Earlier', sentence);
    for (const match of text.matchAll(/,\s+then\b/gi)) {
      const at = tokenAt(sentence, match.index);
      add(subject(at), objectAfter(at), 'then', sentence);
    }
    // "recent" and "next month": against the time of writing. "recent" names the event after it; other markers the nearest one.
    for (const [pattern, past] of [[PAST, true], [FUTURE, false]] as const) {
      for (const match of text.matchAll(pattern)) {
        const at = tokenAt(sentence, match.index);
        const modifier = /^(?:recent|upcoming)$/i.test(match[0]);
        const event = modifier
          ? mentions.find((mention) => mention.token > at && mention.token <= at + 3)
          : [...mentions].sort((a, b) => Math.abs(a.token - at) - Math.abs(b.token - at) || a.token - b.token)[0];
        if (!event) continue;
        if (past) add(event.key, NOW, match[0], sentence);
        else add(NOW, event.key, match[0], sentence);
      }
    }
    if (mentions.length) {
      topic = mentions[0]!.key;
      previousLast = mentions.at(-1)!.key;
    }
  }
  const ordered = new Map([...byKey.entries()].sort((a, b) => a[1].sentence - b[1].sentence || a[0].localeCompare(b[0])));
  return { events: ordered, orders };
}
