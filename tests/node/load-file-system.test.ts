import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModuleFile, safeLoadModuleFile } from 'quizkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const VALID = readFileSync(fileURLToPath(new URL('../fixtures/valid-module.yaml', import.meta.url)), 'utf8');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizkit-fs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('issue #13.9: loading module files on file-system edges', () => {
  it('follows a symlink to a module file', async () => {
    await writeFile(join(dir, 'real.yaml'), VALID);
    await symlink('real.yaml', join(dir, 'link.yaml'));
    expect((await loadModuleFile(join(dir, 'link.yaml'))).id).toBe('beijing-meeting');
  });

  it('refuses a FIFO without opening it (which would wait for a writer forever)', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const result = await safeLoadModuleFile(fifo);
    expect(result.success ? [] : result.issues).toEqual([
      expect.objectContaining({ code: 'invalid_syntax', line: 1, column: 1, message: `Cannot read the file: EINVAL: "${fifo}" is a named pipe (FIFO), not a module file` }),
    ]);
    await expect(loadModuleFile(fifo)).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('reports a symlink loop as ELOOP, not as a missing file', async () => {
    const loop = join(dir, 'loop.yaml');
    await symlink('loop.yaml', loop);
    const result = await safeLoadModuleFile(loop);
    expect(!result.success && result.issues[0].message).toMatch(/^Cannot read the file: ELOOP/);
    await expect(loadModuleFile(loop)).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
