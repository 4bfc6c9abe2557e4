/**
 * The benchmark's quiz: one realistic 10-question quiz (4 single-choice,
 * 2 multiple-choice, 2 ordering of 5 items, 2 matching of 5 statements),
 * its reading (so it can also be written out as module files), and seeded
 * near-miss attempts.
 */
import type { Quiz, QuizInput } from '../dist/index.js';
import { mulberry32, randomInt, shuffled } from './prng.js';

interface SectionInput {
  readonly id: string;
  readonly heading: string;
  readonly text: string;
}

export const READING: readonly SectionInput[] = [
  {
    id: 'sun-and-sea',
    heading: 'The Sun and the sea',
    text:
      'Heat from the Sun drives the water cycle. Most evaporation happens over the oceans, which cover about seventy percent of the planet. ' +
      'Plants add water vapour to the air through transpiration, and ice can turn straight into vapour by sublimation.',
  },
  {
    id: 'clouds',
    heading: 'Clouds and rain',
    text:
      'As moist air rises it cools, and the vapour condenses on tiny particles of dust and salt to form clouds. ' +
      'When droplets grow heavy enough they fall as rain, snow, sleet or hail.',
  },
  {
    id: 'return',
    heading: 'The way back',
    text:
      'Water that reaches the ground soaks into the soil, collects in lakes or flows over the surface as runoff. ' +
      'Streams gather the runoff, rivers carry it back to the sea, and groundwater can stay underground for thousands of years before it returns.',
  },
];

const src = (section: string, quote: string) => ({ section, quote });

