import { type Fraction, ONE, compare, equals, fraction, parseFraction, subtract, sum } from '../fraction/fraction.js';
import { SAFE_ID } from '../schema/common.js';
import { toQuizIssues } from '../schema/issues.js';
import { LIMITS } from '../schema/limits.js';
import { QuestionSchema } from '../schema/quiz.js';
import type { QuestionInput, QuizInput } from '../schema/types.js';
import { applyCarry, readCarry } from './carry.js';
import { MOODLE_FRACTIONS } from './moodle-fractions.js';
import { ORDERING_RULE_BY_MOODLE_NAME } from './ordering.js';
import { htmlToText } from './text.js';

/**
 * Every code a {@link GiftIssue} can carry. Errors mean the question was not
 * imported; warnings mean it was, with a change the author should check.
 *
 * | code | severity | meaning |
 * |---|---|---|
 * | `invalid_syntax` | error, or warning where Moodle reads on | unbalanced braces, an answer without `->` in a matching question, an unclosed `::title` |
 * | `unsupported_question` | error (warning for a description) | essay, numerical, short answer, description: no quizkit type |
 * | `invalid_weight` | error, or warning when read as text as Moodle does | a `%…%` weight Moodle cannot read, or beyond ±100% |
 * | `weight_not_in_moodle_list` | warning | a weight outside Moodle's grade list, imported exactly as written |
 * | `weights_do_not_add_up` | error | multiple answers whose positive weights do not add up to 100% |
 * | `several_correct_answers` | error | one-answer question with more than one 100% answer |
 * | `no_correct_answer` | error | no answer earns credit |
 * | `too_few_answers` | error | fewer than 2 answers (Moodle's minimum) |
 * | `invalid_question` | error | the question fails quizkit's schema (message says why) |
 * | `html_converted` | warning | `[html]` text turned into plain text |
 * | `missing_word` | warning | answers inside the text: the prompt shows `_____` where they were |
 * | `id_generated` | warning | no usable `[id:…]` or `::title::`: the id was made up |
 * | `tag_dropped` | warning | a `[tag:…]` that is not a valid objective id |
 * | `selection_ignored` | warning | ordering showing a random subset in Moodle; quizkit shows every item |
 * | `needs_source` | warning | GIFT has no source (and maybe no explanation): TODO placeholders were written |
 * | `quiz_split` | warning | a category with more questions than a quiz may hold (200) continues in a second quiz |
 * | `quizkit_comment_ignored` | warning | a `// [quizkit:…]` comment (quizkit's own export: ids, rule, credits, points) that no longer fits the question, which was edited; imported from its GIFT lines alone |
 * | `limit_exceeded` | error | the text is longer than {@link GIFT_MAX_LENGTH}, the bank has more questions than one module holds (`LIMITS.quizzesPerModule × LIMITS.questionsPerQuiz`, 4,000; the rest is not read), or a question has more answers, items or pairs than {@link LIMITS} allow |
 *
 * @example
 * ```ts
 * import { GIFT_ISSUE_CODES } from 'quizkit/gift';
 * GIFT_ISSUE_CODES.includes('needs_source'); //=> true
 * ```
 */
export const GIFT_ISSUE_CODES = [
  'invalid_syntax',
  'unsupported_question',
  'invalid_weight',
  'weight_not_in_moodle_list',
  'weights_do_not_add_up',
  'several_correct_answers',
  'no_correct_answer',
  'too_few_answers',
  'invalid_question',
  'html_converted',
  'missing_word',
  'id_generated',
  'tag_dropped',
  'selection_ignored',
  'needs_source',
  'quiz_split',
  'limit_exceeded',
  'quizkit_comment_ignored',
] as const;

/**
 * The code of a {@link GiftIssue}.
 *
 * @example
 * ```ts
 * import type { GiftIssueCode } from 'quizkit/gift';
 * const code: GiftIssueCode = 'unsupported_question';
 * ```
 */
export type GiftIssueCode = (typeof GIFT_ISSUE_CODES)[number];

/**
 * A problem found while importing GIFT, at a 1-based line and column of the
 * input text.
 *
 * @example
 * ```ts
 * import type { GiftIssue } from 'quizkit/gift';
 * const issue: GiftIssue = {
 *   code: 'unsupported_question', severity: 'error', line: 12, column: 1, questionId: 'q-pi',
 *   message: 'Numerical question "q-pi" skipped: quizkit has no numerical questions',
 * };
 * ```
 */
export interface GiftIssue {
  /** A stable machine-readable code; see {@link GIFT_ISSUE_CODES}. */
  readonly code: GiftIssueCode;
  /** `error`: the question was not imported; `warning`: it was, check it. */
  readonly severity: 'error' | 'warning';
  /** What is wrong and what was done. */
  readonly message: string;
  /** 1-based line in the GIFT text. */
  readonly line: number;
  /** 1-based column (UTF-16 code units) in that line. */
  readonly column: number;
  /** The id of the question concerned, as imported or as it would have been. */
  readonly questionId?: string;
}

/**
 * Options of {@link fromGift}.
 *
 * @example
 * ```ts
 * import type { GiftImportOptions } from 'quizkit/gift';
 * const options: GiftImportOptions = { quizId: 'chapter-1', quizTitle: 'Chapter 1', source: { section: 'chapter-1', quote: 'TODO' } };
 * ```
 */
export interface GiftImportOptions {
  /** Id of the quiz for questions before any `$CATEGORY:` line (default `gift-import`). */
  readonly quizId?: string;
  /** Title of that quiz (default `Imported from GIFT`). */
  readonly quizTitle?: string;
  /** The placeholder source of every imported question (default section `todo`, a quote starting with `TODO`). */
  readonly source?: { readonly section: string; readonly quote: string };
  /** The explanation of a question without general feedback (`####`); default a `TODO` sentence. */
  readonly explanation?: string;
  /**
   * A matching answer with this text is read as quizkit's "none of these"
   * (`allowNoMatch`, statements with `actor: null`), the way `toGift` writes
   * it; default `None of these`, `false` to read it as an ordinary actor.
   */
  readonly noMatchLabel?: string | false;
}

