/**
 * `quizkit/player/vue`: types only. Importing it makes `<quizkit-player>` a
 * typed global component in Vue 3 templates (Volar / vue-tsc), with its
 * properties and events. Vue's compiler must also be told it is a custom
 * element: `compilerOptions.isCustomElement: (tag) => tag === 'quizkit-player'`.
 *
 * @example
 * ```ts
 * import type {} from 'quizkit/player/vue';
 * import type { QuizkitPlayerProps } from 'quizkit/player';
 * const props: QuizkitPlayerProps = { locale: 'fr' };
 * ```
 *
 * @module
 */
import type { ComponentOptionsMixin, ComputedOptions, DefineComponent, MethodOptions } from 'vue';
import type { QuizkitPlayerEventMap } from './element.js';
import type { QuizkitPlayerProps } from './props.js';

/** The props Vue's templates check: the properties and attributes, without the `on…` listeners (Vue types those as emits). */
type Props = Omit<QuizkitPlayerProps, 'onanswer' | 'onsubmit' | 'onresult' | 'onerror'>;
/** The events, for `@result="…"`. */
type Emits = { [K in keyof QuizkitPlayerEventMap]: (event: QuizkitPlayerEventMap[K]) => void };

declare module 'vue' {
  interface GlobalComponents {
    /** The quizkit player (`definePlayer()` registers it). */
    'quizkit-player': DefineComponent<Props, object, object, ComputedOptions, MethodOptions, ComponentOptionsMixin, ComponentOptionsMixin, Emits>;
  }
}

export type { QuizkitPlayerProps };
