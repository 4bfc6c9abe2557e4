/// <reference lib="dom" />
import type { ReadonlyModule, ReadonlyQuiz } from '../schema/types.js';
import { PLAYER_MESSAGES_EN } from './messages/en.js';
import { PLAYER_MESSAGES_FR } from './messages/fr.js';
import type { PlayerMessages } from './messages/types.js';
import type { Backend, Submitted } from './modes/backend.js';
import { storageKey } from './modes/backend.js';
import { type ExamTransport, createExamBackend } from './modes/exam.js';
import { createExamClient } from './modes/exam-client.js';
import { Player } from './player.js';
import { type KeyValueStore, guardedStorage } from './storage/guarded.js';
import { PLAYER_CSS } from './styles.js';

/** The locales the player ships, by their BCP 47 language. */
const LOCALES: Readonly<Record<string, PlayerMessages>> = { en: PLAYER_MESSAGES_EN, fr: PLAYER_MESSAGES_FR };

/** The detail of the `answer` event: a response the learner just gave (`null`: cleared).  *
 * @example
 * ```ts
 * import type { PlayerAnswerDetail } from 'quizkit/player';
 * const detail: PlayerAnswerDetail = { questionId: 'who-met-in-beijing', response: 'foreign-ministers' };
 * ```
 */
export interface PlayerAnswerDetail {
  /** The question answered. */
  readonly questionId: string;
  /** The response, as `quizkit/attempts` `answer` takes it; `null` when the learner cleared it. */
  readonly response: unknown;
}

/** The detail of the `submit` event, sent as the submission starts.  *
 * @example
 * ```ts
 * import type { PlayerSubmitDetail } from 'quizkit/player';
 * const detail: PlayerSubmitDetail = { quizId: 'check', attemptNumber: 1, forced: false };
 * ```
 */
export interface PlayerSubmitDetail {
  /** The quiz submitted. */
  readonly quizId: string;
  /** Which attempt. */
  readonly attemptNumber: number;
  /** Whether time ran out (submitted without the learner's confirmation). */
  readonly forced: boolean;
}

/** The detail of the `error` event.  *
 * @example
 * ```ts
 * import type { PlayerErrorDetail } from 'quizkit/player';
 * const detail: PlayerErrorDetail = { message: 'Progress cannot be kept on this device', code: 'storage_unavailable' };
 * ```
 */
export interface PlayerErrorDetail {
  /** What the learner was told. */
  readonly message: string;
  /** `storage_unavailable` (progress not kept), `other_tab` (another tab changed the attempt), or absent for any other failure. */
  readonly code?: 'storage_unavailable' | 'other_tab';
  /** The error thrown, where there is one. */
  readonly error?: unknown;
}

/**
 * The events of `<quizkit-player>`, for `addEventListener` (each a
 * `CustomEvent` that bubbles and crosses the shadow boundary).
 *
 * @example
 * ```ts
 * import type { QuizkitPlayerEventMap } from 'quizkit/player';
 * const onResult = (event: QuizkitPlayerEventMap['result']) => console.log(event.detail.result.percent);
 * ```
 */
export interface QuizkitPlayerEventMap {
  /** The learner answered (or cleared) a question. */
  answer: CustomEvent<PlayerAnswerDetail>;
  /** The attempt is being submitted. */
  submit: CustomEvent<PlayerSubmitDetail>;
  /** The attempt is submitted: the result and the review, as the learner may see them. */
  result: CustomEvent<Submitted>;
  /** Something went wrong that the learner was told about. */
  error: CustomEvent<PlayerErrorDetail>;
}

/**
 * Exam mode's connection: the `quizkit/server` exam API at `api`, or a
 * transport the host supplies (its own client, e.g. with its own
 * authentication). The answer key never reaches the page.
 *
 * @example
 * ```ts
 * import type { PlayerExamConnection } from 'quizkit/player';
 * const exam: PlayerExamConnection = { api: 'https://exams.example.org/', quizId: 'final' };
 * ```
 */
