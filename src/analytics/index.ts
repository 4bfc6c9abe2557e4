/**
 * Item analysis for teachers: which questions work. Feed scored attempts into
 * a state one at a time (memory grows with questions × distinct scores, not
 * with attempts), merge states of shards exactly, and read Moodle's quiz
 * statistics (facility, discrimination index, discriminative efficiency,
 * effective weight, Cronbach's α, …) plus how each option was chosen by the
 * bottom and top thirds. Pure, browser-safe, no zod. docs/analytics.md gives
 * each definition with its Moodle source.
 *
 * @packageDocumentation
 * @module quizkit/analytics
 */
export { addToItemAnalysis, createItemAnalysis, mergeItemAnalysis, type ItemAnalysisState, type QuestionSums } from './accumulator.js';
export type { BigFraction } from '../fraction/big.js';
export type { Histogram } from './histogram.js';
export { itemAnalysis, type OptionUse, type QuestionAnalysis, type QuizAnalysis, type Stat } from './report.js';
