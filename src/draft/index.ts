/**
 * `quizkit draft`: grounded question drafts from an article. Node-only
 * (it needs `compromise`); exported from `quizkit/node`, never from the core.
 *
 * @internal
 */
export { draftModule, type DraftFindings, type DraftOptions, type DraftResult } from './draft.js';
export { formatDraftReport } from './report/report.js';
export { DRAFT_MARKER, type DraftQuestion } from './writer/questions.js';
export type { Attribution, Reporter } from './attributions/attributions.js';
export type { Entity, EntityKind } from './entities/entities.js';
export type { StatedOrder } from './temporal/cues.js';
export type { ArticleEvent } from './temporal/events.js';
