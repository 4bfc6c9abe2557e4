import { createInterface } from 'node:readline';
import { answer, isAttemptError, learnerView, reviewAttempt, startAttempt, submitAttempt, timeRemaining } from '../../attempts/index.js';
import type { Attempt, LearnerQuestionView } from '../../attempts/index.js';
import { type Certainty, type Try, scoreTries } from '../../behaviours/index.js';
import { type Fraction, add } from '../../fraction/fraction.js';
import { formatIssue } from '../../node/format.js';
import type { Behaviour } from '../../schema/types.js';
import type { QuizResult } from '../../scoring/types.js';
import { checkResponses } from '../../scoring/check-response.js';
import type { AnyResponse } from '../../scoring/responses.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, UsageError } from '../io.js';
import { type AnyModule, type AnyQuiz, chooseQuiz, formatResponseIssues, readJsonFile, requirePath, resolveModule } from '../load.js';
import { pts, reviewReport, totalLine } from '../report.js';

export const PLAY_HELP = `Usage: quizkit play <module file or id> [--quiz id] [--answers answers.json] [--seed s]

Takes a quiz in the terminal, then shows the scored result: each question's
status, points, statistic and feedback, and the right answer where you missed.

  single choice    type the option's number            2
  multiple choice  type the numbers, comma-separated   1,3
  ordering         type the numbers in your order      3,1,2
  matching         type an actor's number for each statement (0 = none of these, where offered)

Press Enter to skip a question; type q to stop and see your score.

Under a behaviour with feedback (immediate, interactive, adaptive,
immediate-cbm) each try is marked at once; a wrong try shows the next hint
and asks again while tries are left. Under CBM you also say how sure you are
(1-3). The result then lists each question's tries, the penalties and which
try counted, and the total under the behaviours.

The module is a file, a module id with a file quizzes/<id>.yaml, or a
built-in module (north-korea-china). Options and items appear in a shuffled
order drawn from the seed.

Options:
  --quiz <id>        The quiz to take (default: the module's first quiz, or with
                     --answers the quiz whose questions they answer).
  --answers <file>   Take the answers from a JSON file keyed by question id
                     (see quizkit score --help) instead of asking. Required when
                     stdin is not a terminal, so play never waits for input.
  --seed <s>         The seed of the presentation order (default: random).
  -h, --help         Show this help.

Exit status: 0 done, 1 invalid module or answers file, 2 usage error
(including no terminal and no --answers), 130 interrupted.

Examples:
  quizkit play north-korea-china
  quizkit play quizzes/my-module.yaml --quiz my-module-check
  quizkit play north-korea-china --answers answers.json`;

const TYPE_NAMES = { 'single-choice': 'single choice', 'multiple-choice': 'multiple choice', ordering: 'ordering', matching: 'matching' };

/** Reads lines as they come, whether typed or piped all at once; `null` at end of input. */
class LineReader {
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private closed = false;
  constructor(private readonly close: () => void, on: (event: 'line' | 'close', listener: (line?: string) => void) => void) {
    on('line', (line) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting(line ?? '');
      else this.lines.push(line ?? '');
    });
    on('close', () => {
      this.closed = true;
      this.waiting?.(null);
      this.waiting = undefined;
    });
  }
  next(): Promise<string | null> {
    if (this.lines.length) return Promise.resolve(this.lines.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }
  done(): void {
    this.close();
  }
}

/** What the learner typed: a response, a skip, a stop, or a mistake to explain. */
export type Parsed = { readonly kind: 'response'; readonly response: AnyResponse } | { readonly kind: 'skip' } | { readonly kind: 'quit' } | { readonly kind: 'error'; readonly message: string };