/** The quiz as an author writes it (before `parseQuiz` fills in defaults). */
export function quizInput(id = 'water-cycle'): QuizInput {
  return {
    id,
    title: 'The water cycle',
    description: 'Ten questions on how water moves between the sea, the air and the land.',
    passMark: 60,
    questions: [
      {
        id: 'driver',
        type: 'single-choice',
        prompt: 'What drives the water cycle?',
        explanation: 'The reading opens with it: heat from the Sun.',
        source: src('sun-and-sea', 'Heat from the Sun drives the water cycle.'),
        objectives: ['causes'],
        options: [
          { id: 'sun', text: 'Heat from the Sun', correct: true },
          { id: 'moon', text: 'The pull of the Moon' },
          { id: 'wind', text: 'The wind' },
          { id: 'core', text: 'Heat from the Earth’s core' },
        ],
      },
      {
        id: 'most-evaporation',
        type: 'single-choice',
        prompt: 'Where does most evaporation happen?',
        explanation: 'Over the oceans, which cover about seventy percent of the planet.',
        source: src('sun-and-sea', 'Most evaporation happens over the oceans'),
        objectives: ['places'],
        options: [
          { id: 'oceans', text: 'Over the oceans', correct: true },
          { id: 'lakes', text: 'Over lakes and rivers', credit: 0.5, feedback: 'Some, but the oceans are far larger.' },
          { id: 'forests', text: 'Over forests' },
          { id: 'ice', text: 'Over the ice caps' },
        ],
      },
      {
        id: 'clouds-form',
        type: 'single-choice',
        prompt: 'What does vapour condense on to form clouds?',
        explanation: 'On tiny particles of dust and salt.',
        source: src('clouds', 'the vapour condenses on tiny particles of dust and salt to form clouds'),
        objectives: ['processes'],
        rule: { name: 'correction-for-guessing' },
        options: [
          { id: 'particles', text: 'Tiny particles of dust and salt', correct: true },
          { id: 'ice', text: 'Ice crystals only' },
          { id: 'nothing', text: 'Nothing: vapour condenses on its own' },
          { id: 'rain', text: 'Raindrops already in the air' },
        ],
      },
      {
        id: 'groundwater',
        type: 'single-choice',
        prompt: 'How long can groundwater stay underground?',
        explanation: 'For thousands of years before it returns.',
        source: src('return', 'groundwater can stay underground for thousands of years'),
        objectives: ['places'],
        options: [
          { id: 'days', text: 'A few days' },
          { id: 'years', text: 'A few years' },
          { id: 'millennia', text: 'Thousands of years', correct: true },
        ],
      },
      {
        id: 'precipitation',
        type: 'multiple-choice',
        prompt: 'Which of these does the reading name as forms of precipitation?',
        explanation: 'Rain, snow, sleet and hail.',
        source: src('clouds', 'they fall as rain, snow, sleet or hail'),
        objectives: ['processes'],
        points: 2,
        rule: { name: 'weighted-credit' },
        options: [
          { id: 'rain', text: 'Rain', correct: true },
          { id: 'snow', text: 'Snow', correct: true },
          { id: 'hail', text: 'Hail', correct: true },
          { id: 'fog', text: 'Fog' },
          { id: 'dew', text: 'Dew' },
          { id: 'frost', text: 'Frost' },
        ],
      },
      {
        id: 'vapour-sources',
        type: 'multiple-choice',
        prompt: 'Which processes put water vapour into the air?',
        explanation: 'Evaporation, transpiration from plants, and sublimation from ice.',
        source: src('sun-and-sea', 'Plants add water vapour to the air through transpiration'),
        objectives: ['processes', 'causes'],
        points: 2,
        rule: { name: 'right-minus-wrong' },
        options: [
          { id: 'transpiration', text: 'Transpiration', correct: true },
          { id: 'sublimation', text: 'Sublimation', correct: true },
          { id: 'condensation', text: 'Condensation' },
          { id: 'runoff', text: 'Runoff' },
          { id: 'infiltration', text: 'Infiltration' },
        ],
      },
      {
        id: 'cycle-steps',
        type: 'ordering',
        prompt: 'Put the steps of the cycle in order, starting at the sea.',
        explanation: 'Water evaporates, the moist air rises and cools, the vapour condenses, the droplets fall, and runoff flows back.',
        source: src('clouds', 'As moist air rises it cools'),
        objectives: ['order'],
        points: 3,
        rule: { name: 'pairwise-order' },
        items: [
          { id: 'condense', text: 'Vapour condenses into clouds' },
          { id: 'evaporate', text: 'Water evaporates from the sea' },
          { id: 'runoff', text: 'Runoff flows back to the sea' },
          { id: 'rise', text: 'Moist air rises and cools' },
          { id: 'fall', text: 'Droplets fall as rain', feedback: 'Droplets fall only once they are heavy enough.' },
        ],
        correctOrder: ['evaporate', 'rise', 'condense', 'fall', 'runoff'],
      },
      {
        id: 'way-back',
        type: 'ordering',
        prompt: 'Order the way rain takes back to the sea over the surface.',
        explanation: 'It reaches the ground, flows as runoff, streams gather it, rivers carry it, and it reaches the sea.',
        source: src('return', 'Streams gather the runoff, rivers carry it back to the sea'),
        objectives: ['order', 'places'],
        points: 3,
        rule: { name: 'longest-ordered-subsequence' },
        items: [
          { id: 'river', text: 'A river carries it' },
          { id: 'ground', text: 'Rain reaches the ground' },
          { id: 'sea', text: 'It reaches the sea' },
          { id: 'surface', text: 'It flows over the surface' },
          { id: 'stream', text: 'A stream gathers it' },
        ],
        correctOrder: ['ground', 'surface', 'stream', 'river', 'sea'],
      },
      {
        id: 'name-the-process',
        type: 'matching',
        prompt: 'Match each description to the process it describes.',
        explanation: 'Each description names one process of the cycle; infiltration is not described.',
        source: src('return', 'Water that reaches the ground soaks into the soil'),
        objectives: ['processes'],
        points: 2,
        actors: [
          { id: 'evaporation', name: 'Evaporation' },
          { id: 'transpiration', name: 'Transpiration' },
          { id: 'condensation', name: 'Condensation' },
          { id: 'precipitation', name: 'Precipitation' },
          { id: 'runoff', name: 'Runoff' },
          { id: 'infiltration', name: 'Infiltration' },
        ],
        statements: [
          { id: 'sea-to-air', text: 'Water leaves the sea as vapour.', actor: 'evaporation' },
          { id: 'leaves', text: 'Plants release vapour.', actor: 'transpiration' },
          { id: 'cloud', text: 'Vapour forms clouds on dust and salt.', actor: 'condensation' },
          { id: 'hail', text: 'Hail falls from a cloud.', actor: 'precipitation' },
          { id: 'surface', text: 'Water flows over the ground to a stream.', actor: 'runoff', feedback: 'Over the surface, not into the soil.' },
        ],
      },
      {
        id: 'where-is-it',
        type: 'matching',
        prompt: 'Where is the water at each moment? Getting the sea right counts double.',
        explanation: 'The reading follows water from the sea to the air, the clouds and back through the ground.',
        source: src('return', 'rivers carry it back to the sea'),
        objectives: ['places'],
        points: 2,
        actors: [
          { id: 'ocean', name: 'In the ocean' },
          { id: 'air', name: 'In the air' },
          { id: 'ground', name: 'Underground' },
          { id: 'river', name: 'In a river' },
        ],
        statements: [
          { id: 'before-evaporation', text: 'Just before it evaporates.', actor: 'ocean', weight: 2 },
          { id: 'as-vapour', text: 'As vapour rising from a leaf.', actor: 'air' },
          { id: 'in-a-cloud', text: 'As a droplet in a cloud.', actor: 'air' },
          { id: 'soaked-in', text: 'After soaking into the soil.', actor: 'ground' },
          { id: 'carried', text: 'While it is carried back to the sea.', actor: 'river' },
        ],
      },
    ],
  };
}

