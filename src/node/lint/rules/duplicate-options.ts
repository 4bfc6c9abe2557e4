import type { Finding, ModuleRule } from '../types.js';
import { contentStems, jaccard, quoteText, words } from '../text.js';
import { choiceTexts, questionsOf } from '../walk.js';

/**
 * Word-set overlap from which two options count as near-duplicates: at 0.8,
 * a five-word option differs from its twin by at most one word.
 */
const NEAR = 0.8;

export const duplicateOptions: ModuleRule = {
  id: 'duplicate-options',
  why: 'Two options that say the same thing cannot both be wrong (or both right), so learners rule them out, or are marked wrong for a fair reading.',
  check(module) {
    return questionsOf(module).flatMap((placed) => {
      const findings: Finding[] = [];
      const texts = choiceTexts(placed);
      const names = placed.question.type === 'matching' ? placed.question.actors.map((actor, a) => ({ text: actor.name, path: [...placed.path, 'actors', a, 'name'] })) : [];
      for (const group of [texts, names]) {
        const seen: { text: string; exact: string; stems: Set<string> }[] = [];
        for (const choice of group) {
          const exact = words(choice.text).join(' ');
          const stems = new Set(contentStems(choice.text));
          const twin = seen.find((other) => other.exact === exact || (stems.size > 0 && jaccard(stems, other.stems) >= NEAR));
          if (twin) {
            findings.push({
              path: choice.path,
              message: `${quoteText(choice.text)} ${twin.exact === exact ? 'repeats' : 'nearly repeats'} ${quoteText(twin.text)} in question "${placed.question.id}"`,
            });
          }
          seen.push({ text: choice.text, exact, stems });
        }
      }
      return findings;
    });
  },
};
