import type { AnyResponse } from '../modes/backend.js';
import type { PlayerMessages } from '../messages/types.js';

/** Reports a question's new response: `null` when it counts as no answer. */
export type OnResponse = (response: AnyResponse | null) => void;

/** What every question control is given besides its question. */
export interface ControlContext {
  /** The response so far, if any. */
  readonly response: AnyResponse | undefined;
  /** Called on every change. */
  readonly onResponse: OnResponse;
  /** Says something in the live region. */
  readonly announce: (text: string) => void;
  /** The interface texts. */
  readonly messages: PlayerMessages;
}
