import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadModuleFile, MODULE_FILE_LIMITS, parseModuleSource, safeLoadModuleFile } from 'quizkit/node';
import { isQuizValidationError, type QuizIssue } from 'quizkit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const VALID_YAML = readFileSync(fixture('valid-module.yaml'), 'utf8');
const VALID_JSON = readFileSync(fixture('valid-module.json'), 'utf8');

const issuesOf = (text: string, file = 'm.yaml'): readonly QuizIssue[] => {
  const result = parseModuleSource(text, { file });
  return result.success ? [] : result.issues;
};
const at = (issue: QuizIssue) => `${issue.line}:${issue.column}`;
/** The 1-based line and column of the first occurrence of `needle`. */
const positionOf = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizkit-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Generous timeouts: these build megabyte inputs and run seeded properties, on machines that may be busy.
describe('issue #13.2: a size cap before the YAML/JSON parse', { timeout: 30_000 }, () => {
  it('refuses a text over the byte cap with one limit_exceeded issue at 1:1, before parsing it', () => {
    const issues = issuesOf(`title: ${'x'.repeat(MODULE_FILE_LIMITS.bytes)}\n`);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'limit_exceeded', file: 'm.yaml', line: 1, column: 1, message: expect.stringContaining('8.0 MiB') }),
    ]);
  });

  it('counts the cap in UTF-8 bytes, not in characters', () => {
    // Fewer characters than the cap, but three bytes each.
    const text = `title: ${'€'.repeat(Math.ceil(MODULE_FILE_LIMITS.bytes / 3) + 1)}\n`;
    expect(text.length).toBeLessThan(MODULE_FILE_LIMITS.bytes);
    expect(issuesOf(text).map((issue) => [issue.code, at(issue)])).toEqual([['limit_exceeded', '1:1']]);
  });

  it('refuses a 50 MB file from its size, without reading it', async () => {
    const path = join(dir, 'huge.yaml');
    // A sparse file: 50 MB on paper, nothing written; the size alone must refuse it.
    const handle = await open(path, 'w');
    await handle.truncate(50_000_000);
    await handle.close();
    const result = await safeLoadModuleFile(path);
    expect(result.success ? [] : result.issues).toEqual([
      expect.objectContaining({ code: 'limit_exceeded', file: path, line: 1, column: 1, message: expect.stringContaining('50,000,000 bytes') }),
    ]);
    const error: unknown = await loadModuleFile(path).catch((caught: unknown) => caught);
    expect(isQuizValidationError(error) && error.issues.map((issue) => issue.code)).toEqual(['limit_exceeded']);
  });

  it('accepts a file just under the cap as far as size goes', async () => {
    const path = join(dir, 'padded.yaml');
    // Valid module, padded with a comment to exactly the cap.
    await writeFile(path, `${VALID_YAML}#${'x'.repeat(MODULE_FILE_LIMITS.bytes - Buffer.byteLength(VALID_YAML) - 2)}\n`);
    const result = await safeLoadModuleFile(path);
    expect(result.success).toBe(true);
  });

  it('refuses a flow list of a million entries at the list, as one issue', () => {
    const list = `[${Array.from({ length: 1_000_000 }, () => 'o').join(', ')}]`;
    const text = VALID_YAML.replace('objectives: [recall-place]', `objectives: ${list}`);
    const issues = issuesOf(text);
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([['limit_exceeded', positionOf(text, list)]]);
    expect(issues[0]?.message).toMatch(/more than 1,000 entries/);
  });

  it('refuses a block mapping of 10 000 keys at the mapping', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}: option ${i}`).join('\n');
    const issues = issuesOf(`${VALID_YAML}${keys}\n`);
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([['limit_exceeded', '2:1']]);
  });

  it('refuses 10 000 flow-map options (the 388 KB file that took 5–8 s) at their list', () => {
    const options = Array.from({ length: 10_000 }, (_, i) => `          - { id: o${i}, txt: Option number ${i} }`).join('\n');
    const text = VALID_YAML.replace('        options:\n          - id: beijing', `        options:\n${options}\n          - id: beijing`);
    expect(issuesOf(text).map((issue) => [issue.code, at(issue)])).toEqual([['limit_exceeded', positionOf(text, '- { id: o0')]]);
  });

  it('refuses a file of more values than the cap, with collections each under the entry cap', () => {
    const inner = `[${Array(999).fill('a').join(',')}]`;
    const text = VALID_YAML.replace('summary: What', `extra: [${Array(200).fill(inner).join(',\n  ')}]\nsummary: What`);
    const issues = issuesOf(text);
    expect(issues.map((issue) => issue.code)).toEqual(['limit_exceeded']);
    expect(issues[0]?.message).toMatch(/more than 100,000 values/);
  });

  it('locates one issue per key of a 1 000-key mapping, each at its own key', () => {
    const keys = Array.from({ length: 999 - 7 }, (_, i) => `k${i}: v`);
    const text = `${VALID_YAML}${keys.join('\n')}\n`;
    const issues = issuesOf(text);
    expect(issues).toHaveLength(keys.length);
    const firstLine = VALID_YAML.split('\n').length;
    expect(issues.every((issue, i) => issue.code === 'unknown_field' && issue.line === firstLine + i && issue.column === 1)).toBe(true);
  });

  it('reports every duplicate key of a mapping, naming it, without comparing each key with all before it', () => {
    const keys = Array.from({ length: 900 }, (_, i) => `k${i % 3}: v`).join(', ');
    const issues = issuesOf(VALID_YAML.replace('summary: What', `extra: { ${keys} }\nsummary: What`));
    expect(issues[0]).toMatchObject({ code: 'invalid_syntax', line: 4, message: 'Duplicate key "k0": a key may appear only once in a mapping' });
    // All on one line: one issue for the line.
    expect(issues).toHaveLength(1);
  });
});

describe('issue #13.4: exact positions after YAML error recovery, and no cascades', { timeout: 30_000 }, () => {
  it('reports the key after a multi-line stray scalar at its own line (5:1, not 3:1)', () => {
    const issues = issuesOf('a: 1\n} x\n  y\n  z\nb: 2\n');
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([
      ['invalid_syntax', '2:1'],
      ['invalid_syntax', '5:1'],
    ]);
    expect(issues[0]?.message).toContain('"}"');
  });

  it('gives one stray } in a valid module two issues: the } and a count of what follows', () => {
    const text = VALID_YAML.replace('  - id: check', '}\n  - id: check');
    const issues = issuesOf(text);
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([
      ['invalid_syntax', positionOf(text, '}\n  - id: check')],
      ['invalid_syntax', positionOf(text, '- id: check')],
    ]);
    expect(issues[1]?.message).toMatch(/^\d+ more lines with syntax problems from here on/);
  });

  it('does not validate the schema of a document with syntax errors', () => {
    // `id: bad id` would be unsafe_id; with a syntax error in the file, only syntax is reported.
    const issues = issuesOf(VALID_YAML.replace('id: beijing-meeting', 'id: bad id').replace('passMark: 60', 'passMark: 60\n\tx: 1'));
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['invalid_syntax']));
  });

  it('lists at most MODULE_FILE_LIMITS.syntaxIssues syntax issues, and counts the rest in one more', () => {
    const text = Array.from({ length: 40 }, (_, i) => `k${i}: "unclosed`).join('\n\n');
    const issues = issuesOf(text);
    expect(issues.length).toBe(MODULE_FILE_LIMITS.syntaxIssues + 1);
    expect(issues.at(-1)?.message).toMatch(/^\d+ more lines? with syntax problems/);
  });

  const lineLengths = (text: string) => text.split('\n').map((line) => line.length);
  const inRange = (text: string, issue: QuizIssue) => {
    const lengths = lineLengths(text);
    const line = issue.line ?? 0;
    return line >= 1 && line <= lengths.length && (issue.column ?? 0) >= 1 && (issue.column ?? 0) <= (lengths[line - 1] ?? 0) + 1;
  };
  const mutation = (base: string) =>
    fc.array(
      fc.record({
        at: fc.nat({ max: base.length }),
        kind: fc.constantFrom('insert', 'delete', 'replace'),
        text: fc.oneof(
          fc.constantFrom('}', '{', '[', ']', ':', '- ', '"', "'", '\n', '\t', '  ', '#', '&a', '*a', ',', '|', '>', '---', '\r\n', '\u2028'),
          fc.string({ maxLength: 3 }),
        ),
      }),
      { minLength: 1, maxLength: 4 },
    );
  const mutate = (base: string, edits: { at: number; kind: string; text: string }[]) =>
    edits.reduce((text, { at, kind, text: piece }) => {
      const where = Math.min(at, text.length);
      if (kind === 'insert') return text.slice(0, where) + piece + text.slice(where);
      if (kind === 'delete') return text.slice(0, where) + text.slice(where + Math.max(1, piece.length));
      return text.slice(0, where) + piece + text.slice(where + piece.length);
    }, base);

  it.each([
    ['YAML', VALID_YAML, 'm.yaml'],
    ['JSON', VALID_JSON, 'm.json'],
  ])('every issue of a mutated %s module lies inside the file, and syntax errors stay few', (_name, base, file) => {
    fc.assert(
      fc.property(mutation(base), (edits) => {
        const text = mutate(base, edits);
        const issues = issuesOf(text, file);
        for (const issue of issues) expect(inRange(text, issue), `${at(issue)} ${issue.message}`).toBe(true);
        if (issues.some((issue) => issue.code === 'invalid_syntax')) {
          expect(issues.length).toBeLessThanOrEqual(MODULE_FILE_LIMITS.syntaxIssues + 1);
        }
      }),
      { seed: 1234, numRuns: 400 },
    );
  });
});
