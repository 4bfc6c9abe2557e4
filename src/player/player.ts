/// <reference lib="dom" />
/**
 * The player's screens, rendered into a shadow root: the quiz (questions,
 * progress, timer, save status), the submit summary, and the result with the
 * review. It sees only what a {@link Backend} gives it: learner views before
 * submission, the result and the review after it.
 */
import { type Fraction, formatFraction } from '../index.js';
import type { LearnerQuestionView } from '../attempts/index.js';
import { choiceControl } from './controls/choice.js';
import { matchingControl } from './controls/matching.js';
import { orderingControl } from './controls/ordering.js';
import type { ControlContext } from './controls/types.js';
import { type Child, announcer, clock, h, present } from './dom.js';
import type { PlayerMessages } from './messages/types.js';
import type { AnyResponse, Backend, ModuleInfo, Session, Submitted } from './modes/backend.js';
import { pointsText, reviewItem } from './review.js';
import { type SaveQueue, type SaveStatus, createSaveQueue } from './storage/save-queue.js';

/** What the element gives the player. */
export interface PlayerOptions {
  /** The interface texts. */
  readonly messages: PlayerMessages;
  /** When to warn before the deadline, in seconds left (default 5 minutes and 1 minute). */
  readonly timeWarnings: readonly number[];
  /** Sends one of the element's events. */
  readonly emit: (type: 'answer' | 'submit' | 'result' | 'error', detail: unknown) => void;
}

/** Languages written right to left, for content that states a language but no direction. */
const RTL = /^(ar|arc|ckb|dv|fa|he|iw|ks|ku-Arab|ps|sd|ug|ur|yi)(-|$)/i;

/** The `lang` and `dir` for quiz content: as the quiz or module states them, else the interface's. */
function contentLanguage(messages: PlayerMessages, language: string | undefined, direction: 'ltr' | 'rtl' | 'auto' | undefined) {
  const lang = language ?? messages.language;
  return { lang, dir: direction ?? (language === undefined ? messages.direction : RTL.test(language) ? 'rtl' : 'ltr') };
}

/** Runs the screens of one quiz in one shadow root. */
export class Player {
  private session!: Session;
  private responses: Record<string, AnyResponse> = {};
  /** Sends the answers; one per attempt shown, stopped once it is submitted. */
  private queue: SaveQueue<AnyResponse> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private submitting = false;
  /** Another tab changed the attempt and the learner has not chosen whose answers to keep. */
  private tabConflict = false;
  private readonly announce: (text: string) => void;
  private readonly alarm: (text: string) => void;
  private readonly content: HTMLElement;
  private readonly stopWatching: (() => void) | undefined;
  private readonly onUnload = (event: BeforeUnloadEvent) => {
    // Leaving the page while an answer is not saved would lose it: ask first.
    if (!this.queue || this.queue.unsaved().length === 0) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers need it set
  };

