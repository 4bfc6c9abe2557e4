/**
 * The player's styles, adopted into its shadow root as a constructed
 * stylesheet (no `<style>` element, so a strict CSP without
 * `'unsafe-inline'` allows it). Hosts theme the player with the custom
 * properties on `:host` and style its parts with `::part()`.
 *
 * Colours meet WCAG AA contrast in the light and the dark scheme; status is
 * never shown by colour alone (each badge and mark has a word and a symbol);
 * forced-colours mode uses system colours. Logical properties (inline
 * start/end) make right-to-left languages lay out mirrored.
  *
 * @example
 * ```ts
 * import { PLAYER_CSS } from 'quizkit/player';
 * PLAYER_CSS.includes('--quizkit-accent'); //=> true
 * ```
 */
export const PLAYER_CSS = /* css */ `
:host {
  --quizkit-ink: #1b1f24;
  --quizkit-muted: #4a5360;
  --quizkit-line: #c9d0d9;
  --quizkit-paper: #ffffff;
  --quizkit-wash: #f4f6f9;
  --quizkit-accent: #1f5fbf;
  --quizkit-accent-hover: #174a96;
  --quizkit-on-accent: #ffffff;
  --quizkit-hover: #e8f0fb;
  --quizkit-focus: #b35c00;
  --quizkit-correct: #1b6e35;
  --quizkit-partial: #8a5a00;
  --quizkit-incorrect: #b3261e;
  --quizkit-notice: #fff6db;
  --quizkit-notice-line: #b08a1e;
  --quizkit-alert: #fde8e7;
  --quizkit-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif;
  display: block;
  font-family: var(--quizkit-font);
  line-height: 1.5;
  color: var(--quizkit-ink);
  background: var(--quizkit-wash);
  /* Long words and URLs wrap instead of widening the page. */
  overflow-wrap: anywhere;
  max-width: 100%;
}
@media (prefers-color-scheme: dark) {
  :host {
    --quizkit-ink: #e7eaee;
    --quizkit-muted: #b0b8c3;
    --quizkit-line: #434c58;
    --quizkit-paper: #1f242b;
    --quizkit-wash: #15191e;
    --quizkit-accent: #8ab8ff;
    --quizkit-accent-hover: #a9cbff;
    --quizkit-on-accent: #0d1117;
    --quizkit-hover: #27313d;
    --quizkit-focus: #ffb866;
    --quizkit-correct: #74d691;
    --quizkit-partial: #e8bb5a;
    --quizkit-incorrect: #ff9a90;
    --quizkit-notice: #3a3217;
    --quizkit-notice-line: #b08a1e;
    --quizkit-alert: #3d1c1a;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
.player { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
img, select, input, button, table { max-width: 100%; }

:focus-visible { outline: 3px solid var(--quizkit-focus); outline-offset: 2px; }
h1:focus-visible, h2:focus-visible { outline-offset: 4px; }
[hidden] { display: none !important; }

.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
a, .link-button { color: var(--quizkit-accent); }
.link-button { border: 0; background: none; padding: 0; text-decoration: underline; text-align: start; }

.module-title { margin: 0; color: var(--quizkit-muted); font-size: 0.95rem; }
.meta, .progress, .hint, .q-state, .counts { color: var(--quizkit-muted); }
.meta { margin: 0.25rem 0 1rem; font-size: 0.95rem; }
.notice, .tab-conflict:not(:empty) { background: var(--quizkit-notice); border: 1px solid var(--quizkit-notice-line); padding: 0.5rem 0.75rem; border-radius: 6px; margin: 0.5rem 0; }
.alert:empty, .tab-conflict:empty { display: none; }
.alert { background: var(--quizkit-alert); border: 1px solid var(--quizkit-incorrect); color: var(--quizkit-ink); padding: 0.5rem 0.75rem; border-radius: 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0 0; }

.quizzes ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.quizzes a[aria-current="page"] { font-weight: 700; color: var(--quizkit-ink); text-decoration: none; border-bottom: 3px solid var(--quizkit-accent); }

.reading { background: var(--quizkit-paper); border: 1px solid var(--quizkit-line); border-radius: 8px; padding: 0.5rem 1rem; margin-bottom: 1rem; }
.reading summary { cursor: pointer; font-weight: 600; padding: 0.25rem 0; }
.reading h2 { font-size: 1.05rem; margin-top: 1rem; }

/* The timer and progress stay in view while the learner scrolls. */
.status-bar {
  position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline;
  background: var(--quizkit-wash); border-bottom: 1px solid var(--quizkit-line); padding: 0.4rem 0; margin-bottom: 0.75rem;
}
.status-bar p { margin: 0; }
.timer { font-weight: 700; color: var(--quizkit-ink); }
.timer.urgent { color: var(--quizkit-incorrect); }

ol.questions, ol.review { list-style: none; padding: 0; margin: 0; }
.question, .review-item { background: var(--quizkit-paper); border: 1px solid var(--quizkit-line); border-radius: 8px; margin: 0 0 1rem; padding: 1rem; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { padding: 0; margin-bottom: 0.25rem; max-width: 100%; }
.q-heading { font-size: 1.05rem; margin: 0; font-weight: 600; }
.q-heading .q-number { display: block; color: var(--quizkit-muted); font-size: 0.9rem; font-weight: 400; }
.q-heading .q-points { color: var(--quizkit-muted); font-size: 0.95rem; font-weight: 400; }
.cost { margin: 0.25rem 0; font-weight: 600; color: var(--quizkit-incorrect); }
.hint { margin: 0.25rem 0 0.75rem; font-size: 0.95rem; }
.q-state { margin: 0.5rem 0 0; font-size: 0.9rem; }
.source-link { font-size: 0.9rem; }

.option { display: flex; align-items: flex-start; gap: 0.6rem; padding: 0.35rem 0.5rem; border-radius: 6px; }
.option input { width: 1.15rem; height: 1.15rem; margin: 0.2rem 0 0; flex: none; accent-color: var(--quizkit-accent); }
.option label { flex: 1; min-width: 0; cursor: pointer; }
.clear-choice { margin-top: 0.4rem; font-size: 0.9rem; }
.behaviour-rule { margin: 0.25rem 0; font-size: 0.95rem; }
.check-line { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0.5rem 1rem; margin-top: 0.6rem; }
.certainty { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.certainty legend { font-weight: 600; margin-bottom: 0.2rem; }
.outcome { flex-basis: 100%; }
.tries { margin: 0 0 0.5rem; padding-inline-start: 1.2rem; font-size: 0.95rem; color: var(--quizkit-muted); }
.tries .counted { color: var(--quizkit-ink); font-weight: 600; }
.outcome:empty { display: none; }
.outcome p { margin: 0.2rem 0; }
.try-status.status-correct { color: var(--quizkit-correct); }
.try-status.status-partial { color: var(--quizkit-partial); }
.try-status.status-incorrect { color: var(--quizkit-incorrect); }
fieldset:disabled .option label { cursor: default; }

.match { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 14rem); gap: 0.75rem; align-items: center; padding: 0.4rem 0; border-top: 1px solid var(--quizkit-wash); }
.match:first-child { border-top: 0; }
select { font: inherit; width: 100%; padding: 0.3rem 0.4rem; border: 1px solid var(--quizkit-muted); border-radius: 6px; background: var(--quizkit-paper); color: var(--quizkit-ink); text-overflow: ellipsis; }

ol.ordering { list-style: none; counter-reset: position; padding: 0; margin: 0; }
.order-item {
  counter-increment: position; display: flex; align-items: center; gap: 0.6rem;
  background: var(--quizkit-wash); border: 1px solid var(--quizkit-line); border-radius: 6px;
  padding: 0.4rem 0.5rem; margin: 0 0 0.4rem;
}
.order-item::before { content: counter(position) "."; font-weight: 700; min-width: 1.5rem; text-align: end; }
.order-item .grip { cursor: grab; touch-action: none; color: var(--quizkit-muted); border-color: var(--quizkit-line); font-size: 1.2rem; line-height: 1; padding: 0.35rem 0.5rem; }
.order-item .item-text { flex: 1; min-width: 0; }
.order-item .moves { display: flex; gap: 0.3rem; flex: none; }
.order-item.dragging, .order-item.lifted { border-color: var(--quizkit-accent); box-shadow: 0 0 0 2px var(--quizkit-accent); }
.order-item.dragging .grip { cursor: grabbing; }
.keep-order { margin-top: 0.5rem; }

button {
  font: inherit; padding: 0.35rem 0.7rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--quizkit-accent); background: var(--quizkit-paper); color: var(--quizkit-accent);
}
/* Hover only where there is hover: on touch screens a tapped button would stay highlighted. */
@media (hover: hover) {
  .option:hover { background: var(--quizkit-wash); }
  button:hover { background: var(--quizkit-hover); }
  button.primary:hover { background: var(--quizkit-accent-hover); }
}
button.move { font-size: 0.85rem; padding: 0.2rem 0.5rem; }
button[aria-disabled="true"] { border-color: var(--quizkit-line); color: var(--quizkit-muted); cursor: default; background: var(--quizkit-paper); }
button.primary { background: var(--quizkit-accent); color: var(--quizkit-on-accent); font-weight: 600; padding: 0.55rem 1.2rem; }

.submit-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; justify-content: flex-end; }
.confirm { flex-basis: 100%; background: var(--quizkit-paper); border: 2px solid var(--quizkit-accent); border-radius: 8px; padding: 0.75rem 1rem; }
.confirm h2 { margin-top: 0; }
.final-warning { font-weight: 600; }

.result { margin-top: 0.5rem; }
.result > h2:first-child { margin-top: 0; }
.score { font-size: 1.3rem; font-weight: 700; margin: 0.25rem 0; }
.result.passed .score { color: var(--quizkit-correct); }
.result.failed .score { color: var(--quizkit-incorrect); }
.late { color: var(--quizkit-incorrect); font-weight: 600; }
.review-item { border-inline-start-width: 6px; }
.review-item.status-correct { border-inline-start-color: var(--quizkit-correct); }
.review-item.status-partial { border-inline-start-color: var(--quizkit-partial); }
.review-item.status-incorrect, .review-item.status-invalid { border-inline-start-color: var(--quizkit-incorrect); }
.review-item.status-unanswered { border-inline-start-color: var(--quizkit-muted); }
.review-status { margin: 0 0 0.5rem; }
.badge { font-weight: 700; }
.status-correct .badge { color: var(--quizkit-correct); }
.status-partial .badge { color: var(--quizkit-partial); }
.status-incorrect .badge, .status-invalid .badge { color: var(--quizkit-incorrect); }
.status-unanswered .badge { color: var(--quizkit-muted); }
.answers { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; margin: 0.5rem 0; }
.answers dt { font-weight: 600; }
.answers dd { margin: 0; }
.answer-list { margin: 0; padding-inline-start: 1.2rem; }
.part-wrong, .part-missed { color: var(--quizkit-incorrect); }
.part-right { color: var(--quizkit-correct); }
.part-word { font-size: 0.9rem; }
.feedback { margin: 0.5rem 0; padding-inline-start: 1.2rem; }
.feedback li { margin-bottom: 0.2rem; }
.issues { color: var(--quizkit-incorrect); }
.explanation { margin: 0.5rem 0; }
.quote { margin: 0.5rem 0 0; padding: 0.25rem 0.75rem; border-inline-start: 3px solid var(--quizkit-line); color: var(--quizkit-muted); font-style: italic; }
#again { margin-top: 0.5rem; }

/* Saving answers: each question says whether its answer is saved, in words. */
.save-line { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
.save-state { margin: 0.25rem 0 0; font-size: 0.9rem; color: var(--quizkit-muted); }
.save-state:empty { display: none; }
.save-state[data-state="unsaved"], .save-state[data-state="refused"] { color: var(--quizkit-incorrect); font-weight: 600; }
button.retry { font-size: 0.85rem; padding: 0.2rem 0.6rem; }
.unsaved-block { flex-basis: 100%; }
.unsaved-block:empty { display: none; }
.unsaved-block:not(:has(.all-saved)) { background: var(--quizkit-alert); border: 1px solid var(--quizkit-incorrect); padding: 0.5rem 0.75rem; border-radius: 6px; }
.unsaved-block p { margin: 0 0 0.25rem; }
.unsaved-list { margin: 0 0 0.5rem; }

/* Phones: one column. Answers in the review take the full width. */
@media (max-width: 34rem) {
  .player { padding: 1rem 0.75rem 3rem; }
  .match { grid-template-columns: minmax(0, 1fr); gap: 0.3rem; }
  .order-item { flex-wrap: wrap; }
  .answers { grid-template-columns: minmax(0, 1fr); }
}
@media (prefers-reduced-motion: no-preference) {
  .order-item { transition: box-shadow 120ms ease; }
}
/* Forced colours (Windows high contrast): system colours, and disabled looks disabled. */
@media (forced-colors: active) {
  button[aria-disabled="true"] { color: GrayText; border-color: GrayText; }
  .order-item.dragging, .order-item.lifted { outline: 2px solid Highlight; }
  .badge, .part-mark { forced-color-adjust: auto; }
}
`;
