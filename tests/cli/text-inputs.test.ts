import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_FILE_LIMITS } from '../../src/node/limits.js';
import { SPAWN_TIMEOUT, inProcess, tempDir } from './helpers.js';

// `import` (a GIFT file) and `new --from` (an article) read their input as
// module files are read: never opening a FIFO, never past the byte cap.
describe('issue #13: quizkit import and new --from read bounded, regular files', { timeout: SPAWN_TIMEOUT }, () => {
  const commands = [
    { name: 'import', args: (file: string) => ['import', file], what: 'GIFT file' },
    { name: 'new --from', args: (file: string) => ['new', 'module', 'm', '--from', file, '--out', '-'], what: 'Article' },
  ];

  for (const command of commands) {
    it(`${command.name}: a named pipe is refused without being opened (exit 2)`, async () => {
      const dir = tempDir();
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      const run = await inProcess(command.args('pipe.txt'), { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${command.what} "pipe.txt" cannot be read`);
      expect(run.stderr).toContain('named pipe (FIFO)');
    });

    it(`${command.name}: a file over the byte cap is refused from its size (exit 2)`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'big.txt'), '');
      truncateSync(join(dir, 'big.txt'), MODULE_FILE_LIMITS.bytes + 1); // sparse: no 8 MiB written
      const run = await inProcess(command.args('big.txt'), { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${command.what} "big.txt" cannot be read`);
      expect(run.stderr).toMatch(/MiB/);
    });
  }
});