  constructor(
    private readonly root: ShadowRoot,
    private readonly backend: Backend,
    private readonly options: PlayerOptions,
  ) {
    const { messages } = options;
    const polite = h('div', { class: 'visually-hidden', id: 'announcer', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    // Time warnings have a region of their own, so "Submitted…" never overwrites "Time is up…".
    const assertive = h('div', { class: 'visually-hidden', id: 'time-announcer', role: 'alert', 'aria-atomic': 'true' });
    this.announce = announcer(polite);
    this.alarm = announcer(assertive);
    this.content = h('div', { class: 'player', part: 'player', lang: messages.language, dir: messages.direction }, h('p', { class: 'loading' }, messages.loading));
    root.replaceChildren(this.content, polite, assertive);
    window.addEventListener('beforeunload', this.onUnload);
    this.stopWatching = backend.watchOtherTabs?.(() => this.otherTabChanged());
  }

  private get messages(): PlayerMessages {
    return this.options.messages;
  }

  private byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
    return this.root.getElementById(id) as T | null;
  }

  /** Opens the saved attempt, or starts one. */
  async open(): Promise<void> {
    try {
      this.show(await this.backend.open());
    } catch (error) {
      this.content.replaceChildren(h('h1', {}, this.messages.couldNotShow), h('p', { class: 'alert', role: 'alert' }, error instanceof Error ? error.message : String(error)));
      this.options.emit('error', { message: error instanceof Error ? error.message : String(error), error });
    }
  }

  /** Stops timers, the save queue and listeners (the element left the page). */
  destroy(): void {
    this.queue?.stop();
    if (this.timer !== undefined) clearInterval(this.timer);
    window.removeEventListener('beforeunload', this.onUnload);
    this.stopWatching?.();
  }

  /** Shows the learner that storage failed (full, disabled): progress may not survive a reload. */
  storageFailed(): void {
    if (this.byId('storage-notice')) return;
    this.content.prepend(h('p', { class: 'notice storage-notice', id: 'storage-notice', role: 'alert' }, this.messages.storageProblem));
    this.options.emit('error', { message: this.messages.storageProblem, code: 'storage_unavailable' });
  }

  private show(session: Session): void {
    const { messages } = this;
    this.session = session;
    this.responses = { ...session.view.responses };
    this.queue?.stop();
    this.queue = session.submitted
      ? undefined
      : createSaveQueue<AnyResponse>({
          save: (questionId, response) => this.backend.answer(questionId, response),
          onStatus: (questionId, status) => this.showSaveStatus(questionId, status),
        });
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const { view } = session;
    const module = this.backend.module;
    const { lang, dir } = contentLanguage(messages, view.language ?? module?.language, view.direction ?? module?.direction);
    this.content.lang = lang;
    this.content.dir = dir;
    const storageNotice = this.byId('storage-notice');
    this.content.replaceChildren(
      ...present(
        storageNotice,
        h(
          'header',
          { class: 'quiz-header', part: 'header' },
          module && h('p', { class: 'module-title' }, module.title),
          h('h1', { id: 'quiz-title', tabindex: '-1' }, view.title),
          view.description && h('p', { class: 'description' }, view.description),
          h(
            'p',
            { class: 'meta' },
            messages.meta(
              messages.questionCount(view.questions.length),
              pointsText(messages, view.totalPoints),
              messages.number(formatFraction(view.passMark)),
              view.attemptNumber,
              this.backend.mode,
            ),
          ),
        ),
        module && module.quizzes.length > 1 && this.quizPicker(module),
        session.notice !== undefined && h('p', { class: 'notice', id: 'notice' }, this.noticeText(session.notice)),
        h('div', { class: 'tab-conflict', id: 'tab-conflict', role: 'alert' }),
        h('div', { class: 'alert', id: 'alert', role: 'alert' }),
        module && module.reading.length > 0 && this.reading(module),
        session.submitted ? this.result(session.submitted) : this.quiz(),
      ),
    );
    if (this.tabConflict) this.otherTabChanged();
    if (!session.submitted && view.deadline !== undefined) this.startTimer(view.deadline);
  }

  private noticeText(notice: NonNullable<Session['notice']>): string {
    const { messages } = this;
    return notice === 'quiz_changed' ? messages.quizChanged : notice === 'wrong_quiz' ? messages.wrongQuiz : notice === 'exam_gone' ? messages.examGone : messages.unreadable;
  }

  private quizPicker(module: ModuleInfo): HTMLElement {
    return h(
      'nav',
      { class: 'quizzes', 'aria-label': this.messages.quizzesNav },
      h(
        'ul',
        {},
        ...module.quizzes.map((quiz) => {
          const url = new URL(location.href);
          url.searchParams.set('quiz', quiz.id);
          return h('li', {}, h('a', { href: url.search, 'aria-current': quiz.id === this.backend.quizId ? 'page' : undefined }, quiz.title));
        }),
      ),
    );
  }

  private reading(module: ModuleInfo): HTMLElement {
    return h(
      'details',
      { class: 'reading', id: 'reading', part: 'reading' },
      h('summary', {}, this.messages.reading(module.sourceTitle)),
      ...module.reading.map((section) =>
        h(
          'section',
          { id: `section-${section.id}`, 'aria-labelledby': `section-heading-${section.id}` },
          h('h2', { id: `section-heading-${section.id}`, tabindex: '-1' }, section.heading),
          ...section.text.split(/\n\s*\n/).map((paragraph) => h('p', {}, paragraph)),
        ),
      ),
    );
  }

  /**
   * Follows a question's reading link without losing the learner's place:
   * the section opens and takes focus, and a "Back to question N" button in
   * it returns focus to the link it came from. (A plain `#fragment` link
   * would not reach into the shadow root, and focus would fall to `<body>`.)
   */
  private goToSection(sectionId: string, from: HTMLElement, questionNumber: number): void {
    const reading = this.byId('reading');
    if (reading instanceof HTMLDetailsElement) reading.open = true;
    const back = this.byId<HTMLButtonElement>(`back-${sectionId}`) ?? h('button', { type: 'button', class: 'back-to-question', id: `back-${sectionId}` });
    this.byId(`section-${sectionId}`)?.append(back);
    back.textContent = this.messages.backToQuestion(questionNumber);
    back.hidden = false;
    back.onclick = () => {
      back.hidden = true;
      from.focus();
      from.scrollIntoView({ block: 'center' });
    };
    const heading = this.byId(`section-heading-${sectionId}`);
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }

  private quiz(): HTMLElement {
    const { view } = this.session;
    const { messages } = this;
    const submit = h('button', { type: 'button', id: 'submit', class: 'primary', part: 'submit' }, messages.submit);
    submit.addEventListener('click', () => this.confirm());
    // No <form>: Enter on a radio button or checkbox must never submit the quiz.
    const quiz = h(
      'section',
      { class: 'quiz', id: 'quiz', 'aria-labelledby': 'quiz-title' },
      h(
        'div',
        { class: 'status-bar', part: 'status-bar' },
        view.deadline !== undefined && h('p', { class: 'timer', id: 'timer', part: 'timer' }),
        h('p', { class: 'progress', id: 'progress' }),
      ),
      h('ol', { class: 'questions' }, ...view.questions.map((question, index) => this.question(question, index))),
      h('div', { class: 'submit-bar' }, h('div', { class: 'unsaved-block', id: 'unsaved-block', role: 'alert' }), submit, h('section', { class: 'confirm', id: 'confirm', part: 'confirm', hidden: true, 'aria-labelledby': 'confirm-heading' })),
    );
    queueMicrotask(() => this.updateProgress());
    return quiz;
  }

  private question(question: LearnerQuestionView, index: number): HTMLElement {
    const { view } = this.session;
    const { messages } = this;
    const response = Object.hasOwn(this.responses, question.id) ? this.responses[question.id] : undefined;
    const context: ControlContext = { response, onResponse: (next) => this.record(question.id, next), announce: this.announce, messages };
    const control =
      question.type === 'ordering' ? orderingControl(question, context) : question.type === 'matching' ? matchingControl(question, context) : choiceControl(question, context);
    const section = this.backend.module?.reading.find((s) => s.id === question.section);
    let link: Child;
    if (section) {
      const anchor = h('a', { href: `#section-${section.id}`, class: 'source-link' }, messages.readingLink(section.heading));
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        this.goToSection(section.id, anchor, index + 1);
      });
      link = anchor;
    }
    return h(
      'li',
      { class: 'question', part: 'question', id: `question-${question.id}`, 'data-type': question.type },
      h(
        'fieldset',
        { 'aria-describedby': `hint-${question.id} state-${question.id}` },
        // The group's name reads "Question 1 of 9. Prompt (1 point)": a heading to navigate by, with separators.
        h(
          'legend',
          {},
          h(
            'h2',
            { class: 'q-heading', id: `heading-${question.id}`, tabindex: '-1' },
            h('span', { class: 'q-number' }, `${messages.questionNumber(index + 1, view.questions.length)}.`),
            ' ',
            h('span', { class: 'q-prompt' }, question.prompt),
            ' ',
            h('span', { class: 'q-points' }, `(${pointsText(messages, question.points)})`),
          ),
        ),
        question.canLoseMarks && h('p', { class: 'cost', id: `cost-${question.id}` }, h('span', { 'aria-hidden': 'true' }, '⚠ '), messages.wrongAnswersCost),
        question.behaviour &&
          h(
            'p',
            { class: 'behaviour-rule', id: `rule-${question.id}` },
            messages.behaviourRule(question.behaviour.name, question.behaviour.tries, question.behaviour.penalty && messages.number(formatFraction(question.behaviour.penalty))),
          ),
        h('p', { class: 'hint', id: `hint-${question.id}` }, messages.hints[question.type]),
        control,
        this.checkLine(question),
        h('p', { class: 'q-state', id: `state-${question.id}` }, response === undefined ? messages.notAnswered : messages.answered),
        h('div', { class: 'save-line' }, h('p', { class: 'save-state', id: `save-${question.id}`, role: 'status' }), this.retryButton(`retry-${question.id}`, true)),
        link,
      ),
    );
  }

  /**
   * Check, for a question taken under a behaviour that checks tries (and a
   * mode that can: practice): the certainty (CBM), the Check button, and
   * where the question stands — this try's status and feedback, the hint for
   * the next try, the tries left, or the mark once it is finished.
   */
  private checkLine(question: LearnerQuestionView): HTMLElement | undefined {
    const state = this.session.view.checks?.[question.id];
    if (!state || !question.behaviour || !this.backend.check) return undefined;
    const { messages } = this;
    const certainty = question.behaviour.certainty
      ? h(
          'fieldset',
          { class: 'certainty', id: `certainty-${question.id}` },
          h('legend', {}, messages.certaintyQuestion),
          ...messages.certaintyLevels.map((label, index) => {
            const id = `certainty-${question.id}-${index + 1}`;
            const input = h('input', { type: 'radio', name: `certainty-${question.id}`, id, value: String(index + 1) });
            if (index === 0) input.checked = true;
            return h('span', { class: 'option' }, input, h('label', { for: id }, label));
          }),
        )
      : undefined;
    const button = h('button', { type: 'button', class: 'check', id: `check-${question.id}` }, messages.check);
    const outcome = h('div', { class: 'outcome', id: `outcome-${question.id}`, role: 'status' });
    button.addEventListener('click', () => void this.check(question, certainty));
    if (state.finished) queueMicrotask(() => this.finishQuestion(question.id));
    return h('div', { class: 'check-line' }, certainty, button, outcome);
  }

  private async check(question: LearnerQuestionView, certainty: HTMLElement | undefined): Promise<void> {
    const { messages } = this;
    const outcome = this.byId(`outcome-${question.id}`);
    if (!outcome || !this.backend.check) return;
    const response = Object.hasOwn(this.responses, question.id) ? this.responses[question.id] : undefined;
    if (response === undefined) {
      outcome.replaceChildren(h('p', {}, messages.nothingToCheck));
      return;
    }
    const level = Number(certainty?.querySelector<HTMLInputElement>('input:checked')?.value ?? 1) as 1 | 2 | 3;
    try {
      // The answer being saved goes first, so the try and the saved answer agree.
      await this.queue?.settled();
      const result = await this.backend.check(question.id, response, certainty ? level : undefined);
      const points = (x: Fraction) => messages.number(formatFraction(x));
      outcome.replaceChildren(
        ...present(
          h('p', { class: `try-status status-${result.status}` }, h('strong', {}, messages.status[result.status]), ' ', result.finished ? messages.questionDone(points(result.earned), pointsText(messages, result.possible)) : messages.triesLeft(result.triesLeft)),
          result.feedback.length > 0 && h('ul', { class: 'feedback', 'aria-label': messages.feedback }, ...result.feedback.map((text) => h('li', {}, text))),
          result.hint && h('p', { class: 'try-hint' }, h('strong', {}, messages.hint), result.hint.text),
          result.numberCorrect && h('p', { class: 'number-correct' }, messages.statistic(result.numberCorrect)),
        ),
      );
      if (result.finished) this.finishQuestion(question.id);
      this.options.emit('answer', { questionId: question.id, response });
    } catch (error) {
      outcome.replaceChildren(h('p', { class: 'issues' }, error instanceof Error ? error.message : String(error)));
    }
  }

  /** A finished question takes no more changes: its controls are disabled (the fieldset), its outcome stays. */
  private finishQuestion(questionId: string): void {
    const fieldset = this.byId(`question-${questionId}`)?.querySelector('fieldset');
    if (fieldset) fieldset.disabled = true;
  }

  private updateProgress(): void {
    const progress = this.byId('progress');
    if (progress) progress.textContent = this.messages.progress(Object.keys(this.responses).length, this.session.view.questions.length);
  }

  private record(questionId: string, response: AnyResponse | null): void {
    if (response === null) delete this.responses[questionId];
    else this.responses[questionId] = response;
    this.updateProgress();
    const state = this.byId(`state-${questionId}`);
    if (state) state.textContent = response === null ? this.messages.notAnswered : this.messages.answered;
    this.queue?.set(questionId, response);
    this.options.emit('answer', { questionId, response });
    // An open summary lists what is unanswered: keep it true.
    if (this.byId('confirm')?.hidden === false) this.confirm(false);
  }

  /** A "Retry now" button: saves every answer not yet saved, at once. */
  private retryButton(id: string, hidden = false): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'retry', id, hidden }, this.messages.retryNow);
    button.addEventListener('click', () => this.queue?.retryNow());
    return button;
  }

  /** Shows (and, through the question's polite status region, announces) where its answer stands. */
  private showSaveStatus(questionId: string, status: SaveStatus): void {
    const { messages } = this;
    const line = this.byId(`save-${questionId}`);
    if (line) {
      const text =
        status.state === 'saving' ? messages.saving : status.state === 'saved' ? messages.saved : status.state === 'unsaved' ? messages.unsaved : messages.refused(status.message);
      // Rewriting the same text could make a screen reader say it again on every retry.
      if (line.textContent !== text) line.textContent = text;
      line.dataset.state = status.state;
    }
    const retry = this.byId(`retry-${questionId}`);
    if (retry) retry.hidden = status.state !== 'unsaved' && status.state !== 'refused';
    // A submission blocked by unsaved answers: keep its list current.
    if (this.byId('unsaved-block')?.hasChildNodes()) this.showUnsaved();
  }

  /** A button that takes the learner to a question (focus on its heading). */
  private goToQuestion(questionId: string, label: string): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'link-button' }, label);
    button.addEventListener('click', () => {
      const heading = this.byId(`heading-${questionId}`);
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    });
    return button;
  }

  /**
   * Lists the answers that are not saved, above the submit button, with a
   * "Retry now" button; once all are saved, says that submitting is possible.
   */
  private showUnsaved(): void {
    const block = this.byId('unsaved-block');
    if (!block || !this.queue) return;
    const { messages } = this;
    const unsaved = this.queue.unsaved();
    if (unsaved.length === 0) {
      delete block.dataset.signature;
      block.replaceChildren(h('p', { class: 'all-saved' }, messages.allSaved));
      return;
    }
    const { questions } = this.session.view;
    // Rebuilt only when what it lists changes: the queue reports every retry, and a button
    // replaced under the learner's finger (or pointer) would never take the click.
    const signature = JSON.stringify(
      unsaved.map((id) => {
        const status = this.queue!.status(id);
        return [id, status.state, status.state === 'refused' ? status.message : ''];
      }),
    );
    if (block.dataset.signature === signature && block.querySelector('#retry-all')) return;
    block.dataset.signature = signature;
    block.replaceChildren(
      h('p', {}, messages.cannotSubmitUnsaved(unsaved.length)),
      h(
        'ul',
        { class: 'unsaved-list' },
        ...unsaved.map((id) => {
          const index = questions.findIndex((question) => question.id === id);
          const status = this.queue!.status(id);
          const why = status.state === 'refused' ? ` (${status.message})` : status.state === 'saving' ? ` (${messages.saving})` : '';
          return h('li', {}, this.goToQuestion(id, `${messages.questionNumber(index + 1, questions.length)}: ${questions[index]?.prompt ?? id}`), why);
        }),
      ),
      this.retryButton('retry-all'),
    );
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const alert = this.byId('alert');
    if (alert) alert.textContent = message;
    this.options.emit('error', { message, error });
  }

  /** Another tab saved this attempt: ask whose answers to keep; until then nothing is saved or submitted. */
  private otherTabChanged(): void {
    this.tabConflict = true;
    const block = this.byId('tab-conflict');
    if (!block || block.hasChildNodes()) return;
    const { messages } = this;
    const settle = (keep: 'this' | 'other') => {
      void this.backend.settleTabs!(keep).then(
        (session) => {
          this.tabConflict = false;
          block.replaceChildren();
          if (keep === 'other') this.show(session);
          else this.queue?.retryNow();
          this.byId('quiz-title')?.focus();
        },
        (error: unknown) => this.fail(error),
      );
    };
    const other = h('button', { type: 'button', id: 'use-other-tab' }, messages.useOtherTab);
    const mine = h('button', { type: 'button', id: 'keep-this-tab' }, messages.keepThisTab);
    other.addEventListener('click', () => settle('other'));
    mine.addEventListener('click', () => settle('this'));
    block.replaceChildren(h('p', {}, messages.otherTab), h('p', { class: 'actions' }, other, ' ', mine));
    this.options.emit('error', { message: messages.otherTab, code: 'other_tab' });
  }

  private startTimer(deadline: number): void {
    const { messages } = this;
    // Each warning once, from the largest: a reload past one does not repeat it.
    const warnings = [...this.options.timeWarnings].sort((a, b) => b - a).filter((seconds) => deadline - Date.now() > seconds * 1000);
    const tick = () => {
      const left = deadline - Date.now();
      const timer = this.byId('timer');
      if (timer) {
        timer.textContent = messages.timeLeft(clock(left));
        timer.classList.toggle('urgent', left <= 60_000);
      }
      while (warnings.length > 0 && left <= warnings[0]! * 1000) {
        const seconds = warnings.shift()!;
        this.alarm(seconds >= 60 && seconds % 60 === 0 ? messages.minutesLeft(seconds / 60) : messages.secondsLeft(seconds));
      }
      if (left <= 0) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.alarm(messages.timeUp);
        void this.submit(true);
      }
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }

  /**
   * The summary step before the final submission: how many questions are
   * unanswered (each a button to go to it), that submitting is final, and
   * "Submit now" / "Keep answering".
   */
  private confirm(focus = true): void {
    const panel = this.byId('confirm');
    if (!panel) return;
    const { messages } = this;
    if (this.tabConflict) {
      this.fail(messages.resolveOtherTabFirst);
      return;
    }
    // An answer that is not saved blocks the submission: list it first (with "Retry now"), not the summary.
    if (focus && this.queue && this.queue.unsaved().length > 0) {
      panel.hidden = true;
      this.showUnsaved();
      return;
    }
    const { questions } = this.session.view;
    const unanswered = questions.map((question, index) => ({ question, index })).filter(({ question }) => !Object.hasOwn(this.responses, question.id));
    const now = h('button', { type: 'button', id: 'submit-now', class: 'primary' }, messages.submitNow);
    const back = h('button', { type: 'button', id: 'keep-answering' }, messages.keepAnswering);
    now.addEventListener('click', () => void this.submit());
    back.addEventListener('click', () => {
      panel.hidden = true;
      this.byId('submit')?.focus();
    });
    panel.replaceChildren(
      ...present(
      h('h2', { id: 'confirm-heading', tabindex: '-1' }, messages.confirmHeading),
      unanswered.length === 0
        ? h('p', {}, messages.allAnswered(questions.length))
        : h('p', {}, messages.someUnanswered(unanswered.length, questions.length)),
      unanswered.length > 0 &&
        h(
          'ul',
          { class: 'unanswered-list' },
          ...unanswered.map(({ question, index }) => {
            const go = this.goToQuestion(question.id, `${messages.questionNumber(index + 1, questions.length)}: ${question.prompt}`);
            go.addEventListener('click', () => (panel.hidden = true));
            return h('li', {}, go);
          }),
        ),
      h('p', { class: 'final-warning' }, messages.finalWarning),
      h('p', { class: 'actions' }, now, ' ', back),
      ),
    );
    panel.hidden = false;
    if (focus) this.byId('confirm-heading')?.focus();
  }

  /**
   * Submits, but never past an unsaved answer: the learner's submission waits
   * for saves in flight, and is blocked (with the list and "Retry now") while
   * any answer is not saved. When time is up (`forced`), the unsaved answers
   * get one more try, and then the attempt is submitted anyway: the server
   * would refuse them after the deadline.
   */
  private async submit(forced = false): Promise<void> {
    if (this.submitting) return;
    if (this.tabConflict && !forced) return this.fail(this.messages.resolveOtherTabFirst);
    this.submitting = true;
    const { messages } = this;
    const buttons = [this.byId('submit'), this.byId('submit-now')];
    for (const button of buttons) button?.setAttribute('aria-disabled', 'true');
    try {
      const queue = this.queue;
      if (forced) queue?.retryNow();
      await queue?.settled();
      if (!forced && queue && queue.unsaved().length > 0) {
        for (const button of buttons) button?.removeAttribute('aria-disabled');
        const panel = this.byId('confirm');
        if (panel) panel.hidden = true;
        this.showUnsaved();
        return;
      }
      const lost = queue?.unsaved() ?? [];
      this.options.emit('submit', { quizId: this.backend.quizId, attemptNumber: this.session.view.attemptNumber, forced });
      const submitted = await this.backend.submit();
      this.show({ view: { ...this.session.view, status: 'submitted' }, submitted });
      if (lost.length > 0) {
        const numbers = lost.map((id) => this.session.view.questions.findIndex((question) => question.id === id) + 1);
        this.byId('result')?.prepend(h('p', { class: 'notice', id: 'notice' }, messages.timeRanOut(numbers)));
      }
      this.byId('result-heading')?.focus();
      const { result } = submitted;
      this.announce(
        messages.submitted(
          result.earned && result.possible && result.percent && result.passed !== undefined
            ? {
                earned: messages.number(formatFraction(result.earned)),
                possible: pointsText(messages, result.possible),
                percent: messages.number(formatFraction(result.percent)),
                passed: result.passed,
              }
            : undefined,
        ),
      );
      this.options.emit('result', submitted);
    } catch (error) {
      for (const button of buttons) button?.removeAttribute('aria-disabled');
      // fetch rejects with a TypeError when the network fails: nothing is lost, the attempt is still open.
      this.fail(error instanceof TypeError ? new Error(messages.serverUnreachable) : error);
    } finally {
      this.submitting = false;
    }
  }

  private result(submitted: Submitted): HTMLElement {
    const { messages } = this;
    const { result, review } = submitted;
    const again = h('button', { type: 'button', id: 'again' }, messages.startAgain);
    again.addEventListener('click', () => {
      void this.backend.restart().then(
        (session) => {
          this.show(session);
          this.byId('quiz-title')?.focus();
          this.announce(messages.attemptStarted(session.view.attemptNumber));
        },
        (error: unknown) => this.fail(error),
      );
    });
    const counts = new Map<string, number>();
    for (const entry of review.questions) if (entry.status !== undefined) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
    const passMark = messages.number(formatFraction(result.passMark));
    return h(
      'section',
      { class: `result${result.passed === undefined ? '' : result.passed ? ' passed' : ' failed'}`, id: 'result', part: 'result', 'aria-labelledby': 'result-heading' },
      h('h2', { id: 'result-heading', tabindex: '-1' }, messages.resultHeading),
      h(
        'p',
        { class: 'score', id: 'score' },
        result.earned && result.possible && result.percent && result.passed !== undefined
          ? messages.scoreLine(messages.number(formatFraction(result.earned)), pointsText(messages, result.possible), messages.number(formatFraction(result.percent)), result.passed, passMark)
          : messages.marksHidden(passMark),
      ),
      submitted.late && h('p', { class: 'late' }, messages.late),
      h(
        'p',
        { class: 'counts' },
        (Object.keys(messages.status) as (keyof PlayerMessages['status'])[])
          .filter((status) => counts.has(status))
          .map((status) => `${messages.status[status]}: ${counts.get(status)}`)
          .join(' · '),
      ),
      h('h2', {}, messages.reviewHeading),
      h('ol', { class: 'review' }, ...review.questions.map((entry, index) => reviewItem(messages, entry, index))),
      again,
    );
  }
}
