// Typechecked by `tsc -p .` (the typecheck step of `npm test`): <quizkit-player>
// is a typed JSX element in React 19 with `quizkit/player/react`, a typed
// global component for Vue 3 with `quizkit/player/vue`, and
// `document.createElement('quizkit-player')` is a QuizkitPlayer. Each
// expected-error directive below fails the typecheck if its line stops being an error.
import type {} from 'quizkit/player/react';
import type {} from 'quizkit/player/vue';
import type { GlobalComponents } from 'vue';
import type { QuizkitPlayer } from 'quizkit/player';
import { northKoreaChina } from 'quizkit/modules';

export const ok = (
  <quizkit-player module={northKoreaChina} quiz-id="check" locale="fr" time-warnings="300 60" onresult={(event) => event.detail.result.passMark} onanswer={(event) => event.detail.questionId} />
);
// @ts-expect-error a module is an object, not a string
export const wrongModule = <quizkit-player module="north-korea-china" />;
// @ts-expect-error the result event's detail has no `score`
export const wrongDetail = <quizkit-player onresult={(event) => event.detail.score} />;
// @ts-expect-error exam mode needs a quiz id
export const wrongExam = <quizkit-player exam={{ api: 'https://exams.example.org/' }} />;

export const created = (document: Document): QuizkitPlayer => document.createElement('quizkit-player');
export type VuePlayer = GlobalComponents['quizkit-player'];