/**
 * The result of {@link fromGift}: the quizzes read, each valid for
 * `safeParseQuiz`, and every issue.
 *
 * @example
 * ```ts
 * import { fromGift, type GiftImport } from 'quizkit/gift';
 * const result: GiftImport = fromGift('::q1::Pick one.{=A ~B}');
 * result.quizzes[0]?.questions.length; //=> 1
 * ```
 */
export interface GiftImport {
  /**
   * One quiz per `$CATEGORY:` (named after the category's last part), plus one for questions before
   * any category; a category of more than 200 questions continues in a second quiz.
   */
  readonly quizzes: QuizInput[];
  /** Everything skipped or changed, in file order. */
  readonly issues: GiftIssue[];
}

/**
 * The placeholder source `fromGift` gives every imported question, since GIFT
 * has none: it passes `safeParseQuiz`, and a module validates only once a
 * section `todo` holds the quote — `quizkit import` writes one, for the author
 * to replace.
 *
 * @example
 * ```ts
 * import { TODO_SOURCE } from 'quizkit/gift';
 * TODO_SOURCE.section; //=> 'todo'
 * ```
 */
export const TODO_SOURCE = {
  section: 'todo',
  quote: 'TODO: quote the passage of the reading that answers this question.',
} as const;

/**
 * The longest GIFT text {@link fromGift} reads, in UTF-16 code units (5 MiB of
 * characters: about 20,000 questions, or a hundred times the largest real
 * Moodle bank we have seen). A longer text is refused before any parsing, with
 * one `limit_exceeded` issue, so a huge input costs no time and no memory.
 *
 * @example
 * ```ts
 * import { GIFT_MAX_LENGTH, fromGift } from 'quizkit/gift';
 * GIFT_MAX_LENGTH; //=> 5242880
 * fromGift(' '.repeat(GIFT_MAX_LENGTH + 1)).issues.map((issue) => issue.code); //=> ['limit_exceeded']
 * ```
 */
export const GIFT_MAX_LENGTH = 5 * 1024 * 1024;

/** The most questions one module holds: more cannot become a valid module, so fromGift stops there. */
const MAX_IMPORTED_QUESTIONS = LIMITS.quizzesPerModule * LIMITS.questionsPerQuiz;

const TODO_EXPLANATION = 'TODO: explain why the answer is right (the GIFT file has no general feedback for this question).';

// ---------------------------------------------------------------------------
// Source text with escapes decoded and positions kept.

/** A run of GIFT text: decoded characters, whether each was escaped, and its offset in the input. */
class Src {
  constructor(
    readonly chars: readonly string[],
    readonly escaped: readonly boolean[],
    readonly offsets: readonly number[],
    /** Offset used for positions at or past the end. */
    readonly endOffset: number,
  ) {}

  get length(): number {
    return this.chars.length;
  }

  /** Offset in the input of index `i` (the end offset past the last character). */
  offset(i = 0): number {
    return this.offsets[i] ?? this.endOffset;
  }

  /** True when `needle` occurs unescaped at index `at`. */
  matchesAt(at: number, needle: string): boolean {
    if (at < 0 || at + needle.length > this.chars.length) return false;
    for (let j = 0; j < needle.length; j++) {
      if (this.escaped[at + j] || this.chars[at + j] !== needle[j]) return false;
    }
    return true;
  }

  /** Index of the first unescaped occurrence of `needle` at or after `from`, or -1. */
  find(needle: string, from = 0): number {
    for (let i = from; i + needle.length <= this.chars.length; i++) if (this.matchesAt(i, needle)) return i;
    return -1;
  }

  /** Index of the last unescaped occurrence of `needle`, or -1. */
  findLast(needle: string): number {
    for (let i = this.chars.length - needle.length; i >= 0; i--) if (this.matchesAt(i, needle)) return i;
    return -1;
  }

  /** How many unescaped characters are one of `markers`. */
  countAny(markers: string): number {
    let count = 0;
    for (let i = 0; i < this.chars.length; i++) if (!this.escaped[i] && markers.includes(this.chars[i] as string)) count++;
    return count;
  }

  startsWith(prefix: string): boolean {
    return this.matchesAt(0, prefix);
  }

  slice(start: number, end = this.chars.length): Src {
    return new Src(this.chars.slice(start, end), this.escaped.slice(start, end), this.offsets.slice(start, end), this.offset(end));
  }

  /** Without leading and trailing whitespace, escaped line breaks included (Moodle trims after decoding). */
  trim(): Src {
    let start = 0;
    let end = this.chars.length;
    while (start < end && /\s/.test(this.chars[start] as string)) start++;
    while (end > start && /\s/.test(this.chars[end - 1] as string)) end--;
    return this.slice(start, end);
  }

  /** Splits at every unescaped occurrence of one of `markers`, keeping each marker at the start of its part. */
  splitBefore(markers: string): Src[] {
    const parts: Src[] = [];
    let start = 0;
    for (let i = 0; i < this.chars.length; i++) {
      if (!this.escaped[i] && markers.includes(this.chars[i] as string)) {
        parts.push(this.slice(start, i));
        start = i;
      }
    }
    parts.push(this.slice(start));
    return parts;
  }

