import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModuleSource } from 'quizkit/node';
import { parseArticle, sentences, slugify } from '../../src/node/build/index.js';
import { SPAWN_TIMEOUT, inProcess, quizkit, seedArticle, tempDir } from './helpers.js';

/** Uncomments the example questions of a generated module (everything after the examples note). */
function uncommentExamples(yaml: string): string {
  const marker = 'of its lines), fill in its TODOs, and change its id.\n';
  const at = yaml.indexOf(marker) + marker.length;
  return yaml.slice(0, at) + yaml.slice(at).replace(/^( {6})# ?/gm, '$1');
}

describe('quizkit new module --from', { timeout: SPAWN_TIMEOUT }, () => {
  it('turns the seed article into a module file that validates as it is', () => {
    const dir = tempDir();
    const made = quizkit(['new', 'module', 'korea', '--from', seedArticle], { cwd: dir });
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/wrote quizzes\/korea\.yaml: “North Korea and China Strengthen Ties Against Hegemonism”, 6 sections \(plain text\)/);

    // Valid as it is; the placeholders left for the author are warnings (issue #18.7).
    const checked = quizkit(['validate', 'quizzes/korea.yaml'], { cwd: dir });
    expect(checked.stdout).toMatch(/^quizzes\/korea\.yaml:\d+:\d+  warning todo_placeholder /);
    expect(checked.stderr).toMatch(/1 file valid, 2 warnings/);
    expect(checked.status).toBe(0);
  });

  it('splits the reading at the headings, with stable ids and the paragraphs verbatim', async () => {
    const dir = tempDir();
    expect((await inProcess(['new', 'module', 'korea', '--from', seedArticle], { cwd: dir })).status).toBe(0);
    const yaml = readFileSync(join(dir, 'quizzes/korea.yaml'), 'utf8');
    const result = parseModuleSource(yaml, { file: 'korea.yaml' });
    if (!result.success) throw new Error('invalid');
    const module = result.data;
    expect(module.title).toBe('North Korea and China Strengthen Ties Against Hegemonism');
    expect(module.reading.map((section) => section.id)).toEqual([
      'a-strategic-meeting-in-beijing',
      'a-united-front-kim-xi-and-putin',
      'firm-commitments-from-both-sides',
      'opposing-hegemonism-and-unilateralism',
      'contextual-background',
      'the-road-ahead',
    ]);
    const article = readFileSync(seedArticle, 'utf8');
    for (const section of module.reading) {
      for (const paragraph of section.text.split('\n\n')) expect(article).toContain(paragraph);
    }
    // The closing paragraph has no heading of its own: it stays in the last section.
    expect(module.reading[5]?.text).toMatch(/^Looking forward[\s\S]+\n\nIn conclusion,/);
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/quizkit\/quiz\.schema\.json$/m);
    expect(yaml).toMatch(/attribution: "TODO: /);
    expect(module.quizzes[0]?.questions).toHaveLength(1);
    expect(yaml).toMatch(/# TODO: replace this placeholder question/);
  });

  it('gives a commented-out example of every question type, each citing a real section and sentence', async () => {
    const dir = tempDir();
    await inProcess(['new', 'module', 'korea', '--from', seedArticle], { cwd: dir });
    const yaml = uncommentExamples(readFileSync(join(dir, 'quizzes/korea.yaml'), 'utf8'));
    const result = parseModuleSource(yaml, { file: 'korea.yaml' });
    expect(result.success ? [] : result.issues).toEqual([]);
    if (!result.success) return;
    const questions = result.data.quizzes[0]!.questions;
    expect(questions.map((question) => question.type)).toEqual(['single-choice', 'single-choice', 'multiple-choice', 'ordering', 'matching']);
    // Quotes are verbatim (the schema checks it) and spread over different sections.
    expect(new Set(questions.slice(1).map((question) => question.source.section)).size).toBe(4);
  });

  it('reads Markdown headings, puts a lead paragraph in an introduction, and writes to stdout with --out -', async () => {
    const dir = tempDir();
    const article = join(dir, 'article.md');
    writeFileSync(
      article,
      [
        '# Rivers of Europe',
        '',
        'Rivers shaped trade.',
        '',
        '## The Danube',
        '',
        'The Danube flows through ten countries. It ends in the Black Sea.',
        '',
        '### Its delta',
        '',
        'The delta is a wetland.',
        '',
        '## The Rhine & the Main',
        '',
        'The Rhine flows north. The Main joins it at Mainz.',
        '',
      ].join('\n'),
    );
    const run = quizkit(['new', 'module', 'rivers', '--from', 'article.md', '--out', '-'], { cwd: dir });
    expect(run.status).toBe(0);
    const result = parseModuleSource(run.stdout, { file: 'rivers.yaml' });
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.title).toBe('Rivers of Europe');
    expect(result.data.reading.map((s) => [s.id, s.heading])).toEqual([
      ['introduction', 'Introduction'],
      ['the-danube', 'The Danube'],
      ['the-rhine-and-the-main', 'The Rhine & the Main'],
    ]);
    expect(result.data.reading[1]?.text).toBe('The Danube flows through ten countries. It ends in the Black Sea.\n\nIts delta\n\nThe delta is a wetland.');
    expect(existsSync(join(dir, 'quizzes'))).toBe(false);
  });

  it('refuses a bad id, a missing article, a missing --from and an existing file (exit 2, with a hint)', async () => {
    const dir = tempDir();
    const badId = quizkit(['new', 'module', 'Bad Id', '--from', seedArticle], { cwd: dir });
    expect(badId.status).toBe(2);
    expect(badId.stderr).toMatch(/^quizkit: "Bad Id" is not a valid module id\nUse letters/);

    expect((await inProcess(['new', 'module', 'x', '--from', 'nope.txt'], { cwd: dir })).stderr).toMatch(/Article "nope\.txt" does not exist/);
    expect((await inProcess(['new', 'module', 'x'], { cwd: dir })).status).toBe(2);
    expect((await inProcess(['new', 'quiz', 'x', '--from', seedArticle], { cwd: dir })).stderr).toMatch(/makes a "module", not "quiz"/);

    expect((await inProcess(['new', 'module', 'x', '--from', seedArticle], { cwd: dir })).status).toBe(0);
    const again = await inProcess(['new', 'module', 'x', '--from', seedArticle], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/quizzes\/x\.yaml already exists\nPass --force/);
    expect((await inProcess(['new', 'module', 'x', '--from', seedArticle, '--force'], { cwd: dir })).status).toBe(0);
  });
});

