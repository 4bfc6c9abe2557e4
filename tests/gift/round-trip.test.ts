import fc from 'fast-check';
import type { Matching as PegMatching, MultipleChoice } from 'gift-pegjs';
import { type Fraction, scoreQuestion } from 'quizkit';
import { MOODLE_FRACTIONS, exportGift, fromGift, moodleWeights, toGift } from 'quizkit/gift';
import { northKoreaChina } from 'quizkit/modules';
import {
  type DeepReadonly,
  type MatchingQuestion,
  type Question,
  QuestionSchema,
  type QuestionInput,
  type SingleChoiceQuestion,
  parseQuiz,
  safeParseQuiz,
} from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { authored, questionInput, responseTo } from '../helpers/arbitraries.js';
import { BOILERPLATE, awkwardText, moduleWith, parseWithPegjs, pegjsPlain, pegjsText, pegjsView } from './helpers.js';

const ratio = (x: Fraction) => (x.d === 1 ? x.n : `${x.n}/${x.d}`);
const listed = MOODLE_FRACTIONS.filter((x) => x.n < x.d && x.n > -x.d && x.n !== 0);

/** The credit each option earns alone under its rule: what GIFT's weights carry for a choice question. */
const credits = (question: DeepReadonly<Question>) => {
  if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return [];
  return question.options.map((option) => scoreQuestion(question, question.type === 'single-choice' ? option.id : [option.id]).fraction);
};

/** Texts that are unique within a question, so that matching answers stay apart. */
const distinct = (count: number) => fc.uniqueArray(awkwardText, { minLength: count, maxLength: count, selector: (text) => text });

const objectives = fc.subarray(['obj-a', 'obj-b', 'obj-c']);

/** Single choice: any listed partial or negative credits, feedback or not. */
const singleChoice = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .record({
      texts: distinct(n + 2),
      correct: fc.integer({ min: 0, max: n - 1 }),
      credits: fc.array(fc.option(fc.constantFrom(...listed), { nil: undefined }), { minLength: n, maxLength: n }),
      feedback: fc.array(fc.option(awkwardText, { nil: undefined }), { minLength: n, maxLength: n }),
      rule: fc.constantFrom('option-credit', 'correction-for-guessing'),
      objectives,
    })
    .map(({ texts, correct, credits: given, feedback, rule, objectives: tags }) => ({
      type: 'single-choice' as const,
      prompt: texts[n]!,
      explanation: texts[n + 1]!,
      objectives: tags,
      rule: { name: rule },
      options: texts.slice(0, n).map((text, i) => ({
        id: `o${i}`,
        text,
        ...(i === correct ? { correct: true } : given[i] ? { credit: ratio(given[i]) } : {}),
        ...(feedback[i] ? { feedback: feedback[i] } : {}),
      })),
    })),
);

/** Multiple choice whose weights Moodle can hold: the correct options share 1 in listed parts. */
const SPLITS: Fraction[][] = [
  [{ n: 1, d: 1 }],
  [{ n: 1, d: 2 }, { n: 1, d: 2 }],
  [{ n: 1, d: 3 }, { n: 2, d: 3 }],
  [{ n: 1, d: 3 }, { n: 1, d: 3 }, { n: 1, d: 3 }],
  [{ n: 1, d: 2 }, { n: 1, d: 4 }, { n: 1, d: 4 }],
  [{ n: 1, d: 2 }, { n: 1, d: 3 }, { n: 1, d: 6 }],
  [{ n: 7, d: 10 }, { n: 3, d: 10 }],
  Array(7).fill({ n: 1, d: 7 }),
];
const multipleChoice = fc.record({ split: fc.constantFrom(...SPLITS), wrong: fc.integer({ min: 1, max: 4 }) }).chain(({ split, wrong }) => {
  const n = split.length + wrong;
  return fc
    .record({
      texts: distinct(n + 2),
      penalties: fc.array(fc.constantFrom(...MOODLE_FRACTIONS.filter((x) => x.n <= 0)), { minLength: wrong, maxLength: wrong }),
      explicit: fc.boolean(),
      feedback: fc.array(fc.option(awkwardText, { nil: undefined }), { minLength: n, maxLength: n }),
      rule: fc.constantFrom('weighted-credit', 'right-minus-wrong'),
      order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      objectives,
    })
    .map(({ texts, penalties, explicit, feedback, rule, order, objectives: tags }) => {
      const weights = [...split, ...penalties];
      return {
        type: 'multiple-choice' as const,
        prompt: texts[n]!,
        explanation: texts[n + 1]!,
        objectives: tags,
        rule: { name: rule },
        options: order.map((k, i) => ({
          id: `o${i}`,
          text: texts[i]!,
          ...(k < split.length ? { correct: true } : {}),
          ...(rule === 'weighted-credit' && explicit ? { credit: ratio(weights[k]!) } : {}),
          ...(feedback[i] ? { feedback: feedback[i] } : {}),
        })),
      };
    });
});

