import { compare, ZERO } from '../../../fraction/fraction.js';
import { scoreQuestion } from '../../../scoring/score.js';
import type { ModuleRule } from '../types.js';
import { questionsOf } from '../walk.js';

/** Words with which a prompt or a quiz description tells learners that wrong answers cost points. */
const SAYS_SO = /\b(negative|penalt(y|ies|ised|ized)|deduct\w*|subtract\w*|minus|lose|loses|losing|costs?|guess\w*|takes? (points? )?(back|away|off))\b/i;

const show = (n: number, d: number) => (d === 1 ? `${n}` : `${n}/${d}`);

export const undisclosedPenalty: ModuleRule = {
  id: 'undisclosed-penalty',
  why: 'Learners decide whether to guess from the rules they are told; a penalty they are not told about punishes a strategy they were never warned against.',
  check(module) {
    return questionsOf(module).flatMap(({ quiz, question, path }) => {
      if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return [];
      if (SAYS_SO.test(question.prompt) || SAYS_SO.test(quiz.description ?? '')) return [];
      const reasons: string[] = [];
      if (question.type === 'single-choice') {
        // The exact worst case, from the real scorer: each option chosen alone.
        const worst = question.options
          .map((option) => ({ option, result: scoreQuestion(question, option.id) }))
          .reduce((low, next) => (compare(next.result.fraction, low.result.fraction) < 0 ? next : low));
        if (compare(worst.result.fraction, ZERO) < 0) {
          const { n, d } = worst.result.fraction;
          reasons.push(`choosing "${worst.option.id}" scores ${show(n, d)} of the question`);
        }
      }
      if (question.rule.name === 'correction-for-guessing' && reasons.length === 0) reasons.push('it is scored with a correction for guessing');
      const negative = question.options.filter((option) => option.credit && option.credit.n < 0).map((option) => option.id);
      if (negative.length > 0 && reasons.length === 0) reasons.push(`option${negative.length === 1 ? '' : 's'} ${negative.map((id) => `"${id}"`).join(', ')} carry negative credit`);
      if (reasons.length === 0) return [];
      return [
        {
          path: [...path, 'rule'],
          message: `Question "${question.id}" penalises wrong answers (${reasons.join('; ')}), but neither its prompt nor its quiz's description says so`,
        },
      ];
    });
  },
};