export interface PlayerExamConnection {
  /** The quiz to take. */
  readonly quizId: string;
  /** The exam server's URL (it serves `/v1/…`); used when `transport` is absent. */
  readonly api?: string;
  /** The calls to the exam server, when the host makes them itself. */
  readonly transport?: ExamTransport;
  /** The learner; without it, a random id kept in this browser. */
  readonly learnerId?: string;
}

/**
 * `<quizkit-player>`: a whole quiz for the learner, from first question to
 * review, in a shadow root. Set `module` (or `quiz`) for practice mode, or
 * `exam` for exam mode; the player starts once it is on the page and has
 * one of them, and starts again when one changes.
 *
 * Attributes: `quiz-id` (which quiz of `module`), `locale` (`en`, `fr`),
 * `api` and `learner` (exam mode, with `quiz-id`), `time-warnings`
 * (seconds before the deadline, e.g. `"600 300 60"`), `extra-time`
 * (practice mode: seconds added to the time limit for this learner; in exam
 * mode the server grants extra time).
 *
 * @example
 * ```ts
 * import { definePlayer } from 'quizkit/player';
 * import { northKoreaChina } from 'quizkit/modules';
 * declare const document: Document; // in a browser
 * definePlayer();
 * const player = document.createElement('quizkit-player');
 * player.module = northKoreaChina;
 * player.addEventListener('result', (event) => console.log(event.detail.result.percent));
 * document.body.append(player);
 * ```
 */
