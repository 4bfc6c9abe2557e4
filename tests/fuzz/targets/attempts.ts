/**
 * Fuzz target for `parseAttempt` (quizkit/attempts): saved attempts of the
 * built-in module's quizzes, edited as JSON (adversarial values at any path,
 * prototype keys, deleted fields) and as text; and the path a learner's
 * answer takes, `answer` with a hostile response → `serializeAttempt` →
 * `parseAttempt`, which must never lose what `answer` accepted.
 */
import fc from 'fast-check';
import { scoreQuiz, type Quiz } from 'quizkit';
import {
  answer,
  attemptResponses,
  isAttemptError,
  parseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
  type Attempt,
} from 'quizkit/attempts';
import { northKoreaChina } from 'quizkit/modules';
import type { DeepReadonly, Question } from 'quizkit/schema';
import { responseTo } from '../../helpers/arbitraries.js';
import type { FuzzTarget, Problem } from '../harness.js';
import { ADVERSARIAL_SCALARS, build, hostileAround, type Hostile } from '../hostile.js';

const QUIZZES: readonly DeepReadonly<Quiz>[] = northKoreaChina.quizzes;

type Edit =
  | { readonly op: 'set'; readonly pick: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly pick: number }
  | { readonly op: 'add-key'; readonly pick: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'text'; readonly at: number; readonly cut: number; readonly insert: string };

type AttemptRecipe =
  | {
      readonly kind: 'saved';
      readonly quiz: number;
      readonly answers: readonly (readonly [number, unknown])[];
      readonly submitted: boolean;
      readonly withQuiz: boolean;
      readonly edits: readonly Edit[];
    }
  | { readonly kind: 'answer-then-reload'; readonly quiz: number; readonly question: number; readonly response: Hostile };

const KEYS = ['__proto__', 'constructor', 'prototype', 'formatVersion', 'status', 'extra', 'result', 'answers', 'response', 'at', ''];
const VALUES = [...ADVERSARIAL_SCALARS.filter((value) => typeof value !== 'string' || value.length < 100), { __proto__: { polluted: 1 } }, [[[[[]]]]]];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: fc.constantFrom(...VALUES) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add-key' as const), pick: fc.nat(), key: fc.constantFrom(...KEYS), value: fc.constantFrom(...VALUES) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('text' as const), at: fc.integer({ min: 0, max: 10_000 }), cut: fc.integer({ min: 0, max: 10 }), insert: fc.constantFrom('', '{', '}', '"', ',', '\\', '\u0000', '[', '1e999', 'null') }),
  },
);

const savedRecipe = fc.nat({ max: QUIZZES.length - 1 }).chain((quiz) => {
  const questions = QUIZZES[quiz]!.questions as readonly Question[];
  return fc.record({
    kind: fc.constant('saved' as const),
    quiz: fc.constant(quiz),
    answers: fc.array(
      fc.nat({ max: questions.length - 1 }).chain((index) => responseTo(questions[index]!).map((response) => [index, response] as const)),
      { maxLength: 4 },
    ),
    submitted: fc.boolean(),
    withQuiz: fc.boolean(),
    edits: fc.array(edit, { maxLength: 3 }),
  });
});

const reloadRecipe = fc.nat({ max: QUIZZES.length - 1 }).chain((quiz) => {
  const questions = QUIZZES[quiz]!.questions as readonly Question[];
  return fc.nat({ max: questions.length - 1 }).chain((question) =>
    hostileAround(responseTo(questions[question]!)).map((response) => ({ kind: 'answer-then-reload' as const, quiz, question, response })),
  );
});

/** Every [container, key] pair of a JSON value, depth first (the root's pair has no container). */
function slots(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const slot: [Record<string, unknown> | unknown[], string | number] = [value as Record<string, unknown>, Array.isArray(value) ? Number(key) : key];
      out.push(slot);
      slots((value as Record<string, unknown>)[key], out);
    }
  }
  return out;
}

function applyEdit(text: string, e: Edit): string {
  if (e.op === 'text') {
    const i = Math.round((text.length * e.at) / 10_000);
    return text.slice(0, i) + e.insert + text.slice(i + e.cut);
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return text;
  }
  const all = slots(root);
  if (e.op === 'add-key') {
    const objects = [root, ...all.map(([c, k]) => (c as Record<string, unknown>)[k])].filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v));
    const target = objects[e.pick % Math.max(1, objects.length)];
    if (!target) return text;
    // JSON text with an own "__proto__" key, as a hostile client would send it.
    const inner = JSON.stringify(target);
    const added = `${JSON.stringify(e.key)}:${JSON.stringify(e.value) ?? 'null'}`;
    return text.replace(inner, inner === '{}' ? `{${added}}` : `{${added},${inner.slice(1)}`);
  }
  if (all.length === 0) return text;
  const [container, key] = all[e.pick % all.length]!;
  if (e.op === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
  } else (container as Record<string | number, unknown>)[key] = e.value;
  return JSON.stringify(root) ?? text;
}

