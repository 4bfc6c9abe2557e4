import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { exportGift, exportMoodleXml } from 'quizkit/gift';
import { northKoreaChina } from 'quizkit/modules';
import { toQtiFiles } from 'quizkit/qti';
import { xapiActivityDefinitions } from 'quizkit/xapi';
import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT, quizkit, tempDir } from './helpers.js';

describe('quizkit export', { timeout: SPAWN_TIMEOUT }, () => {
  it('writes the same QTI package as the library, as a zip and as a folder', () => {
    const dir = tempDir();
    expect(quizkit(['export', 'north-korea-china', '--format', 'qti', '--out', 'nk.zip'], { cwd: dir }).status).toBe(0);
    const expected = toQtiFiles(northKoreaChina);
    const zipped = unzipSync(readFileSync(join(dir, 'nk.zip')));
    expect(Object.keys(zipped).sort()).toEqual(expected.map((file) => file.path).sort());

    expect(quizkit(['export', 'north-korea-china', '--format', 'qti', '--out', 'pkg'], { cwd: dir }).status).toBe(0);
    for (const file of expected) expect(readFileSync(join(dir, 'pkg', file.path), 'utf8')).toBe(file.content);
  });

  it('prints GIFT and Moodle XML on stdout and lists what they cannot carry on stderr', () => {
    const gift = quizkit(['export', 'north-korea-china', '--format', 'gift']);
    expect(gift.status).toBe(0);
    const { text, notes } = exportGift(northKoreaChina);
    expect(gift.stdout).toBe(text.endsWith('\n') ? text : `${text}\n`);
    expect(gift.stderr.trim().split('\n')).toHaveLength(notes.length);
    expect(gift.stderr).toContain('actors-and-events/order-parade-chain  skipped');

    const xml = quizkit(['export', 'north-korea-china', '--format', 'moodle-xml', '--quiz', 'actors-and-events']);
    expect(xml.status).toBe(0);
    expect(xml.stdout.trim()).toBe(exportMoodleXml(northKoreaChina.quizzes[0]).text.trim());
  });

  it('writes xAPI activity definitions only with an activity base', () => {
    const missing = quizkit(['export', 'north-korea-china', '--format', 'xapi-definitions']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--activity-base');
    const run = quizkit(['export', 'north-korea-china', '--format', 'xapi-definitions', '--activity-base', 'https://example.org/q']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(xapiActivityDefinitions(northKoreaChina, { activityBase: 'https://example.org/q' }));
  });

  it('refuses an unknown format or quiz as a usage error', () => {
    expect(quizkit(['export', 'north-korea-china', '--format', 'scorm']).status).toBe(2);
    expect(quizkit(['export', 'north-korea-china', '--format', 'gift', '--quiz', 'nope']).status).toBe(2);
    expect(quizkit(['export', 'north-korea-china', '--format', 'qti']).status).toBe(2);
  });
});

describe('quizkit import', { timeout: SPAWN_TIMEOUT }, () => {
  it('turns an exported GIFT bank into a module file that validates, with TODOs to fill in', () => {
    const dir = tempDir();
    expect(quizkit(['export', 'north-korea-china', '--format', 'gift', '--out', 'bank.gift'], { cwd: dir }).status).toBe(0);
    const run = quizkit(['import', 'bank.gift', '--out', 'imported.yaml', '--id', 'bank'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^bank\.gift:\d+:\d+ {2}warning {2}needs_source {2}/m);
    expect(existsSync(join(dir, 'imported.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'imported.yaml'), 'utf8')).toContain('TODO');
    const validate = quizkit(['validate', 'imported.yaml'], { cwd: dir });
    expect(validate.status).toBe(0);
  });

  it('exits 1 and names the line when a question cannot be imported', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.gift'), '::q1:: What is 2+2? {#4}\n');
    const run = quizkit(['import', 'bad.gift'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^bad\.gift:1:\d+ {2}error {2}/m);
  });
});
