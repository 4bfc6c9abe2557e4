import type nlpType from 'compromise';
import { slugify } from '../../node/build/article.js';
import type { Sentence, Token } from '../sentences/sentences.js';

/**
 * Named entities of an article: people (with the title the text gives them),
 * places and countries (which act as sides), organisations and news media.
 * Names are runs of capitalised words; `compromise` classifies the ones no
 * rule here recognises (a title, a medium's or an organisation's word).
 */

/** compromise's entry function, passed in: it is loaded on first use, so importing `quizkit/node` does not load it. */
export type Nlp = typeof nlpType;

/**
 * What an entity is.
 *
 * @example
 * ```ts
 * import type { EntityKind } from 'quizkit/node';
 * const kind: EntityKind = 'medium';
 * ```
 */
export type EntityKind = 'person' | 'place' | 'organization' | 'medium';

/**
 * A named entity of the article.
 *
 * @example
 * ```ts
 * import { draftModule, type Entity } from 'quizkit/node';
 * const [mayor]: readonly Entity[] = (await draftModule('Title\n\nPart\n\nMayor Ana Ruiz said the plan works.')).findings.entities;
 * [mayor!.name, mayor!.kind, mayor!.title]; //=> ['Ana Ruiz', 'person', 'Mayor']
 * ```
 */
export interface Entity {
  /** A kebab-case id made from the name, unique in the article. */
  readonly id: string;
  /** The fullest name the article uses. */
  readonly name: string;
  /** What it is. */
  readonly kind: EntityKind;
  /** The title or role the article gives a person ("Chinese Foreign Minister"), verbatim. */
  readonly title: string | undefined;
}

/** A place in a sentence that names an entity (tokens `start` to `end`, exclusive). */
export interface Mention {
  /** The entity named. */
  readonly entity: Entity;
  /** The sentence's index. */
  readonly sentence: number;
  /** The first token. */
  readonly start: number;
  /** The token after the last. */
  readonly end: number;
}

/** The entities of an article and where each is named. */
export interface Entities {
  /** The entities, in order of first mention. */
  readonly list: readonly Entity[];
  /** The mentions of each sentence, by sentence index, in reading order. */
  readonly bySentence: ReadonlyMap<number, readonly Mention[]>;
}

const TITLE_WORDS = new Set(
  ('minister president premier chancellor secretary mayor councillor councilor senator governor chair chairman chairwoman director ' +
    'ceo cfo cto executive coach captain manager judge king queen prince dr mr mrs ms general ambassador spokesperson spokesman spokeswoman officer ' +
    'chief commissioner representative leader founder striker forward midfielder goalkeeper defender quarterback head analyst engineer ' +
    'keeper winger guard pitcher treasurer clerk superintendent professor member')
    .split(' '),
);
const MEDIUM_WORDS = new Set('news times post journal agency herald tribune gazette reuters afp ap bbc cnn xinhua kcna tv radio press daily telegraph guardian'.split(' '));
const MEDIUM_NOUNS = new Set(['media', 'newspaper', 'newspapers', 'broadcaster', 'press', 'television', 'outlets']);
const ORGANIZATION_WORDS = new Set(
  ('council committee party ministry inc corp corporation company club fc university association league federation department ' +
    'commission board bank group labs technologies systems authority government parliament congress assembly institute foundation')
    .split(' '),
);
/** Lower-case nouns that say the name after them is an organisation. */
const GROUP_NOUNS = new Set('group union club company firm agency party association charity campaign coalition organisation organization team'.split(' '));
/** Capitalised words that open a sentence without naming anything. */
const OPENERS = new Set(
  ('the a an in this that these those it its during after before looking as on at for with while when once then later earlier but and ' +
    'however meanwhile according last next in turn by from to of our their his her we they he she there here yet also still now today ' +
    'yesterday tomorrow despite although though if so what who which how why').split(' '),
);

