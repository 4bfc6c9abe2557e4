/// <reference lib="dom" />
/**
 * quizkit's reference player: a framework-free page that renders any quiz
 * from its learner view, takes answers with the mouse or the keyboard alone,
 * submits, and shows the score, each question's status and feedback, and the
 * review. It uses quizkit's public API only (`quizkit`, `quizkit/attempts`,
 * `quizkit/modules`) and runs under a strict Content-Security-Policy: no
 * inline script or style, and no HTML strings (every node is built with the
 * DOM, so quiz text can never become markup).
 *
 * Configuration: `data-*` attributes on `<body>`, overridden by the query
 * string (`?mode=exam&quiz=…`):
 *
 * - `mode`: `practice` (default: attempts run in the page, key included) or
 *   `exam` (the exam server holds the key; the page gets learner views only).
 * - `module`: practice mode: the URL of a module's JSON; without it, the
 *   built-in article module.
 * - `quiz`: the quiz id (default: the module's first quiz; required in exam mode).
 * - `api`: exam mode: the exam server's URL (default: this page's origin).
 * - `learner`: exam mode: the learner id (default: a random id kept in `localStorage`).
 *
 * See docs/player.md.
 */
import { type Fraction, type QuestionStatus, formatFraction } from 'quizkit';
import type { LearnerMatchingView, LearnerOrderingView, LearnerQuestionView, QuestionReview } from 'quizkit/attempts';
import { type AnyResponse, type Backend, type ModuleInfo, type Session, type Submitted, storageKey } from './backend.js';
import { type SaveQueue, type SaveStatus, createSaveQueue } from './save-queue.js';
import { type KeyValueStore, guardedStorage } from './storage.js';

// ── DOM helpers ────────────────────────────────────────────────────────────

type Child = Node | string | null | undefined | false;

/** The children that are there: drops `false`, `null` and `undefined`. */
const present = (...children: Child[]): (Node | string)[] => children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false);

/** Creates an element with attributes and children; text is always text, never markup. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | boolean | undefined>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...present(...children));
  return element;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const points = (x: Fraction) => `${formatFraction(x)} ${x.n === x.d ? 'point' : 'points'}`;
const clock = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

// ── Configuration ──────────────────────────────────────────────────────────

interface Config {
  readonly mode: 'practice' | 'exam';
  readonly module: string | undefined;
  readonly quiz: string | undefined;
  readonly api: string;
  readonly learner: string | undefined;
}

function readConfig(): Config {
  const params = new URLSearchParams(location.search);
  const data = document.body.dataset;
  const get = (name: string): string | undefined => {
    const value = params.get(name) ?? data[name];
    return value === null || value === undefined || value === '' ? undefined : value;
  };
  return {
    mode: get('mode') === 'exam' ? 'exam' : 'practice',
    module: get('module'),
    quiz: get('quiz'),
    api: new URL(get('api') ?? '/', location.href).href,
    learner: get('learner'),
  };
}

/** What the learner reads when the browser will not keep anything (storage full or disabled). */
const STORAGE_PROBLEM =
  "Your progress can't be kept on this device: the browser's storage is full or turned off. You can take the quiz, but if you reload or close this page, you may have to start again.";

/**
 * `localStorage`, guarded: where the browser refuses it (quota full, storage
 * disabled), values live in memory for this page and a visible, non-blocking
 * notice says that a reload may lose progress. The quiz opens either way.
 */
