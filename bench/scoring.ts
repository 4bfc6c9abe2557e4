/**
 * Scoring throughput on one realistic quiz: quizkit (`scoreQuiz`, response
 * checks included) against the hand-written floor and SurveyJS, on the same
 * seeded attempts, in the same run, interleaved.
 */
import { type QuizResult, compileQuiz, scoreQuestion, scoreQuiz } from '../dist/index.js';
import { bytesPerUnit } from './allocation.js';
import { parseQuiz } from '../dist/schema.js';
import { copyResult, countObjects } from './bound.js';
import { compileExact, scoreExactChecked } from './exact.js';
import { compileFloor, scoreFloor, scoreFloorChecked } from './floor.js';
import { type Contender, fmt, interleave, sink, table } from './harness.js';
import { nearMissAttempts, quizInput } from './quiz.js';
import { expectedSurveyCount, orderedRankingCount, scoreSurvey, surveyData, surveyModel } from './surveyjs.js';

export interface ScoringOptions {
  readonly attempts: number;
  readonly rounds: number;
  readonly targetMs: number;
  /** Also time quizkit's parts (scoreQuestion alone) to show where the time goes. */
  readonly diagnose: boolean;
}

export interface ScoringResult {
  readonly floor: number;
  readonly plan: number;
  readonly quizkit: number;
  readonly survey: number;
  readonly text: string;
}

const TOLERANCE = 1e-9;

