/**
 * `quizkit/player`: `<quizkit-player>`, a framework-free custom element that
 * runs a whole quiz for the learner (practice mode in the page, or exam mode
 * against `quizkit/server`), accessible, touch-ready and translatable.
 * Importing it defines nothing: call {@link definePlayer} once.
 *
 * @example
 * ```ts
 * import { definePlayer } from 'quizkit/player';
 * import { northKoreaChina } from 'quizkit/modules';
 * declare const document: Document; // in a browser, with <quizkit-player></quizkit-player> in the page
 * definePlayer();
 * document.querySelector('quizkit-player')!.module = northKoreaChina;
 * ```
 *
 * @module
 */
export {
  definePlayer,
  type PlayerAnswerDetail,
  type PlayerErrorDetail,
  type PlayerExamConnection,
  type PlayerSubmitDetail,
  type QuizkitPlayer,
  type QuizkitPlayerEventMap,
} from './element.js';
export { PLAYER_MESSAGES_EN } from './messages/en.js';
export { PLAYER_MESSAGES_FR } from './messages/fr.js';
export type { PlayerMessages, StatisticInput } from './messages/types.js';
export type { QuizkitPlayerProps } from './props.js';
export type { Submitted } from './modes/backend.js';
export type { ExamTransport } from './modes/exam.js';
export { ExamClientError, createExamClient, type ExamClient, type ExamClientOptions, type Exchange, type ReviewedResult } from './modes/exam-client.js';
export type { KeyValueStore } from './storage/guarded.js';
export { PLAYER_CSS } from './styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'quizkit-player': import('./element.js').QuizkitPlayer;
  }
}
