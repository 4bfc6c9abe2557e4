// Issue #16: quizkit stats over saved attempts (JSON lines), streamed, versions kept apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctResponses } from 'quizkit';
import { answer, serializeAttempt, startAttempt, submitAttempt } from 'quizkit/attempts';
import { northKoreaChina } from 'quizkit/modules';
import { inProcess, tempDir } from './helpers.js';

const quiz = northKoreaChina.quizzes[0];
const key = correctResponses(quiz) as Record<string, unknown>;

/** A submitted attempt that answers the first `right` questions correctly and leaves the rest. */
function saved(right: number, seed: string): string {
  let attempt = startAttempt(quiz, { seed, now: 0 });
  quiz.questions.slice(0, right).forEach((question, i) => (attempt = answer(attempt, quiz, question.id, key[question.id], 1_000 + i)));
  return serializeAttempt(submitAttempt(attempt, quiz, 60_000));
}

describe('issue #16: quizkit stats', () => {
  it('reports Moodle statistics over a JSON-lines file, with other versions and in-progress attempts left out', async () => {
    const dir = tempDir();
    const lines = [0, 3, 5, 9, 9, 2].map((right, i) => saved(right, `s${i}`));
    const changed = JSON.parse(lines[0]!);
    changed.quizHash = 'cyrb64:0000000000000000';
    lines.push(JSON.stringify(changed), serializeAttempt(startAttempt(quiz, { seed: 'open', now: 0 })), '');
    writeFileSync(join(dir, 'attempts.jsonl'), lines.join('\n'));
    const json = await inProcess(['stats', 'north-korea-china', 'attempts.jsonl', '--json'], { cwd: dir });
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.attempts).toBe(6);
    expect(report.leftOut).toEqual({ inProgress: 1, otherQuiz: 0, otherVersion: 1, unreadable: 0 });
    // The first question was right in 5 of the 6 attempts.
    expect(report.questions[0].facility.exact).toBe('250/3');
    const table = await inProcess(['stats', 'north-korea-china', 'attempts.jsonl'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(table.stdout).toMatch(/^Item analysis: .+, 6 submitted attempts$/m);
    expect(table.stdout).toMatch(/Left out: 1 in progress, 1 of another version of this quiz/);
    expect(table.stdout).toMatch(new RegExp(`^${quiz.questions[0]!.id} +83\\.3 `, 'm'));
  });

  it('names a line that is not a saved attempt, and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), `${saved(9, 'x')}\nnot json\n`);
    const run = await inProcess(['stats', 'north-korea-china', 'a.jsonl'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^a\.jsonl:2 {2}invalid_json /m);
  });
});
