import type { Finding, ModuleRule } from '../types.js';
import { containsRun, contentStems, quoteText } from '../text.js';
import { questionsOf } from '../walk.js';

/**
 * Names in a text: runs of capitalised words ("Wang Yi", "North Korea",
 * "United States"), as lists of lower-case content words, a run broken by
 * punctuation. A capitalised function word ("The", "Which") starts no name,
 * and a sentence's first word counts only when the next is capitalised too
 * ("North Korea expressed", not "Collaborate closely"): without a dictionary,
 * a lone capitalised first word cannot be told from any other first word.
 */
export function namesIn(text: string): string[][] {
  const names: string[][] = [];
  const capitalised = (token: string) => /^\p{Lu}/u.test(token) && contentStems(token, { stem: false }).length > 0;
  for (const sentence of text.split(/[.!?:;]+(?:\s|$)/)) {
    sentence.split(/[,()“”"–—]+/).forEach((segment, s) => {
      const tokens = segment.split(/\s+/).filter(Boolean).map((token) => token.replace(/[’']s$/, ''));
      let run: string[] = [];
      const flush = () => {
        const content = contentStems(run.join(' '), { stem: false });
        if (content.length > 0) names.push(content);
        run = [];
      };
      tokens.forEach((token, t) => {
        const first = s === 0 && t === 0;
        if (capitalised(token) && (!first || capitalised(tokens[1] ?? ''))) run.push(token);
        else flush();
      });
      flush();
    });
  }
  return names;
}

const content = (text: string) => contentStems(text, { stem: false });

export const selfExcludingDistractor: ModuleRule = {
  id: 'self-excluding-distractor',
  why: 'An option that the stem (or the statement) already names as its subject or partner cannot be the answer, so learners strike it without knowing anything.',
  check(module) {
    return questionsOf(module).flatMap(({ question, path }) => {
      const findings: Finding[] = [];
      if (question.type === 'matching') {
        // A statement that names an actor other than its own rules that actor out.
        question.statements.forEach((statement, s) => {
          const text = content(statement.text);
          const named = question.actors.filter((actor) => actor.id !== statement.actor && containsRun(text, content(actor.name)));
          if (named.length > 0) {
            findings.push({
              path: [...path, 'statements', s, 'text'],
              message: `Statement ${quoteText(statement.text)} of question "${question.id}" names ${named.map((actor) => `"${actor.name}"`).join(', ')}, which it therefore cannot belong to`,
            });
          }
        });
      }
      if (question.type === 'single-choice' || question.type === 'multiple-choice') {
        const prompt = content(question.prompt);
        const promptNames = namesIn(question.prompt);
        const keyTexts = question.options.filter((option) => option.correct).map((option) => content(option.text));
        question.options.forEach((option, o) => {
          if (option.correct) return;
          const text = content(option.text);
          // The option is the stem's own subject, or names someone the stem names (and no key does).
          const restates = text.length > 0 && containsRun(prompt, text);
          const shared = promptNames.filter((name) => containsRun(text, name) && !keyTexts.some((key) => containsRun(key, name)));
          if (!restates && shared.length === 0) return;
          const what = restates ? 'restates the prompt' : `names ${shared.map((name) => `"${name.join(' ')}"`).join(', ')}, as the prompt does and no keyed option does`;
          findings.push({
            path: [...path, 'options', o, 'text'],
            message: `Distractor ${quoteText(option.text)} of question "${question.id}" ${what}`,
          });
        });
      }
      return findings;
    });
  },
};
