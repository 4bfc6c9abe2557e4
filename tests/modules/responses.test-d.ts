// Type tests, checked by `npx tsc -p .`: responses to a built-in quiz are typed
// against its literal ids, so typos and wrong shapes fail to compile.
import { describe, expectTypeOf, it } from 'vitest';
import { type Responses, correctResponses, scoreQuiz } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';

const quiz = northKoreaChina.quizzes[0];
type QuizResponses = Responses<typeof northKoreaChina.quizzes[0]>;

describe('Responses<typeof northKoreaChina.quizzes[0]>', () => {
  it('is keyed by the quiz’s question ids, each optional', () => {
    expectTypeOf<keyof QuizResponses>().toEqualTypeOf<
      | 'who-met-in-beijing'
      | 'who-is-who'
      | 'parade-appearance'
      | 'parade-commemorated'
      | 'china-involvement'
      | 'order-summit-meeting-anniversary'
      | 'order-parade-chain'
      | 'outlook-spotlight'
      | 'article-structure'
    >();
    expectTypeOf<{}>().toExtend<QuizResponses>();
  });

  it('types each response by its question', () => {
    expectTypeOf<NonNullable<QuizResponses['who-met-in-beijing']>>().toEqualTypeOf<
      'foreign-ministers' | 'kim-and-xi' | 'kim-xi-and-putin' | 'russia-and-north-korea'
    >();
    expectTypeOf<NonNullable<QuizResponses['parade-appearance']>>().toEqualTypeOf<
      readonly ('kim' | 'xi' | 'putin' | 'choe' | 'wang')[]
    >();
    expectTypeOf<NonNullable<QuizResponses['order-summit-meeting-anniversary']>>().toEqualTypeOf<
      readonly ('kim-xi-summit' | 'ministers-meet' | 'party-anniversary')[]
    >();
    expectTypeOf<NonNullable<QuizResponses['who-is-who']>>().toEqualTypeOf<{
      readonly 'north-korean-leader'?: 'kim' | 'xi' | 'choe' | 'wang' | 'putin' | null;
      readonly 'chinese-president'?: 'kim' | 'xi' | 'choe' | 'wang' | 'putin' | null;
      readonly 'north-korean-foreign-minister'?: 'kim' | 'xi' | 'choe' | 'wang' | 'putin' | null;
      readonly 'chinese-foreign-minister'?: 'kim' | 'xi' | 'choe' | 'wang' | 'putin' | null;
    }>();
  });

  it('accepts the answer key and well-formed answers', () => {
    expectTypeOf(correctResponses(quiz)).toEqualTypeOf<QuizResponses>();
    const answers: QuizResponses = {
      'who-met-in-beijing': 'foreign-ministers',
      'who-is-who': { 'north-korean-leader': 'kim' },
      'parade-appearance': ['kim', 'xi', 'putin'],
      'order-parade-chain': ['end-of-world-war-ii', 'parade', 'ministers-meet', 'party-anniversary'],
    };
    scoreQuiz(quiz, answers);
  });

  it('rejects a misspelled question id', () => {
    // @ts-expect-error 'who-met-in-bejing' is not a question of the quiz
    const typo: QuizResponses = { 'who-met-in-bejing': 'foreign-ministers' };
    // @ts-expect-error a question of the other quiz is not a question of this one
    scoreQuiz(quiz, { 'wang-opposes': 'hegemonism' });
    void typo;
  });

  it('rejects a wrong response shape', () => {
    // @ts-expect-error a multiple-choice response is a list of option ids, not one id
    const one: QuizResponses = { 'parade-appearance': 'kim' };
    // @ts-expect-error a single-choice response is one option id, not a list
    const list: QuizResponses = { 'who-met-in-beijing': ['foreign-ministers'] };
    // @ts-expect-error a matching response maps statements to actors, not a list
    const pairs: QuizResponses = { 'who-is-who': ['kim'] };
    void [one, list, pairs];
  });

  it('rejects unknown option, item, statement and actor ids', () => {
    // @ts-expect-error 'beijing' is not an option of who-met-in-beijing
    const option: QuizResponses = { 'who-met-in-beijing': 'beijing' };
    // @ts-expect-error 'biden' is not an option of parade-appearance
    const options: QuizResponses = { 'parade-appearance': ['kim', 'biden'] };
    // @ts-expect-error 'kim-visits-moscow' is not an item of order-summit-meeting-anniversary
    const item: QuizResponses = { 'order-summit-meeting-anniversary': ['kim-xi-summit', 'kim-visits-moscow'] };
    // @ts-expect-error 'russian-president' is not a statement of who-is-who
    const statement: QuizResponses = { 'who-is-who': { 'russian-president': 'putin' } };
    // @ts-expect-error 'biden' is not an actor of who-is-who
    const actor: QuizResponses = { 'who-is-who': { 'chinese-president': 'biden' } };
    void [option, options, item, statement, actor];
  });
});