/** Matching with awkward statements and actor names, distractors and "none of these". */
const matching = fc
  .record({ actors: fc.integer({ min: 2, max: 4 }), statements: fc.integer({ min: 1, max: 5 }) })
  .chain(({ actors, statements }) =>
    fc
      .record({
        names: distinct(actors),
        texts: distinct(statements + 2),
        owners: fc.array(fc.integer({ min: -1, max: actors - 1 }), { minLength: statements, maxLength: statements }),
        allowNoMatch: fc.boolean(),
        objectives,
      })
      .filter(({ names }) => !names.includes('None of these'))
      .map(({ names, texts, owners, allowNoMatch, objectives: tags }) => ({
        type: 'matching' as const,
        prompt: texts[statements]!,
        explanation: texts[statements + 1]!,
        objectives: tags,
        allowNoMatch,
        actors: names.map((name, i) => ({ id: `a${i}`, name })),
        statements: texts.slice(0, statements).map((text, i) => ({
          id: `s${i}`,
          text,
          actor: owners[i]! >= 0 ? `a${owners[i]}` : allowNoMatch ? null : 'a0',
        })),
      })),
  );

/** Up to 4 questions of any of the three types, each with its own id. */
const quizOf = fc.array(fc.oneof(singleChoice, multipleChoice, matching), { minLength: 1, maxLength: 4 }).map((inputs) =>
  moduleWith(
    [
      {
        id: 'quiz',
        title: 'Round trip',
        questions: inputs.map((input, index) => ({ id: `q${index}-x_Y`, ...BOILERPLATE, ...input }) as QuestionInput),
      },
    ],
    ['obj-a', 'obj-b', 'obj-c'],
  ),
);

/** What GIFT carries of a matching question: statement texts with their actor's name, and the other actors' names. */
const pairs = (question: DeepReadonly<MatchingQuestion>) => {
  const name = new Map(question.actors.map((actor) => [actor.id, actor.name]));
  return {
    pairs: question.statements.map((statement) => [statement.text, statement.actor === null ? null : name.get(statement.actor)]),
    actors: [...question.actors.map((actor) => actor.name)].sort(),
    noMatch: question.statements.some((statement) => statement.actor === null),
  };
};

