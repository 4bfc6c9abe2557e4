import type { PlayerMessages, StatisticInput } from './types.js';

// French plural: 0 and 1 take the singular.
const s = (count: number, one: string, many = `${one}s`) => `${count} ${count <= 1 ? one : many}`;

function statistic({ name, value, of, wrong }: StatisticInput): string {
  switch (name) {
    case 'right-options-chosen':
      return `${value} sur ${s(of, 'bonne réponse')} choisie${value > 1 ? 's' : ''}${wrong === undefined ? '' : `, ${s(wrong, 'mauvaise réponse')} choisie${wrong > 1 ? 's' : ''}`}`;
    case 'statements-matched':
      return `${value} sur ${s(of, 'affirmation')} bien attribuée${value > 1 ? 's' : ''}`;
    case 'items-in-place':
      return `${value} sur ${s(of, 'élément')} à la bonne place`;
    case 'position-points':
      return `${value} sur ${s(of, 'point')} pour la proximité des bonnes places`;
    case 'correct-successors':
    case 'correct-successors-and-last':
      return `${value} sur ${s(of, 'élément')} suivi${value > 1 ? 's' : ''} du bon élément`;
    case 'correct-neighbours':
      return `${value} sur ${s(of, 'voisin')} justes`;
    case 'inversions':
      return `${s(value, 'paire')} dans le désordre, sur ${of}`;
    case 'longest-consecutive-run':
      return `une plus longue suite de ${value} sur ${s(of, 'élément')} côte à côte dans le bon ordre`;
    case 'longest-ordered-subsequence':
      return `${value} sur ${s(of, 'élément')} dans le bon ordre relatif`;
    default:
      return `${value} sur ${of}`;
  }
}

/**
 * The player's texts in French: a complete second locale.
 *
 * @example
 * ```ts
 * import { PLAYER_MESSAGES_FR } from 'quizkit/player';
 * PLAYER_MESSAGES_FR.progress(3, 9); //=> '3 questions sur 9 répondues'
 * ```
 */