  /** Splits at every unescaped occurrence of `separator`, dropping it. */
  split(separator: string): Src[] {
    const parts: Src[] = [];
    let start = 0;
    for (let at = this.find(separator); at >= 0; at = this.find(separator, start)) {
      parts.push(this.slice(start, at));
      start = at + separator.length;
    }
    parts.push(this.slice(start));
    return parts;
  }

  toString(): string {
    return this.chars.join('');
  }
}

const ESCAPABLE = ':#={}~';

/** Decodes Moodle's escapes (`\\`, `\:`, `\#`, `\=`, `\{`, `\}`, `\~`, `\n`); any other backslash is literal. */
function decode(text: string, offsets: readonly number[], endOffset: number): Src {
  const chars: string[] = [];
  const escaped: boolean[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === '\\' && next !== undefined && (next === '\\' || next === 'n' || ESCAPABLE.includes(next))) {
      chars.push(next === 'n' ? '\n' : next);
      escaped.push(true);
      at.push(offsets[i] as number);
      i++;
    } else {
      chars.push(char);
      escaped.push(false);
      at.push(offsets[i] as number);
    }
  }
  return new Src(chars, escaped, at, endOffset);
}

// ---------------------------------------------------------------------------
// Blocks: questions are separated by blank lines; `//` lines are comments.

interface Block {
  /** The block's non-comment lines, trimmed and joined with newlines, escapes decoded. */
  readonly src: Src;
  /** The block's comment lines, for `[id:…]` and `[tag:…]`. */
  readonly comments: string;
  /** Offset of the block's first line. */
  readonly start: number;
}

function blocksOf(input: string): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let offsets: number[] = [];
  let comments = '';
  let start = -1;
  let lastEnd = 0;
  const flush = () => {
    if (start >= 0) blocks.push({ src: decode(text, offsets, lastEnd), comments, start });
    text = '';
    offsets = [];
    comments = '';
    start = -1;
  };
  const linePattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let match = linePattern.exec(input); match && match[0] !== ''; match = linePattern.exec(input)) {
    const raw = match[0].replace(/[\r\n]+$/, '');
    const lineStart = match.index;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed === '\ufeff') {
      flush();
      continue;
    }
    if (start < 0) start = lineStart;
    if (trimmed.startsWith('//')) {
      comments += `${trimmed}\n`;
      continue;
    }
    const lead = raw.length - raw.trimStart().length;
    if (text !== '') {
      text += '\n';
      offsets.push(lineStart - 1);
    }
    for (let i = 0; i < trimmed.length; i++) offsets.push(lineStart + lead + i);
    text += trimmed;
    lastEnd = lineStart + lead + trimmed.length;
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------
// Ids.

const ID_MAX = 48;

/** A safe id from free text: ASCII letters and digits, `-` between words, at most 48 characters. */
function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\p{M}'’]+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= ID_MAX) return slug;
  const cut = slug.slice(0, ID_MAX);
  const dash = cut.lastIndexOf('-');
  return dash > ID_MAX / 2 ? cut.slice(0, dash) : cut;
}

/**
 * Hands out ids unique within one scope, suffixing `-2`, `-3`, … on a clash.
 * The next suffix to try is kept per base id, so k clashes on one base cost
 * O(k) in all, not O(k²) (issue #13.1).
 */
class Ids {
  private readonly taken = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  /**
   * The first usable candidate, or `fallback`, made unique. With `asIs`, a
   * candidate that already is a safe id is kept as written; otherwise every
   * candidate is turned into a slug.
   */
  claim(candidates: readonly (string | undefined)[], fallback: string, prefix: string, asIs = false): { id: string; generated: boolean } {
    let base: string | undefined;
    let generated = true;
    for (const candidate of candidates) {
      if (!candidate) continue;
      if (asIs && SAFE_ID.test(candidate) && candidate.length <= ID_MAX) {
        base = candidate;
        generated = false;
        break;
      }
      const slug = slugify(candidate);
      if (slug) {
        base = /^[a-z]/.test(slug) && SAFE_ID.test(slug) ? slug : `${prefix}-${slug}`;
        break;
      }
    }
    base ??= fallback;
    let id = base;
    if (this.taken.has(id)) {
      let n = this.nextSuffix.get(base) ?? 2;
      for (id = `${base}-${n}`; this.taken.has(id); id = `${base}-${++n}`);
      this.nextSuffix.set(base, n + 1);
    }
    this.taken.add(id);
    return { id, generated: generated || id !== base };
  }
}

// ---------------------------------------------------------------------------
// Texts.

const FORMAT = /^\[(html|moodle|plain|markdown)\]/;

interface Reader {
  issue(code: GiftIssueCode, severity: 'error' | 'warning', message: string, offset: number): void;
  htmlSeen: boolean;
  /** The format of a part without a prefix: the question text's, as in Moodle (`moodle` until it is read). */
  format: string;
}

/** A text part: its `[format]` prefix removed, HTML (by prefix or by the question's format) turned into text, trimmed. */
function readText(src: Src, reader: Reader): string {
  let text = src.trim().toString();
  const prefix = FORMAT.exec(text);
  if (prefix) text = text.slice(prefix[0].length);
  if ((prefix?.[1] ?? reader.format) === 'html') {
    reader.htmlSeen = true;
    text = htmlToText(text);
  }
  return text.trim();
}

// ---------------------------------------------------------------------------
// Weights.

const WEIGHT = /^%-*([0-9]{1,2})\.?([0-9]*)%/;
const TOLERANCE = fraction(1, 100000);

/** Moodle's list value within its import tolerance (0.00001) of `weight`, so 33.33333% reads as exactly 1/3. */
function unsnap(weight: Fraction): Fraction | undefined {
  return MOODLE_FRACTIONS.find((value) => {
    const diff = subtract(weight, value);
    return compare(diff.n < 0 ? fraction(-diff.n, diff.d) : diff, TOLERANCE) < 0;
  });
}

