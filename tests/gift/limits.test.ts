// Fixes #13.1: GIFT import costs linear time, and refuses what is over quizkit's limits once.
import fc from 'fast-check';
import { GIFT_MAX_LENGTH, type GiftIssue, fromGift } from 'quizkit/gift';
import { LIMITS, safeParseQuiz } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { bracketed } from '../../src/gift/from-gift.js';
import { htmlToText } from '../../src/gift/text.js';

const codes = (issues: readonly GiftIssue[]) => issues.map((issue) => `${issue.line}:${issue.column} ${issue.code} ${issue.questionId ?? ''}`.trim());
const ids = (text: string) => fromGift(text).quizzes.flatMap((quiz) => quiz.questions.map((question) => question.id));

describe('issue #13.1: GIFT import is quadratic', () => {
  it('skips a question of 16,000 (here 200) identical answers with one limit_exceeded issue', () => {
    const { quizzes, issues } = fromGift(`::t::Q?{=a ${Array(200).fill('~b').join(' ')}}`);
    expect(quizzes).toEqual([]);
    expect(codes(issues)).toEqual(['1:9 limit_exceeded t']);
    expect(issues[0]!.message).toBe(`Question "t" skipped: it has 201 answers; a quizkit question has at most ${LIMITS.optionsPerQuestion} options`);
  });

  it('counts text before the first ~ or = as an answer, and still imports a question at the limit', () => {
    const answers = (n: number) => Array.from({ length: n - 1 }, (_, i) => `~b${i}`).join(' ');
    expect(codes(fromGift(`::t::Q?{=a ${answers(LIMITS.optionsPerQuestion)}}`).issues)).toEqual(['1:1 needs_source t']);
    expect(codes(fromGift(`::t::Q?{lead =a ${answers(LIMITS.optionsPerQuestion)}}`).issues)).toEqual(['1:9 limit_exceeded t']);
  });

  it('skips an ordering of 16,000 (here 120) identical lines with one limit_exceeded issue', () => {
    const { quizzes, issues } = fromGift(`::t::Q?{>1 ALL\n${Array(120).fill('b').join('\n')}\n}`);
    expect(quizzes).toEqual([]);
    expect(issues.map((issue) => issue.code)).toEqual(['limit_exceeded']);
    expect(issues[0]!.message).toBe(`Ordering question "t" skipped: it has 120 items; a quizkit ordering has at most ${LIMITS.itemsPerOrdering}`);
    expect(fromGift(`::t::Q?{>1 ALL\n${Array.from({ length: LIMITS.itemsPerOrdering }, (_, i) => `b${i}`).join('\n')}\n}`).quizzes).toHaveLength(1);
  });

  it('skips a matching of 20,000 (here 120) identical pairs, or of too many actors, with one limit_exceeded issue', () => {
    const pairs = fromGift(`::t::Q?{${Array(120).fill('=a -> b').join(' ')}}`);
    expect(pairs.quizzes).toEqual([]);
    expect(codes(pairs.issues)).toEqual(['1:9 limit_exceeded t']);
    expect(pairs.issues[0]!.message).toBe(`Matching question "t" skipped: it has more than ${LIMITS.statementsPerMatching} statements, the most quizkit allows`);
    const actors = fromGift(`::t::Q?{=s -> a0 ${Array.from({ length: LIMITS.actorsPerMatching + 5 }, (_, i) => `= -> a${i}`).join(' ')}}`);
    expect(actors.issues.map((issue) => issue.message)).toEqual([
      `Matching question "t" skipped: it has more than ${LIMITS.actorsPerMatching} actors, the most quizkit allows`,
    ]);
  });

  it('gives 16,000 (here 450) questions sharing one title the ids t, t-2, t-3, …, in quizzes of at most 200', () => {
    const { quizzes, issues } = fromGift(Array(450).fill('::t::Q?{=a ~b}').join('\n\n'));
    expect(quizzes.map((quiz) => quiz.questions.length)).toEqual([200, 200, 50]);
    expect(quizzes.flatMap((quiz) => quiz.questions.map((question) => question.id))).toEqual(['t', ...Array.from({ length: 449 }, (_, i) => `t-${i + 2}`)]);
    expect(issues.filter((issue) => issue.code === 'id_generated')).toHaveLength(449);
    expect(issues.filter((issue) => issue.code === 'quiz_split').map((issue) => issue.line)).toEqual([401, 801]);
  });

  it('skips suffixes already taken by a title, on the first clash and every later one', () => {
    expect(ids(['t', 't-2', 't', 't', 't-4', 't'].map((title) => `::${title}::Q?{=a ~b}`).join('\n\n'))).toEqual(['t', 't-2', 't-3', 't-4', 't-4-2', 't-5']);
  });

  it(`refuses a text longer than GIFT_MAX_LENGTH (${GIFT_MAX_LENGTH}) before reading it, with one issue`, () => {
    const huge = `::t::Q?{=a ~b}\n\n${' '.repeat(GIFT_MAX_LENGTH)}`;
    expect(fromGift(huge)).toEqual({
      quizzes: [],
      issues: [
        {
          code: 'limit_exceeded',
          severity: 'error',
          line: 1,
          column: 1,
          message: `The GIFT text has ${huge.length} characters; fromGift reads at most ${GIFT_MAX_LENGTH} (GIFT_MAX_LENGTH): split the question bank`,
        },
      ],
    });
    expect(fromGift(huge.slice(0, GIFT_MAX_LENGTH)).quizzes).toHaveLength(1);
  });

  it('reads hostile comments, category paths, tags and HTML as before (each once quadratic or worse)', () => {
    expect(ids(`// ${'[id:'.repeat(20_000)}\n::t::Q?{=a ~b}`)).toEqual(['t']);
    // Without a closing bracket the id runs to the last escaped one, "x][id:x]…[id:x\", and is made a slug.
    expect(ids(`// ${'[id:x\\]'.repeat(2_000)}\n::t::Q?{=a ~b}`)[0]).toMatch(/^x(-id-x){1,11}$/);
    const tags = fromGift(`// ${Array.from({ length: 5_000 }, (_, i) => `[tag:t${i % 3}]`).join('')}\n::t::Q?{=a ~b}`);
    expect(tags.quizzes[0]!.questions[0]!.objectives).toEqual(['t0', 't1', 't2']);
    expect(fromGift(`$CATEGORY: ${'/'.repeat(50_000)}x\n\n::t::Q?{=a ~b}`).quizzes[0]!.title).toBe('x');
    expect(fromGift(`[html]Q${'<'.repeat(4_000)}?{=a ~b}`).quizzes[0]!.questions[0]!.prompt).toBe(`Q${'<'.repeat(4_000)}?`);
    expect(fromGift(`[html]Q${'<'.repeat(50_000)}?{=a ~b}`).issues.map((issue) => issue.message).at(-1)).toBe(
      'Question "q1" skipped: prompt: Text is too long: at most 5000 characters allowed',
    );
  });
});