export function runScoring(options: ScoringOptions): ScoringResult {
  const quiz = parseQuiz(quizInput());
  const attempts = nearMissAttempts(quiz, options.attempts);
  const key = compileFloor(quiz);
  const exactKey = compileExact(quiz, key);
  const model = surveyModel(quiz);
  const data = surveyData(attempts);
  const out: string[] = [];

  // Cross-check before timing: quizkit's exact totals against the floor's
  // floats, question by question, and the SurveyJS mapping against its rules.
  const fractions: number[] = [];
  // Copies for the allocation bound, made with structuredClone so that none of
  // quizkit's own allocation sites ever sees a long-lived result (V8 would
  // then pretenure them and slow quizkit down for the rest of the run).
  const copies: QuizResult[] = [];
  let objects = 0;
  let full = 0;
  let partial = 0;
  let rankingSetOnly = 0;
  const statuses: Record<string, number> = {};
  const plan = compileQuiz(quiz);
  attempts.forEach((attempt, a) => {
    const result = scoreQuiz(quiz, attempt);
    const planned = plan.score(attempt);
    if (planned.earned.n !== result.earned.n || planned.earned.d !== result.earned.d || planned.passed !== result.passed || !planned.valid) {
      throw new Error(`attempt ${a}: the plan's totals ${JSON.stringify(planned.earned)} ≠ scoreQuiz's ${JSON.stringify(result.earned)}`);
    }
    const floorTotal = scoreFloor(key, attempt, fractions);
    const exact = result.earned.n / result.earned.d;
    if (result.issues.length) throw new Error(`attempt ${a}: unexpected response issues ${JSON.stringify(result.issues)}`);
    if (scoreFloorChecked(key, attempt) !== floorTotal) throw new Error(`attempt ${a}: the checked floor disagrees with the floor`);
    const exactTotal = scoreExactChecked(exactKey, attempt);
    if (!exactTotal || exactTotal.n !== result.earned.n || exactTotal.d !== result.earned.d) {
      throw new Error(`attempt ${a}: the exact floor's ${JSON.stringify(exactTotal)} ≠ quizkit's ${JSON.stringify(result.earned)}`);
    }
    if (Math.abs(exact - floorTotal) > TOLERANCE) throw new Error(`attempt ${a}: quizkit ${exact} ≠ floor ${floorTotal}`);
    result.questions.forEach((question, q) => {
      statuses[question.status] = (statuses[question.status] ?? 0) + 1;
      const got = question.fraction.n / question.fraction.d;
      if (Math.abs(got - fractions[q]!) > TOLERANCE) {
        throw new Error(`attempt ${a}, question ${question.questionId}: quizkit ${got} ≠ floor ${fractions[q]}`);
      }
    });
    copies.push(structuredClone(result));
    objects += countObjects(result);
    if (result.earned.n === result.possible.n * result.earned.d) full++;
    else if (result.earned.n > 0) partial++;
    const count = scoreSurvey(model, data[a]!);
    const expected = expectedSurveyCount(quiz, attempt);
    if (count !== expected) throw new Error(`attempt ${a}: SurveyJS counted ${count}, its rules give ${expected}`);
    if (orderedRankingCount(model) !== count) rankingSetOnly++;
  });
  // Malformed attempts: quizkit must flag each one, and so must the checked floor.
  const good = attempts[0]!;
  const malformed: unknown[] = [
    { ...good, driver: 'nope' },
    { ...good, driver: 3 },
    { ...good, precipitation: ['rain', 'rain'] },
    { ...good, precipitation: 'rain' },
    { ...good, 'cycle-steps': ['evaporate', 'rise', 'condense', 'fall'] },
    { ...good, 'way-back': ['ground', 'surface', 'stream', 'river', 'river'] },
    { ...good, 'name-the-process': { 'sea-to-air': 'wind' } },
    { ...good, 'name-the-process': { nope: 'evaporation' } },
    { ...good, 'where-is-it': ['ocean'] },
    { ...good, q99: 'a' },
  ];
  malformed.forEach((attempt, m) => {
    const result = scoreQuiz(quiz, attempt as typeof good);
    const flagged = result.issues.length > 0 || result.questions.some((question) => question.status === 'invalid');
    if (!flagged) throw new Error(`malformed attempt ${m} was not flagged by quizkit`);
    if (plan.score(attempt).valid) throw new Error(`malformed attempt ${m} was not flagged by the plan`);
    if (!Number.isNaN(scoreFloorChecked(key, attempt))) throw new Error(`malformed attempt ${m} was not flagged by the checked floor`);
    if (scoreExactChecked(exactKey, attempt)) throw new Error(`malformed attempt ${m} was not flagged by the exact floor`);
  });
  out.push(
    `Cross-check passed on all ${attempts.length} attempts: quizkit's exact totals equal the floor's (|Δ| ≤ ${TOLERANCE}) question by question; ` +
      `SurveyJS counts match its rules; the exact floor's totals equal quizkit's; ${malformed.length} malformed attempts are flagged by quizkit and by both checked floors.`,
    `Attempts: ${full} fully right, ${partial} partial, ${attempts.length - full - partial} zero; question statuses ${JSON.stringify(statuses)}.`,
    `A quizkit result has ${fmt(objects / attempts.length)} objects and arrays on average (fractions included).`,
    `SurveyJS's getCorrectAnswerCount() credited a mis-ordered ranking in ${rankingSetOnly} of ${attempts.length} attempts (it compares rankings as sets).`,
    '',
  );

  const n = attempts.length;
  /** Scores every attempt once with `score`, adding the totals to the sink. */
  const over = (score: (a: number) => number) => () => {
    let total = 0;
    for (let a = 0; a < n; a++) total += score(a);
    sink.value += total;
  };
  const contenders = {
    floor: { name: 'floor: hand-written, no checks, float total', units: n, pass: over((a) => scoreFloor(key, attempts[a]!)) },
    checked: { name: 'floor + response checks (float total)', units: n, pass: over((a) => scoreFloorChecked(key, attempts[a]!)) },
    exact: {
      name: 'floor + response checks + exact total',
      units: n,
      pass: over((a) => scoreExactChecked(exactKey, attempts[a]!)!.n),
    },
    bound: { name: 'copying a quizkit result (no scoring at all)', units: n, pass: over((a) => copyResult(copies[a]!).earned.n) },
    plan: {
      name: 'quizkit compileQuiz plan.score: totals (checks included)',
      units: n,
      pass: over((a) => {
        const { earned } = plan.score(attempts[a]!);
        return earned.n / earned.d;
      }),
    },
    quizkit: {
      name: 'quizkit scoreQuiz (checks included)',
      units: n,
      pass: over((a) => {
        const { earned } = scoreQuiz(quiz, attempts[a]!);
        return earned.n / earned.d;
      }),
    },
    survey: { name: 'survey-core (model reused)', units: n, pass: over((a) => scoreSurvey(model, data[a]!)) },
    ...(options.diagnose
      ? {
          questions: {
            name: 'quizkit scoreQuestion ×10 (no quiz totals)',
            units: n,
            pass: over((a) => {
              let total = 0;
              for (const question of quiz.questions) total += scoreQuestion(question, attempts[a]![question.id]).earned.n;
              return total;
            }),
          },
        }
      : {}),
  } satisfies Record<string, Contender>;

  const measured = interleave(Object.values(contenders), options.rounds, options.targetMs);
  const median = Object.fromEntries(Object.keys(contenders).map((id, i) => [id, measured[i]!.median])) as Record<keyof typeof contenders, number>;
  const { floor, plan: planned, quizkit, survey } = median;
  // Bytes allocated per attempt, measured apart from the timed rounds (see bench/allocation.ts).
  const bytes = {
    floor: bytesPerUnit(n, contenders.floor.pass),
    plan: bytesPerUnit(n, contenders.plan.pass),
    quizkit: bytesPerUnit(n, contenders.quizkit.pass),
  };
  out.push(
    table(
      ['contender', 'attempts/s (median)', 'min', 'max', 'µs/attempt', '× floor'],
      measured.map((m) => [
        m.name,
        fmt(m.median),
        fmt(Math.min(...m.rates)),
        fmt(Math.max(...m.rates)),
        fmt(1e6 / m.median),
        fmt(m.median / floor),
      ]),
    ),
    '',
    `plan totals / floor   = ${fmt(planned / floor)}  (target ≥ 0.5)`,
    `scoreQuiz / floor     = ${fmt(quizkit / floor)}  (target ≥ 0.15)`,
    `bytes allocated per attempt: floor ${fmt(bytes.floor)}, plan totals ${fmt(bytes.plan)} (target ≤ 1,024), scoreQuiz ${fmt(bytes.quizkit)}`,
    `quizkit / survey-core = ${fmt(quizkit / survey)}  (target ≥ 500)`,
    '',
    'What bounds them (same run):',
    `  checked floor / floor       = ${fmt(median.checked / floor)}  the response checks alone`,
    `  exact floor / floor         = ${fmt(median.exact / floor)}  checks and exact rationals, total only`,
    `  result copy / floor         = ${fmt(median.bound / floor)}  the most quizkit / floor can be while scoreQuiz returns this result`,
    `  floor / survey-core         = ${fmt(floor / survey)}`,
    `  checked floor / survey-core = ${fmt(median.checked / survey)}`,
    `  exact floor / survey-core   = ${fmt(median.exact / survey)}`,
  );
  return { floor, plan: planned, quizkit, survey, text: out.join('\n') };
}