/** A credit as quizkit authors write it: an integer, or a ratio string "p/q". */
const credit = (value: Fraction): number | string => (value.d === 1 ? value.n : `${value.n}/${value.d}`);

// ---------------------------------------------------------------------------
// Questions.

interface Parsed {
  readonly question: Record<string, unknown>;
}

interface QuestionContext {
  readonly id: string;
  readonly answers: Src;
  readonly reader: Reader;
}

interface ChoiceAnswer {
  readonly text: string;
  readonly feedback?: string;
  readonly weight: Fraction;
  readonly full: boolean;
}

function readChoices({ id, answers, reader }: QuestionContext): ChoiceAnswer[] | undefined {
  const parts = answers.splitBefore('~=');
  const result: ChoiceAnswer[] = [];
  let failed = false;
  parts.forEach((part, index) => {
    if (failed) return;
    let rest = part.trim();
    if (rest.length === 0) return;
    let weight: Fraction = fraction(0);
    let full = false;
    const marker = rest.chars[0];
    if (index === 0) {
      reader.issue('invalid_syntax', 'warning', `Question "${id}": text before the first ~ or = is read as a wrong answer, as Moodle does`, rest.offset());
    } else {
      rest = rest.slice(1).trim();
    }
    if (marker === '=' && index > 0) {
      weight = ONE;
      full = true;
    } else {
      const raw = rest.toString();
      const match = WEIGHT.exec(raw);
      if (match) {
        const text = raw.slice(1, raw.indexOf('%', 1));
        const value = parseFraction(text.replace(/^-+/, '-').replace(/\.$/, ''));
        const percent = value ? fraction(value.n, value.d * 100) : undefined;
        if (!percent || compare(percent, ONE) > 0 || compare(percent, fraction(-1)) < 0) {
          reader.issue('invalid_weight', 'error', `Question "${id}" skipped: weight %${text}% is not between -100% and 100%`, rest.offset());
          failed = true;
          return;
        }
        const listed = unsnap(percent);
        if (!listed) {
          reader.issue(
            'weight_not_in_moodle_list',
            'warning',
            `Question "${id}": weight ${text}% is not one of Moodle's grades; imported exactly, but Moodle would refuse it`,
            rest.offset(),
          );
        }
        weight = listed ?? percent;
        full = equals(weight, ONE);
        rest = rest.slice(match[0].length);
      } else if (rest.startsWith('%')) {
        reader.issue('invalid_weight', 'warning', `Question "${id}": "${raw.slice(0, 12)}…" is not a weight; read as answer text, as Moodle does`, rest.offset());
      }
    }
    const hash = rest.find('#');
    const text = readText(hash >= 0 ? rest.slice(0, hash) : rest, reader);
    const feedback = hash >= 0 ? readText(rest.slice(hash + 1), reader) : '';
    result.push({ text, weight, full, ...(feedback ? { feedback } : {}) });
  });
  return failed ? undefined : result;
}

function choiceQuestion(context: QuestionContext, optionIds: Ids): Parsed | undefined {
  const { id, answers, reader } = context;
  const single = answers.find('=') >= 0;
  // Counted before anything is read, so a question of 16,000 answers costs one pass and one issue.
  // (answers is trimmed: text before the first marker is one more answer, as readChoices reads it.)
  const count = answers.countAny('~=') + (answers.length > 0 && !answers.startsWith('~') && !answers.startsWith('=') ? 1 : 0);
  if (count > LIMITS.optionsPerQuestion) {
    reader.issue(
      'limit_exceeded',
      'error',
      `Question "${id}" skipped: it has ${count} answers; a quizkit question has at most ${LIMITS.optionsPerQuestion} options`,
      answers.offset(),
    );
    return undefined;
  }
  const choices = readChoices(context);
  if (!choices) return undefined;
  if (choices.length < 2) {
    reader.issue('too_few_answers', 'error', `Question "${id}" has ${choices.length} answer(s); Moodle and quizkit need at least 2`, answers.offset());
    return undefined;
  }
  const options = choices.map((choice, index) => ({
    id: optionIds.claim([choice.text], `option-${index + 1}`, 'o').id,
    text: choice.text,
    ...(choice.feedback ? { feedback: choice.feedback } : {}),
  }));
  if (single) {
    const full = choices.filter((choice) => choice.full);
    if (full.length !== 1) {
      reader.issue(
        full.length ? 'several_correct_answers' : 'no_correct_answer',
        'error',
        `Question "${id}" has ${full.length} answers worth 100%; a single-choice question needs exactly 1`,
        answers.offset(),
      );
      return undefined;
    }
    return {
      question: {
        type: 'single-choice',
        options: options.map((option, index) => {
          const choice = choices[index] as ChoiceAnswer;
          if (choice.full) return { ...option, correct: true };
          return choice.weight.n === 0 ? option : { ...option, credit: credit(choice.weight) };
        }),
      },
    };
  }
  const positive = choices.filter((choice) => choice.weight.n > 0);
  if (positive.length === 0) {
    reader.issue('no_correct_answer', 'error', `Question "${id}": no answer has a positive weight`, answers.offset());
    return undefined;
  }
  const total = sum(positive.map((choice) => choice.weight));
  if (!equals(total, ONE)) {
    reader.issue(
      'weights_do_not_add_up',
      'error',
      `Question "${id}": the positive weights add up to ${Math.round((total.n / total.d) * 1e5) / 1e3}%, not 100% (Moodle refuses this too)`,
      answers.offset(),
    );
    return undefined;
  }
  // Leave credits out when they are the rule's defaults (+1/k right, -1/k wrong), as an author would.
  const k = positive.length;
  const defaults = choices.every((choice) => equals(choice.weight, fraction(choice.weight.n > 0 ? 1 : -1, k)));
  return {
    question: {
      type: 'multiple-choice',
      rule: { name: 'weighted-credit' },
      options: options.map((option, index) => {
        const { weight } = choices[index] as ChoiceAnswer;
        return {
          ...option,
          ...(weight.n > 0 ? { correct: true } : {}),
          ...(defaults ? {} : { credit: credit(weight) }),
        };
      }),
    },
  };
}