describe('the one-pass readers match the regexes they replace (property)', () => {
  const alphabet = (chars: string) => fc.string({ unit: fc.constantFrom(...chars), maxLength: 60 });
  const regexFor = (key: string, excluded: string) => new RegExp(`\\[${key}:((?:\\\\]|[^\\]${excluded}\\x00-\\x1f\\x7f])+)]`, 'g');

  it('bracketed finds what /\\[id:((?:\\\\]|[^\\]…])+)]/g finds', () => {
    fc.assert(
      fc.property(alphabet('[]\\id:tag<>x \n'), (text) => {
        expect(bracketed(text, 'id', '')).toEqual([...text.matchAll(regexFor('id', ''))].map((match) => match[1]));
        expect(bracketed(text, 'tag', '<>')).toEqual([...text.matchAll(regexFor('tag', '<>'))].map((match) => match[1]));
        expect(bracketed(text, 'id', '', 1)).toEqual([...text.matchAll(regexFor('id', ''))].slice(0, 1).map((match) => match[1]));
      }),
      { seed: 1234, numRuns: 5_000 },
    );
  });

  it('htmlToText removes tags as /<[^>]*>/g does', () => {
    const before = (html: string) => html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^>]*>/gi, '\n\n').replace(/<[^>]*>/g, '');
    fc.assert(
      fc.property(alphabet('<>/pbrx &;'), (html) => {
        expect(htmlToText(html)).toBe(htmlToText(before(html).replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))));
      }),
      { seed: 1234, numRuns: 3_000 },
    );
  });
});

describe('issue #13.1: a bank larger than one module stops at the module limit', () => {
  it('reads 4,000 questions, then reports one limit_exceeded at the first question not read', () => {
    const cap = LIMITS.quizzesPerModule * LIMITS.questionsPerQuiz;
    const { quizzes, issues } = fromGift(Array(cap + 500).fill('::t::Q?{=a ~b}').join('\n\n'));
    expect(quizzes.reduce((count, quiz) => count + quiz.questions.length, 0)).toBe(cap);
    const over = issues.filter((issue) => issue.code === 'limit_exceeded');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: 'error', line: cap * 2 + 1, column: 1 });
  });
});

describe('issue #13: a category name longer than a quiz title may be', () => {
  it('is cut, with a warning, so every imported quiz validates', () => {
    const name = 'c'.repeat(LIMITS.shortText + 50);
    const { quizzes, issues } = fromGift(`$CATEGORY: top/${name}\n\n::q::Q?{=a ~b}`);
    expect(quizzes[0]?.title).toHaveLength(LIMITS.shortText);
    expect(quizzes[0]?.title.endsWith('…')).toBe(true);
    expect(issues.filter((issue) => issue.code === 'limit_exceeded').map((issue) => issue.severity)).toEqual(['warning']);
    expect(safeParseQuiz(quizzes[0]).success).toBe(true);
  });
});