export interface QuizkitPlayer extends HTMLElement {
  /** Practice mode: the module (its reading, objectives and quizzes, key included). */
  module: ReadonlyModule | undefined;
  /** Practice mode without a module: one quiz. */
  quiz: ReadonlyQuiz | undefined;
  /** Exam mode: where the attempts are kept and scored. */
  exam: PlayerExamConnection | undefined;
  /** The interface texts; by default the table of the `locale` attribute, else English. */
  messages: PlayerMessages;
  /** Where progress is kept (default `localStorage`, guarded: a full or disabled storage is shown, never a crash). */
  storage: KeyValueStore | undefined;
  /** The quiz of `module` to take (the `quiz-id` attribute); the module's first quiz by default. */
  quizId: string | undefined;
  addEventListener<K extends keyof QuizkitPlayerEventMap>(type: K, listener: (this: QuizkitPlayer, event: QuizkitPlayerEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof QuizkitPlayerEventMap>(type: K, listener: (this: QuizkitPlayer, event: QuizkitPlayerEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The learner id for exam mode: given, or a random one kept in this browser. */
function learnerId(given: string | undefined, storage: KeyValueStore): string {
  if (given !== undefined) return given;
  const key = storageKey('learner');
  const saved = storage.getItem(key);
  if (saved !== null) return saved;
  // getRandomValues, unlike randomUUID, also works on plain http away from localhost.
  const id = `learner-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
  storage.setItem(key, id);
  return id;
}

/** A one-quiz module around a quiz given alone, so practice mode has one shape to work with. */
const moduleOf = (quiz: ReadonlyQuiz): ReadonlyModule =>
  ({ id: `quiz-${quiz.id}`, title: quiz.title, source: { title: quiz.title }, reading: [], objectives: [], quizzes: [quiz] }) as unknown as ReadonlyModule;

/** Makes the element class; only called in a browser (HTMLElement must exist). */
function createPlayerClass() {
  let sheet: CSSStyleSheet | undefined;
  return class QuizkitPlayerElement extends HTMLElement implements QuizkitPlayer {
    static readonly observedAttributes = ['quiz-id', 'locale', 'api', 'learner', 'time-warnings', 'extra-time'];
    #module: ReadonlyModule | undefined;
    #quiz: ReadonlyQuiz | undefined;
    #exam: PlayerExamConnection | undefined;
    #messages: PlayerMessages | undefined;
    #storage: KeyValueStore | undefined;
    #player: Player | undefined;
    #pending = false;
    readonly #shadow: ShadowRoot;

    constructor() {
      super();
      this.#shadow = this.attachShadow({ mode: 'open', delegatesFocus: false });
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(PLAYER_CSS);
      this.#shadow.adoptedStyleSheets = [sheet];
    }

    get module() { return this.#module; }
    set module(value) { this.#module = value; this.#restart(); }
    get quiz() { return this.#quiz; }
    set quiz(value) { this.#quiz = value; this.#restart(); }
    get exam() { return this.#exam; }
    set exam(value) { this.#exam = value; this.#restart(); }
    get messages() { return this.#messages ?? LOCALES[(this.getAttribute('locale') ?? 'en').split('-')[0]!.toLowerCase()] ?? PLAYER_MESSAGES_EN; }
    set messages(value) { this.#messages = value; this.#restart(); }
    get storage() { return this.#storage; }
    set storage(value) { this.#storage = value; this.#restart(); }
    get quizId() { return this.getAttribute('quiz-id') ?? undefined; }
    set quizId(value) { if (value === undefined) this.removeAttribute('quiz-id'); else this.setAttribute('quiz-id', value); }

    connectedCallback() { this.#restart(); }
    disconnectedCallback() { this.#player?.destroy(); this.#player = undefined; }
    attributeChangedCallback() { this.#restart(); }

    /** Starts (again) once the current task ends, so setting several properties starts once. */
    #restart() {
      if (this.#pending) return;
      this.#pending = true;
      queueMicrotask(() => {
        this.#pending = false;
        if (!this.isConnected) return;
        void this.#start();
      });
    }

    async #start() {
      this.#player?.destroy();
      this.#player = undefined;
      const exam = this.#exam ?? (this.getAttribute('api') !== null && this.quizId !== undefined ? { api: this.getAttribute('api')!, quizId: this.quizId, ...(this.getAttribute('learner') !== null ? { learnerId: this.getAttribute('learner')! } : {}) } : undefined);
      const module = this.#module ?? (this.#quiz ? moduleOf(this.#quiz) : undefined);
      if (!exam && !module) return;
      let player: Player | undefined;
      let storageFailed = false;
      const storage =
        this.#storage ??
        guardedStorage(
          () => window.localStorage,
          () => {
            storageFailed = true;
            player?.storageFailed();
          },
        );
      let backend: Backend;
      if (exam) {
        const transport = exam.transport ?? createExamClient(new URL(exam.api ?? '/', location.href).href);
        backend = createExamBackend(transport, exam.quizId, learnerId(exam.learnerId, storage), storage);
      } else {
        // The engine and the key load only in practice mode: exam pages never receive them.
        const { createPracticeBackend } = await import('./modes/practice.js');
        const extra = Number(this.getAttribute('extra-time') ?? 0);
        backend = createPracticeBackend(module!, this.quizId, storage, Date.now, Number.isSafeInteger(extra) && extra > 0 ? extra : undefined);
      }
      const warnings = (this.getAttribute('time-warnings') ?? '300 60').split(/[\s,]+/).map(Number).filter((n) => Number.isFinite(n) && n > 0);
      player = new Player(this.#shadow, backend, {
        messages: this.messages,
        timeWarnings: warnings,
        emit: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
      });
      this.#player = player;
      if (storageFailed) player.storageFailed();
      await player.open();
    }
  };
}

/**
 * Registers `<quizkit-player>` (or the element under another name). Importing
 * `quizkit/player` defines nothing: call this once, in the browser. Calling it
 * again returns the class already registered.
 *
 * @param name - The element's tag name (default `quizkit-player`).
 * @returns The element's class.
 *
 * @example
 * ```ts
 * import { definePlayer } from 'quizkit/player';
 * declare const inBrowser: true; // call it where customElements exists
 * if (inBrowser) definePlayer(); // now <quizkit-player> works in the page
 * ```
 */
export function definePlayer(name = 'quizkit-player'): CustomElementConstructor {
  const existing = customElements.get(name);
  if (existing) return existing;
  const element = createPlayerClass();
  customElements.define(name, element);
  return element;
}
