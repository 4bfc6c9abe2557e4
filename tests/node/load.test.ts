import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModuleFile, parseModuleSource, safeLoadModuleFile } from 'quizkit/node';
import { isQuizValidationError } from 'quizkit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_MODULE, spoil } from '../helpers/module-source.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
let dir: string;
const file = async (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizkit-node-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadModuleFile', () => {
  it('loads the YAML and JSON fixtures to the same module', async () => {
    const yaml = await loadModuleFile(fixture('valid-module.yaml'));
    const { $schema, ...json } = await loadModuleFile(fixture('valid-module.json'));
    expect(yaml.id).toBe('beijing-meeting');
    expect(yaml.quizzes[0]?.questions.map((question) => question.type)).toEqual(['single-choice', 'multiple-choice', 'ordering', 'matching']);
    expect(json).toEqual(yaml);
  });

  it('throws a QuizValidationError with every issue located in the file', async () => {
    const path = await file('bad.yaml', spoil('actor: xi', 'actor: putin', spoil('id: m\n', 'id: bad id\n')));
    const error: unknown = await loadModuleFile(path).catch((caught: unknown) => caught);
    expect(isQuizValidationError(error)).toBe(true);
    if (!isQuizValidationError(error)) return;
    expect(error.issues.map((issue) => [issue.code, issue.file, issue.line, issue.column])).toEqual([
      ['unsafe_id', path, 1, 5],
      ['unknown_actor', path, 53, 45],
    ]);
    expect(error.message).toContain(`${path}:1:5`);
  });

  it('rejects with Node’s own error when the file cannot be read', async () => {
    await expect(loadModuleFile(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(loadModuleFile(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('safeLoadModuleFile', () => {
  it('returns the module of a valid file', async () => {
    const result = await safeLoadModuleFile(fixture('valid-module.yaml'));
    expect(result.success && result.data.title).toBe('The Beijing meeting');
  });

  it('returns the same located issues as parseModuleSource', async () => {
    const text = spoil('[first, second]', '[first, second, first]');
    const path = await file('order.yml', text);
    expect(await safeLoadModuleFile(path)).toEqual(parseModuleSource(text, { file: path }));
  });

  it('reads a .json file as JSON', async () => {
    const path = await file('yaml-inside.json', BASE_MODULE);
    const result = await safeLoadModuleFile(path);
    expect(!result.success && result.issues.map((issue) => issue.message)).toEqual([
      'This file is YAML, not JSON: rename it to .yaml, or write it as JSON',
    ]);
  });

  it('turns an unreadable file into one invalid_syntax issue naming the I/O error', async () => {
    const missing = join(dir, 'missing.yaml');
    const result = await safeLoadModuleFile(missing);
    expect(result).toEqual({
      success: false,
      issues: [{ code: 'invalid_syntax', path: [], message: expect.stringContaining('ENOENT'), file: missing, line: 1, column: 1 }],
    });
    expect(!result.success && result.issues[0].message).toMatch(/^Cannot read the file: /);
    const directory = await safeLoadModuleFile(dir);
    expect(!directory.success && directory.issues[0].message).toContain('EISDIR');
  });

  it('refuses bytes that are not UTF-8, at the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('id: m\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const path = await file('latin1.yaml', bytes);
    const result = await safeLoadModuleFile(path);
    expect(result).toEqual({
      success: false,
      issues: [{ code: 'invalid_syntax', path: [], message: 'The file is not valid UTF-8: save it as UTF-8', file: path, line: 2, column: 11 }],
    });
  });

  it('ignores a UTF-8 byte-order mark, keeping columns on line 1', async () => {
    const path = await file('bom.yaml', `\uFEFF${spoil('id: m\n', 'id: bad id\n')}`);
    const result = await safeLoadModuleFile(path);
    expect(!result.success && result.issues.map((issue) => `${issue.code}@${issue.line}:${issue.column}`)).toEqual(['unsafe_id@1:5']);
  });
});
