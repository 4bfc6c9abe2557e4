import { compare } from '../../../fraction/fraction.js';
import { scoreQuestion } from '../../../scoring/score.js';
import type { ModuleRule } from '../types.js';
import { questionsOf } from '../walk.js';

const show = (x: { n: number; d: number }) => (x.d === 1 ? `${x.n}` : `${x.n}/${x.d}`);

export const wrongTickCredit: ModuleRule = {
  id: 'wrong-tick-credit',
  why: 'A question that pays well for a single wrong tick rewards learners who know nothing; every-decision-counts does this with many options and few keys.',
  check(module, options) {
    return questionsOf(module).flatMap(({ question, path }) => {
      if (question.type !== 'multiple-choice') return [];
      // The exact worst cases, from the real scorer: each wrong option ticked alone.
      const lone = question.options
        .filter((option) => !option.correct)
        .map((option) => ({ id: option.id, fraction: scoreQuestion(question, [option.id]).fraction }));
      if (lone.length === 0) return [];
      const best = lone.reduce((high, next) => (compare(next.fraction, high.fraction) > 0 ? next : high));
      if (compare(best.fraction, options.wrongTickThreshold) <= 0) return [];
      const keys = question.options.filter((option) => option.correct);
      const key = keys.length > 1 ? keys.map((option) => scoreQuestion(question, [option.id]).fraction).reduce((a, b) => (compare(a, b) > 0 ? a : b)) : undefined;
      const alsoKey = key ? `, and one keyed option alone earns ${show(key)}` : '';
      return [
        {
          path: [...path, 'rule'],
          message: `Under ${question.rule.name}, ticking only the wrong option "${best.id}" earns ${show(best.fraction)} of question "${question.id}" (more than ${show(options.wrongTickThreshold)})${alsoKey}`,
        },
      ];
    });
  },
};
