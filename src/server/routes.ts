/** The `/v1/` routes of the exam API: which path and method do what. */
import { type GradeMethod, type SubmittedAttempt, answer, checkAnswer, combineGrades, parseAttempt, serializeAttempt, startAttempt, submitAttempt, timeRemaining } from '../attempts/index.js';
import type { ExamContext } from './context.js';
import { HttpError } from './errors.js';
import { idParameter, json, readJsonObject } from './http.js';
import { randomId } from './identity.js';
import { reviewVisibility } from '../attempts/index.js';

/** A route: what each allowed method does. */
export interface Route {
  readonly methods: Readonly<Record<string, (request: Request) => Promise<Response>>>;
}

const GRADE_METHODS: readonly GradeMethod[] = ['highest', 'average', 'first', 'last'];

/** The route for a path (its decoded segments), or `undefined` for none. */
export function route(segments: readonly string[], query: URLSearchParams, context: ExamContext): Route | undefined {
const { store, now, maxBodyBytes, maxOpenAttempts, policy, submitOptions, tokens, learnerOf, stored, quizOf, load, write, reviewOf, attemptBody, assertOpen, maxAttemptsOf, closesAtOf } = context;
  const [version, collection, id, action, questionId, ...rest] = segments;
  if (version !== 'v1' || rest.length > 0) return undefined;
  if (collection === 'learners' && id === undefined) {
    return {
      methods: {
        POST: async (request) => {
          if (!tokens) throw new HttpError(404, 'not_found', 'This server identifies learners itself; it issues no tokens');
          await readJsonObject(request, maxBodyBytes);
          const { learnerId, token } = await tokens.issue();
          return json(201, { learnerId, token });
        },
      },
    };
  }
  if (collection === 'quizzes' && id !== undefined && action === 'attempts' && questionId === undefined) {
    return {
      methods: {
        POST: async (request) => {
          const learnerId = await learnerOf(request);
          await readJsonObject(request, maxBodyBytes);
          const quiz = quizOf(idParameter(id, 'quizId'));
          const clock = now();
          assertOpen(quiz, clock);
          const previous = await stored(() => store.listByLearnerQuiz(learnerId, quiz.id));
          // One attempt in progress per quiz: starting again resumes it.
          const open = previous.find((record) => record.status === 'in-progress');
          if (open) return json(200, attemptBody(open, parseAttempt(open.saved, { quiz }), quiz, clock));
          const maxAttempts = maxAttemptsOf(quiz);
          if (maxAttempts !== undefined && previous.length >= maxAttempts) {
            throw new HttpError(409, 'attempt_limit', `All ${maxAttempts} allowed attempt(s) at quiz "${quiz.id}" are used`);
          }
          if ((await stored(() => store.countOpen(learnerId))) >= maxOpenAttempts) {
            throw new HttpError(409, 'open_attempt_limit', `Submit an attempt in progress first: at most ${maxOpenAttempts} at once`);
          }
          const attemptNumber = previous.reduce((max, record) => Math.max(max, record.attemptNumber), 0) + 1;
          // The seed stays on the server: with it and the view a client could undo the shuffle.
          const attempt = startAttempt(quiz, { now: clock, seed: randomId(16), attemptNumber });
          const record = await stored(() =>
            store.create({ id: randomId(16), learnerId, quizId: quiz.id, attemptNumber, status: 'in-progress', saved: serializeAttempt(attempt) }),
          );
          // Another request started this attempt number first.
          if (!record) throw new HttpError(409, 'conflict', 'Another attempt was started at the same time; send the request again');
          return json(201, attemptBody(record, attempt, quiz, clock));
        },
        GET: async (request) => {
          const learnerId = await learnerOf(request);
          const quiz = quizOf(idParameter(id, 'quizId'));
          const records = await stored(() => store.listByLearnerQuiz(learnerId, quiz.id));
          const maxAttempts = maxAttemptsOf(quiz);
          return json(200, {
            quizId: quiz.id,
            attempts: records.map((record) => ({ attemptId: record.id, attemptNumber: record.attemptNumber, status: record.status })),
            ...(maxAttempts === undefined ? {} : { maxAttempts }),
          });
        },
      },
    };
  }
  if (collection === 'quizzes' && id !== undefined && action === 'grade' && questionId === undefined) {
    return {
      methods: {
        GET: async (request) => {
          const learnerId = await learnerOf(request);
          const quiz = quizOf(idParameter(id, 'quizId'));
          const method = query.get('method') ?? 'highest';
          if (!(GRADE_METHODS as readonly string[]).includes(method)) {
            throw new HttpError(400, 'bad_request', 'method is one of highest, average, first, last', [{ code: 'bad_request', path: ['query', 'method'], message: 'Unknown grading method' }]);
          }
          const records = await stored(() => store.listByLearnerQuiz(learnerId, quiz.id));
          const submitted = records.filter((record) => record.status === 'submitted');
          const maxAttempts = maxAttemptsOf(quiz);
          const closesAt = closesAtOf(quiz);
          const show = reviewVisibility(policy, {
            attemptsUsed: submitted.length,
            now: now(),
            ...(maxAttempts === undefined ? {} : { maxAttempts }),
            ...(closesAt === undefined ? {} : { closesAt }),
          });
          if (!show.marks) return json(200, { grade: null, hidden: true });
          const attempts = submitted.map((record) => parseAttempt(record.saved, { quiz })).filter((a): a is SubmittedAttempt => a.status === 'submitted');
          return json(200, { grade: combineGrades(attempts, method as GradeMethod) ?? null });
        },
      },
    };
  }
  if (collection === 'attempts' && id !== undefined) {
    if (action === undefined) {
      return {
        methods: {
          GET: async (request) => {
            const learnerId = await learnerOf(request);
            const { record, attempt, quiz } = await load(idParameter(id, 'attemptId'), learnerId);
            const clock = now();
            const body = attemptBody(record, attempt, quiz, clock);
            if (attempt.status !== 'submitted') return json(200, body);
            const review = await reviewOf(record, attempt, quiz, clock);
            return json(200, { ...body, late: attempt.late, result: review.result, review });
          },
        },
      };
    }
    if (action === 'answers' && questionId !== undefined) {
      return {
        methods: {
          PUT: async (request) => {
            const learnerId = await learnerOf(request);
            idParameter(id, 'attemptId');
            idParameter(questionId, 'questionId');
            // The body first, then the attempt: a slow body can never carry a stale attempt into the write.
            const body = await readJsonObject(request, maxBodyBytes);
            if (!Object.hasOwn(body, 'response')) {
              throw new HttpError(400, 'bad_request', 'Send { "response": … } (null clears the answer)', [{ code: 'bad_request', path: ['response'], message: 'Required' }]);
            }
            const { record, attempt, quiz } = await load(id, learnerId);
            const clock = now();
            if (attempt.status === 'in-progress') assertOpen(quiz, clock);
            const next = answer(attempt, quiz, questionId, body.response, clock);
            const written = await write(record, next);
            const remaining = timeRemaining(next, clock);
            return json(200, { answered: Object.keys(next.answers), version: written.version, ...(remaining === undefined ? {} : { timeRemainingMs: remaining }) });
          },
        },
      };
    }
    if (action === 'checks' && questionId !== undefined) {
      return {
        methods: {
          // One try at a question under a behaviour that checks tries (issue #15): recorded, marked, and
          // answered with what the behaviour lets the learner see (status, feedback, hint, tries left), never the key.
          POST: async (request) => {
            const learnerId = await learnerOf(request);
            idParameter(id, 'attemptId');
            idParameter(questionId, 'questionId');
            const body = await readJsonObject(request, maxBodyBytes);
            if (!Object.hasOwn(body, 'response')) {
              throw new HttpError(400, 'bad_request', 'Send { "response": …, "certainty"?: 1 | 2 | 3 }', [{ code: 'bad_request', path: ['response'], message: 'Required' }]);
            }
            const certainty = body.certainty === 2 || body.certainty === 3 ? body.certainty : undefined;
            const { record, attempt, quiz } = await load(id, learnerId);
            const clock = now();
            if (attempt.status === 'in-progress') assertOpen(quiz, clock);
            const { attempt: next, outcome } = checkAnswer(attempt, quiz, questionId, body.response, clock, certainty === undefined ? {} : { certainty });
            const written = await write(record, next);
            return json(200, { outcome, version: written.version });
          },
        },
      };
    }
    if (action === 'submit' && questionId === undefined) {
      return {
        methods: {
          POST: async (request) => {
            const learnerId = await learnerOf(request);
            idParameter(id, 'attemptId');
            await readJsonObject(request, maxBodyBytes);
            const { record, attempt, quiz } = await load(id, learnerId);
            const clock = now();
            const done = submitAttempt(attempt, quiz, clock, submitOptions);
            const written = await write(record, done);
            const review = await reviewOf(written, done, quiz, clock);
            return json(200, { attemptId: record.id, late: done.late, result: review.result, review });
          },
        },
      };
    }
    if (action === 'review' && questionId === undefined) {
      return {
        methods: {
          GET: async (request) => {
            const learnerId = await learnerOf(request);
            const { record, attempt, quiz } = await load(idParameter(id, 'attemptId'), learnerId);
            if (attempt.status !== 'submitted') throw new HttpError(409, 'conflict', 'The review is available after submission');
            return json(200, { review: await reviewOf(record, attempt, quiz, now()) });
          },
        },
      };
    }
  }
  return undefined;
}