function browserStorage(): KeyValueStore {
  return guardedStorage(
    () => window.localStorage,
    () => {
      const notice = h('p', { class: 'notice storage-notice', id: 'storage-notice', role: 'status' }, STORAGE_PROBLEM);
      document.getElementById('main')?.before(notice);
    },
  );
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

// ── Announcements ──────────────────────────────────────────────────────────

/** Says something through the polite live region (screen readers read it out). */
function announcer(region: HTMLElement): (text: string) => void {
  return (text) => {
    // The same text twice in a row would not be re-read: vary it invisibly.
    region.textContent = region.textContent === text ? `${text}\u00a0` : text;
  };
}

// ── Question controls ──────────────────────────────────────────────────────

/** Reports a question's new response: `null` when it counts as no answer. */
type OnResponse = (response: AnyResponse | null) => void;

const HINTS: Readonly<Record<LearnerQuestionView['type'], string>> = {
  'single-choice': 'Choose one answer.',
  'multiple-choice': 'Choose every answer that applies.',
  ordering: 'Put the items in order: drag them, or use their Move up and Move down buttons. Your order counts as an answer once you have moved an item, or chosen “Use this order”.',
  matching: 'Choose who each statement belongs to.',
};

function choiceControl(question: Extract<LearnerQuestionView, { type: 'single-choice' | 'multiple-choice' }>, response: AnyResponse | undefined, onResponse: OnResponse): HTMLElement {
  const single = question.type === 'single-choice';
  const chosen = new Set(single ? (typeof response === 'string' ? [response] : []) : Array.isArray(response) ? response : []);
  const list = h('div', { class: 'options' });
  for (const option of question.options) {
    const id = `${question.id}--${option.id}`;
    const input = h('input', { type: single ? 'radio' : 'checkbox', id, name: question.id, value: option.id });
    input.checked = chosen.has(option.id);
    list.append(h('div', { class: 'option' }, input, h('label', { for: id }, option.text)));
  }
  list.addEventListener('change', () => {
    const checked = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
    if (single) onResponse(checked[0] ?? null);
    else onResponse(checked.length ? checked : null);
  });
  return list;
}

/** The select value for "none of these": not a possible actor id (ids never contain parentheses). */
const NONE = '(none)';

function matchingControl(question: LearnerMatchingView, response: AnyResponse | undefined, onResponse: OnResponse): HTMLElement {
  const given = response !== null && typeof response === 'object' && !Array.isArray(response) ? (response as Readonly<Record<string, string | null>>) : {};
  const rows = h('div', { class: 'matches' });
  const selects: HTMLSelectElement[] = [];
  for (const statement of question.statements) {
    const id = `${question.id}--${statement.id}`;
    const select = h(
      'select',
      { id, 'data-statement': statement.id },
      h('option', { value: '' }, 'Choose…'),
      ...question.actors.map((actor) => h('option', { value: actor.id }, actor.name)),
      question.allowNoMatch && h('option', { value: NONE }, 'None of these'),
    );
    if (Object.hasOwn(given, statement.id)) select.value = given[statement.id] === null ? NONE : (given[statement.id] ?? '');
    selects.push(select);
    rows.append(h('div', { class: 'match' }, h('label', { for: id }, statement.text), select));
  }
  rows.addEventListener('change', () => {
    const matches: Record<string, string | null> = {};
    for (const select of selects) {
      if (select.value === '') continue;
      matches[select.dataset.statement!] = select.value === NONE ? null : select.value;
    }
    onResponse(Object.keys(matches).length ? matches : null);
  });
  return rows;
}

/**
 * An ordering list: drag and drop, and Move up / Move down buttons for the
 * keyboard. After a move, focus stays on the button just used, now on the
 * item's new place, so pressing it again keeps moving the same item.
 */
function orderingControl(question: LearnerOrderingView, response: AnyResponse | undefined, onResponse: OnResponse, announce: (text: string) => void): HTMLElement {
  const texts = new Map(question.items.map((item) => [item.id, item.text]));
  const start = Array.isArray(response) && response.length === question.items.length ? response : question.items.map((item) => item.id);
  const list = h('ol', { class: 'ordering', id: `order-${question.id}`, 'aria-describedby': `hint-${question.id}` });
  const items = () => [...list.children] as HTMLLIElement[];
  const refresh = () => {
    const all = items();
    all.forEach((li, index) => {
      li.querySelector('.move-up')!.setAttribute('aria-disabled', String(index === 0));
      li.querySelector('.move-down')!.setAttribute('aria-disabled', String(index === all.length - 1));
    });
  };
  /** After an item was put somewhere: tell, save, and keep focus on `focus`. */
  const placed = (li: HTMLLIElement, from: number, focus?: HTMLElement) => {
    const to = items().indexOf(li);
    refresh();
    focus?.focus();
    if (to === from) return;
    announce(`${texts.get(li.dataset.id!)} moved to position ${to + 1} of ${question.items.length}.`);
    onResponse(items().map((item) => item.dataset.id!));
  };
  const step = (li: HTMLLIElement, delta: -1 | 1, button: HTMLElement) => {
    const all = items();
    const from = all.indexOf(li);
    const to = from + delta;
    if (to < 0 || to >= all.length) {
      announce(`${texts.get(li.dataset.id!)} is already ${delta < 0 ? 'first' : 'last'}.`);
      return;
    }
    if (delta < 0) all[to]!.before(li);
    else all[to]!.after(li);
    placed(li, from, button);
  };

  for (const id of start) {
    const text = texts.get(id) ?? id;
    const up = h('button', { type: 'button', class: 'move move-up', 'aria-label': `Move up: ${text}` }, h('span', { 'aria-hidden': 'true' }, '↑'), ' Move up');
    const down = h('button', { type: 'button', class: 'move move-down', 'aria-label': `Move down: ${text}` }, h('span', { 'aria-hidden': 'true' }, '↓'), ' Move down');
    const li = h('li', { class: 'order-item', draggable: 'true', 'data-id': id }, h('span', { class: 'grip', 'aria-hidden': 'true' }, '⠿'), h('span', { class: 'item-text' }, text), h('span', { class: 'moves' }, up, down));
    up.addEventListener('click', () => step(li, -1, up));
    down.addEventListener('click', () => step(li, 1, down));
    list.append(li);
  }
  refresh();

  // Drag and drop: the pointer's half of the target item says before or after it.
  let dragged: { li: HTMLLIElement; from: number } | undefined;
  const target = (event: DragEvent) => (event.target instanceof Element ? event.target.closest<HTMLLIElement>('li.order-item') : null);
  const clearMarks = () => list.querySelectorAll('.drop-before, .drop-after').forEach((li) => li.classList.remove('drop-before', 'drop-after'));
  const after = (li: HTMLLIElement, event: DragEvent) => {
    const box = li.getBoundingClientRect();
    return event.clientY > box.top + box.height / 2;
  };
  list.addEventListener('dragstart', (event) => {
    const li = target(event);
    if (!li) return;
    dragged = { li, from: items().indexOf(li) };
    event.dataTransfer?.setData('text/plain', texts.get(li.dataset.id!) ?? '');
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    li.classList.add('dragging');
  });
  list.addEventListener('dragover', (event) => {
    const li = target(event);
    if (!dragged || !li) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    clearMarks();
    if (li !== dragged.li) li.classList.add(after(li, event) ? 'drop-after' : 'drop-before');
  });
  list.addEventListener('drop', (event) => {
    const li = target(event);
    if (!dragged || !li) return;
    event.preventDefault();
    if (li !== dragged.li) {
      if (after(li, event)) li.after(dragged.li);
      else li.before(dragged.li);
    }
    placed(dragged.li, dragged.from);
  });
  list.addEventListener('dragend', () => {
    dragged?.li.classList.remove('dragging');
    dragged = undefined;
    clearMarks();
  });
  // The shuffled start may already be the order the learner wants (it is never
  // steered away from the key, which would reveal it): let them say so.
  const keep = h('button', { type: 'button', class: 'keep-order', id: `keep-${question.id}` }, 'Use this order');
  keep.addEventListener('click', () => {
    announce('The order as shown is your answer.');
    onResponse(items().map((item) => item.dataset.id!));
  });
  return h('div', { class: 'ordering-control' }, list, keep);
}

// ── Review ─────────────────────────────────────────────────────────────────

const STATUS: Readonly<Record<QuestionStatus, { label: string; icon: string }>> = {
  correct: { label: 'Correct', icon: '✓' },
  partial: { label: 'Partly correct', icon: '◐' },
  incorrect: { label: 'Incorrect', icon: '✗' },
  unanswered: { label: 'Not answered', icon: '–' },
  invalid: { label: 'Invalid answer', icon: '!' },
};

/** A response in words, from the question as it was shown. */
function responseText(question: LearnerQuestionView, response: AnyResponse | undefined): Node {
  if (response === undefined) return document.createTextNode('(no answer)');
  const list = (tag: 'ul' | 'ol', entries: readonly string[]) => h(tag, { class: 'answer-list' }, ...entries.map((entry) => h('li', {}, entry)));
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const text = new Map(question.options.map((option) => [option.id, option.text]));
      const ids = typeof response === 'string' ? [response] : Array.isArray(response) ? response : [];
      return ids.length === 1 ? document.createTextNode(text.get(ids[0]!) ?? ids[0]!) : list('ul', ids.map((id) => text.get(id) ?? id));
    }
    case 'ordering': {
      const text = new Map(question.items.map((item) => [item.id, item.text]));
      return list('ol', (Array.isArray(response) ? response : []).map((id) => text.get(id) ?? id));
    }
    case 'matching': {
      const actors = new Map(question.actors.map((actor) => [actor.id, actor.name]));
      const given = response !== null && typeof response === 'object' && !Array.isArray(response) ? (response as Readonly<Record<string, string | null>>) : {};
      return list(
        'ul',
        question.statements.map((statement) => {
          const actor = Object.hasOwn(given, statement.id) ? given[statement.id] : undefined;
          return `${statement.text} → ${actor === undefined ? '(no answer)' : actor === null ? 'none of these' : (actors.get(actor) ?? actor)}`;
        }),
      );
    }
  }
}