/** The saved text a recipe makes. */
function savedText(recipe: Extract<AttemptRecipe, { kind: 'saved' }>): string {
  const quiz = QUIZZES[recipe.quiz]!;
  let attempt: Attempt = startAttempt(quiz, { seed: 'fuzz', now: 0 });
  recipe.answers.forEach(([index, response], i) => {
    attempt = answer(attempt, quiz, quiz.questions[index]!.id, response, 1_000 * (i + 1));
  });
  if (recipe.submitted) attempt = submitAttempt(attempt, quiz, 60_000);
  return recipe.edits.reduce(applyEdit, serializeAttempt(attempt));
}

type Prepared = { readonly kind: 'saved'; readonly text: string; readonly quiz: DeepReadonly<Quiz> } | { readonly kind: 'answer-then-reload'; readonly quiz: DeepReadonly<Quiz>; readonly questionId: string; readonly response: unknown };
type Output =
  | { readonly kind: 'saved'; readonly attempt: Attempt; readonly quiz: DeepReadonly<Quiz> }
  | { readonly kind: 'refused' }
  | { readonly kind: 'reloaded'; readonly saved: string; readonly error?: unknown; readonly attempt?: Attempt };

export const attemptsTarget: FuzzTarget<AttemptRecipe, Prepared, Output> = {
  name: 'attempts',
  description: 'parseAttempt on edited saved attempts; answer(hostile) → serializeAttempt → parseAttempt',
  defaultCases: 100_000,
  sliceCases: 300,
  caseBudgetMs: 2_000,
  recipes: fc.oneof({ weight: 3, arbitrary: savedRecipe }, { weight: 1, arbitrary: reloadRecipe }),
  prepare: (recipe) =>
    recipe.kind === 'saved'
      ? // parseAttempt needs the quiz (it re-scores from the facts); `withQuiz: false` reads against another one.
      { kind: 'saved', text: savedText(recipe), quiz: QUIZZES[recipe.withQuiz ? recipe.quiz : (recipe.quiz + 1) % QUIZZES.length]! }
      : { kind: 'answer-then-reload', quiz: QUIZZES[recipe.quiz]!, questionId: QUIZZES[recipe.quiz]!.questions[recipe.question]!.id, response: build(recipe.response) },
  call: (input) => {
    if (input.kind === 'saved') {
      // AttemptError is parseAttempt's documented refusal (see documentedError).
      return { kind: 'saved', attempt: parseAttempt(input.text, { quiz: input.quiz }), quiz: input.quiz };
    }
    const started = startAttempt(input.quiz, { seed: 'fuzz', now: 0 });
    let answered: Attempt;
    try {
      answered = answer(started, input.quiz, input.questionId, input.response, 1_000);
    } catch (error) {
      if (isAttemptError(error)) return { kind: 'refused' };
      throw error;
    }
    const saved = serializeAttempt(answered);
    try {
      return { kind: 'reloaded', saved, attempt: parseAttempt(saved, { quiz: input.quiz }) };
    } catch (error) {
      return { kind: 'reloaded', saved, error };
    }
  },
  documentedError: isAttemptError,
  check: (output) => {
    const problems: Problem[] = [];
    if (output.kind === 'reloaded') {
      if (output.error !== undefined) {
        const message = output.error instanceof Error ? `${output.error.name}: ${output.error.message}` : String(output.error);
        problems.push({ kind: 'invariant', message: `answer() accepted the response, but the saved attempt cannot be reloaded (${message}); saved: ${output.saved.slice(0, 300)}` });
      }
      return problems;
    }
    if (output.kind !== 'saved') return problems;
    // What was read back saves and reads back unchanged.
    const saved = serializeAttempt(output.attempt);
    const again = serializeAttempt(parseAttempt(saved, { quiz: output.quiz }));
    if (again !== saved) problems.push({ kind: 'invariant', message: `a parsed attempt does not round-trip: ${saved.slice(0, 200)} → ${again.slice(0, 200)}` });
    // An in-progress attempt read against its quiz has only responses that check (a submitted one
    // may keep responses a deliberate re-score made invalid: they score 0, marked invalid).
    if (output.attempt.status === 'in-progress') {
      const result = scoreQuiz(output.quiz, attemptResponses(output.attempt) as never);
      const invalid = result.questions.filter((question) => question.status === 'invalid');
      if (invalid.length || result.issues.length) problems.push({ kind: 'invariant', message: `accepted against its quiz, yet scores invalid: ${JSON.stringify([...result.issues, ...invalid.flatMap((q) => q.issues)]).slice(0, 300)}` });
    }
    return problems;
  },
};
