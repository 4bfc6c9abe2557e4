import type { QuestionType, ReadonlyQuestion } from '../schema/types.js';
import { matchingItem } from './items/matching.js';
import { multipleChoiceItem } from './items/multiple-choice.js';
import { orderingItem } from './items/ordering.js';
import type { ItemBuilder, ItemParts, ResolvedOptions } from './items/parts.js';
import { singleChoiceItem } from './items/single-choice.js';
import { MAXSCORE, SCORE, outcome } from './processing.js';
import type { QtiOptions, QtiScoring } from './types.js';
import { type XmlElement, el } from './xml.js';

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export const QTI_SCHEMA_LOCATION = `${QTI_NAMESPACE} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd`;

/** The one place that dispatches on question type: a type without a builder is a compile error. */
const builders = {
  'single-choice': singleChoiceItem,
  'multiple-choice': multipleChoiceItem,
  ordering: orderingItem,
  matching: matchingItem,
} satisfies { [T in QuestionType]: ItemBuilder<T> };

const buildParts = (question: ReadonlyQuestion, options: ResolvedOptions): ItemParts =>
  (builders[question.type] as ItemBuilder<QuestionType>)(question as never, options);

const LANGUAGE = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** Applies the defaults; throws `RangeError` for a language tag `xml:lang` would refuse. */
export function resolveOptions(options: QtiOptions = {}): ResolvedOptions & { readonly lang: string } {
  const lang = options.lang ?? 'en';
  if (!LANGUAGE.test(lang)) throw new RangeError(`"${lang}" is not a language tag such as "en" or "en-GB"`);
  const mode = options.responseProcessing ?? 'exact';
  if (mode !== 'exact' && mode !== 'templates') throw new RangeError(`responseProcessing must be 'exact' or 'templates', not "${String(mode)}"`);
  return { lang, exact: mode === 'exact', shuffle: options.shuffle ?? true, noMatchText: options.noMatchText ?? 'None of these' };
}

const TITLE_LENGTH = 120;

/** The item title: the prompt on one line, cut at a word boundary after at most 120 characters. */
export function itemTitle(prompt: string): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= TITLE_LENGTH) return line;
  const cut = chars.slice(0, TITLE_LENGTH - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** The `qti-assessment-item` for a question, and how it scores. */
export function buildItem(question: ReadonlyQuestion, options: QtiOptions = {}): { item: XmlElement; scoring: QtiScoring } {
  const resolved = resolveOptions(options);
  const parts = buildParts(question, resolved);
  const item = el(
    'qti-assessment-item',
    {
      xmlns: QTI_NAMESPACE,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
      identifier: question.id,
      title: itemTitle(question.prompt),
      adaptive: false,
      'time-dependent': false,
      'xml:lang': resolved.lang,
      'tool-name': 'quizkit',
    },
    parts.declaration,
    // SCORE is the share of full credit; the test weighs it by the question's points.
    outcome(SCORE, 'float', '0'),
    outcome(MAXSCORE, 'float', '1'),
    parts.outcomes,
    el('qti-item-body', {}, parts.interaction),
    parts.processing,
  );
  const { note, ...how } = parts.scoring;
  const scoring: QtiScoring = { questionId: question.id, type: question.type, rule: question.rule.name, ...how, ...(note ? { note } : {}) };
  return { item, scoring };
}
