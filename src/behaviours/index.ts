/**
 * Question behaviours, as Moodle's: how tries at a question are marked under
 * `deferred`, `immediate`, `interactive` (with or without countback),
 * `adaptive` and certainty-based marking, exactly. Pure functions over the
 * scoring engine; no zod, no I/O. docs/scoring.md ("Behaviours") states each
 * formula and the Moodle method it equals.
 *
 * @packageDocumentation
 * @module quizkit/behaviours
 */
export { scoreTries } from './score-tries.js';
export type { BehaviourResult, Certainty, ScoreTriesOptions, Try, TryMark } from './types.js';
