import { type Module, type ModuleInput, type Quiz, parseModule } from 'quizkit/schema';

/**
 * A small module for the attempt tests: one quiz with every question type,
 * feedback on every part, a question-level feedback, and a time limit.
 * Every secret text carries a `SECRET-` marker so leak checks can search for it.
 */
export const moduleInput = {
  id: 'weather',
  title: 'Weather basics',
  source: { title: 'Notes on weather', attribution: 'Written for the quizkit tests.' },
  reading: [
    {
      id: 'clouds',
      heading: 'Clouds',
      text: 'Cumulus clouds are puffy and form on fair days. Rain falls mostly from nimbostratus.',
    },
    {
      id: 'cycle',
      heading: 'The water cycle',
      text: 'Water evaporates, condenses into clouds, falls as precipitation and collects in the sea.',
    },
  ],
  objectives: [{ id: 'name-clouds', text: 'Name common cloud types' }],
  quizzes: [
    {
      id: 'weather-check',
      title: 'Weather check',
      description: 'Four questions on the reading.',
      passMark: 60,
      timeLimitSeconds: 600,
      questions: [
        {
          id: 'q-single',
          type: 'single-choice',
          prompt: 'Which cloud brings most rain?',
          explanation: 'SECRET-EXPLANATION-1 Nimbostratus is the rain cloud.',
          source: { section: 'clouds', quote: 'Rain falls mostly from nimbostratus.' },
          objectives: ['name-clouds'],
          feedback: { correct: 'SECRET-QFB-correct-1', incorrect: 'SECRET-QFB-incorrect-1' },
          options: [
            { id: 'nimbostratus', text: 'Nimbostratus', correct: true, feedback: 'SECRET-FB-nimbostratus' },
            { id: 'cumulus', text: 'Cumulus', feedback: 'SECRET-FB-cumulus' },
            { id: 'cirrus', text: 'Cirrus', credit: '1/4', feedback: 'SECRET-FB-cirrus' },
            { id: 'stratus', text: 'Stratus', feedback: 'SECRET-FB-stratus' },
          ],
        },
        {
          id: 'q-multi',
          type: 'multiple-choice',
          prompt: 'Which are cloud types?',
          points: 2,
          explanation: 'SECRET-EXPLANATION-2 Cumulus and nimbostratus are clouds.',
          source: { section: 'clouds', quote: 'Cumulus clouds are puffy' },
          rule: { name: 'right-minus-wrong' },
          options: [
            { id: 'cumulus', text: 'Cumulus', correct: true, feedback: 'SECRET-FB-m-cumulus' },
            { id: 'nimbostratus', text: 'Nimbostratus', correct: true, feedback: 'SECRET-FB-m-nimbo' },
            { id: 'monsoon', text: 'Monsoon', feedback: 'SECRET-FB-m-monsoon' },
            { id: 'tornado', text: 'Tornado', feedback: 'SECRET-FB-m-tornado' },
            { id: 'fog', text: 'Fog bank', feedback: 'SECRET-FB-m-fog' },
          ],
        },
        {
          id: 'q-order',
          type: 'ordering',
          prompt: 'Put the water cycle in order.',
          points: 3,
          explanation: 'SECRET-EXPLANATION-3 Evaporation comes first.',
          source: { section: 'cycle', quote: 'Water evaporates, condenses into clouds' },
          feedback: { partial: 'SECRET-QFB-partial-3' },
          rule: { name: 'pairwise-order' },
          // Authored in the correct order, as authors often do.
          items: [
            { id: 'evaporate', text: 'Evaporation', feedback: 'SECRET-FB-evaporate' },
            { id: 'condense', text: 'Condensation', feedback: 'SECRET-FB-condense' },
            { id: 'precipitate', text: 'Precipitation', feedback: 'SECRET-FB-precipitate' },
            { id: 'collect', text: 'Collection', feedback: 'SECRET-FB-collect' },
          ],
          correctOrder: ['evaporate', 'condense', 'precipitate', 'collect'],
        },
        {
          id: 'q-match',
          type: 'matching',
          prompt: 'Match each description to its cloud.',
          explanation: 'SECRET-EXPLANATION-4 Cumulus is puffy; nimbostratus brings rain.',
          source: { section: 'clouds', quote: 'Cumulus clouds are puffy and form on fair days.' },
          allowNoMatch: true,
          actors: [
            { id: 'cumulus', name: 'Cumulus' },
            { id: 'nimbostratus', name: 'Nimbostratus' },
            { id: 'cirrus', name: 'Cirrus' },
          ],
          statements: [
            { id: 'puffy', text: 'Puffy, fair-weather cloud', actor: 'cumulus', feedback: 'SECRET-FB-puffy' },
            { id: 'rainy', text: 'Steady rain', actor: 'nimbostratus', weight: 2, feedback: 'SECRET-FB-rainy' },
            { id: 'funnel', text: 'A spinning funnel', actor: null, feedback: 'SECRET-FB-funnel' },
          ],
        },
      ],
    },
  ],
} satisfies ModuleInput;

export const weatherModule: Module = parseModule(moduleInput);
export const quiz: Quiz = weatherModule.quizzes[0]!;

/** Every text that must never reach a learner before submission. */
export function secretTexts(q: Quiz): string[] {
  const texts: string[] = [];
  for (const question of q.questions) {
    texts.push(question.explanation, question.source.quote);
    for (const value of Object.values(question.feedback ?? {})) if (value) texts.push(value);
    const parts: readonly { feedback?: string | undefined }[] =
      question.type === 'ordering' ? question.items : question.type === 'matching' ? question.statements : question.options;
    for (const part of parts) if (part.feedback) texts.push(part.feedback);
  }
  return texts;
}

/** 1970-01-01 plus a round number, so times read easily in failures. */
export const T0 = 1_000_000;
