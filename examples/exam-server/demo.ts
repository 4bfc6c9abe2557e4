/**
 * Starts the exam server with a one-quiz module, lets a learner take the quiz
 * through the client, and prints what the learner saw and got.
 *
 *     npx tsx examples/exam-server/demo.ts
 */
import { parseModule } from 'quizkit/schema';
import { type Fraction, formatFraction } from 'quizkit';
import { createExamClient, takeExam } from '../../src/player/modes/exam-client.js';
import { createExamServer } from './server.js';

const module = parseModule({
  id: 'demo',
  title: 'Demo module',
  source: { title: 'A demo text', attribution: 'Written for the quizkit exam-server example.' },
  reading: [{ id: 'facts', heading: 'Facts', text: 'Water boils at 100 degrees Celsius at sea level. Ice is frozen water.' }],
  quizzes: [
    {
      id: 'demo-quiz',
      title: 'Demo quiz',
      timeLimitSeconds: 300,
      questions: [
        {
          id: 'boil',
          type: 'single-choice',
          prompt: 'At what temperature does water boil at sea level?',
          explanation: 'Water boils at 100 °C at sea level.',
          source: { section: 'facts', quote: 'Water boils at 100 degrees Celsius at sea level.' },
          options: [
            { id: 'c100', text: '100 °C', correct: true },
            { id: 'c90', text: '90 °C' },
            { id: 'c0', text: '0 °C' },
          ],
        },
        {
          id: 'states',
          type: 'ordering',
          prompt: 'Order from coldest to warmest.',
          explanation: 'Ice, then liquid water, then steam.',
          source: { section: 'facts', quote: 'Ice is frozen water.' },
          items: [
            { id: 'ice', text: 'Ice' },
            { id: 'water', text: 'Water' },
            { id: 'steam', text: 'Steam' },
          ],
          correctOrder: ['ice', 'water', 'steam'],
          rule: { name: 'pairwise-order' },
        },
      ],
    },
  ],
});

// Two attempts allowed: the review shows marks now, and the right answers once both are used.
const server = await createExamServer(module, { maxAttempts: 2 });
try {
  const client = createExamClient(server.url, {
    onResponse: ({ method, path, status, body }) => console.log(`${method} ${path} → ${status}  ${body.slice(0, 120)}…`),
  });
  // This learner picks the first option and swaps the first two items of the ordering.
  const outcome = await takeExam(client, 'demo-quiz', (question) => {
    if (question.type === 'single-choice') return question.options[0]?.id;
    if (question.type === 'ordering') {
      const [a, b, ...rest] = question.items.map((item) => item.id);
      return [b, a, ...rest];
    }
    return undefined;
  });
  const { earned, possible, percent } = outcome.result as { earned?: Fraction; possible?: Fraction; percent?: Fraction };
  if (earned && possible && percent) console.log(`\nScore: ${formatFraction(earned)} of ${formatFraction(possible)} (${formatFraction(percent)} %)`);
  for (const question of outcome.review.questions) {
    // Under the exam review policy the right answer stays hidden while attempts remain.
    const shown = question as { status?: string; correctResponse?: unknown };
    console.log(`- ${question.questionId}: ${shown.status ?? 'hidden'}; correct: ${'correctResponse' in shown ? JSON.stringify(shown.correctResponse) : 'not shown yet'}`);
  }
} finally {
  await server.close();
}
