import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ReadonlyQuiz } from '../schema/types.js';
import { buildItem } from './item.js';
import { buildManifest } from './manifest.js';
import { buildTest } from './test.js';
import type { QtiFile, QtiOptions, QtiSource, QtiZipOptions } from './types.js';
import { renderDocument } from './xml.js';

export const quizzesOf = (source: QtiSource): readonly ReadonlyQuiz[] => ('quizzes' in source ? source.quizzes : [source]);

/**
 * Where each file goes: `tests/<quiz id>.xml` and `items/<question id>.xml`.
 * Ids that differ only in case (`Q1`, `q1`) would overwrite each other when
 * unzipped on macOS or Windows, so the later one gets `-2`, `-3`, …
 */
export function layout(quizzes: readonly ReadonlyQuiz[]): { tests: Map<string, string>; items: Map<string, string> } {
  const used = new Set<string>();
  const place = (folder: string, id: string) => {
    let path = `${folder}/${id}.xml`;
    for (let n = 2; used.has(path.toLowerCase()); n++) path = `${folder}/${id}-${n}.xml`;
    used.add(path.toLowerCase());
    return path;
  };
  const tests = new Map(quizzes.map((quiz) => [quiz.id, place('tests', quiz.id)]));
  const items = new Map(quizzes.flatMap((quiz) => quiz.questions.map((question) => [question.id, place('items', question.id)] as const)));
  return { tests, items };
}

/** Every file of the package: the manifest first, then one test per quiz, then the items in quiz order. */
export function packageFiles(source: QtiSource, options: QtiOptions = {}): QtiFile[] {
  const quizzes = quizzesOf(source);
  const paths = layout(quizzes);
  // Tests sit in tests/, items in items/: a test reaches its items through `../`.
  const href = (questionId: string) => `../${paths.items.get(questionId)!}`;
  const manifest = buildManifest(
    source.id,
    quizzes.map((quiz) => ({
      id: quiz.id,
      path: paths.tests.get(quiz.id)!,
      items: quiz.questions.map((question) => ({ id: question.id, path: paths.items.get(question.id)! })),
    })),
  );
  return [
    { path: 'imsmanifest.xml', content: renderDocument(manifest) },
    ...quizzes.map((quiz) => ({ path: paths.tests.get(quiz.id)!, content: renderDocument(buildTest(quiz, href)) })),
    ...quizzes.flatMap((quiz) =>
      quiz.questions.map((question) => ({ path: paths.items.get(question.id)!, content: renderDocument(buildItem(question, options).item) })),
    ),
  ];
}

/** The package as a zip archive, entries in `packageFiles` order. */
export function packageZip(source: QtiSource, options: QtiZipOptions = {}): Uint8Array {
  const mtime = options.mtime ?? new Date(1980, 0, 1);
  const entries: Zippable = {};
  for (const file of packageFiles(source, options)) entries[file.path] = [strToU8(file.content), { mtime }];
  return zipSync(entries, { level: 6 });
}
