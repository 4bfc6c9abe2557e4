import type { PlayerMessages, StatisticInput } from './types.js';

const s = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The engine's statistics, in English words, from their structured data. */
function statistic({ name, value, of, wrong }: StatisticInput): string {
  switch (name) {
    case 'right-options-chosen':
      return `${value} of ${s(of, 'correct option')} chosen${wrong === undefined ? '' : `, ${s(wrong, 'wrong option')} chosen`}`;
    case 'statements-matched':
      return `${value} of ${s(of, 'statement')} matched correctly`;
    case 'items-in-place':
      return `${value} of ${s(of, 'item')} in the right position`;
    case 'position-points':
      return `${value} of ${s(of, 'point')} for closeness to the right positions`;
    case 'correct-successors':
    case 'correct-successors-and-last':
      return `${value} of ${s(of, 'item')} followed by the right item`;
    case 'correct-neighbours':
      return `${value} of ${s(of, 'neighbour')} right`;
    case 'inversions':
      return `${s(value, 'pair')} out of order, of ${of}`;
    case 'longest-consecutive-run':
      return `a longest run of ${value} of ${s(of, 'item')} in the right order, side by side`;
    case 'longest-ordered-subsequence':
      return `${value} of ${s(of, 'item')} in the right relative order`;
    default:
      return `${value} of ${of}`;
  }
}

/**
 * The player's texts in English (the default).
 *
 * @example
 * ```ts
 * import { PLAYER_MESSAGES_EN } from 'quizkit/player';
 * PLAYER_MESSAGES_EN.progress(3, 9); //=> '3 of 9 questions answered'
 * ```
 */
