import { stringify } from 'yaml';
import type { Article } from '../../node/build/article.js';
import { quotable } from '../../node/build/article.js';
import type { ArticleEvent } from '../temporal/events.js';
import { DRAFT_MARKER, type DraftQuestion } from './questions.js';

/**
 * Writes the drafted module file: the article as the reading (split as
 * `quizkit new module` splits it), the objectives the questions use, one quiz
 * of drafted questions, and a comment listing the orders the text does not
 * state.
 */

/** What the module file needs besides the questions. */
export interface ModuleFileParts {
  readonly id: string;
  readonly article: Article;
  readonly questions: readonly DraftQuestion[];
  readonly unstated: readonly (readonly [ArticleEvent, ArticleEvent])[];
  readonly from: string | undefined;
}

const OBJECTIVES: Record<string, string> = {
  'identify-actors': 'Identify the people, places and organisations in the article and the role each plays.',
  'attribute-positions': 'Attribute each statement to the person, side or medium the article credits with it.',
  'order-events': 'Place events in the order the article states in words.',
  'separate-report-from-outlook': 'Tell what the article reports as having happened from what it presents as expected or possible.',
};

/** The placeholder question of an article where nothing could be drafted: which section says a sentence. */
function fallbackQuestion(article: Article): DraftQuestion {
  const section = article.sections[0]!;
  const quote = quotable(section.paragraphs[0]!.split('\n')[0]!);
  const many = article.sections.length >= 2;
  return {
    id: 'which-section',
    type: 'single-choice',
    prompt: many ? `Which section of the reading says: “${quote}”?` : `Does the reading say: “${quote}”?`,
    options: many
      ? article.sections.slice(0, 4).map((s, i) => ({ id: s.id, text: s.heading, ...(i === 0 ? { correct: true } : {}) }))
      : [
          { id: 'says-it', text: 'Yes, it says this', correct: true },
          { id: 'does-not', text: 'No, it does not' },
        ],
    explanation: `${DRAFT_MARKER} nothing in the article could be drafted; replace this placeholder with your own question.`,
    source: { section: section.id, quote },
  };
}

/**
 * The drafted questions in one quiz per kind, so that no question's options
 * give away another's answer (a label naming a place, a clause naming a
 * reporter): who said what, orders, facts, and reported vs expected.
 */
function quizzesOf(questions: readonly DraftQuestion[]): { id: string; title: string; questions: DraftQuestion[] }[] {
  const kinds: { id: string; title: string; objectives: string[] }[] = [
    { id: 'who-said-what', title: 'Who said what (drafted: review before use)', objectives: ['attribute-positions'] },
    { id: 'order-of-events', title: 'The order of events (drafted: review before use)', objectives: ['order-events'] },
    { id: 'facts', title: 'Who, where and what (drafted: review before use)', objectives: ['identify-actors'] },
    { id: 'reported-or-expected', title: 'Reported or expected (drafted: review before use)', objectives: ['separate-report-from-outlook'] },
  ];
  const objectiveOf = (q: DraftQuestion) => ((q.objectives as string[] | undefined) ?? [])[0];
  // A question on what an event commemorated assesses the order of events, but its options are facts.
  const kindOf = (q: DraftQuestion) => (q.id.startsWith('commemorated-') ? 'facts' : (kinds.find((k) => k.objectives.includes(objectiveOf(q) ?? ''))?.id ?? 'facts'));
  const quizzes = kinds
    .map((kind) => ({ id: kind.id, title: kind.title, questions: questions.filter((q) => kindOf(q) === kind.id) }))
    .filter((quiz) => quiz.questions.length > 0);
  return quizzes.length ? quizzes : [{ id: 'draft', title: 'Drafted questions (review before use)', questions: [...questions] }];
}

/**
 * The YAML text of the drafted module, ending with a newline.
 *
 * @param parts The module id, the article, the drafted questions and the unstated orders.
 *
 * @returns The YAML text.
 */
export function renderDraftModule(parts: ModuleFileParts): string {
  const { article } = parts;
  const questions = parts.questions.length ? parts.questions : [fallbackQuestion(article)];
  const used = [...new Set(questions.flatMap((q) => (q.objectives as string[] | undefined) ?? []))].sort();
  const title = article.title ?? `${DRAFT_MARKER} the module title`;
  const module = {
    id: parts.id,
    title,
    source: { title, attribution: `${DRAFT_MARKER} the credit line shown with the reading (author, publisher, date, licence).` },
    reading: article.sections.map((section) => ({ id: section.id, heading: section.heading, text: section.paragraphs.join('\n\n') })),
    objectives: Object.keys(OBJECTIVES)
      .filter((id) => used.includes(id))
      .map((id) => ({ id, text: OBJECTIVES[id]! })),
    quizzes: quizzesOf(questions),
  };
  const header = [
    `# Drafted by \`quizkit draft${parts.from ? ` ${parts.from}` : ''}\`. Every question's explanation starts with`,
    `# "${DRAFT_MARKER}": check the question against the reading, edit it, then delete the marker.`,
    '# `quizkit draft --report` shows what each question was drafted from.',
  ];
  const unstated = parts.unstated.length
    ? ['# Orders the text does not state (no ordering question puts these together):', ...parts.unstated.map(([a, b]) => `#   ${a.label} and ${b.label}: order not stated`)]
    : [];
  const body = stringify(module, { lineWidth: 0, aliasDuplicateObjects: false });
  const quizzes = body.indexOf('\nquizzes:\n');
  const text = unstated.length && quizzes >= 0 ? `${body.slice(0, quizzes + 1)}${unstated.join('\n')}\n${body.slice(quizzes + 1)}` : body;
  return `${header.join('\n')}\n${text}`;
}
