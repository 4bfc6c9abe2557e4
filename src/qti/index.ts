/**
 * Exports quizkit modules and quizzes as IMS QTI 3.0 content packages: one
 * `qti-assessment-item` per question, one `qti-assessment-test` per quiz
 * (item references weighted by points), and an `imsmanifest.xml` (IMS Content
 * Packaging 1.2 with the QTI 3 resource types), as a list of files or as a
 * zip. Every item scores as quizkit does: with a standard response-processing
 * template where one expresses the rule, and with custom response processing
 * where none does (see `docs/interop.md`, "QTI 3.0"). Pure functions, no I/O,
 * no `node:*`: it runs in browsers too.
 *
 * @example
 * ```ts
 * import { toQtiFiles } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const files = toQtiFiles(northKoreaChina);
 * files.length; //=> 21
 * files[0]?.path; //=> 'imsmanifest.xml'
 * ```
 *
 * @packageDocumentation
 * @module quizkit/qti
 */
import type { ReadonlyQuiz } from '../schema/types.js';
import { buildItem, resolveOptions } from './item.js';
import { layout, packageFiles, packageZip } from './package.js';
import { buildTest } from './test.js';
import type { QtiFile, QtiOptions, QtiQuestion, QtiScoring, QtiSource, QtiZipOptions } from './types.js';
import { renderDocument } from './xml.js';

export { QTI_DECIMALS } from './decimal.js';
export type { QtiFile, QtiOptions, QtiQuestion, QtiScoring, QtiSource, QtiZipOptions } from './types.js';

/**
 * Writes one question as a QTI 3.0 `qti-assessment-item`: the interaction
 * with the prompt, the correct response, the mapping where the rule needs
 * one, SCORE (the share of full credit, 0 to 1) and MAXSCORE (1), and the
 * response processing.
 *
 * @param question - A parsed question.
 * @param options - Export options; see {@link QtiOptions}.
 * @returns The item's XML text.
 * @throws RangeError - When `options.lang` is not a language tag.
 *
 * @example
 * ```ts
 * import { toQtiItem } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const xml = toQtiItem(northKoreaChina.quizzes[0].questions[1]);
 * xml.includes('<qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="4">'); //=> true
 * xml.includes('<qti-map-entry map-key="north-korean-leader kim" mapped-value="0.25"/>'); //=> true
 * ```
 */
export function toQtiItem(question: QtiQuestion, options: QtiOptions = {}): string {
  return renderDocument(buildItem(question, options).item);
}

/**
 * Writes one quiz as a QTI 3.0 `qti-assessment-test`. Item references point
 * to `../items/<question id>.xml`, where {@link toQtiFiles} puts the items,
 * and carry the question's points as their weight; outcome processing sums
 * the weighted SCOREs into SCORE and MAXSCORE and sets PASS at the pass mark.
 *
 * @param quiz - A parsed quiz.
 * @returns The test's XML text.
 *
 * @example
 * ```ts
 * import { toQtiTest } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const xml = toQtiTest(northKoreaChina.quizzes[0]);
 * xml.includes('<qti-assessment-item-ref identifier="who-is-who" href="../items/who-is-who.xml">'); //=> true
 * xml.includes('<qti-base-value base-type="float">0.699999999</qti-base-value>'); //=> true
 * ```
 */
export function toQtiTest(quiz: ReadonlyQuiz): string {
  const { items } = layout([quiz]);
  return renderDocument(buildTest(quiz, (id) => `../${items.get(id)!}`));
}

/**
 * Exports a module (one test per quiz) or one quiz as the files of a QTI 3.0
 * content package, without zipping them: `imsmanifest.xml`, then
 * `tests/<quiz id>.xml`, then `items/<question id>.xml` in quiz order.
 *
 * @param source - A parsed module or quiz.
 * @param options - Export options; see {@link QtiOptions}.
 * @returns The files, each a path inside the package and its XML text.
 * @throws RangeError - When `options.lang` is not a language tag.
 *
 * @example
 * ```ts
 * import { toQtiFiles } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const files = toQtiFiles(northKoreaChina.quizzes[1]);
 * files.slice(0, 3).map((file) => file.path);
 * //=> ['imsmanifest.xml', 'tests/positions-and-context.xml', 'items/commitments-who-said.xml']
 * ```
 */
export function toQtiFiles(source: QtiSource, options: QtiOptions = {}): QtiFile[] {
  resolveOptions(options);
  return packageFiles(source, options);
}

/**
 * Exports a module or one quiz as a QTI 3.0 content package zip, the files of
 * {@link toQtiFiles} deflated with `fflate`. The bytes depend only on the
 * input and the options (every entry carries `options.mtime`), so an
 * unchanged module gives an identical zip.
 *
 * @param source - A parsed module or quiz.
 * @param options - Export options and the entries' time stamp; see {@link QtiZipOptions}.
 * @returns The zip archive.
 * @throws RangeError - When `options.lang` is not a language tag, or `options.mtime` is outside 1980–2099.
 *
 * @example
 * ```ts
 * import { toQtiZip } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const zip = toQtiZip(northKoreaChina);
 * [zip[0], zip[1], zip[2], zip[3]]; //=> [0x50, 0x4b, 0x03, 0x04]
 * ```
 */
export function toQtiZip(source: QtiSource, options: QtiZipOptions = {}): Uint8Array {
  resolveOptions(options);
  const mtime = options.mtime;
  if (mtime !== undefined && !(mtime.getFullYear() >= 1980 && mtime.getFullYear() <= 2099)) {
    throw new RangeError('A zip can only hold times from 1980 to 2099');
  }
  return packageZip(source, options);
}

/**
 * Says how a question's item scores: with which response processing, and
 * whether that computes quizkit's rule exactly. Use it to report fallbacks
 * before handing a package to a system that honours only standard templates.
 *
 * @param question - A parsed question.
 * @param options - Export options; the scoring depends on `responseProcessing`.
 * @returns The question's id, type and rule, the processing, `exact`, and a note where one applies.
 *
 * @example
 * ```ts
 * import { qtiScoring } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * const ordering = northKoreaChina.quizzes[0].questions[5];
 * qtiScoring(ordering).processing; //=> 'custom'
 * qtiScoring(ordering, { responseProcessing: 'templates' }).exact; //=> false
 * ```
 */
export function qtiScoring(question: QtiQuestion, options: QtiOptions = {}): QtiScoring {
  return buildItem(question, options).scoring;
}