function reviewItem(entry: QuestionReview, index: number): HTMLElement {
  // A review shows only what its review policy allows (quizkit/attempts `reviewVisibility`): a hidden field is absent.
  const status = entry.status === undefined ? undefined : STATUS[entry.status];
  const headingId = `review-heading-${entry.questionId}`;
  return h(
    'li',
    { class: `review-item status-${entry.status ?? 'hidden'}`, id: `review-${entry.questionId}`, 'data-status': entry.status ?? 'hidden', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, h('span', { class: 'q-number' }, `${index + 1}. `), entry.question.prompt),
    status &&
      h(
        'p',
        { class: 'review-status' },
        h('span', { class: 'badge' }, h('span', { 'aria-hidden': 'true' }, `${status.icon} `), status.label),
        entry.earned && entry.possible && ` ${formatFraction(entry.earned)} / ${points(entry.possible)}`,
        entry.result.statistic && ` · ${entry.result.statistic.text}`,
      ),
    h(
      'dl',
      { class: 'answers' },
      h('dt', {}, 'Your answer'),
      h('dd', { class: 'your-answer' }, responseText(entry.question, entry.response)),
      entry.correctResponse !== undefined && entry.status !== 'correct' && h('dt', {}, 'Correct answer'),
      entry.correctResponse !== undefined && entry.status !== 'correct' && h('dd', { class: 'correct-answer' }, responseText(entry.question, entry.correctResponse)),
    ),
    entry.feedback !== undefined && entry.feedback.length > 0 && h('ul', { class: 'feedback', 'aria-label': 'Feedback' }, ...entry.feedback.map((text) => h('li', {}, text))),
    entry.result.issues !== undefined && entry.result.issues.length > 0 && h('ul', { class: 'issues', 'aria-label': 'Problems with the answer' }, ...entry.result.issues.map((issue) => h('li', {}, issue.message))),
    entry.explanation !== undefined && h('p', { class: 'explanation' }, h('strong', {}, 'Why: '), entry.explanation),
    entry.source.quote && h('blockquote', { class: 'quote' }, entry.source.quote),
  );
}