/** Reads `1,3` or `1 3` as 1-based numbers, each from 1 to `max`. */
function numbers(input: string, max: number): number[] | string {
  const parts = input.split(/[\s,]+/).filter(Boolean);
  if (parts.some((part) => !/^\d+$/.test(part))) return `Type numbers from 1 to ${max}`;
  const values = parts.map(Number);
  const out = values.find((value) => value < 1 || value > max);
  if (out !== undefined) return `${out} is not a choice: type numbers from 1 to ${max}`;
  if (new Set(values).size !== values.length) return 'Type each number once';
  return values;
}

/**
 * Reads what the learner typed for a choice or ordering question, by the
 * numbers shown. Pure, so every rule is tested without a terminal.
 */
export function parseTyped(view: LearnerQuestionView, input: string): Parsed {
  const text = input.trim();
  if (text === '') return { kind: 'skip' };
  if (/^q(uit)?$/i.test(text)) return { kind: 'quit' };
  if (view.type === 'matching') return { kind: 'error', message: 'Answer each statement in turn' };
  const parts = view.type === 'ordering' ? view.items : view.options;
  const picked = numbers(text, parts.length);
  if (typeof picked === 'string') return { kind: 'error', message: picked };
  const ids = picked.map((n) => parts[n - 1]!.id);
  switch (view.type) {
    case 'single-choice':
      return ids.length === 1 ? { kind: 'response', response: ids[0]! } : { kind: 'error', message: 'Choose one option: type one number' };
    case 'multiple-choice':
      return { kind: 'response', response: ids };
    case 'ordering':
      return ids.length === parts.length
        ? { kind: 'response', response: ids }
        : { kind: 'error', message: `Put all ${parts.length} items in order: type each number once, e.g. ${parts.map((_, i) => i + 1).reverse().join(',')}` };
  }
}

/** Reads the actor typed for one matching statement: its number, `0` for none (where allowed), Enter to skip. */
export function parseActor(view: Extract<LearnerQuestionView, { type: 'matching' }>, input: string): { kind: 'actor'; actor: string | null } | { kind: 'skip' } | { kind: 'quit' } | { kind: 'error'; message: string } {
  const text = input.trim();
  if (text === '') return { kind: 'skip' };
  if (/^q(uit)?$/i.test(text)) return { kind: 'quit' };
  const range = `${view.allowNoMatch ? 0 : 1} to ${view.actors.length}`;
  if (!/^\d+$/.test(text)) return { kind: 'error', message: `Type an actor's number, ${range}` };
  const n = Number(text);
  if (n === 0 && view.allowNoMatch) return { kind: 'actor', actor: null };
  const actor = view.actors[n - 1];
  return actor ? { kind: 'actor', actor: actor.id } : { kind: 'error', message: `${n} is not an actor: type ${range}` };
}

function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One response read from the learner: given, skipped (Enter), or the learner stopped (q, end of input). */
type Read = { readonly kind: 'response'; readonly response: AnyResponse } | { readonly kind: 'skip' } | { readonly kind: 'quit' };

/** The behaviours that give feedback after each try, so a wrong try can be followed by another. */
const PRACTICE = new Set(['immediate', 'interactive', 'adaptive', 'immediate-cbm']);

/** What `ask` collected: the attempt, and the tries per question under a behaviour that takes them. */
interface Asked {
  readonly attempt: Attempt;
  readonly tries: ReadonlyMap<string, readonly Try[]>;
}

