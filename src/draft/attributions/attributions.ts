import type { Entities, Entity, Mention } from '../entities/entities.js';
import type { Sentence, Token } from '../sentences/sentences.js';

/**
 * Attribution sentences: who (a person, a side, a medium) said what. The
 * statement is a short verbatim clause of the sentence. A chain ("Chinese
 * media confirmed Wang Yi’s declaration of …") keeps its two roles apart: the
 * statement is Wang Yi’s, and Chinese media is who reported it.
 */

/**
 * Who reported a statement that the text credits to someone else.
 *
 * @example
 * ```ts
 * import type { Reporter } from 'quizkit/node';
 * const reporter: Reporter = { actor: { id: 'ap-news', name: 'AP News', kind: 'medium', title: undefined }, verb: 'as stated in' };
 * ```
 */
export interface Reporter {
  /** The medium, person or side that reported or confirmed it. */
  readonly actor: Entity;
  /** The reporting words, verbatim ("confirmed", "as stated in"). */
  readonly verb: string;
}

/**
 * A statement the text attributes to an actor.
 *
 * @example
 * ```ts
 * import { draftModule, type Attribution } from 'quizkit/node';
 * const [first]: readonly Attribution[] = (await draftModule('Title\n\nPart\n\nMayor Ana Ruiz said the plan works.')).findings.attributions;
 * [first!.actor.name, first!.verb, first!.statement]; //=> ['Ana Ruiz', 'said', 'the plan works']
 * ```
 */
export interface Attribution {
  /** The sentence's index. */
  readonly sentence: number;
  /** Who the text credits with the statement. */
  readonly actor: Entity;
  /** The reporting word, verbatim ("emphasized", "declaration", "according to"). */
  readonly verb: string;
  /** What was attributed: a verbatim clause of the sentence. */
  readonly statement: string;
  /** Who reported it, when the text attributes through a chain. */
  readonly reportedBy: Reporter | undefined;
}

const VERBS = new Set(
  ('said says emphasized emphasised emphasizes echoed echoes declared declares confirmed confirms expressed expresses warned warns argued argues ' +
    'stated states told added adds noted notes insisted insists claimed claims announced announces stressed stresses highlighted reiterated ' +
    'explained acknowledged admitted denied predicted promised pledged vowed urged described reported reports wrote asserted maintained ' +
    'suggested praised criticized criticised welcomed underlined underscored voiced conceded countered replied responded')
    .split(' '),
);
/** Nouns of saying after a possessive: "Wang Yi’s declaration of …". */
const SAYING_NOUNS = new Set('declaration statement warning claim pledge call remarks remark assertion announcement promise comments comment view position'.split(' '));
const ADVERBS = new Set('also again later publicly repeatedly firmly previously earlier then further strongly separately officially'.split(' '));
/** An object that only points back at an earlier statement ("echoed this sentiment"). */
const ANAPHORIC = /^(?:this|that|these|those|the same|it|such)\b/i;
/** Where a statement clause ends: a comma before a participle or a rider, or the sentence's end. */
const CLAUSE_END = /,\s+(?=\p{Ll}+ing\b|in alignment|as stated|as reported|according to|in line with|which|while|but|and\s+\p{Lu})|;|\s+—\s+|\.$/u;

const lowered = (token: Token | undefined) => token?.base.toLowerCase();

/** The clause from `from` (a character offset) to its end, trimmed, without a closing full stop. */
function clauseFrom(text: string, from: number): { clause: string; end: number } {
  const rest = text.slice(from);
  const stop = CLAUSE_END.exec(rest);
  const clause = (stop ? rest.slice(0, stop.index) : rest).trim().replace(/[.,;:]+$/, '');
  return { clause, end: from + (stop ? stop.index : rest.length) };
}

/** The participle clause after a comma at `from` ("…, highlighting the necessity of …"): its object. */
function participleObject(text: string, from: number): string | undefined {
  const match = /^,\s+\p{Ll}+ing\s+/u.exec(text.slice(from));
  if (!match) return undefined;
  const clause = clauseFrom(text, from + match[0].length).clause;
  return clause || undefined;
}

/** The mention that ends right before token `index` (adverbs such as "also" in between). */
function subjectBefore(mentions: readonly Mention[], tokens: readonly Token[], index: number): Mention | undefined {
  let at = index;
  while (at > 0 && ADVERBS.has(lowered(tokens[at - 1])!)) at--;
  return mentions.find((mention) => mention.end === at);
}

