import { divide, fraction, subtract } from '../fraction/fraction.js';
import type { ReadonlyQuiz } from '../schema/types.js';
import { qtiDecimal } from './decimal.js';
import { QTI_NAMESPACE, QTI_SCHEMA_LOCATION, XSI_NAMESPACE } from './item.js';
import { MAXSCORE, SCORE, op, outcome, variable } from './processing.js';
import { type XmlElement, el } from './xml.js';

const WEIGHT = 'W';
const PASS = 'PASS';

/** `base` if no question of the quiz uses it as an identifier, else `base-2`, `base-3`, … */
function freeIdentifier(base: string, taken: ReadonlySet<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

// A score exactly at the pass mark passes in quizkit. The delivery engine adds
// SCORE in floating point, so the cut is lowered by 10⁻⁹ (and rounded down at
// the tenth place) to keep that true there; distinct scores of a real quiz are
// far more than 10⁻⁹ apart.
const SLACK = fraction(1, 1_000_000_000);

const testVariables = (identifier: string) =>
  op('sum', el('qti-test-variables', { 'variable-identifier': identifier, 'weight-identifier': WEIGHT, 'base-type': 'float' }));

/**
 * The `qti-assessment-test` of a quiz: one nonlinear test part (learners move
 * freely and submit once, as in quizkit), one section, an item reference per
 * question weighted by its points, and outcome processing that sums the
 * weighted item SCOREs and MAXSCOREs and sets PASS when SCORE / MAXSCORE
 * reaches the pass mark.
 */
export function buildTest(quiz: ReadonlyQuiz, hrefOf: (questionId: string) => string): XmlElement {
  const taken = new Set(quiz.questions.map((question) => question.id));
  const part = freeIdentifier('part-1', taken);
  const section = freeIdentifier('section-1', new Set([...taken, part]));
  const cut = qtiDecimal(subtract(divide(quiz.passMark, fraction(100)), SLACK), 'down');
  return el(
    'qti-assessment-test',
    {
      xmlns: QTI_NAMESPACE,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
      identifier: quiz.id,
      title: quiz.title,
      'tool-name': 'quizkit',
    },
    outcome(SCORE, 'float', '0'),
    outcome(MAXSCORE, 'float', '0'),
    el('qti-outcome-declaration', { identifier: PASS, cardinality: 'single', 'base-type': 'boolean' }),
    quiz.timeLimitSeconds !== undefined && el('qti-time-limits', { 'max-time': quiz.timeLimitSeconds }),
    el(
      'qti-test-part',
      { identifier: part, 'navigation-mode': 'nonlinear', 'submission-mode': 'simultaneous' },
      el(
        'qti-assessment-section',
        { identifier: section, title: quiz.title, visible: true },
        quiz.description !== undefined &&
          el('qti-rubric-block', { view: 'candidate', use: 'instructions' }, el('qti-content-body', {}, el('p', {}, quiz.description))),
        quiz.questions.map((question) =>
          el(
            'qti-assessment-item-ref',
            { identifier: question.id, href: hrefOf(question.id) },
            el('qti-weight', { identifier: WEIGHT, value: qtiDecimal(question.points) }),
          ),
        ),
      ),
    ),
    el(
      'qti-outcome-processing',
      {},
      el('qti-set-outcome-value', { identifier: SCORE }, testVariables(SCORE)),
      el('qti-set-outcome-value', { identifier: MAXSCORE }, testVariables(MAXSCORE)),
      el(
        'qti-set-outcome-value',
        { identifier: PASS },
        op('gte', op('divide', variable(SCORE), variable(MAXSCORE)), el('qti-base-value', { 'base-type': 'float' }, cut)),
      ),
    ),
  );
}