/** Asks every question in turn; returns the attempt when the learner is done, stops, or time runs out. */
async function ask(io: CliIo, out: Output, quiz: AnyQuiz, start: Attempt): Promise<Asked | undefined> {
  // A real terminal gets readline's line editing (and Ctrl-C as an interrupt);
  // anything else (a pipe, a test stream) is read line by line.
  const terminal = io.stdin.isTTY === true && io.stdout.isTTY === true && typeof (io.stdin as { setRawMode?: unknown }).setRawMode === 'function';
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal });
  const reader = new LineReader(() => rl.close(), (event, listener) => rl.on(event, listener));
  let interrupted = false;
  rl.on('SIGINT', () => {
    interrupted = true;
    out.print('');
    rl.close();
  });
  const s = out.out;
  const prompt = async (text: string) => {
    rl.setPrompt(text);
    rl.prompt();
    return reader.next();
  };

  const readResponse = async (question: LearnerQuestionView): Promise<Read> => {
    if (question.type === 'matching') {
      out.print('Actors:');
      question.actors.forEach((actor, i) => out.print(`  ${i + 1}) ${actor.name}`));
      if (question.allowNoMatch) out.print('  0) none of these');
      const matches: Record<string, string | null> = {};
      for (const statement of question.statements) {
        for (;;) {
          const line = await prompt(`“${statement.text}” → actor number: `);
          if (line === null) return { kind: 'quit' };
          const parsed = parseActor(question, line);
          if (parsed.kind === 'quit') return { kind: 'quit' };
          if (parsed.kind === 'error') {
            out.print(s.yellow(parsed.message));
            continue;
          }
          if (parsed.kind === 'actor') matches[statement.id] = parsed.actor;
          break;
        }
      }
      return Object.keys(matches).length ? { kind: 'response', response: matches } : { kind: 'skip' };
    }
    const parts = question.type === 'ordering' ? question.items : question.options;
    parts.forEach((part, i) => out.print(`  ${i + 1}) ${part.text}`));
    const how =
      question.type === 'single-choice'
        ? `Your answer (1-${parts.length}): `
        : question.type === 'multiple-choice'
          ? 'Your answers, comma-separated (e.g. 1,3): '
          : `Your order, earliest first (e.g. ${parts.map((_, i) => i + 1).reverse().join(',')}): `;
    for (;;) {
      const line = await prompt(how);
      if (line === null) return { kind: 'quit' };
      const parsed = parseTyped(question, line);
      if (parsed.kind === 'quit') return { kind: 'quit' };
      if (parsed.kind === 'error') {
        out.print(s.yellow(parsed.message));
        continue;
      }
      return parsed.kind === 'response' ? { kind: 'response', response: parsed.response } : { kind: 'skip' };
    }
  };

  const readCertainty = async (): Promise<Certainty | undefined> => {
    for (;;) {
      const line = await prompt('How sure are you? 1 not very, 2 fairly, 3 very (wrong at 3 costs 6 times the points): ');
      if (line === null || line.trim() === 'q') return undefined;
      if (['1', '2', '3'].includes(line.trim())) return Number(line.trim()) as Certainty;
      out.print(s.yellow('Type 1, 2 or 3'));
    }
  };

  let attempt = start;
  const triesById = new Map<string, Try[]>();
  const view = learnerView(quiz, attempt);
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  try {
    questions: for (const [index, question] of view.questions.entries()) {
      const left = timeRemaining(attempt, io.now());
      if (left === 0) {
        out.print(s.red('Time is up.'));
        break;
      }
      const full = byId.get(question.id)!;
      const behaviour = full.behaviour ?? quiz.behaviour;
      out.print('');
      out.print(
        s.dim(
          `Question ${index + 1} of ${view.questions.length}  ·  ${TYPE_NAMES[question.type]}  ·  ${pts(question.points)} point${question.points.n === question.points.d ? '' : 's'}` +
            (behaviour && behaviour.name !== 'deferred' ? `  ·  ${behaviour.name}` : '') +
            (left !== undefined ? `  ·  ${clock(left)} left` : ''),
        ),
      );
      out.print(s.bold(question.prompt));
      const tries: Try[] = [];
      for (;;) {
        const read = await readResponse(question);
        if (read.kind === 'quit') break questions;
        if (read.kind === 'skip') break;
        const cbm = behaviour?.name === 'deferred-cbm' || behaviour?.name === 'immediate-cbm';
        const certainty = cbm ? await readCertainty() : undefined;
        if (cbm && certainty === undefined) break questions;
        try {
          attempt = answer(attempt, quiz, question.id, read.response, io.now());
        } catch (error) {
          if (isAttemptError(error) && error.code === 'time_expired') {
            out.print(s.red('Time is up: that answer came too late.'));
            break questions;
          }
          throw error;
        }
        if (!behaviour || behaviour.name === 'deferred') break;
        tries.push({ response: read.response, ...(certainty !== undefined ? { certainty } : {}) });
        triesById.set(question.id, tries);
        if (!PRACTICE.has(behaviour.name)) break;
        // The learner holds the key here (terminal practice), so each try is marked at once.
        const marked = scoreTries(full, tries, { behaviour: behaviour as Behaviour });
        const last = marked.tries.at(-1)!;
        const right = last.raw.n === last.raw.d;
        out.print(right ? s.green('Right.') : last.raw.n > 0 ? s.yellow(`Partly right (${pts(last.raw)} of the marks).`) : s.red('Not right.'));
        if (marked.finished) {
          out.print(s.dim(`Marked ${pts(marked.fraction)} of the question after ${tries.length} ${tries.length === 1 ? 'try' : 'tries'}.`));
          break;
        }
        const hint = behaviour.name === 'interactive' ? behaviour.hints?.[tries.length - 1] : undefined;
        if (hint) out.print(`${s.cyan('Hint:')} ${hint.text}`);
        const more = Number.isFinite(marked.triesLeft) ? `${marked.triesLeft} ${marked.triesLeft === 1 ? 'try' : 'tries'} left` : 'try again';
        const penalty = 'penalty' in behaviour && behaviour.penalty ? behaviour.penalty : { n: 1, d: 3 };
        out.print(s.dim(`Try again (${more}; each wrong try costs ${pts(penalty)} of the question), or press Enter to move on.`));
      }
    }
  } finally {
    reader.done();
  }
  return interrupted ? undefined : { attempt, tries: triesById };
}