/** The speaker of a "he said" / "she said": the one person named in this or the previous sentence. */
function pronounSpeaker(sentence: Sentence, index: number, entities: Entities): Entity | undefined {
  const here = (entities.bySentence.get(sentence.index) ?? []).filter((m) => m.start < index && m.entity.kind === 'person');
  const before = (entities.bySentence.get(sentence.index - 1) ?? []).filter((m) => m.entity.kind === 'person');
  const candidates = new Set((here.length ? here : before).map((mention) => mention.entity));
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

/** Direct speech: `“…,” X said.` or `“…,” said X.` */
function directSpeech(sentence: Sentence, entities: Entities): Attribution | undefined {
  const { text, tokens } = sentence;
  const quote = /^[“"](.+?)[,.!?]?[”"]\s*,?\s*/u.exec(text);
  if (!quote) return undefined;
  const mentions = entities.bySentence.get(sentence.index) ?? [];
  const after = tokens.findIndex((token) => token.start >= quote[0].length);
  if (after < 0) return undefined;
  const verbFirst = VERBS.has(lowered(tokens[after])!) ? mentions.find((m) => m.start === after + 1) : undefined;
  const subject = verbFirst ?? mentions.find((m) => m.start === after && VERBS.has(lowered(tokens[m.end])!));
  if (subject) {
    const verb = verbFirst ? tokens[after]!.text : tokens[subject.end]!.text;
    return { sentence: sentence.index, actor: subject.entity, verb, statement: quote[1]!.trim(), reportedBy: undefined };
  }
  // `“…,” she said.`: the one person just named.
  if (/^(?:he|she)$/i.test(tokens[after]?.base ?? '') && VERBS.has(lowered(tokens[after + 1])!)) {
    const speaker = pronounSpeaker(sentence, 0, entities);
    if (speaker) return { sentence: sentence.index, actor: speaker, verb: tokens[after + 1]!.text, statement: quote[1]!.trim(), reportedBy: undefined };
  }
  return undefined;
}

/** The medium of "as stated in X" / "as reported by X" / "according to X" in a sentence, and where that rider starts. */
function rider(sentence: Sentence, entities: Entities): { reporter: Reporter; at: number; end: number } | undefined {
  const match = /(?:,\s*)?\b(as (?:stated|reported|said) (?:in|by)|according to)\s+(?:the\s+)?/i.exec(sentence.text);
  if (!match) return undefined;
  const from = match.index + match[0].length;
  const mention = (entities.bySentence.get(sentence.index) ?? []).find((m) => sentence.tokens[m.start]!.start === from);
  if (!mention) return undefined;
  return { reporter: { actor: mention.entity, verb: match[1]! }, at: match.index, end: sentence.tokens[mention.end - 1]!.end };
}

/**
 * Finds the attribution sentences of an article: a subject (a named person,
 * side or medium; "he"/"she" when one person was just named) followed by a
 * reporting verb (said, emphasized, echoed, declared, confirmed, expressed,
 * warned, argued, stated, …), direct speech, "according to X" and "as stated
 * in X". The statement is the verbatim clause after the verb, up to a comma
 * before a participle or rider; an object that only points back ("echoed this
 * sentiment") gives way to the participle clause that follows it
 * ("highlighting the necessity of …").
 *
 * @param sentences The article's sentences.
 * @param entities Its entities.
 *
 * @returns The attributions in reading order.
 */
export function findAttributions(sentences: readonly Sentence[], entities: Entities): Attribution[] {
  const result: Attribution[] = [];
  for (const sentence of sentences) {
    const { text, tokens } = sentence;
    const mentions = entities.bySentence.get(sentence.index) ?? [];
    const direct = directSpeech(sentence, entities);
    if (direct) {
      result.push(direct);
      continue;
    }
    const ride = rider(sentence, entities);
    const found: Attribution[] = [];
    tokens.forEach((token, index) => {
      if (!VERBS.has(token.base.toLowerCase())) return;
      // "confirmed cases": a participle before a noun is not a verb of saying.
      if (index === 0) return;
      let actor = subjectBefore(mentions, tokens, index)?.entity;
      if (!actor && /^(?:he|she)$/i.test(tokens[index - 1]!.base)) actor = pronounSpeaker(sentence, index - 1, entities);
      if (!actor) return;
      // "told reporters that …": the hearer is not part of the statement.
      const hearer = /^(?:told|tells|tell|assured|reminded)$/i.test(token.base) ? /^\s+(?:[\p{L}’'-]+\s+){1,3}?that\b/u.exec(text.slice(token.end)) : null;
      const objectStart = token.end + (hearer?.[0].length ?? /^\s+that\b/.exec(text.slice(token.end))?.[0].length ?? 0);
      // A chain: "Chinese media confirmed Wang Yi’s declaration of opposition to …".
      const owner = mentions.find((m) => tokens[m.start]!.start >= objectStart && tokens[m.start]!.start <= objectStart + 1 && tokens[m.end - 1]!.possessive);
      const noun = owner ? tokens[owner.end] : undefined;
      if (owner && noun && SAYING_NOUNS.has(noun.base.toLowerCase())) {
        const link = /^\s+(?:of|that|on)\s+/.exec(text.slice(noun.end));
        const { clause } = clauseFrom(text, noun.end + (link?.[0].length ?? 0));
        if (clause) found.push({ sentence: sentence.index, actor: owner.entity, verb: noun.text, statement: clause, reportedBy: { actor, verb: token.text } });
        return;
      }
      let { clause, end } = clauseFrom(text, objectStart);
      if (ride && end > ride.at) clause = text.slice(objectStart, ride.at).trim().replace(/[.,;:]+$/, '');
      // An echo only points back at what someone else said; what follows it is the speaker's own.
      if (ANAPHORIC.test(clause) || /^echo/i.test(token.base)) clause = participleObject(text, end) ?? clause;
      if (!clause || clause.split(/\s+/).length < 2) return;
      const reportedBy = ride && ride.reporter.actor !== actor ? ride.reporter : undefined;
      found.push({ sentence: sentence.index, actor, verb: token.text, statement: clause, reportedBy });
    });
    if (found.length === 0 && ride) {
      // "According to X, …" with no verb of saying: the rest of the sentence is X's.
      const rest = ride.at === 0 ? clauseFrom(text, ride.end).clause.replace(/^,\s*/, '') : text.slice(0, ride.at).trim().replace(/[.,;:]+$/, '');
      if (rest.split(/\s+/).length >= 3) found.push({ sentence: sentence.index, actor: ride.reporter.actor, verb: ride.reporter.verb, statement: rest, reportedBy: undefined });
    }
    result.push(...found);
  }
  return result;
}
