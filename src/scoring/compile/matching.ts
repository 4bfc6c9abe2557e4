import type { ReadonlyMatchingQuestion } from '../../schema/types.js';
import { FORBIDDEN_KEYS } from '../check.js';
import { type RecordRead, isEntries } from '../read-response.js';
import { type CompiledQuestion, INVALID, UNANSWERED, onCommonDenominator } from './tally.js';

/** Matching: Σ weights of rightly matched statements over Σ weights (per-statement), or 1 / 0 (all-or-nothing). */
export function compileMatching(question: ReadonlyMatchingQuestion): CompiledQuestion<RecordRead> | undefined {
  const { statements, allowNoMatch } = question;
  const n = statements.length;
  const weights = onCommonDenominator(statements.map((statement) => statement.weight ?? { n: 1, d: 1 }));
  if (!weights) return undefined;
  const whole = weights.numerators.reduce((sum, weight) => sum + weight, 0);
  if (!(whole > 0) || !Number.isSafeInteger(whole)) return undefined;
  const allOrNothing = question.rule.name === 'all-or-nothing';
  // A forbidden key is never a statement here, so one lookup decides both (the check reports it as forbidden).
  const index = new Map(statements.flatMap((statement, i) => (FORBIDDEN_KEYS.has(statement.id) ? [] : [[statement.id, i] as const])));
  const actors = new Set(question.actors.map((actor) => actor.id));
  const key = statements.map((statement) => statement.actor);
  return {
    denominator: allOrNothing ? 1 : whole,
    tally(read) {
      if (!isEntries(read)) return read.kind === 'value' && (read.value === undefined || read.value === null) ? UNANSWERED : INVALID;
      let answered = 0;
      let right = 0;
      let earned = 0;
      for (let i = 0; i < read.length; i += 2) {
        const id = read[i] as string;
        const value = read[i + 1];
        const statement = index.get(id);
        if (statement === undefined) return INVALID;
        if (value === undefined) continue;
        answered++;
        // The right actor (or an allowed null) needs no further look-up.
        if (value === key[statement] && (value !== null || allowNoMatch)) {
          right++;
          earned += weights.numerators[statement]!;
        } else if (value === null ? !allowNoMatch : typeof value !== 'string' || !actors.has(value)) {
          return INVALID;
        }
      }
      if (answered === 0) return UNANSWERED;
      return allOrNothing ? (right === n ? 1 : 0) : earned;
    },
  };
}