function printReview(out: Output, module: AnyModule, quiz: AnyQuiz, attempt: Attempt, now: number, tries: ReadonlyMap<string, readonly Try[]> = new Map()): void {
  const done = submitAttempt(attempt, quiz, now);
  const review = reviewAttempt(quiz, done);
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const s = out.out;
  out.print('');
  out.print(s.bold(`Result: ${quiz.title}`));
  out.print('');
  const reviewed = review.questions.map((q, i) => ({
    index: i + 1,
    question: byId.get(q.questionId)!,
    result: q.result,
    response: q.response,
    correctResponse: q.correctResponse,
  }));
  for (const line of reviewReport(module, reviewed, s)) out.print(line);
  out.print(totalLine(done.result, s));
  for (const line of behaviourLines(quiz, done.result, tries)) out.print(line);
}

/**
 * Under behaviours with tries: each such question's tries (raw, penalty, which
 * counted) and the total they make, beside the total of the final answers.
 */
function behaviourLines(quiz: AnyQuiz, result: QuizResult, tries: ReadonlyMap<string, readonly Try[]>): string[] {
  if (tries.size === 0) return [];
  const lines = ['', 'Marked under the behaviours (tries and penalties):'];
  let earned: Fraction = { n: 0, d: 1 };
  for (const [index, question] of quiz.questions.entries()) {
    const given = tries.get(question.id);
    const plain = result.questions[index]!;
    if (!given) {
      earned = add(earned, plain.earned);
      continue;
    }
    const marked = scoreTries(question, given, { behaviour: quiz.behaviour as Behaviour, finished: true });
    earned = add(earned, marked.earned);
    const steps = marked.tries.map((t, i) => `${i + 1}: ${pts(t.raw)}${t.penalty.n ? ` − ${pts(t.penalty)}` : ''}${t.counted ? ' (counted)' : t.ignored ? ' (ignored)' : ''}`);
    const certainty = marked.certainty !== undefined ? `, certainty ${marked.certainty}` : '';
    lines.push(`  ${question.id}  ${marked.behaviour}${certainty}  tries ${steps.join(', ')}  →  ${pts(marked.earned)}/${pts(marked.possible)}`);
  }
  lines.push(`Total under the behaviours  ${pts(earned)} / ${pts(result.possible)} points`);
  return lines;
}

