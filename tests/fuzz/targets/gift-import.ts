/**
 * Fuzz target for `fromGift` (quizkit/gift): generated GIFT question banks
 * (every question kind, awkward text, repeated titles and answers, weights,
 * categories, Moodle's id/tag comments), the GIFT export of the built-in
 * module mutated, and the shapes issue #13.1 found quadratic.
 */
import fc from 'fast-check';
import { fromGift, toGift, type GiftImport } from 'quizkit/gift';
import { northKoreaChina } from 'quizkit/modules';
import { safeParseQuiz } from 'quizkit/schema';
import { awkwardText } from '../../gift/helpers.js';
import type { FuzzTarget, Problem } from '../harness.js';
import { positionChecker } from '../positions.js';

/** Few distinct titles and answers, so ids collide and must be de-duplicated. */
const title = fc.oneof(fc.constantFrom('t', 'Q', 'same title', 'x-1', '::', 'q1', '__proto__', 'constructor'), awkwardText);
const answer = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', 'A', 'True', 'None of these', '__proto__', 'constructor', '') }, awkwardText);
const weight = fc.oneof(
  fc.constantFrom('%100%', '%50%', '%-50%', '%33.33333%', '%-33.33333%', '%0%', '%-100%', '%101%', '%1e3%', '%NaN%', '%1/9007199254740991%', '%%', '%12.5%'),
  fc.integer({ min: -200, max: 200 }).map((n) => `%${n}%`),
);
const feedback = fc.option(awkwardText.map((text) => `#${text}`), { nil: undefined, freq: 3 });

const choices = (marks: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(marks, fc.option(weight, { nil: undefined, freq: 3 }), answer, feedback), { minLength: 0, maxLength: 8 }).map((list) =>
    list.map(([mark, w, text, fb]) => `${mark}${w ?? ''}${text}${fb ?? ''}`).join(' '),
  );

/** The answer part of one question, `{…}` included. */
const answers = fc.oneof(
  choices(fc.constantFrom('=', '~', '~')).map((body) => `{${body}}`),
  choices(fc.constant('~')).map((body) => `{${body}}`),
  fc.constantFrom('{T}', '{F}', '{TRUE#yes#no}', '{FALSE}', '{}', '{#3.14:0.005}', '{#1..2}', '{=a =b}', '{=%50%a}'),
  fc.array(fc.tuple(answer, answer), { maxLength: 6 }).map((pairs) => `{${pairs.map(([l, r]) => `=${l} -> ${r}`).join(' ')}}`),
  fc
    .tuple(fc.constantFrom('', '3 ALL VERTICAL RELATIVE_ALL_PREVIOUS_AND_NEXT SHOW none', '2 RANDOM', 'ALL HORIZONTAL LONGEST_ORDERED_SUBSET', '0', '-1'), fc.array(answer, { maxLength: 6 }))
    .map(([head, items]) => `{>${head}\n${items.join('\n')}\n}`),
);

const question = fc
  .record({
    comment: fc.option(fc.constantFrom('// [id:q1]', '// [id:q1] [tag:t]', '// [tag:bad tag] [id:__proto__]', '// just a comment', '// [id:a b]'), { nil: undefined }),
    category: fc.option(fc.constantFrom('$CATEGORY: $course$/top/A', '$CATEGORY: $course$/top/A/B', '$CATEGORY: top', '$CATEGORY:'), { nil: undefined, freq: 6 }),
    title: fc.option(title, { nil: undefined, freq: 4 }),
    format: fc.option(fc.constantFrom('[html]', '[plain]', '[moodle]', '[markdown]'), { nil: undefined, freq: 4 }),
    stem: awkwardText,
    answers,
    after: fc.option(awkwardText, { nil: undefined, freq: 5 }),
    general: fc.option(awkwardText.map((text) => `####${text}`), { nil: undefined, freq: 4 }),
  })
  .map(({ comment, category, title, format, stem, answers, after, general }) =>
    [
      category ? `${category}\n\n` : '',
      comment ? `${comment}\n` : '',
      title !== undefined ? `::${title}::` : '',
      format ?? '',
      stem,
      general ? answers.replace(/}$/, ` ${general}}`) : answers,
      after ?? '',
    ].join(''),
  );