function matchingQuestion(
  { id, answers, reader }: QuestionContext,
  ids: { actors: Ids; statements: Ids },
  noMatchLabel: string | false,
): Parsed | undefined {
  const pairs = answers.split('=').map((part) => part.trim());
  if (pairs[0]?.length === 0) pairs.shift();
  if (pairs.length < 2) {
    reader.issue('too_few_answers', 'error', `Matching question "${id}" has ${pairs.length} pair(s); Moodle needs at least 2`, answers.offset());
    return undefined;
  }
  const actors: { id: string; name: string }[] = [];
  const actorByName = new Map<string, string>();
  const statements: { id: string; text: string; actor: string | null }[] = [];
  let noMatch = false;
  // Stops at the first statement or actor past quizkit's limit: one issue, and no more ids handed out.
  const overLimit = (what: 'statements' | 'actors', limit: number) => {
    reader.issue('limit_exceeded', 'error', `Matching question "${id}" skipped: it has more than ${limit} ${what}, the most quizkit allows`, answers.offset());
    return undefined;
  };
  for (const pair of pairs) {
    const arrow = pair.find('->');
    if (arrow < 0) {
      reader.issue('invalid_syntax', 'error', `Matching question "${id}": "${pair.toString().slice(0, 30)}" has no "->"`, pair.offset());
      return undefined;
    }
    const stem = readText(pair.slice(0, arrow), reader);
    const name = pair.slice(arrow + 2).trim().toString();
    if (stem && statements.length === LIMITS.statementsPerMatching) return overLimit('statements', LIMITS.statementsPerMatching);
    if (name === noMatchLabel) {
      noMatch = true;
      if (stem) statements.push({ id: ids.statements.claim([stem], `s${statements.length + 1}`, 's').id, text: stem, actor: null });
      continue;
    }
    let actorId = actorByName.get(name);
    if (!actorId) {
      if (actors.length === LIMITS.actorsPerMatching) return overLimit('actors', LIMITS.actorsPerMatching);
      actorId = ids.actors.claim([name], `actor-${actors.length + 1}`, 'a').id;
      actorByName.set(name, actorId);
      actors.push({ id: actorId, name });
    }
    if (stem) statements.push({ id: ids.statements.claim([stem], `s${statements.length + 1}`, 's').id, text: stem, actor: actorId });
  }
  return { question: { type: 'matching', actors, statements, ...(noMatch ? { allowNoMatch: true } : {}) } };
}

function trueFalseQuestion({ answers, reader }: QuestionContext): Parsed {
  const [answer, wrong, right] = answers.split('#').map((part) => readText(part, reader));
  const isTrue = answer === 'T' || answer === 'TRUE';
  // Moodle: the first feedback is shown for the wrong answer, the second for the right one.
  const feedbackOf = (correct: boolean) => ((correct ? right : wrong) ? { feedback: (correct ? right : wrong) as string } : {});
  return {
    question: {
      type: 'single-choice',
      options: [
        { id: 'true', text: 'True', ...(isTrue ? { correct: true } : {}), ...feedbackOf(isTrue) },
        { id: 'false', text: 'False', ...(isTrue ? {} : { correct: true }), ...feedbackOf(!isTrue) },
      ],
    },
  };
}

const SELECT = new Set(['ALL', 'EXACT', 'RANDOM', 'REL', 'CONTIGUOUS', 'CONTIG']);
const LAYOUT = new Set(['HORIZONTAL', 'HORI', 'H', '1', 'VERTICAL', 'VERT', 'V', '0']);
const SHOW = new Set(['SHOW', 'TRUE', 'YES', '1', 'HIDE', 'FALSE', 'NO', '0']);

/** qtype_ordering's GIFT extension: `{>COUNT SELECT LAYOUT GRADING SHOW …` then one item per line, in order. */
function orderingQuestion({ id, answers, reader }: QuestionContext, itemIds: Ids): Parsed | undefined {
  const lines = answers.slice(1).split('\n');
  const tokens = (lines.shift()?.toString() ?? '').trim().split(/\s+/);
  const count = Number(tokens.shift());
  const take = (set: { has(token: string): boolean }) => {
    const token = tokens[0]?.toUpperCase();
    if (token !== undefined && set.has(token)) {
      tokens.shift();
      return token;
    }
    return undefined;
  };
  const select = take(SELECT);
  take(LAYOUT);
  const grading = take({ has: (token) => token in ORDERING_RULE_BY_MOODLE_NAME });
  take(SHOW);
  const texts = lines.map((line) => readText(line, reader)).filter(Boolean);
  if (texts.length > LIMITS.itemsPerOrdering) {
    reader.issue(
      'limit_exceeded',
      'error',
      `Ordering question "${id}" skipped: it has ${texts.length} items; a quizkit ordering has at most ${LIMITS.itemsPerOrdering}`,
      answers.offset(),
    );
    return undefined;
  }
  if (texts.length < 2) {
    reader.issue('too_few_answers', 'error', `Ordering question "${id}" has ${texts.length} item(s); at least 2 are needed`, answers.offset());
    return undefined;
  }
  if (select !== 'ALL' && select !== 'EXACT' && count < texts.length) {
    reader.issue(
      'selection_ignored',
      'warning',
      `Ordering question "${id}" shows ${count} of ${texts.length} items (${select ?? 'RANDOM'}) in Moodle; quizkit shows all of them`,
      answers.offset(),
    );
  }
  const items = texts.map((text, index) => ({ id: itemIds.claim([text], `item-${index + 1}`, 'i').id, text }));
  // Moodle's default when no grading type is given is RELATIVE_NEXT_EXCLUDE_LAST.
  const rule = ORDERING_RULE_BY_MOODLE_NAME[grading ?? 'RELATIVE_NEXT_EXCLUDE_LAST'];
  return { question: { type: 'ordering', items, correctOrder: items.map((item) => item.id), rule: { name: rule } } };
}