/** The score in words, or that the review policy holds the marks back for now. */
const scoreLine = (result: Submitted['result']) =>
  result.earned && result.possible && result.percent && result.passed !== undefined
    ? `${formatFraction(result.earned)} / ${points(result.possible)} · ${formatFraction(result.percent)}% · ${result.passed ? 'passed' : 'not passed'} (pass mark ${formatFraction(result.passMark)}%)`
    : `Your answers are submitted; marks are not shown yet (pass mark ${formatFraction(result.passMark)}%)`;

// ── The player ─────────────────────────────────────────────────────────────

class Player {
  private session!: Session;
  private responses: Record<string, AnyResponse> = {};
  /** Sends the answers; one per attempt shown, stopped once it is submitted. */
  private queue: SaveQueue<AnyResponse> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private submitting = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly backend: Backend,
    private readonly announce: (text: string) => void,
  ) {
    // Leaving the page while an answer is not saved would lose it: ask first.
    window.addEventListener('beforeunload', (event) => {
      if (!this.queue || this.queue.unsaved().length === 0) return;
      event.preventDefault();
      event.returnValue = ''; // older browsers need it set
    });
  }

  async open(): Promise<void> {
    this.show(await this.backend.open());
  }

  private show(session: Session): void {
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
    document.title = `${view.title} · quizkit`;
    const module = this.backend.module;
    this.root.replaceChildren(
      ...present(
        h(
          'header',
          { class: 'quiz-header' },
          module && h('p', { class: 'module-title' }, module.title),
          h('h1', { id: 'quiz-title', tabindex: '-1' }, view.title),
          view.description && h('p', { class: 'description' }, view.description),
          h(
            'p',
            { class: 'meta' },
            `${plural(view.questions.length, 'question')} · ${points(view.totalPoints)} · pass mark ${formatFraction(view.passMark)}% · attempt ${view.attemptNumber} · ${this.backend.mode} mode`,
          ),
        ),
        module && module.quizzes.length > 1 && this.quizPicker(module),
        session.notice !== undefined && h('p', { class: 'notice', id: 'notice' }, session.notice),
        h('div', { class: 'alert', id: 'alert', role: 'alert' }),
        module && module.reading.length > 0 && this.reading(module),
        session.submitted ? this.result(session.submitted) : this.form(),
      ),
    );
    if (!session.submitted && view.deadline !== undefined) this.startTimer(view.deadline);
  }

  private quizPicker(module: ModuleInfo): HTMLElement {
    return h(
      'nav',
      { class: 'quizzes', 'aria-label': 'Quizzes in this module' },
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
      { class: 'reading', id: 'reading' },
      h('summary', {}, module.sourceTitle ? `The reading: ${module.sourceTitle}` : 'The reading'),
      ...module.reading.map((section) =>
        h(
          'section',
          { id: `section-${section.id}`, 'aria-labelledby': `section-heading-${section.id}` },
          h('h2', { id: `section-heading-${section.id}` }, section.heading),
          ...section.text.split(/\n\s*\n/).map((paragraph) => h('p', {}, paragraph)),
        ),
      ),
    );
  }

  private form(): HTMLElement {
    const { view } = this.session;
    const progress = h('p', { class: 'progress', id: 'progress' });
    const submit = h('button', { type: 'submit', id: 'submit', class: 'primary' }, 'Submit answers');
    const form = h(
      'form',
      { class: 'quiz', id: 'quiz-form', 'aria-labelledby': 'quiz-title', novalidate: true },
      h('ol', { class: 'questions' }, ...view.questions.map((question, index) => this.question(question, index))),
      h(
        'div',
        { class: 'submit-bar' },
        view.deadline !== undefined && h('p', { class: 'timer', id: 'timer' }),
        progress,
        h('div', { class: 'unsaved-block', id: 'unsaved-block', role: 'alert' }),
        submit,
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    queueMicrotask(() => this.updateProgress());
    return form;
  }

  private question(question: LearnerQuestionView, index: number): HTMLElement {
    const { view } = this.session;
    const response = Object.hasOwn(this.responses, question.id) ? this.responses[question.id] : undefined;
    const onResponse: OnResponse = (next) => this.record(question.id, next);
    const control =
      question.type === 'ordering'
        ? orderingControl(question, response, onResponse, this.announce)
        : question.type === 'matching'
          ? matchingControl(question, response, onResponse)
          : choiceControl(question, response, onResponse);
    const section = this.backend.module?.reading.find((s) => s.id === question.section);
    const link = section && h('a', { href: `#section-${section.id}`, class: 'source-link' }, `Reading: ${section.heading}`);
    link?.addEventListener('click', () => {
      const reading = document.getElementById('reading');
      if (reading instanceof HTMLDetailsElement) reading.open = true;
    });
    return h(
      'li',
      { class: 'question', id: `question-${question.id}`, 'data-type': question.type },
      h(
        'fieldset',
        { 'aria-describedby': `hint-${question.id} state-${question.id}` },
        h(
          'legend',
          {},
          h('span', { class: 'q-number' }, `Question ${index + 1} of ${view.questions.length}`),
          h('span', { class: 'q-prompt' }, question.prompt),
          h('span', { class: 'q-points' }, `(${points(question.points)})`),
        ),
        h('p', { class: 'hint', id: `hint-${question.id}` }, HINTS[question.type]),
        control,
        h('p', { class: 'q-state', id: `state-${question.id}` }, response === undefined ? 'Not answered' : 'Answered'),
        h('div', { class: 'save-line' }, h('p', { class: 'save-state', id: `save-${question.id}`, role: 'status' }), this.retryButton(`retry-${question.id}`, true)),
        link,
      ),
    );
  }

  private setState(questionId: string, text: string): void {
    const state = document.getElementById(`state-${questionId}`);
    if (state) state.textContent = text;
  }

  private updateProgress(): void {
    const progress = document.getElementById('progress');
    const total = this.session.view.questions.length;
    if (progress) progress.textContent = `${Object.keys(this.responses).length} of ${plural(total, 'question')} answered`;
  }

  private record(questionId: string, response: AnyResponse | null): void {
    if (response === null) delete this.responses[questionId];
    else this.responses[questionId] = response;
    this.updateProgress();
    this.setState(questionId, response === null ? 'Not answered' : 'Answered');
    this.queue?.set(questionId, response);
  }

  /** A "Retry now" button: saves every answer not yet saved, at once. */
  private retryButton(id: string, hidden = false): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'retry', id, hidden }, 'Retry now');
    button.addEventListener('click', () => this.queue?.retryNow());
    return button;
  }

  /** Shows (and, through the question's polite status region, announces) where its answer stands. */
  private showSaveStatus(questionId: string, status: SaveStatus): void {
    const line = document.getElementById(`save-${questionId}`);
    if (line) {
      const text =
        status.state === 'saving'
          ? 'Saving…'
          : status.state === 'saved'
            ? 'Saved'
            : status.state === 'unsaved'
              ? 'Not saved — retrying. Check your connection.'
              : `Not saved: ${status.message}`;
      // Rewriting the same text could make a screen reader say it again on every retry.
      if (line.textContent !== text) line.textContent = text;
      line.dataset.state = status.state;
    }
    const retry = document.getElementById(`retry-${questionId}`);
    if (retry) retry.hidden = status.state !== 'unsaved' && status.state !== 'refused';
    // A submission blocked by unsaved answers: keep its list current.
    if (document.getElementById('unsaved-block')?.hasChildNodes()) this.showUnsaved();
  }

  /**
   * Lists the answers that are not saved, above the submit button, with a
   * "Retry now" button; once all are saved, says that submitting is possible.
   */
  private showUnsaved(): void {
    const block = document.getElementById('unsaved-block');
    if (!block || !this.queue) return;
    const unsaved = this.queue.unsaved();
    if (unsaved.length === 0) {
      block.replaceChildren(h('p', { class: 'all-saved' }, 'All your answers are saved now. You can submit.'));
      return;
    }
    const { questions } = this.session.view;
    block.replaceChildren(
      h('p', {}, `You can't submit yet: ${unsaved.length === 1 ? 'this answer is' : 'these answers are'} not saved. Submitting now would lose ${unsaved.length === 1 ? 'it' : 'them'}.`),
      h(
        'ul',
        { class: 'unsaved-list' },
        ...unsaved.map((id) => {
          const index = questions.findIndex((question) => question.id === id);
          const status = this.queue!.status(id);
          const why = status.state === 'refused' ? ` (${status.message})` : status.state === 'saving' ? ' (saving…)' : '';
          return h('li', {}, h('a', { href: `#question-${id}` }, `Question ${index + 1}: ${questions[index]?.prompt ?? id}`), why);
        }),
      ),
      this.retryButton('retry-all'),
    );
  }

  private fail(error: unknown): void {
    const alert = document.getElementById('alert');
    const message = error instanceof Error ? error.message : String(error);
    if (alert) alert.textContent = message;
  }

  private startTimer(deadline: number): void {
    const tick = () => {
      const left = deadline - Date.now();
      const timer = document.getElementById('timer');
      if (timer) timer.textContent = `Time left: ${clock(left)}`;
      if (left <= 60_000 && left > 59_000) this.announce('One minute left.');
      if (left <= 0) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.announce('Time is up: your answers are being submitted.');
        void this.submit(true);
      }
    };
    tick();
    this.timer = setInterval(tick, 1000);
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
    this.submitting = true;
    const button = document.getElementById('submit');
    button?.setAttribute('aria-disabled', 'true');
    try {
      const queue = this.queue;
      if (forced) queue?.retryNow();
      await queue?.settled();
      if (!forced && queue && queue.unsaved().length > 0) {
        button?.removeAttribute('aria-disabled');
        this.showUnsaved();
        return;
      }
      const lost = queue?.unsaved() ?? [];
      const submitted = await this.backend.submit();
      this.show({ view: { ...this.session.view, status: 'submitted' }, submitted, ...(lost.length > 0 ? { notice: this.lostNotice(lost) } : {}) });
      document.getElementById('result-heading')?.focus();
      const { result } = submitted;
      this.announce(
        result.earned && result.possible && result.percent
          ? `Submitted. Your score: ${formatFraction(result.earned)} of ${points(result.possible)}, ${formatFraction(result.percent)}%. ${result.passed ? 'Passed' : 'Not passed'}.`
          : 'Submitted. Your marks are not shown yet.',
      );
    } catch (error) {
      button?.removeAttribute('aria-disabled');
      // fetch rejects with a TypeError when the network fails: nothing is lost, the attempt is still open.
      this.fail(error instanceof TypeError ? new Error('The server could not be reached, so the quiz is not submitted yet. Your answers are kept: try again in a moment.') : error);
    } finally {
      this.submitting = false;
    }
  }

  /** Says which answers time ran out on before they could be saved (so they did not count). */
  private lostNotice(lost: readonly string[]): string {
    const { questions } = this.session.view;
    const numbers = lost.map((id) => `question ${questions.findIndex((question) => question.id === id) + 1}`);
    return `Time ran out before your ${lost.length === 1 ? 'answer to' : 'answers to'} ${numbers.join(', ')} could be saved, so ${lost.length === 1 ? 'it was' : 'they were'} not counted.`;
  }

  private result(submitted: Submitted): HTMLElement {
    const { result, review } = submitted;
    const again = h('button', { type: 'button', id: 'again' }, 'Start a new attempt');
    again.addEventListener('click', () => {
      void this.backend.restart().then(
        (session) => {
          this.show(session);
          document.getElementById('quiz-title')?.focus();
          this.announce(`Attempt ${session.view.attemptNumber} started.`);
        },
        (error: unknown) => this.fail(error),
      );
    });
    const counts = new Map<QuestionStatus, number>();
    for (const entry of review.questions) if (entry.status !== undefined) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
    return h(
      'section',
      { class: `result${result.passed === undefined ? '' : result.passed ? ' passed' : ' failed'}`, id: 'result', 'aria-labelledby': 'result-heading' },
      h('h2', { id: 'result-heading', tabindex: '-1' }, 'Your result'),
      h('p', { class: 'score', id: 'score' }, scoreLine(result)),
      submitted.late && h('p', { class: 'late' }, 'Submitted after the time limit.'),
      h(
        'p',
        { class: 'counts' },
        (Object.keys(STATUS) as QuestionStatus[])
          .filter((status) => counts.has(status))
          .map((status) => `${STATUS[status].label}: ${counts.get(status)}`)
          .join(' · '),
      ),
      h('h2', {}, 'Review'),
      h('ol', { class: 'review' }, ...review.questions.map((entry, index) => reviewItem(entry, index))),
      again,
    );
  }
}

// ── Start ──────────────────────────────────────────────────────────────────

async function createBackend(config: Config): Promise<Backend> {
  const storage = browserStorage();
  if (config.mode === 'exam') {
    if (config.quiz === undefined) throw new Error('Exam mode needs a quiz id: add ?quiz=… to the address, or data-quiz to <body>.');
    const { createExamBackend } = await import('./exam.js');
    return createExamBackend(config.api, config.quiz, learnerId(config.learner, storage), storage);
  }
  const { createPracticeBackend, loadModule } = await import('./practice.js');
  return createPracticeBackend(await loadModule(config.module), config.quiz, storage);
}

async function start(): Promise<void> {
  const root = document.getElementById('main')!;
  const announce = announcer(document.getElementById('announcer')!);
  try {
    const player = new Player(root, await createBackend(readConfig()), announce);
    await player.open();
  } catch (error) {
    root.replaceChildren(h('h1', {}, 'The quiz could not be shown'), h('p', { class: 'alert', role: 'alert' }, error instanceof Error ? error.message : String(error)));
  }
}

void start();
