import type { PlayerExamConnection, QuizkitPlayer, QuizkitPlayerEventMap } from './element.js';
import type { PlayerMessages } from './messages/types.js';
import type { KeyValueStore } from './storage/guarded.js';

/**
 * What `<quizkit-player>` takes in a framework's markup: its properties
 * (set as DOM properties by React 19 and Vue 3, since the element has them),
 * its attributes, and a listener per event (`onresult`: React 19 and Vue 3
 * add a listener for the event named after `on`).
 *
 * @example
 * ```ts
 * import type { QuizkitPlayerProps } from 'quizkit/player';
 * import { northKoreaChina } from 'quizkit/modules';
 * const props: QuizkitPlayerProps = { module: northKoreaChina, locale: 'fr', onresult: (event) => console.log(event.detail.result) };
 * ```
 */
export interface QuizkitPlayerProps {
  /** Practice mode: the module. */
  module?: QuizkitPlayer['module'];
  /** Practice mode without a module: one quiz. */
  quiz?: QuizkitPlayer['quiz'];
  /** Exam mode: the connection to the exam server. */
  exam?: PlayerExamConnection;
  /** The interface texts. */
  messages?: PlayerMessages;
  /** Where progress is kept. */
  storage?: KeyValueStore;
  /** The quiz of the module to take. */
  'quiz-id'?: string;
  /** The interface language of a shipped table: `en`, `fr`. */
  locale?: string;
  /** Seconds before the deadline to warn at, e.g. `"600 300 60"`. */
  'time-warnings'?: string;
  /** Practice mode: extra seconds on the time limit for this learner (an accommodation). */
  'extra-time'?: string;
  /** Exam mode by attribute: the exam server's URL (with `quiz-id`). */
  api?: string;
  /** Exam mode by attribute: the learner id. */
  learner?: string;
  /** The learner answered or cleared a question. */
  onanswer?: (event: QuizkitPlayerEventMap['answer']) => void;
  /** The attempt is being submitted. */
  onsubmit?: (event: QuizkitPlayerEventMap['submit']) => void;
  /** The result and review. */
  onresult?: (event: QuizkitPlayerEventMap['result']) => void;
  /** Something went wrong that the learner was told about. */
  onerror?: (event: QuizkitPlayerEventMap['error']) => void;
}