type GiftRecipe =
  | { readonly kind: 'generated'; readonly questions: readonly string[]; readonly separator: string }
  | { readonly kind: 'mutated-export'; readonly edits: readonly { readonly at: number; readonly cut: number; readonly text: string }[] }
  | { readonly kind: 'growth'; readonly shape: 'options' | 'ordering' | 'matching' | 'titles'; readonly n: number };

const EXPORT = toGift(northKoreaChina);

/** The inputs issue #13.1 timed: n identical options, ordering lines, matching pairs, or questions sharing a title. */
export function growthGift(shape: 'options' | 'ordering' | 'matching' | 'titles', n: number): string {
  switch (shape) {
    case 'options':
      return `::t::Q?{=a ${Array(n).fill('~b').join(' ')}}`;
    case 'ordering':
      // The header line makes it an ordering (qtype_ordering's extension); without one it is a short answer.
      return `::t::Q?{>${n} ALL\n${Array(n).fill('b').join('\n')}\n}`;
    case 'matching':
      return `::t::Q?{${Array(n).fill('=a -> b').join(' ')}}`;
    case 'titles':
      return Array(n).fill('::t::Q?{=a ~b}').join('\n\n');
  }
}

const TOKENS = ['{', '}', '=', '~', '#', '####', '::', '\\', '\n', '\n\n', '->', '%', '%50%', '$CATEGORY: x\n', '// [id:', '[html]', '\r\n', '\uFEFF', '😀'];

export const giftRecipes: fc.Arbitrary<GiftRecipe> = fc.oneof(
  { weight: 30, arbitrary: fc.record({ kind: fc.constant('generated' as const), questions: fc.array(question, { minLength: 1, maxLength: 6 }), separator: fc.constantFrom('\n\n', '\n', '\n\n\n', '\r\n\r\n', '\n \n') }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('mutated-export' as const),
      edits: fc.array(fc.record({ at: fc.integer({ min: 0, max: 10_000 }), cut: fc.integer({ min: 0, max: 20 }), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })) }), { minLength: 1, maxLength: 3 }),
    }),
  },
  // The quadratic shapes at sizes that took 1–19 s before the fix (about 1 case in 400).
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('growth' as const),
      shape: fc.constantFrom('options', 'ordering', 'matching', 'titles' as const),
      n: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 300 }) }, { weight: 1, arbitrary: fc.constantFrom(4_000, 16_000) }),
    }),
  },
);

/** The GIFT text a recipe makes. */
export function giftOf(recipe: GiftRecipe): string {
  switch (recipe.kind) {
    case 'generated':
      return recipe.questions.join(recipe.separator);
    case 'mutated-export':
      return recipe.edits.reduce((text, { at, cut, text: insert }) => {
        const i = Math.round((text.length * at) / 10_000);
        return text.slice(0, i) + insert + text.slice(i + cut);
      }, EXPORT);
    case 'growth':
      return growthGift(recipe.shape, recipe.n);
  }
}

export const giftImportTarget: FuzzTarget<GiftRecipe, string, GiftImport> = {
  name: 'gift-import',
  description: 'fromGift on generated GIFT banks, the mutated GIFT export of the built-in module, and issue #13.1’s shapes',
  defaultCases: 100_000,
  sliceCases: 300,
  caseBudgetMs: 2_000,
  recipes: giftRecipes,
  prepare: giftOf,
  call: (text) => fromGift(text),
  check: (result, text) => {
    const problems: Problem[] = [];
    const inside = positionChecker(text);
    for (const issue of result.issues) {
      const outside = inside(issue, `${issue.code} "${issue.message.slice(0, 60)}"`);
      if (outside || issue.line === undefined) problems.push({ kind: 'position', message: outside ?? `${issue.code} has no line` });
    }
    // Documented: every quiz returned is valid for safeParseQuiz.
    for (const quiz of result.quizzes) {
      const parsed = safeParseQuiz(quiz);
      if (!parsed.success) {
        problems.push({ kind: 'invariant', message: `imported quiz ${quiz.id} fails safeParseQuiz: ${JSON.stringify(parsed.issues.slice(0, 2))}` });
      }
    }
    return problems;
  },
};
