import { ONE, ZERO, equals, fraction } from '../../fraction/fraction.js';
import { optionCredit } from '../../questions/single-choice/score.js';
import { IdentifierPool } from '../identifiers.js';
import { RESPONSE, mapResponse, mapping, matchCorrect, responseDeclaration } from '../processing.js';
import { el } from '../xml.js';
import { type ItemBuilder, notes } from './parts.js';

/**
 * Single choice → `qti-choice-interaction max-choices="1"`, cardinality single.
 * - `option-credit` with credits 1 and 0 only → `match_correct`;
 * - `option-credit` with partial or negative credit → `map_response`, one entry per credited option;
 * - `correction-for-guessing` → `map_response`: the key 1, every other option −1/(k − 1).
 * Both equal quizkit's rule, unanswered included (the template scores NULL as 0).
 */
export const singleChoiceItem: ItemBuilder<'single-choice'> = (question, options) => {
  const ids = new IdentifierPool();
  const k = question.options.length;
  const choices = question.options.map((option) => ({ option, identifier: ids.take(option.id) }));
  const creditOf = (option: (typeof question.options)[number]) =>
    question.rule.name === 'option-credit' ? optionCredit(option) : option.correct ? ONE : fraction(-1, k - 1);
  const key = choices.find(({ option }) => option.correct)!.identifier;
  const plain = choices.every(({ option }) => {
    const credit = creditOf(option);
    return equals(credit, ONE) || equals(credit, ZERO);
  });
  const entries = choices
    .map(({ option, identifier }) => [identifier, creditOf(option)] as const)
    .filter(([, credit]) => credit.n !== 0);
  return {
    declaration: responseDeclaration('single', 'identifier', [key], plain ? undefined : mapping(entries)),
    outcomes: [],
    interaction: el(
      'qti-choice-interaction',
      { 'response-identifier': RESPONSE, shuffle: options.shuffle, 'max-choices': 1 },
      el('qti-prompt', {}, question.prompt),
      choices.map(({ option, identifier }) => el('qti-simple-choice', { identifier }, option.text)),
    ),
    processing: plain ? matchCorrect() : mapResponse(),
    scoring: { processing: plain ? 'match_correct' : 'map_response', exact: true, note: notes(ids.note()) },
  };
};
