import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT, hasAnsi, inProcess, quizkit } from './helpers.js';

const COMMANDS = ['new', 'validate', 'lint', 'play', 'score', 'build', 'preview', 'serve', 'export', 'import'];

describe('quizkit --help and usage errors', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints the overview with --help and exits 0', () => {
    const run = quizkit(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^quizkit: the authors' tools/);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(COMMANDS)('prints the usage of `%s` with --help (and -h, and `quizkit help %s`)', async (command) => {
    const run = quizkit([command, '--help']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: quizkit ${command} `));
    expect(run.stdout).toMatch(/Exit status: 0 /);
    expect((await inProcess([command, '-h'])).stdout).toBe(run.stdout);
    expect((await inProcess(['help', command])).stdout).toBe(run.stdout);
  });

  it('suggests the command or option a typo was probably meant to be (issue #18.10)', async () => {
    expect((await inProcess(['valdate', 'quizzes/'])).stderr).toBe('quizkit: Unknown command "valdate"\nDid you mean quizkit validate? Run: quizkit --help\n');
    expect((await inProcess(['exprot', 'x'])).stderr).toMatch(/Did you mean quizkit export\?/);
    expect((await inProcess(['validate', 'quizzes/', '--strcit'])).stderr).toMatch(/^quizkit: Unknown option '--strcit'\nDid you mean --strict\? Run: quizkit validate --help\n$/);
    // Nothing close enough: no guess.
    expect((await inProcess(['zzz'])).stderr).toBe('quizkit: Unknown command "zzz"\nRun: quizkit --help\n');
  });

  it('exits 2 with the problem and a one-line hint on an unknown command, flag or missing command', async () => {
    const unknown = quizkit(['grade', 'x']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('quizkit: Unknown command "grade"\nRun: quizkit --help\n');

    const flag = quizkit(['score', 'north-korea-china', 'r.json', '--jsn']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe("quizkit: Unknown option '--jsn'\nDid you mean --json? Run: quizkit score --help\n");

    const none = await inProcess([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('quizkit: No command given\nRun: quizkit --help (commands: new, draft, validate, lint, play, score, build, preview, serve, export, import, stats)\n');

    const value = await inProcess(['play', 'north-korea-china', '--answers']);
    expect(value.status).toBe(2);
    expect(value.stderr).toMatch(/^quizkit: Option '--answers <value>' argument missing\nRun: quizkit play --help\n$/);
    expect((await inProcess(['build', 'extra'])).stderr).toBe('quizkit: Unexpected argument "extra"\nRun: quizkit build --help\n');
  });

  it('colours only a terminal, and never with NO_COLOR', async () => {
    const tty = await inProcess(['score', 'north-korea-china', 'nope.json'], { tty: true });
    expect(hasAnsi(tty.stderr)).toBe(true);
    const noColor = await inProcess(['score', 'north-korea-china', 'nope.json'], { tty: true, env: { NO_COLOR: '1' } });
    expect(hasAnsi(noColor.stderr)).toBe(false);
    const piped = quizkit(['validate', 'nope.yaml']);
    expect(hasAnsi(piped.stderr)).toBe(false);
  });
});