export const PLAYER_MESSAGES_EN: PlayerMessages = {
  language: 'en',
  direction: 'ltr',
  number: (decimal) => decimal,
  points: (amount, one) => `${amount} ${one ? 'point' : 'points'}`,
  loading: 'Loading the quiz…',
  couldNotShow: 'The quiz could not be shown',
  hints: {
    'single-choice': 'Choose one answer.',
    'multiple-choice': 'Choose every answer that applies.',
    ordering:
      'Put the items in order: drag an item by its handle, or use Move up and Move down. With the keyboard, press Space on a handle to lift the item, the arrow keys to move it, and Space to drop it. Your order counts as an answer once you have moved an item, or chosen “Use this order”.',
    matching: 'Choose who each statement belongs to.',
  },
  questionNumber: (index, total) => `Question ${index} of ${total}`,
  questionCount: (count) => s(count, 'question'),
  meta: (questions, points, passMark, attempt, mode) => `${questions} · ${points} · pass mark ${passMark}% · attempt ${attempt} · ${mode} mode`,
  wrongAnswersCost: 'Wrong answers cost points: leave the question unanswered if you are not sure.',
  clearChoice: 'Clear my choice',
  choiceCleared: 'Your choice is cleared: the question is not answered.',
  chooseActor: 'Choose…',
  noneOfThese: 'None of these',
  moveUp: 'Move up',
  moveDown: 'Move down',
  moveUpLabel: (item) => `Move up: ${item}`,
  moveDownLabel: (item) => `Move down: ${item}`,
  dragHandle: (item) => `Drag to reorder: ${item}`,
  useThisOrder: 'Use this order',
  orderKept: 'The order as shown is your answer.',
  moved: (item, position, total) => `${item} moved to position ${position} of ${total}.`,
  alreadyFirst: (item) => `${item} is already first.`,
  alreadyLast: (item) => `${item} is already last.`,
  lifted: (item, position, total) => `${item} lifted, at position ${position} of ${total}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`,
  dropped: (item, position, total) => `${item} dropped at position ${position} of ${total}.`,
  dragCancelled: (item, position, total) => `Move cancelled: ${item} is back at position ${position} of ${total}.`,
  answered: 'Answered',
  notAnswered: 'Not answered',
  progress: (answered, total) => `${answered} of ${s(total, 'question')} answered`,
  saving: 'Saving…',
  saved: 'Saved',
  unsaved: 'Not saved — retrying. Check your connection.',
  refused: (reason) => `Not saved: ${reason}`,
  retryNow: 'Retry now',
  cannotSubmitUnsaved: (count) =>
    `You can't submit yet: ${count === 1 ? 'this answer is' : 'these answers are'} not saved. Submitting now would lose ${count === 1 ? 'it' : 'them'}.`,
  allSaved: 'All your answers are saved now. You can submit.',
  submit: 'Submit answers…',
  confirmHeading: 'Submit your answers?',
  allAnswered: (total) => `You have answered all ${s(total, 'question')}.`,
  someUnanswered: (unanswered, total) => `You have not answered ${unanswered} of ${s(total, 'question')}:`,
  submitNow: 'Submit now',
  keepAnswering: 'Keep answering',
  finalWarning: 'Once submitted, your answers can no longer be changed.',
  timeLeft: (time) => `Time left: ${time}`,
  minutesLeft: (minutes) => `${s(minutes, 'minute')} left.`,
  secondsLeft: (seconds) => `${s(seconds, 'second')} left.`,
  timeUp: 'Time is up: your answers are being submitted.',
  submitted: (score) =>
    score === undefined
      ? 'Submitted. Your marks are not shown yet.'
      : `Submitted. Your score: ${score.earned} of ${score.possible}, ${score.percent}%. ${score.passed ? 'Passed' : 'Not passed'}.`,
  timeRanOut: (questions) =>
    `Time ran out before your ${questions.length === 1 ? 'answer to' : 'answers to'} ${questions.map((n) => `question ${n}`).join(', ')} could be saved, so ${questions.length === 1 ? 'it was' : 'they were'} not counted.`,
  resultHeading: 'Your result',
  scoreLine: (earned, possible, percent, passed, passMark) =>
    `${earned} / ${possible} · ${percent}% · ${passed ? 'passed' : 'not passed'} (pass mark ${passMark}%)`,
  marksHidden: (passMark) => `Your answers are submitted; marks are not shown yet (pass mark ${passMark}%)`,
  late: 'Submitted after the time limit.',
  reviewHeading: 'Review',
  status: { correct: 'Correct', partial: 'Partly correct', incorrect: 'Incorrect', unanswered: 'Not answered', invalid: 'Invalid answer' },
  yourAnswer: 'Your answer',
  correctAnswer: 'Correct answer',
  noAnswer: '(no answer)',
  noneOfTheseLower: 'none of these',
  partWrong: 'wrong',
  partRight: 'right',
  partMissed: 'missed',
  feedback: 'Feedback',
  problems: 'Problems with the answer',
  why: 'Why: ',
  statistic,
  startAgain: 'Start a new attempt',
  attemptStarted: (attempt) => `Attempt ${attempt} started.`,
  quizzesNav: 'Quizzes in this module',
  reading: (title) => (title ? `The reading: ${title}` : 'The reading'),
  readingLink: (heading) => `Reading: ${heading}`,
  backToQuestion: (index) => `Back to question ${index}`,
  storageProblem:
    "Your progress can't be kept on this device: the browser's storage is full or turned off. You can take the quiz, but if you reload or close this page, you may have to start again.",
  otherTab: 'This quiz is open in another tab or window, and your answers there have changed. Which answers do you want to keep?',
  useOtherTab: 'Use the other tab’s answers',
  keepThisTab: 'Keep the answers in this tab',
  resolveOtherTabFirst: 'Choose which answers to keep (above) before you submit.',
  serverUnreachable: 'The server could not be reached, so the quiz is not submitted yet. Your answers are kept: try again in a moment.',
  quizChanged: 'The quiz has changed since your saved attempt, so a new attempt has started.',
  wrongQuiz: 'The saved attempt was for another quiz, so a new attempt has started.',
  unreadable: 'Your saved attempt could not be read, so a new attempt has started.',
  examGone: 'Your earlier attempt is no longer on the server, so a new attempt has started.',
  check: 'Check',
  nothingToCheck: 'Answer the question first, then check it.',
  behaviourRule: (behaviour, tries, penalty) =>
    behaviour === 'interactive'
      ? `You have ${s(tries ?? 1, 'try', 'tries')}: check your answer, and try again if it is wrong. Each wrong try costs ${penalty} of the points.`
      : behaviour === 'adaptive'
        ? `Check your answer and try until it is right. Each wrong try costs ${penalty} of the points.`
        : behaviour === 'immediate-cbm'
          ? 'One try, marked when you check it. Say how sure you are: a sure answer earns more if right and costs points if wrong.'
          : behaviour === 'deferred-cbm'
            ? 'Say how sure you are: a sure answer earns more if right and costs points if wrong.'
            : 'One try: your answer is marked when you check it.',
  certaintyQuestion: 'How sure are you?',
  certaintyLevels: ['Not very sure', 'Fairly sure', 'Very sure'],
  triesLeft: (left) => (Number.isFinite(left) ? `${s(left, 'try', 'tries')} left.` : 'Try again.'),
  questionDone: (earned, possible) => `Done: ${earned} of ${possible}.`,
  hint: 'Hint: ',
  tryLine: (n, raw, penalty, counted) => `Try ${n}: ${raw}${penalty ? ` − ${penalty} penalty` : ''}${counted ? ' (counted)' : ''}`,
};