export const PLAYER_MESSAGES_FR: PlayerMessages = {
  language: 'fr',
  direction: 'ltr',
  number: (decimal) => decimal.replace('.', ','),
  points: (amount, one) => `${amount} ${one ? 'point' : 'points'}`,
  loading: 'Chargement du quiz…',
  couldNotShow: 'Le quiz n’a pas pu être affiché',
  hints: {
    'single-choice': 'Choisissez une réponse.',
    'multiple-choice': 'Choisissez toutes les réponses qui conviennent.',
    ordering:
      'Mettez les éléments dans l’ordre : faites glisser un élément par sa poignée, ou utilisez Monter et Descendre. Au clavier, appuyez sur Espace sur une poignée pour saisir l’élément, sur les flèches pour le déplacer et sur Espace pour le déposer. Votre ordre compte comme une réponse dès que vous avez déplacé un élément ou choisi « Garder cet ordre ».',
    matching: 'Choisissez à qui revient chaque affirmation.',
  },
  questionNumber: (index, total) => `Question ${index} sur ${total}`,
  questionCount: (count) => s(count, 'question'),
  meta: (questions, points, passMark, attempt, mode) =>
    `${questions} · ${points} · seuil de réussite ${passMark} % · tentative ${attempt} · mode ${mode === 'exam' ? 'examen' : 'entraînement'}`,
  wrongAnswersCost: 'Les mauvaises réponses coûtent des points : laissez la question sans réponse si vous n’êtes pas sûr.',
  clearChoice: 'Effacer mon choix',
  choiceCleared: 'Votre choix est effacé : la question est sans réponse.',
  chooseActor: 'Choisir…',
  noneOfThese: 'Aucun de ceux-ci',
  moveUp: 'Monter',
  moveDown: 'Descendre',
  moveUpLabel: (item) => `Monter : ${item}`,
  moveDownLabel: (item) => `Descendre : ${item}`,
  dragHandle: (item) => `Faire glisser pour réordonner : ${item}`,
  useThisOrder: 'Garder cet ordre',
  orderKept: 'L’ordre affiché est votre réponse.',
  moved: (item, position, total) => `${item} déplacé en position ${position} sur ${total}.`,
  alreadyFirst: (item) => `${item} est déjà en premier.`,
  alreadyLast: (item) => `${item} est déjà en dernier.`,
  lifted: (item, position, total) =>
    `${item} saisi, en position ${position} sur ${total}. Flèches pour le déplacer, Espace pour le déposer, Échap pour annuler.`,
  dropped: (item, position, total) => `${item} déposé en position ${position} sur ${total}.`,
  dragCancelled: (item, position, total) => `Déplacement annulé : ${item} est revenu en position ${position} sur ${total}.`,
  answered: 'Répondu',
  notAnswered: 'Sans réponse',
  progress: (answered, total) => `${s(answered, 'question')} sur ${total} répondue${answered > 1 ? 's' : ''}`,
  saving: 'Enregistrement…',
  saved: 'Enregistré',
  unsaved: 'Non enregistré — nouvel essai en cours. Vérifiez votre connexion.',
  refused: (reason) => `Non enregistré : ${reason}`,
  retryNow: 'Réessayer maintenant',
  cannotSubmitUnsaved: (count) =>
    `Vous ne pouvez pas encore envoyer : ${count <= 1 ? 'cette réponse n’est pas enregistrée' : 'ces réponses ne sont pas enregistrées'}. Envoyer maintenant ${count <= 1 ? 'la perdrait' : 'les perdrait'}.`,
  allSaved: 'Toutes vos réponses sont enregistrées. Vous pouvez envoyer.',
  submit: 'Envoyer mes réponses…',
  confirmHeading: 'Envoyer vos réponses ?',
  allAnswered: (total) => `Vous avez répondu aux ${s(total, 'question')}.`,
  someUnanswered: (unanswered, total) => `Vous n’avez pas répondu à ${unanswered} ${unanswered <= 1 ? 'question' : 'questions'} sur ${total} :`,
  submitNow: 'Envoyer maintenant',
  keepAnswering: 'Continuer à répondre',
  finalWarning: 'Une fois envoyées, vos réponses ne peuvent plus être modifiées.',
  timeLeft: (time) => `Temps restant : ${time}`,
  minutesLeft: (minutes) => `Plus que ${s(minutes, 'minute')}.`,
  secondsLeft: (seconds) => `Plus que ${s(seconds, 'seconde')}.`,
  timeUp: 'Le temps est écoulé : vos réponses sont envoyées.',
  submitted: (score) =>
    score === undefined
      ? 'Envoyé. Vos notes ne sont pas encore visibles.'
      : `Envoyé. Votre score : ${score.earned} sur ${score.possible}, ${score.percent} %. ${score.passed ? 'Réussi' : 'Non réussi'}.`,
  timeRanOut: (questions) =>
    `Le temps s’est écoulé avant l’enregistrement de ${questions.length <= 1 ? 'votre réponse à' : 'vos réponses aux'} ${questions.map((n) => `question ${n}`).join(', ')} : ${questions.length <= 1 ? 'elle n’a pas été comptée' : 'elles n’ont pas été comptées'}.`,
  resultHeading: 'Votre résultat',
  scoreLine: (earned, possible, percent, passed, passMark) =>
    `${earned} / ${possible} · ${percent} % · ${passed ? 'réussi' : 'non réussi'} (seuil ${passMark} %)`,
  marksHidden: (passMark) => `Vos réponses sont envoyées ; les notes ne sont pas encore visibles (seuil ${passMark} %)`,
  late: 'Envoyé après la limite de temps.',
  reviewHeading: 'Correction',
  status: { correct: 'Juste', partial: 'Partiellement juste', incorrect: 'Faux', unanswered: 'Sans réponse', invalid: 'Réponse invalide' },
  yourAnswer: 'Votre réponse',
  correctAnswer: 'Bonne réponse',
  noAnswer: '(pas de réponse)',
  noneOfTheseLower: 'aucun de ceux-ci',
  partWrong: 'faux',
  partRight: 'juste',
  partMissed: 'oublié',
  feedback: 'Commentaires',
  problems: 'Problèmes dans la réponse',
  why: 'Pourquoi : ',
  statistic,
  startAgain: 'Commencer une nouvelle tentative',
  attemptStarted: (attempt) => `Tentative ${attempt} commencée.`,
  quizzesNav: 'Quiz de ce module',
  reading: (title) => (title ? `La lecture : ${title}` : 'La lecture'),
  readingLink: (heading) => `Lecture : ${heading}`,
  backToQuestion: (index) => `Retour à la question ${index}`,
  storageProblem:
    'Votre progression ne peut pas être gardée sur cet appareil : le stockage du navigateur est plein ou désactivé. Vous pouvez faire le quiz, mais si vous rechargez ou fermez cette page, vous devrez peut-être recommencer.',
  otherTab: 'Ce quiz est ouvert dans un autre onglet ou une autre fenêtre, et vos réponses y ont changé. Quelles réponses voulez-vous garder ?',
  useOtherTab: 'Prendre les réponses de l’autre onglet',
  keepThisTab: 'Garder les réponses de cet onglet',
  resolveOtherTabFirst: 'Choisissez d’abord quelles réponses garder (ci-dessus), puis envoyez.',
  serverUnreachable: 'Le serveur est injoignable : le quiz n’est pas encore envoyé. Vos réponses sont gardées ; réessayez dans un instant.',
  quizChanged: 'Le quiz a changé depuis votre tentative enregistrée : une nouvelle tentative a commencé.',
  wrongQuiz: 'La tentative enregistrée concernait un autre quiz : une nouvelle tentative a commencé.',
  unreadable: 'Votre tentative enregistrée n’a pas pu être lue : une nouvelle tentative a commencé.',
  examGone: 'Votre tentative précédente n’est plus sur le serveur : une nouvelle tentative a commencé.',
  check: 'Vérifier',
  nothingToCheck: 'Répondez d’abord à la question, puis vérifiez.',
  behaviourRule: (behaviour, tries, penalty) =>
    behaviour === 'interactive'
      ? `Vous avez ${s(tries ?? 1, 'essai')} : vérifiez votre réponse et réessayez si elle est fausse. Chaque essai faux coûte ${penalty} des points.`
      : behaviour === 'adaptive'
        ? `Vérifiez votre réponse et réessayez jusqu’à ce qu’elle soit juste. Chaque essai faux coûte ${penalty} des points.`
        : behaviour === 'immediate-cbm'
          ? 'Un seul essai, noté quand vous vérifiez. Dites à quel point vous êtes sûr : une réponse sûre rapporte plus si elle est juste et coûte des points si elle est fausse.'
          : behaviour === 'deferred-cbm'
            ? 'Dites à quel point vous êtes sûr : une réponse sûre rapporte plus si elle est juste et coûte des points si elle est fausse.'
            : 'Un seul essai : votre réponse est notée quand vous vérifiez.',
  certaintyQuestion: 'À quel point êtes-vous sûr ?',
  certaintyLevels: ['Pas très sûr', 'Assez sûr', 'Très sûr'],
  triesLeft: (left) => (Number.isFinite(left) ? `Encore ${s(left, 'essai')}.` : 'Réessayez.'),
  questionDone: (earned, possible) => `Terminé : ${earned} sur ${possible}.`,
  hint: 'Indice : ',
  tryLine: (n, raw, penalty, counted) => `Essai ${n} : ${raw}${penalty ? ` − ${penalty} de pénalité` : ''}${counted ? ' (compté)' : ''}`,
};