/** `quizkit play`. */
export async function playCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand(
    'play',
    args,
    { quiz: { type: 'string' }, answers: { type: 'string' }, seed: { type: 'string' } },
    { min: 1, max: 1, what: 'a module file or module id' },
  );
  if (flags.help) {
    out.print(PLAY_HELP);
    return 0;
  }
  const answersPath = stringFlag(flags, 'answers');
  if (answersPath === undefined && io.stdin.isTTY !== true) {
    throw new UsageError(
      'stdin is not a terminal, so quizkit play cannot ask the questions',
      'Pass the answers as a file: quizkit play <module> --answers answers.json (responses keyed by question id)',
    );
  }
  if (answersPath !== undefined) requirePath(io.cwd, answersPath, 'Answers file', 'play');
  const seed = stringFlag(flags, 'seed');
  if (seed !== undefined && (seed.length === 0 || seed.length > 256)) throw new UsageError('--seed must be 1 to 256 characters', 'Run: quizkit play --help');

  const loaded = await resolveModule(io.cwd, positionals[0]!, 'play');
  if (!loaded.ok) {
    for (const issue of loaded.issues) out.error(formatIssue(issue));
    out.error(out.err.red(`✗ ${positionals[0]} is not a valid module; fix it first (quizkit validate ${positionals[0]})`));
    return 1;
  }
  const { module } = loaded;
  const started = (quiz: AnyQuiz) => startAttempt(quiz, { now: io.now(), ...(seed !== undefined ? { seed } : {}) });

  if (answersPath !== undefined) {
    const json = await readJsonFile(io.cwd, answersPath);
    if (json.issues.length) {
      for (const issue of json.issues) out.error(formatIssue(issue));
      return 1;
    }
    const quiz = chooseQuiz(module, stringFlag(flags, 'quiz'), json.value, 'play');
    const checked = checkResponses(quiz, json.value);
    if (!checked.ok) {
      for (const line of formatResponseIssues(json, checked.issues)) out.error(line);
      out.error(out.err.red(`✗ ${answersPath} has invalid answers for quiz "${quiz.id}"; fix them, or see: quizkit play --help`));
      return 1;
    }
    let attempt: Attempt = started(quiz);
    const given = checked.responses as Readonly<Record<string, unknown>>;
    for (const question of quiz.questions) {
      if (Object.hasOwn(given, question.id)) attempt = answer(attempt, quiz, question.id, given[question.id], io.now());
    }
    out.print(`${out.out.bold(module.title)}`);
    out.print(out.out.dim(`Quiz “${quiz.title}” (${quiz.id}), answers from ${answersPath}`));
    printReview(out, module, quiz, attempt, io.now());
    return 0;
  }

  const quiz = chooseQuiz(module, stringFlag(flags, 'quiz'), undefined, 'play');
  const s = out.out;
  out.print(s.bold(module.title));
  out.print(
    `Quiz “${quiz.title}”: ${quiz.questions.length} question${quiz.questions.length === 1 ? '' : 's'}, pass mark ${pts(quiz.passMark)}%` +
      (quiz.timeLimitSeconds !== undefined ? `, ${clock(quiz.timeLimitSeconds * 1000)} allowed` : '') +
      '.',
  );
  if (quiz.description) out.print(quiz.description);
  if (module.quizzes.length > 1) out.print(s.dim(`Other quizzes: ${module.quizzes.filter((q) => q !== quiz).map((q) => `--quiz ${q.id}`).join(', ')}`));
  out.print(s.dim('Answer by number; Enter skips a question; q stops and shows your score.'));
  const asked = await ask(io, out, quiz, started(quiz));
  if (!asked) {
    out.error('Interrupted: nothing was scored.');
    return 130;
  }
  printReview(out, module, quiz, asked.attempt, io.now(), asked.tries);
  return 0;
}
