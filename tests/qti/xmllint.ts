// Runs xmllint against the QTI 3.0 XSDs in ../shared/interop-xsd (beside the
// repository, never copied into it). Tests that need it skip, saying why,
// where that folder or xmllint is missing (xsd.test.ts fails instead when CI
// lacks xmllint: .ci/run installs it with apt-get install -y libxml2-utils).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { QtiFile } from 'quizkit/qti';

export const ROOT = resolve(import.meta.dirname, '../..');
export const XSD_DIR = resolve(ROOT, '../shared/interop-xsd');
export const ITEM_XSD = join(XSD_DIR, 'qti30/qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd');
export const MANIFEST_XSD = join(XSD_DIR, 'qti30/qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd');
export const CATALOG = join(XSD_DIR, 'qti30/catalog.xml');
export const SAMPLES = resolve(ROOT, '../shared/design/interop-samples/qti/samples');

export const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
export const hasSchemas = existsSync(ITEM_XSD) && existsSync(MANIFEST_XSD) && existsSync(CATALOG);
export const hasSamples = existsSync(SAMPLES);

/** Why schema validation cannot run here, or undefined when it can. */
export const skipReason = !hasSchemas
  ? `QTI XSD validation skipped: ${XSD_DIR} not found (the schemas live in ../shared/interop-xsd beside the repository and are never copied into it)`
  : !hasXmllint
    ? 'QTI XSD validation skipped: xmllint not found (apt-get install -y libxml2-utils)'
    : undefined;


/** What xmllint said about each file: `true` if valid, else its error lines. */
export type Verdicts = ReadonlyMap<string, true | string[]>;

/**
 * Validates files against a schema in one xmllint run (compiling the QTI
 * schema takes seconds, so every test shares one run per schema).
 */
export function xmllint(schema: string, files: readonly string[], catalog = ''): Verdicts {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: catalog },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const verdicts = new Map<string, true | string[]>(files.map((file) => [file, []]));
  const lines = run.stderr.split('\n').filter(Boolean);
  for (const line of lines) {
    const passed = line.endsWith(' validates') ? line.slice(0, -' validates'.length) : undefined;
    if (passed !== undefined && verdicts.has(passed)) {
      verdicts.set(passed, true);
      continue;
    }
    const file = files.find((f) => line.startsWith(`${f}:`) || line.startsWith(`${f} `));
    const errors = file === undefined ? undefined : verdicts.get(file);
    if (Array.isArray(errors)) errors.push(line);
    else if (file === undefined) throw new Error(`xmllint said something about no file it was given: ${line}`);
  }
  // A file xmllint neither passed nor reported on (it crashed, say) is not valid.
  for (const [file, verdict] of verdicts) if (Array.isArray(verdict) && verdict.length === 0) verdict.push(`${file}: no verdict from xmllint`);
  if (run.status === 0 && [...verdicts.values()].some((v) => v !== true)) throw new Error('xmllint exited 0 but not every file validated');
  return verdicts;
}

/** Writes files under a new temporary folder; returns the folder, absolute paths, and a cleanup. */
export function writeFiles(files: readonly QtiFile[]): { dir: string; paths: (filter?: (path: string) => boolean) => string[]; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'quizkit-qti-'));
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return {
    dir,
    paths: (filter = () => true) => files.map((file) => file.path).filter(filter).map((path) => join(dir, path)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The schema for a file of a package: the manifest's, or the items' and tests'. */
export const schemaFor = (path: string): { schema: string; catalog: string } =>
  path.endsWith('imsmanifest.xml') ? { schema: MANIFEST_XSD, catalog: CATALOG } : { schema: ITEM_XSD, catalog: '' };