const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.base) && !/^\p{Lu}[\p{Ll}]*-\p{Lu}/u.test(token.base);
const normal = (text: string) => text.replace(/['’]s$/u, '').replace(/[.,;:]+$/, '').toLowerCase();

/**
 * The names compromise classifies, normalised. It reads each distinct
 * candidate name once, in a plain carrier sentence, rather than the whole
 * article: the same classes on the test articles, and 100 KB of text costs
 * the distinct names (hundreds) instead of every word (a second).
 */
function compromiseNames(nlp: Nlp, candidates: readonly string[]): { people: Set<string>; places: Set<string>; organizations: Set<string> } {
  const doc = nlp(candidates.map((name) => `${name} is here.`).join(' '));
  const names = (list: string[]) => new Set(list.map(normal));
  return {
    people: names(doc.people().out('array') as string[]),
    places: names(doc.places().out('array') as string[]),
    organizations: names(doc.organizations().out('array') as string[]),
  };
}

/** Whether `name` is one of `names` or a whole-word part of one. */
function knownIn(names: Set<string>, name: string): boolean {
  const n = name.toLowerCase();
  if (names.has(n)) return true;
  for (const entry of names) if (` ${entry} `.includes(` ${n} `)) return true;
  return false;
}

interface Run {
  readonly start: number;
  readonly end: number;
}

/** Runs of capitalised words ("of" allowed inside a name), cut after a possessive. */
function capitalisedRuns(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i]!)) {
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    while (end < tokens.length && !tokens[end - 1]!.possessive) {
      const token = tokens[end]!;
      if (isCapitalised(token)) end++;
      else if (token.text === 'of' && end + 1 < tokens.length && isCapitalised(tokens[end + 1]!)) end += 2;
      else break;
    }
    while (start < end && (start === 0 || /^[“"‘(]$/.test(tokens[start - 1]!.text)) && OPENERS.has(tokens[start]!.base.toLowerCase())) start++;
    if (start < end) runs.push({ start, end });
    i = end;
  }
  return runs;
}

/** The longest name kept; a run of capitals longer than this (a shouted paragraph) is cut. */
const MAX_NAME = 200;
const words = (tokens: readonly Token[], start: number, end: number, sentence: string) =>
  sentence.slice(tokens[start]!.start, tokens[end - 1]!.end).replace(/['’]s$/u, '').slice(0, MAX_NAME);

interface Found {
  readonly name: string;
  readonly kind: EntityKind;
  readonly title: string | undefined;
  readonly start: number;
  readonly end: number;
}

/** Reads one run as a titled person, a medium, an organisation, a place or a person; `undefined` when it names none of these. */
function classify(sentence: Sentence, run: Run, known: ReturnType<typeof compromiseNames>): Found | undefined {
  const { tokens, text } = sentence;
  const lower = (index: number) => tokens[index]!.base.toLowerCase();
  // A title inside the run: "Chinese Foreign Minister Wang Yi".
  for (let k = run.end - 2; k >= run.start; k--) {
    if (TITLE_WORDS.has(lower(k)) && !tokens[k]!.possessive) {
      return { name: words(tokens, k + 1, run.end, text), kind: 'person', title: words(tokens, run.start, k + 1, text), start: k + 1, end: run.end };
    }
  }
  // A lower-case title just before the run: "North Korean leader Kim Jong Un", "chief executive Ana Ruiz".
  const before = run.start - 1;
  if (before >= 0 && TITLE_WORDS.has(lower(before)) && /^\p{Ll}/u.test(tokens[before]!.base)) {
    let first = before;
    while (first > 0 && before - first < 4 && /^[\p{L}’'-]+$/u.test(tokens[first - 1]!.text) && !OPENERS.has(lower(first - 1)) && !/^(?:and|or|between|with)$/.test(lower(first - 1))) first--;
    return { name: words(tokens, run.start, run.end, text), kind: 'person', title: words(tokens, first, before + 1, text), start: run.start, end: run.end };
  }
  const name = words(tokens, run.start, run.end, text);
  // A lower-case kind just before the run: "parent group Families First", "the firm Acme".
  if (before >= 0 && GROUP_NOUNS.has(lower(before)) && /^\p{Ll}/u.test(tokens[before]!.base)) {
    return { name, kind: 'organization', title: undefined, start: run.start, end: run.end };
  }
  const runWords = tokens.slice(run.start, run.end).map((token) => token.base.toLowerCase());
  // "Chinese media", "state media".
  const next = tokens[run.end];
  if (next && MEDIUM_NOUNS.has(next.base.toLowerCase()) && !tokens[run.end - 1]!.possessive && !isCapitalised(tokens[run.end + 1] ?? next)) {
    return { name: `${name} ${next.base}`, kind: 'medium', title: undefined, start: run.start, end: run.end + 1 };
  }
  if (runWords.some((word) => MEDIUM_WORDS.has(word))) return { name, kind: 'medium', title: undefined, start: run.start, end: run.end };
  if (runWords.length > 1 && runWords.some((word) => ORGANIZATION_WORDS.has(word))) return { name, kind: 'organization', title: undefined, start: run.start, end: run.end };
  if (knownIn(known.organizations, name)) return { name, kind: 'organization', title: undefined, start: run.start, end: run.end };
  if (knownIn(known.places, name)) return { name, kind: 'place', title: undefined, start: run.start, end: run.end };
  if (run.end - run.start >= 2 && knownIn(known.people, name)) return { name, kind: 'person', title: undefined, start: run.start, end: run.end };
  return undefined;
}

/**
 * Finds the named entities of an article's sentences and every mention of
 * them. A person named once in full ("Wang Yi") is also found by one part of
 * the name ("Wang", "Wang Yi’s").
 *
 * @param sentences The sentences, as `readArticleText` gives them.
 * @param nlp compromise, which classifies the names no rule here recognises.
 *
 * @returns The entities in order of first mention, and the mentions by sentence.
 */
export function findEntities(sentences: readonly Sentence[], nlp: Nlp): Entities {
  const runsOf = sentences.map((sentence) => capitalisedRuns(sentence.tokens));
  const candidates = new Set<string>();
  sentences.forEach((sentence, i) => {
    for (const run of runsOf[i]!) candidates.add(words(sentence.tokens, run.start, run.end, sentence.text));
  });
  const known = compromiseNames(nlp, [...candidates].sort());
  const byKey = new Map<string, { entity: Entity; order: number }>();
  const found: { sentence: Sentence; found: Found }[] = [];
  const unresolved: { sentence: Sentence; run: Run }[] = [];
  for (const [i, sentence] of sentences.entries()) {
    for (const run of runsOf[i]!) {
      const item = classify(sentence, run, known);
      if (item && item.name) found.push({ sentence, found: item });
      else unresolved.push({ sentence, run });
    }
  }
  const keyOf = (name: string) => name.toLowerCase();
  for (const { found: item } of found) {
    const key = keyOf(item.name);
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, { entity: { id: '', name: item.name, kind: item.kind, title: item.title }, order: byKey.size });
    else if (!existing.entity.title && item.title) existing.entity = { ...existing.entity, title: item.title };
  }
  // Unique ids in order of first mention.
  const seen = new Set<string>();
  for (const record of [...byKey.values()].sort((a, b) => a.order - b.order)) {
    let id = slugify(record.entity.name);
    for (let n = 2; seen.has(id); n++) id = `${slugify(record.entity.name)}-${n}`;
    seen.add(id);
    record.entity = { ...record.entity, id };
  }
  const entityOf = (name: string) => byKey.get(keyOf(name))?.entity;
  const people = [...byKey.values()].map((record) => record.entity).filter((entity) => entity.kind === 'person');
  /** A part of one person's name ("Wang", "Xi" in "Kim-Xi") names that person when it names no one else. */
  const personByPart = (part: string): Entity | undefined => {
    const matches = people.filter((person) => person.name.split(/\s+/).some((piece) => piece.toLowerCase() === part.toLowerCase()));
    return matches.length === 1 ? matches[0] : undefined;
  };

  const bySentence = new Map<number, Mention[]>();
  const add = (mention: Mention) => {
    const list = bySentence.get(mention.sentence) ?? [];
    list.push(mention);
    bySentence.set(mention.sentence, list);
  };
  for (const { sentence, found: item } of found) {
    add({ entity: entityOf(item.name)!, sentence: sentence.index, start: item.start, end: item.end });
  }
  for (const { sentence, run } of unresolved) {
    const name = words(sentence.tokens, run.start, run.end, sentence.text);
    const whole = entityOf(name) ?? (run.end - run.start === 1 ? personByPart(name) : undefined);
    if (whole) {
      add({ entity: whole, sentence: sentence.index, start: run.start, end: run.end });
      continue;
    }
  }
  // Hyphenated pairs of names ("the Kim-Xi summit") name both people.
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, index) => {
      if (!/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(token.base)) return;
      for (const part of token.base.split('-')) {
        const person = personByPart(part);
        if (person) add({ entity: person, sentence: sentence.index, start: index, end: index + 1 });
      }
    });
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const list = [...byKey.values()].sort((a, b) => a.order - b.order).map((record) => record.entity);
  return { list, bySentence };
}