/** A module around the quiz, for the file-building benchmark. */
export function moduleInput(id: string, quizCount = 1): Record<string, unknown> {
  return {
    id,
    title: `The water cycle (${id})`,
    summary: 'How water moves between the sea, the air and the land.',
    source: { title: 'The water cycle', attribution: 'Written for the quizkit benchmarks.' },
    reading: READING,
    objectives: [
      { id: 'causes', text: 'Name what drives the water cycle.' },
      { id: 'places', text: 'Say where water is at each step.' },
      { id: 'processes', text: 'Name each process of the cycle.' },
      { id: 'order', text: 'Put the steps of the cycle in order.' },
    ],
    quizzes: Array.from({ length: quizCount }, (_, q) => {
      const quiz = quizInput(`quiz-${q + 1}`);
      return { ...quiz, questions: quiz.questions.map((question) => ({ ...question, id: `${question.id}-${q + 1}` })) };
    }),
  };
}

/** A quiz of `count` questions: the 10 above, repeated with fresh ids. */
export function bigQuizInput(count: number): QuizInput {
  const base = quizInput().questions;
  return {
    ...quizInput(`quiz-${count}`),
    questions: Array.from({ length: count }, (_, i) => ({ ...base[i % base.length]!, id: `${base[i % base.length]!.id}-${i}` })),
  };
}

/** Responses to the quiz, keyed by question id, as a learner's app would send them. */
export type Attempt = Record<string, string | readonly string[] | Record<string, string>>;

/**
 * `count` seeded near-miss attempts: mostly right, with the slips learners
 * make (a wrong option, one option too many or too few, a swapped pair, a
 * statement given to the wrong actor), so every rule's partial-credit path runs.
 */
export function nearMissAttempts(quiz: Quiz, count: number, seed = 20_261_127): Attempt[] {
  const random = mulberry32(seed);
  const attempts: Attempt[] = [];
  for (let a = 0; a < count; a++) {
    const attempt: Attempt = {};
    for (const question of quiz.questions) {
      switch (question.type) {
        case 'single-choice': {
          const right = question.options.find((option) => option.correct)!;
          const wrong = question.options.filter((option) => !option.correct);
          attempt[question.id] = random() < 0.7 ? right.id : wrong[randomInt(random, wrong.length)]!.id;
          break;
        }
        case 'multiple-choice': {
          const chosen = new Set(question.options.filter((option) => option.correct).map((option) => option.id));
          const slips = random() < 0.35 ? 0 : random() < 0.75 ? 1 : 2;
          for (let s = 0; s < slips; s++) {
            const id = question.options[randomInt(random, question.options.length)]!.id;
            if (chosen.has(id) && chosen.size > 1) chosen.delete(id);
            else chosen.add(id);
          }
          attempt[question.id] = shuffled(random, [...chosen]);
          break;
        }
        case 'ordering': {
          const order = [...question.correctOrder];
          const swaps = random() < 0.25 ? 0 : random() < 0.7 ? 1 : 2;
          for (let s = 0; s < swaps; s++) {
            // Mostly neighbours swapped; sometimes an item moved further.
            const i = randomInt(random, order.length - 1);
            const j = random() < 0.75 ? i + 1 : randomInt(random, order.length);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          attempt[question.id] = order;
          break;
        }
        case 'matching': {
          const given: Record<string, string> = {};
          for (const statement of question.statements) given[statement.id] = statement.actor!;
          const slips = random() < 0.3 ? 0 : random() < 0.7 ? 1 : 2;
          for (let s = 0; s < slips; s++) {
            const statement = question.statements[randomInt(random, question.statements.length)]!;
            given[statement.id] = question.actors[randomInt(random, question.actors.length)]!.id;
          }
          attempt[question.id] = given;
          break;
        }
      }
    }
    attempts.push(attempt);
  }
  return attempts;
}
