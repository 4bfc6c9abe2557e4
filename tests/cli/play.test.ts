import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctResponses } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { learnerView, startAttempt } from '../../src/attempts/index.js';
import { parseActor, parseTyped } from '../../src/cli/commands/play.js';
import { SPAWN_TIMEOUT, inProcess, quizkit, root, tempDir } from './helpers.js';

const quiz = northKoreaChina.quizzes[0];

function answersFile(responses: unknown): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'answers.json'), JSON.stringify(responses, null, 2));
  return dir;
}

describe('quizkit play', { timeout: SPAWN_TIMEOUT }, () => {
  it('completes the article quiz from an answers file without a terminal, and prints the score', () => {
    const dir = answersFile(correctResponses(quiz));
    const run = quizkit(['play', 'north-korea-china', '--answers', 'answers.json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^North Korea and China: The Foreign Ministers’ Meeting in Beijing\n/);
    for (const [i, question] of quiz.questions.entries()) {
      expect(run.stdout).toContain(`${String(i + 1).padStart(2)}. ${question.prompt}\n     correct  1/1 point`);
    }
    expect(run.stdout).toMatch(/^Total {2}9 \/ 9 points {2}· {2}100% {2}· {2}passed \(pass mark 70%\)$/m);
  });

  it('shows status, statistic, feedback and the right answer for missed questions', () => {
    const responses: Record<string, unknown> = { ...correctResponses(quiz) };
    responses['parade-appearance'] = ['kim', 'choe'];
    responses['who-is-who'] = { 'north-korean-leader': 'xi', 'chinese-president': 'xi', 'north-korean-foreign-minister': 'choe', 'chinese-foreign-minister': 'wang' };
    delete responses['parade-commemorated'];
    const run = quizkit(['play', 'north-korea-china', '--answers', 'answers.json', '--seed', 'abc'], { cwd: answersFile(responses) });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('partial  0.75/1 point  ·  3 of 4 statements matched correctly');
    expect(run.stdout).toContain('incorrect  0/1 point  ·  1 of 3 correct options chosen, 1 wrong option chosen');
    expect(run.stdout).toContain('› The article places Choe Son Hui at the ministers’ meeting, not at the parade.');
    expect(run.stdout).toMatch(/unanswered {2}0\/1 point\n {5}Your answer: \(no answer\)\n {5}Correct answer: The end of World War II/);
    expect(run.stdout).toMatch(/^Total {2}6\.75 \/ 9 points {2}· {2}75% {2}· {2}passed/m);
  });

  it('does not wait for input without a terminal: it needs --answers, and exits 2 with a hint', () => {
    const run = quizkit(['play', 'north-korea-china']);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'quizkit: stdin is not a terminal, so quizkit play cannot ask the questions\n' +
        'Pass the answers as a file: quizkit play <module> --answers answers.json (responses keyed by question id)\n',
    );
  });

  it('reports invalid answers at their file:line:column and exits 1', async () => {
    const dir = answersFile({ 'who-met-in-beijing': 'nowhere', 'no-such-question': 'a' });
    const run = await inProcess(['play', 'north-korea-china', '--answers', 'answers.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      'answers.json:2:25  unknown_choice  "nowhere" is not an option of this question',
      'answers.json:3:3  unknown_question  "no-such-question" is not a question of quiz "actors-and-events"',
    ]);
  });

  it('picks the quiz the answers are for, or the one named with --quiz', async () => {
    const second = northKoreaChina.quizzes[1];
    const dir = answersFile(correctResponses(second));
    const run = await inProcess(['play', 'north-korea-china', '--answers', 'answers.json'], { cwd: dir });
    expect(run.stdout).toContain(`Quiz “${second.title}” (${second.id})`);
    const wrong = await inProcess(['play', 'north-korea-china', '--answers', 'answers.json', '--quiz', 'nope'], { cwd: dir });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Module "north-korea-china" has no quiz "nope"; its quizzes: actors-and-events, positions-and-context/);
  });

  it('resolves a module id to quizzes/<id>.yaml in the working directory before the built-in module', async () => {
    const dir = answersFile({});
    mkdirSync(join(dir, 'quizzes'));
    const yaml = readFileSync(join(root, 'quizzes/north-korea-china.yaml'), 'utf8').replace(/^title: .*$/m, 'title: Local copy');
    writeFileSync(join(dir, 'quizzes/north-korea-china.yaml'), yaml);
    const run = await inProcess(['play', 'north-korea-china', '--answers', 'answers.json'], { cwd: dir });
    expect(run.stdout).toMatch(/^Local copy\n/);
    const missing = await inProcess(['play', 'no-such-module', '--answers', 'answers.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No module file or module id "no-such-module"\n.*built-in module \(north-korea-china\)/);
  });

  it('asks every question in a terminal, by the numbers shown in the seeded order', async () => {
    const seed = 'terminal-test';
    const view = learnerView(quiz, startAttempt(quiz, { seed, now: 0 }));
    const key = correctResponses(quiz) as Record<string, unknown>;
    const lines: string[] = [];
    for (const question of view.questions) {
      const answer = key[question.id];
      const number = (ids: readonly { id: string }[], id: string) => String(ids.findIndex((part) => part.id === id) + 1);
      if (question.type === 'single-choice') lines.push(number(question.options, answer as string));
      else if (question.type === 'multiple-choice') lines.push((answer as string[]).map((id) => number(question.options, id)).join(','));
      else if (question.type === 'ordering') lines.push((answer as string[]).map((id) => number(question.items, id)).join(' '));
      else for (const statement of question.statements) lines.push(number(question.actors, (answer as Record<string, string>)[statement.id]!));
    }
    // A typo first: the question is asked again.
    const run = await inProcess(['play', 'north-korea-china', '--seed', seed], { tty: true, env: { NO_COLOR: '1' }, input: `99\n${lines.join('\n')}\n` });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('99 is not a choice: type numbers from 1 to 4');
    expect(run.stdout).toContain('Question 9 of 9');
    expect(run.stdout).toMatch(/Total {2}9 \/ 9 points {2}· {2}100%/);
  });

  it('stops at q or at the end of input and scores what was answered', async () => {
    const run = await inProcess(['play', 'north-korea-china'], { tty: true, env: { NO_COLOR: '1' }, input: '\nq\n' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Total {2}0 \/ 9 points/);
    const eof = await inProcess(['play', 'north-korea-china'], { tty: true, env: { NO_COLOR: '1' }, input: '' });
    expect(eof.status).toBe(0);
    expect(eof.stdout).toContain('Your answer: (no answer)');
  });
});

describe('reading typed answers', () => {
  const view = learnerView(quiz, startAttempt(quiz, { seed: 's', now: 0 }));
  const single = view.questions.find((q) => q.type === 'single-choice')!;
  const multiple = view.questions.find((q) => q.type === 'multiple-choice')!;
  const ordering = view.questions.find((q) => q.type === 'ordering')!;
  const matching = view.questions.find((q) => q.type === 'matching')!;
  if (single.type !== 'single-choice' || multiple.type !== 'multiple-choice' || ordering.type !== 'ordering' || matching.type !== 'matching') throw new Error('fixture');

  it('reads an option number, a comma-separated set, and a full order', () => {
    expect(parseTyped(single, ' 2 ')).toEqual({ kind: 'response', response: single.options[1]!.id });
    expect(parseTyped(multiple, '1,3')).toEqual({ kind: 'response', response: [multiple.options[0]!.id, multiple.options[2]!.id] });
    expect(parseTyped(ordering, '3 1 2')).toEqual({ kind: 'response', response: [3, 1, 2].map((n) => ordering.items[n - 1]!.id) });
    expect(parseTyped(single, '')).toEqual({ kind: 'skip' });
    expect(parseTyped(single, 'q')).toEqual({ kind: 'quit' });
  });

  it('explains a mistake instead of guessing', () => {
    expect(parseTyped(single, '1,2')).toEqual({ kind: 'error', message: 'Choose one option: type one number' });
    expect(parseTyped(multiple, '1,1')).toEqual({ kind: 'error', message: 'Type each number once' });
    expect(parseTyped(multiple, 'a')).toEqual({ kind: 'error', message: `Type numbers from 1 to ${multiple.options.length}` });
    expect(parseTyped(ordering, '1')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Put all 3 items in order/) });
    expect(parseActor(matching, '0')).toEqual({ kind: 'error', message: `0 is not an actor: type 1 to ${matching.actors.length}` });
    expect(parseActor(matching, '2')).toEqual({ kind: 'actor', actor: matching.actors[1]!.id });
  });
});

describe('issue #15: quizkit play under a behaviour with tries', { timeout: SPAWN_TIMEOUT }, () => {
  const practiceModule = (behaviour: string) => {
    const dir = tempDir();
    const yaml = readFileSync(join(root, 'tests/fixtures/valid-module.yaml'), 'utf8').replace('    passMark: 60\n', `    passMark: 60\n    behaviour: ${behaviour}\n`);
    writeFileSync(join(dir, 'practice.yaml'), yaml);
    return dir;
  };
  /** The number the learner types for an option, read from the printed (shuffled) list. */
  const numberOf = (printed: string, text: string) => new RegExp(`^ {2}(\\d+)\\) ${text}$`, 'm').exec(printed)?.[1];

  it('asks again after a wrong try, shows the hint, and marks the right second try less the penalty', async () => {
    const dir = practiceModule('{ name: interactive, penalty: "1/3", hints: [{ text: Reread the first sentence. }] }');
    // First pass only to learn the shuffled option numbers for the seed.
    const probe = await inProcess(['play', 'practice.yaml', '--seed', 's1'], { cwd: dir, tty: true, env: { NO_COLOR: '1' }, input: 'q\n' });
    const seoul = numberOf(probe.stdout, 'Pyongyang');
    const beijing = numberOf(probe.stdout, 'Beijing');
    const run = await inProcess(['play', 'practice.yaml', '--seed', 's1'], { cwd: dir, tty: true, env: { NO_COLOR: '1' }, input: `${seoul}\n${beijing}\nq\n` });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Partly right (0.33 of the marks).');
    expect(run.stdout).toContain('Hint: Reread the first sentence.');
    expect(run.stdout).toMatch(/Try again \(1 try left; each wrong try costs 0\.33 of the question\)/);
    expect(run.stdout).toContain('Marked 0.67 of the question after 2 tries.');
    expect(run.stdout).toMatch(/^ {2}q1 {2}interactive {2}tries 1: 0\.33, 2: 1 − 0\.33 \(counted\) {2}→ {2}0\.67\/1$/m);
  });

  it('asks for a certainty under CBM and marks by it', async () => {
    const dir = practiceModule('{ name: immediate-cbm }');
    const probe = await inProcess(['play', 'practice.yaml', '--seed', 's2'], { cwd: dir, tty: true, env: { NO_COLOR: '1' }, input: 'q\n' });
    const beijing = numberOf(probe.stdout, 'Beijing');
    const run = await inProcess(['play', 'practice.yaml', '--seed', 's2'], { cwd: dir, tty: true, env: { NO_COLOR: '1' }, input: `${beijing}\n3\nq\n` });
    expect(run.stdout).toContain('How sure are you?');
    expect(run.stdout).toMatch(/^ {2}q1 {2}immediate-cbm, certainty 3 {2}tries 1: 1 \(counted\) {2}→ {2}3\/1$/m);
  });
});