// ---------------------------------------------------------------------------
// Categories.

/** Moodle's `split_category_path`: `/` separates, `//` is a literal slash. */
const categoryNames = (path: string): string[] =>
  path
    .replace(/^\/+|\/+$/g, '')
    .split(/(?<!\/)\/(?!\/)/)
    .map((name) => name.replace(/\/\//g, '/').trim())
    .filter(Boolean);

// ---------------------------------------------------------------------------

/** Offsets of line starts, for line:column. */
function locator(input: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  };
}

/**
 * The contents of Moodle's `[id:…]` / `[tag:…]` comments, as the regex
 * `/\[key:((?:\\]|[^\]EXCLUDED\x00-\x1f\x7f])+)]/g` would match them (`\]` is an
 * escaped bracket; a content ends at the first other `]`, and without one at
 * the last `\]`), but in one pass: the regex rescans the rest of the line from
 * every `[key:` that has no closing bracket, O(n²) on `[id:[id:[id:…`.
 */
export function bracketed(text: string, key: string, excluded: string, max = Infinity): string[] {
  const open = `[${key}:`;
  const found: string[] = [];
  for (let start = text.indexOf(open); start >= 0 && found.length < max; ) {
    const from = start + open.length;
    let i = from;
    let lastEscaped = -1;
    let close = -1;
    while (i < text.length) {
      const char = text[i] as string;
      const code = char.charCodeAt(0);
      if (char === '\\' && text[i + 1] === ']') {
        lastEscaped = i + 1;
        i += 2;
      } else if (char === ']') {
        close = i;
        break;
      } else if (code <= 0x1f || code === 0x7f || excluded.includes(char)) {
        break;
      } else {
        i++;
      }
    }
    // Only an empty content ("[id:]") fails with a closing bracket; without one, the regex backtracks
    // to the last escaped bracket. A later `[key:` before i would scan the same characters and fail
    // the same way, so the search goes on from i.
    const end = close > from ? close : close < 0 && lastEscaped >= 0 ? lastEscaped : -1;
    if (end >= 0) found.push(text.slice(from, end));
    start = text.indexOf(open, end >= 0 ? end + 1 : Math.max(i, start + 1));
  }
  return found;
}

interface QuizDraft {
  readonly id: string;
  readonly title: string;
  /** The category path it comes from ('' for questions before any category). */
  readonly path: string;
  readonly questions: QuestionInput[];
}

/**
 * Imports GIFT single- and multiple-choice, true/false and matching questions
 * (and qtype_ordering's `{>…}` extension) into quizkit's model, so that an
 * existing Moodle question bank can be brought over.
 *
 * It reads GIFT as Moodle's importer does: questions separated by blank
 * lines, `//` comments, `::title::`, `[format]` prefixes, `\` escapes, `#`
 * feedback, `####` general feedback, `%n%` weights (33.33333% is read as
 * exactly 1/3, Moodle's own tolerance), `$CATEGORY:` switches and Moodle's
 * `// [id:…] [tag:…]` comments.
 *
 * - Ids: from `[id:…]`, else the title, else made up from the title or the
 *   position (`q3`); option, actor, statement and item ids from their texts.
 *   Tags that are valid ids become `objectives`.
 * - `=` with `~` answers → single-choice (`~%n%` → `credit`); only `~` →
 *   multiple-choice under `weighted-credit` (credits left out when they are
 *   the defaults ±1/k); `{T}`/`{F}` → single-choice True/False; matching →
 *   actors from the answers (an empty left side is a distractor).
 * - GIFT has no source: every question gets the placeholder `source`
 *   (section `todo`, a quote starting `TODO`), and the explanation is the
 *   general feedback, or a `TODO` sentence. Each is reported as a
 *   `needs_source` warning. The placeholders pass `safeParseQuiz`; in a
 *   module, `parseModule` refuses them (unknown section, quote not found)
 *   until the author fills them in.
 * - Essay, numerical, short-answer and description questions are skipped
 *   with an issue.
 *
 * Never throws on bad input: what it cannot read is an issue with line and
 * column, and the rest is imported.
 *
 * Limits: a text longer than {@link GIFT_MAX_LENGTH} characters is refused
 * whole, before parsing; a question with more answers, ordering items,
 * matching statements or actors than {@link LIMITS} allow is skipped with one
 * `limit_exceeded` issue as soon as it goes over. Time and memory grow
 * linearly with the text, whatever it holds.
 *
 * @param text GIFT text (UTF-8 decoded).
 * @param options Quiz id and title for uncategorised questions, placeholders.
 *
 * @returns The quizzes and the issues.
 *
 * @example
 * ```ts
 * import { fromGift } from 'quizkit/gift';
 * import { safeParseQuiz } from 'quizkit/schema';
 * const { quizzes, issues } = fromGift([
 *   '::capital::What is the capital of France?{',
 *   '  =Paris#Correct.',
 *   '  ~%-50%Lyon#No.',
 *   '  ####Paris has been the capital since 987.',
 *   '}',
 *   '',
 *   '::pi::Pi?{#3.14:0.005}',
 * ].join('\n'));
 * quizzes[0]?.questions[0]; //=> { id: 'capital', type: 'single-choice', prompt: 'What is the capital of France?', explanation: 'Paris has been the capital since 987.', source: { section: 'todo', quote: 'TODO: quote the passage of the reading that answers this question.' }, options: [{ id: 'paris', text: 'Paris', feedback: 'Correct.', correct: true }, { id: 'lyon', text: 'Lyon', feedback: 'No.', credit: '-1/2' }] }
 * issues.map((issue) => `${issue.line}:${issue.column} ${issue.code}`); //=> ['1:1 needs_source', '7:1 unsupported_question']
 * safeParseQuiz(quizzes[0]).success; //=> true
 * ```
 */
export function fromGift(text: string, options: GiftImportOptions = {}): GiftImport {
  if (text.length > GIFT_MAX_LENGTH) {
    const message = `The GIFT text has ${text.length} characters; fromGift reads at most ${GIFT_MAX_LENGTH} (GIFT_MAX_LENGTH): split the question bank`;
    return { quizzes: [], issues: [{ code: 'limit_exceeded', severity: 'error', message, line: 1, column: 1 }] };
  }
  const locate = locator(text);
  const issues: GiftIssue[] = [];
  const source = options.source ?? TODO_SOURCE;
  const questionIds = new Ids();
  const quizIds = new Ids();
  const drafts: QuizDraft[] = [];
  // The quiz questions go to, per category path ('' before any category): the latest one, as a quiz
  // holds at most LIMITS.questionsPerQuiz questions and a bigger category continues in "Title (2)".
  const byPath = new Map<string, QuizDraft>();
  const partsByPath = new Map<string, number>();
  const titles = new Map<string, string>([['', options.quizTitle ?? 'Imported from GIFT']]);
  // What quizkit's own export carried for each category's quiz (id, pass mark, time limit).
  const quizCarries = new Map<string, Readonly<Record<string, string>>>();
  let currentPath = '';
  const quizFor = (path: string, offset: number): QuizDraft => {
    const existing = byPath.get(path);
    if (existing && existing.questions.length < LIMITS.questionsPerQuiz) return existing;
    const part = (partsByPath.get(path) ?? 0) + 1;
    partsByPath.set(path, part);
    const base = titles.get(path) as string;
    const suffix = part > 1 ? ` (${part})` : '';
    // A category name (or quizTitle) longer than a quiz title may be is cut, so the quiz still validates.
    const room = LIMITS.shortText - suffix.length;
    const title = (base.length > room ? `${base.slice(0, room - 1)}…` : base) + suffix;
    if (base.length > room && part === 1) {
      issues.push({
        code: 'limit_exceeded',
        severity: 'warning',
        message: `The quiz title is ${base.length} characters, over the ${LIMITS.shortText} a title may have: it was cut`,
        ...locate(offset),
      });
    }
    const carriedId = part === 1 ? quizCarries.get(path)?.id : undefined;
    const first = carriedId ?? (path === '' && part === 1 ? (options.quizId ?? 'gift-import') : undefined);
    const draft: QuizDraft = {
      id: quizIds.claim([first, title], `quiz-${drafts.length + 1}`, 'quiz', path === '').id,
      title,
      path,
      questions: [],
    };
    if (part > 1) {
      issues.push({
        code: 'quiz_split',
        severity: 'warning',
        message: `Quiz "${base}" has more than ${LIMITS.questionsPerQuiz} questions; the rest continue in "${title}" (${draft.id})`,
        ...locate(offset),
      });
    }
    byPath.set(path, draft);
    drafts.push(draft);
    return draft;
  };
  let position = 0;

  for (const block of blocksOf(text)) {
    let src = block.src.trim();
    if (src.length === 0) continue;
    const issueAt = (questionId: string | undefined) => (code: GiftIssueCode, severity: 'error' | 'warning', message: string, offset: number) =>
      issues.push({ code, severity, message, ...locate(offset), ...(questionId ? { questionId } : {}) });

    if (src.startsWith('$CATEGORY:')) {
      const names = categoryNames(src.slice('$CATEGORY:'.length).toString().trim());
      const last = names[names.length - 1];
      const meaningful = names.length > 0 && last !== 'top' && !/^\$\w+\$$/.test(last ?? '');
      if (!meaningful) {
        currentPath = '';
        continue;
      }
      currentPath = names.join('\u0000');
      titles.set(currentPath, last as string);
      const carried = readCarry(bracketed(block.comments, 'quizkit-quiz', '', 1)[0]);
      if (carried) quizCarries.set(currentPath, carried);
      continue;
    }

    // One module holds at most this many questions, so reading on would only cost time.
    if (position === MAX_IMPORTED_QUESTIONS) {
      issues.push({
        code: 'limit_exceeded',
        severity: 'error',
        message: `The bank has more than ${MAX_IMPORTED_QUESTIONS} questions, the most one module holds (${LIMITS.quizzesPerModule} quizzes of ${LIMITS.questionsPerQuiz}); the rest were not read: split the question bank`,
        ...locate(block.start),
      });
      break;
    }
    position++;
    const start = block.start;
    // Title.
    let title: string | undefined;
    if (src.startsWith('::')) {
      const close = src.find('::', 2);
      if (close < 0) {
        issueAt(undefined)('invalid_syntax', 'warning', 'The title has no closing "::"; read as untitled, as Moodle does', src.offset());
        src = src.slice(2).trim();
      } else {
        title = src.slice(2, close).toString().trim();
        src = src.slice(close + 2).trim();
      }
    }
    const idComment = bracketed(block.comments, 'id', '', 1)[0]?.replace(/\\]/g, ']').trim();
    const claimed = questionIds.claim([idComment, title], `q${position}`, 'q', true);
    const id = claimed.id;
    const issue = issueAt(id);
    const reader: Reader = { issue, htmlSeen: false, format: 'moodle' };

    // Answer block: the first unescaped { and }.
    const open = src.find('{');
    const close = src.find('}');
    if (open < 0 && close < 0) {
      issue('unsupported_question', 'warning', `Description "${id}" skipped: it has no answers, and quizkit has no description items`, start);
      continue;
    }
    if (open < 0 || close < 0 || close < open) {
      issue('invalid_syntax', 'error', `Question "${id}" skipped: unbalanced { and } (escape a literal brace as \\{ or \\})`, src.offset(open < 0 ? close : open));
      continue;
    }
    const after = src.slice(close + 1).trim();
    const missingWord = after.length > 0;
    reader.format = FORMAT.exec(src.slice(0, open).trim().toString())?.[1] ?? 'moodle';
    const before = readText(src.slice(0, open), reader);
    const prompt = missingWord ? `${before} _____ ${readText(after, reader)}`.trim() : before;
    let answers = src.slice(open + 1, close).trim();
    let explanation = '';
    const general = answers.findLast('####');
    if (general >= 0) {
      explanation = readText(answers.slice(general + 4), reader);
      answers = answers.slice(0, general).trim();
    }
    const answerText = answers.toString();
    const context: QuestionContext = { id, answers, reader };
    let parsed: Parsed | undefined;
    if (/^>\s*\d/.test(answerText) && !answers.escaped[0]) {
      parsed = orderingQuestion(context, new Ids());
    } else if (answerText === '') {
      issue('unsupported_question', 'error', `Essay question "${id}" skipped: quizkit has no essay questions`, start);
      continue;
    } else if (answerText.startsWith('#') && !answers.escaped[0]) {
      issue('unsupported_question', 'error', `Numerical question "${id}" skipped: quizkit has no numerical questions`, start);
      continue;
    } else if (answers.find('~') >= 0) {
      parsed = choiceQuestion(context, new Ids());
    } else if (answers.find('=') >= 0 && answers.find('->') >= 0) {
      parsed = matchingQuestion(context, { actors: new Ids(), statements: new Ids() }, options.noMatchLabel ?? 'None of these');
    } else if (['T', 'TRUE', 'F', 'FALSE'].includes(answers.split('#')[0]?.trim().toString() ?? '')) {
      parsed = trueFalseQuestion(context);
    } else {
      issue('unsupported_question', 'error', `Short-answer question "${id}" skipped: quizkit has no short-answer questions`, start);
      continue;
    }
    if (!parsed) continue;
    const carried = readCarry(bracketed(block.comments, 'quizkit', '', 1)[0]);
    if (carried) {
      const applied = applyCarry(parsed.question as Parameters<typeof applyCarry>[0], carried);
      if ('why' in applied) issue('quizkit_comment_ignored', 'warning', `Question "${id}": its quizkit comment no longer fits (${applied.why}); ids, rule and credits were made from its GIFT lines`, start);
      else parsed = { ...parsed, question: applied.question as Parsed['question'] };
    }

    if (missingWord) {
      issue('missing_word', 'warning', `Question "${id}": the answers sit inside the text; the prompt shows _____ in their place`, src.offset(open));
    }
    if (reader.htmlSeen) issue('html_converted', 'warning', `Question "${id}": HTML was turned into plain text; check its formatting`, start);
    if (claimed.generated) {
      issue(
        'id_generated',
        'warning',
        `Question ${title || idComment ? `"${idComment ?? title}"` : `at position ${position}`} has no usable id; imported as "${id}"`,
        start,
      );
    }
    const objectives = new Set<string>();
    for (const raw of bracketed(block.comments, 'tag', '<>')) {
      const tag = raw.replace(/\\]/g, ']').trim();
      if (SAFE_ID.test(tag) && tag.length <= LIMITS.idLength) {
        objectives.add(tag);
      } else {
        issue('tag_dropped', 'warning', `Question "${id}": tag "${tag}" is not a valid objective id; dropped`, start);
      }
    }
    const input = {
      id,
      ...parsed.question,
      prompt,
      explanation: explanation || (options.explanation ?? TODO_EXPLANATION),
      source: { section: source.section, quote: source.quote },
      ...(objectives.size ? { objectives: [...objectives] } : {}),
    };
    const checked = QuestionSchema.safeParse(input);
    if (!checked.success) {
      const problems = toQuizIssues(checked.error, input).map((problem) => `${problem.path.join('.') || 'question'}: ${problem.message}`);
      issue('invalid_question', 'error', `Question "${id}" skipped: ${problems.join('; ')}`, start);
      continue;
    }
    issue(
      'needs_source',
      'warning',
      `Question "${id}": GIFT has no source; fill in source.section and source.quote${explanation ? '' : ' and the explanation'} (placeholders say TODO)`,
      start,
    );
    // Key order as an author writes it: id, type, prompt, …
    const { type, ...rest } = parsed.question;
    const ordered = { id, type, prompt, explanation: input.explanation, source: input.source, ...(objectives.size ? { objectives: input.objectives } : {}), ...rest };
    quizFor(currentPath, start).questions.push(ordered as QuestionInput);
  }

  const quizzes = drafts
    .filter((draft) => draft.questions.length > 0)
    .map((draft): QuizInput => {
      const carried = quizCarries.get(draft.path);
      const timeLimit = Number(carried?.timeLimitSeconds);
      return {
        id: draft.id,
        title: draft.title,
        ...(carried?.passMark ? { passMark: carried.passMark } : {}),
        ...(Number.isSafeInteger(timeLimit) && timeLimit > 0 ? { timeLimitSeconds: timeLimit } : {}),
        questions: draft.questions,
      };
    });
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { quizzes, issues };
}