describe('GIFT export → import', () => {
  it('keeps every field GIFT can carry, for random choice and matching questions with awkward text', () => {
    fc.assert(
      fc.property(quizOf, (module) => {
        const quiz = module.quizzes[0]!;
        const { text, notes } = exportGift(quiz);
        expect(notes.filter((note) => note.code === 'weights-snapped' || note.code === 'rule-approximated')).toEqual([]);
        const { quizzes, issues } = fromGift(text);
        expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
        expect(quizzes).toHaveLength(1);
        const parsed = safeParseQuiz(quizzes[0]);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        const back = parsed.data;
        expect(back.title).toBe(quiz.title);
        expect(back.questions.map((question) => question.id)).toEqual(quiz.questions.map((question) => question.id));
        quiz.questions.forEach((original, index) => {
          const imported = back.questions[index]!;
          expect(imported.prompt).toBe(original.prompt);
          expect(imported.explanation).toBe(original.explanation);
          expect(imported.objectives).toEqual(original.objectives);
          if (original.type === 'matching') {
            expect(imported.type).toBe('matching');
            const read = pairs(imported as MatchingQuestion);
            expect(read.pairs).toEqual(pairs(original).pairs);
            expect(read.actors).toEqual(pairs(original).actors);
            expect((imported as MatchingQuestion).allowNoMatch).toBe(original.allowNoMatch);
          } else if (original.type !== 'ordering') {
            expect(imported.type).toBe(original.type);
            const options = (imported as SingleChoiceQuestion).options;
            expect(options.map((option) => [option.text, option.feedback, option.correct])).toEqual(
              original.options.map((option) => [option.text, option.feedback, option.correct]),
            );
            expect(credits(imported)).toEqual(credits(original));
          }
        });
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('writes every random question as GIFT that gift-pegjs reads back to the same texts', () => {
    fc.assert(
      fc.property(quizOf, (module) => {
        const quiz = module.quizzes[0]!;
        const read = parseWithPegjs(toGift(quiz)).filter((entry): entry is MultipleChoice | PegMatching => entry.type === 'MC' || entry.type === 'Matching');
        expect(read.map((entry) => [entry.title, entry.id, entry.tags ?? []])).toEqual(quiz.questions.map((q) => [q.id, q.id, q.objectives]));
        quiz.questions.forEach((question, index) => {
          const entry = read[index]!;
          expect(pegjsView(entry.stem.text)).toBe(pegjsView(question.prompt));
          expect(pegjsView(entry.globalFeedback?.text ?? '')).toBe(pegjsView(question.explanation));
          if (question.type === 'matching') {
            const names = new Map(question.actors.map((actor) => [actor.id, actor.name]));
            const answers = (entry as PegMatching).matchPairs.map((pair) => pegjsPlain(pair.subanswer));
            expect(answers.slice(0, question.statements.length)).toEqual(
              question.statements.map((statement) => pegjsView(statement.actor === null ? 'None of these' : names.get(statement.actor)!)),
            );
          } else if (question.type !== 'ordering') {
            const choices = (entry as MultipleChoice).choices;
            expect(choices.map((choice) => pegjsText(choice.text))).toEqual(question.options.map((option) => pegjsView(option.text)));
            const { options } = moodleWeights(question);
            expect(choices.map((choice) => (choice.isCorrect ? 100 : (choice.weight ?? 0)))).toEqual(options.map((option) => Number(option.percent)));
          }
        });
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('scores every imported question as the original whenever the export noted no change to its scoring', () => {
    const lossy = new Set(['weights-snapped', 'rule-approximated', 'weights-dropped', 'skipped']);
    let compared = 0;
    fc.assert(
      fc.property(
        questionInput.chain((input) => {
          const question = QuestionSchema.parse(authored(input));
          return fc.tuple(fc.constant(input), fc.constant(question), fc.array(responseTo(question), { minLength: 3, maxLength: 3 }));
        }),
        ([input, question, responses]) => {
          const { text, notes } = exportGift(parseQuiz({ id: 'quiz', title: 'Quiz', questions: [authored(input)] }));
          const imported = fromGift(text).quizzes[0]?.questions[0];
          if (question.type === 'ordering') {
            expect(imported).toBeUndefined();
            return;
          }
          expect(imported).toBeDefined();
          if (notes.some((note) => lossy.has(note.code)) || (question.type === 'matching' && question.rule.name !== 'per-statement')) return;
          const back = QuestionSchema.parse(imported);
          for (const response of responses) {
            compared++;
            expect(scoreQuestion(back, translate(question, back, response)).fraction).toEqual(scoreQuestion(question, response).fraction);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(100);
  }, 30_000);

  it('brings the article module back with every choice and matching question, scores intact', () => {
    const { quizzes, issues } = fromGift(toGift(northKoreaChina));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const originals = northKoreaChina.quizzes.flatMap((quiz): readonly DeepReadonly<Question>[] => quiz.questions).filter((q) => q.type !== 'ordering');
    const imported = quizzes.flatMap((quiz) => safeParseQuiz(quiz)).flatMap((result) => (result.success ? result.data.questions : []));
    expect(imported.map((question) => question.id)).toEqual(originals.map((question) => question.id));
    originals.forEach((original, index) => {
      const back = imported[index]!;
      if (original.type === 'matching') expect(pairs(back as MatchingQuestion)).toEqual(pairs(original));
      else if (original.rule.name !== 'every-decision-counts' && original.rule.name !== 'correction-for-guessing' || original.type === 'single-choice') {
        expect(credits(back)).toEqual(credits(original));
      }
    });
  });
});

/** A response to `from`, rewritten with the ids of `to` (same option order; matching by text and name). */
function translate(from: Question, to: Question, response: unknown): unknown {
  if (response === undefined || response === null) return response;
  if (from.type === 'matching' && to.type === 'matching') {
    const name = new Map(from.actors.map((actor) => [actor.id, actor.name]));
    const actorByName = new Map(to.actors.map((actor) => [actor.name, actor.id]));
    return Object.fromEntries(
      Object.entries(response as Record<string, string | null>).map(([statement, actor]) => {
        const index = from.statements.findIndex((s) => s.id === statement);
        const mapped = actor === null ? null : (actorByName.get(name.get(actor)!) ?? (name.get(actor) === 'None of these' ? null : undefined));
        return [to.statements[index]!.id, mapped];
      }),
    );
  }
  if ((from.type === 'single-choice' || from.type === 'multiple-choice') && (to.type === 'single-choice' || to.type === 'multiple-choice')) {
    const map = (id: string) => to.options[from.options.findIndex((option) => option.id === id)]!.id;
    return Array.isArray(response) ? response.map(map) : map(response as string);
  }
  return response;
}
