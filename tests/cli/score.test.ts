import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctResponses, formatFraction, scoreQuiz } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { SPAWN_TIMEOUT, inProcess, quizkit, root, tempDir } from './helpers.js';

const [first, second] = northKoreaChina.quizzes;

/** Responses with a full-credit, a partial, a wrong, an unanswered and a negative-credit question. */
function mixed(): Record<string, unknown> {
  const responses: Record<string, unknown> = { ...correctResponses(first) };
  responses['who-met-in-beijing'] = 'kim-and-xi';
  responses['parade-appearance'] = ['kim', 'xi', 'choe'];
  responses['who-is-who'] = { 'north-korean-leader': 'kim', 'chinese-president': 'putin' };
  delete responses['parade-commemorated'];
  return responses;
}

function responsesFile(responses: unknown, text?: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'responses.json'), text ?? JSON.stringify(responses, null, 2));
  return dir;
}

describe('quizkit score', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints exactly what the library’s scoreQuiz returns with --json', () => {
    const responses = mixed();
    const run = quizkit(['score', join(root, 'quizzes/north-korea-china.yaml'), 'responses.json', '--json'], { cwd: responsesFile(responses) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(scoreQuiz(first, responses as never))));
  });

  it('prints the breakdown: per question status, points and statistic; per objective; then the total', () => {
    const run = quizkit(['score', 'north-korea-china', 'responses.json'], { cwd: responsesFile(mixed()) });
    expect(run.status).toBe(0);
    const expected = scoreQuiz(first, mixed() as never);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Who met, who appeared, and in what order (north-korea-china › actors-and-events)');
    expect(lines[2]).toMatch(/^# {2}question {2,}status {2,}points {2,}statistic$/);
    expect(lines[3]).toMatch(/^1 {2}who-met-in-beijing {2,}incorrect {2,}-0\.33\/1$/);
    expect(lines[4]).toMatch(/^2 {2}who-is-who {2,}partial {3,}0\.25\/1 {2,}1 of 4 statements matched correctly$/);
    expect(lines[6]).toMatch(/^4 {2}parade-commemorated {2,}unanswered {2}0\/1$/);
    expect(run.stdout).toMatch(/^identify-actors {2,}\S+\/3 {2,}3$/m);
    const total = `Total  ${formatFraction(expected.earned)} / 9 points  ·  ${formatFraction(expected.percent)}%  ·  not passed (pass mark 70%)`;
    expect(total).toBe('Total  5.25 / 9 points  ·  58.33%  ·  not passed (pass mark 70%)');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(total);
  });

  it('scores another quiz of the module, chosen by its answers or by --quiz', async () => {
    const dir = responsesFile(correctResponses(second));
    const run = await inProcess(['score', 'north-korea-china', 'responses.json', '--json'], { cwd: dir });
    expect(JSON.parse(run.stdout).quizId).toBe(second.id);
    expect(JSON.parse(run.stdout).passed).toBe(true);
    const named = await inProcess(['score', 'north-korea-china', 'responses.json', '--quiz', first.id, '--json'], { cwd: dir });
    expect(JSON.parse(named.stdout).quizId).toBe(first.id);
    expect(named.status).toBe(1);
  });

  it('exits 1 on invalid responses and prints each problem at its file:line:column', () => {
    const run = quizkit(['score', 'north-korea-china', 'responses.json'], {
      cwd: responsesFile({ 'who-met-in-beijing': 'zz', 'parade-appearance': 'kim', typo: 'a' }),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^1 {2}who-met-in-beijing {2,}invalid/m);
    expect(run.stderr.split('\n')).toEqual([
      'responses.json:2:25  unknown_choice  "zz" is not an option of this question',
      'responses.json:3:24  invalid_shape  Expected a list of option ids, found string',
      'responses.json:4:3  unknown_question  "typo" is not a question of quiz "actors-and-events"',
      '✗ 3 problems in responses.json: invalid responses score 0',
      '',
    ]);
  });

  it('exits 1 on a responses file that is not JSON, and on an invalid module', async () => {
    const dir = responsesFile(undefined, '{ "who-met-in-beijing": \'kim-and-xi\' }\n');
    const run = await inProcess(['score', 'north-korea-china', 'responses.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^responses\.json:1:25 {2}invalid_syntax {2}JSON strings use double quotes/);
    writeFileSync(join(dir, 'bad.yaml'), 'id: m\n');
    const bad = await inProcess(['score', 'bad.yaml', 'responses.json'], { cwd: dir });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.yaml:1:1 {2}missing_field {2}/);
  });

  it('exits 2 on usage errors', async () => {
    const dir = tempDir();
    expect((await inProcess(['score', 'north-korea-china'], { cwd: dir })).stderr).toBe(
      'quizkit: quizkit score needs a module file (or id) and a responses file\nRun: quizkit score --help\n',
    );
    const missing = await inProcess(['score', 'north-korea-china', 'nope.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Responses file "nope\.json" does not exist/);
  });
});
