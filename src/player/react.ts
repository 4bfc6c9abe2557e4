/**
 * `quizkit/player/react`: types only. Importing it (`import type {} from
 * 'quizkit/player/react'`, or listing it in `compilerOptions.types`) makes
 * `<quizkit-player>` a typed JSX element in React 19, which sets its
 * properties and listens to its events natively.
 *
 * @example
 * ```ts
 * import type {} from 'quizkit/player/react';
 * import type { QuizkitPlayerProps } from 'quizkit/player';
 * const props: QuizkitPlayerProps = { 'quiz-id': 'check' };
 * ```
 *
 * @module
 */
import type { QuizkitPlayer } from './element.js';
import type { QuizkitPlayerProps } from './props.js';

import type * as React from 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** The quizkit player (`definePlayer()` registers it). */
      'quizkit-player': Omit<React.DetailedHTMLProps<React.HTMLAttributes<QuizkitPlayer>, QuizkitPlayer>, keyof QuizkitPlayerProps> & QuizkitPlayerProps;
    }
  }
}

export type { QuizkitPlayerProps };