describe('parseArticle', () => {
  it('makes kebab-case ids without accents or apostrophes, unique in order', () => {
    expect(slugify('China’s Road: Ahead & Beyond!')).toBe('chinas-road-ahead-and-beyond');
    expect(slugify('Élan vital')).toBe('elan-vital');
    expect(slugify('2024 in review')).toBe('section-2024-in-review');
    expect(slugify('北京')).toBe('section');
    const article = parseArticle('Title\n\nNews\n\nOne.\n\nNews\n\nTwo.\n', 'text');
    expect(article.sections.map((s) => s.id)).toEqual(['news', 'news-2']);
  });

  it('reads a short line without final punctuation, standing alone, as a plain-text heading', () => {
    const article = parseArticle('Title\n\nA heading\n\nA sentence.\n\nNot a heading.\n\nShort line\nwith a second line\n\nLast line', 'text');
    expect(article.title).toBe('Title');
    expect(article.sections).toEqual([
      { id: 'a-heading', heading: 'A heading', paragraphs: ['A sentence.', 'Not a heading.', 'Short line\nwith a second line', 'Last line'] },
    ]);
  });

  it('leaves out a heading with no text and reports it', () => {
    const article = parseArticle('# T\n\n## Empty\n\n## Full\n\nText.\n');
    expect(article.sections.map((s) => s.heading)).toEqual(['Full']);
    expect(article.emptyHeadings).toEqual(['Empty']);
  });

  it('splits sentences without breaking at initials such as U.S.', () => {
    expect(sentences('It faces U.S. forces. Then it rests! Does it? Yes')).toEqual(['It faces U.S. forces.', 'Then it rests!', 'Does it?', 'Yes']);
  });
});
