/**
 * A language map: RFC 5646 language tag → text, e.g. `{ en: 'Who met in Beijing?' }`.
 *
 * @example
 * ```ts
 * import type { XapiLanguageMap } from 'quizkit/xapi';
 * const name: XapiLanguageMap = { en: 'Who met, who appeared, and in what order' };
 * ```
 */
export type XapiLanguageMap = Readonly<Record<string, string>>;

/**
 * An account with a system: the learner's `name` (an LMS user id) at `homePage`.
 *
 * @example
 * ```ts
 * import type { XapiAccount } from 'quizkit/xapi';
 * const account: XapiAccount = { homePage: 'https://lms.example.com', name: 'learner-42' };
 * ```
 */
export interface XapiAccount {
  /** The IRI of the system the account is on. */
  readonly homePage: string;
  /** The user's id on that system. */
  readonly name: string;
}

/**
 * The learner: an xAPI Agent with exactly one identifier — `mbox`,
 * `mbox_sha1sum`, `openid` or `account` (cmi5 requires `account`).
 *
 * @example
 * ```ts
 * import type { XapiAgent } from 'quizkit/xapi';
 * const actor: XapiAgent = { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'learner-42' } };
 * ```
 */
export type XapiAgent = {
  /** Always `'Agent'` in the statements built here. */
  readonly objectType?: 'Agent';
  /** The learner's display name (optional; avoid personal data where you can). */
  readonly name?: string;
} & (
  | { readonly mbox: string }
  | { readonly mbox_sha1sum: string }
  | { readonly openid: string }
  | { readonly account: XapiAccount }
);

/**
 * A verb: its IRI and a display name.
 *
 * @example
 * ```ts
 * import type { XapiVerb } from 'quizkit/xapi';
 * const verb: XapiVerb = { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } };
 * ```
 */
export interface XapiVerb {
  /** The verb's IRI. */
  readonly id: string;
  /** The verb's name, for people. */
  readonly display: XapiLanguageMap;
}

/**
 * One entry of an interaction's `choices`, `source` or `target` list: an
 * option, item, statement or actor id and its text.
 *
 * @example
 * ```ts
 * import type { XapiInteractionComponent } from 'quizkit/xapi';
 * const component: XapiInteractionComponent = { id: 'wang', description: { en: 'Wang Yi' } };
 * ```
 */
export interface XapiInteractionComponent {
  /** The option, item, statement or actor id. */
  readonly id: string;
  /** Its text, as the learner reads it. */
  readonly description: XapiLanguageMap;
}

/**
 * The `interactionType` of a question: `choice` for single and multiple
 * choice, `sequencing` for ordering, `matching` for matching.
 *
 * @example
 * ```ts
 * import type { XapiInteractionType } from 'quizkit/xapi';
 * const type: XapiInteractionType = 'sequencing';
 * ```
 */
export type XapiInteractionType = 'choice' | 'sequencing' | 'matching';

/**
 * An activity definition: a quiz (`type` assessment) or a question (`type`
 * cmi.interaction, with the interaction fields).
 *
 * @example
 * ```ts
 * import type { XapiActivityDefinition } from 'quizkit/xapi';
 * const definition: XapiActivityDefinition = {
 *   type: 'http://adlnet.gov/expapi/activities/assessment',
 *   name: { en: 'Who met, who appeared, and in what order' },
 * };
 * ```
 */
export interface XapiActivityDefinition {
  /** The activity type IRI. */
  readonly type: string;
  /** The activity's name: a quiz's title, a question's prompt. */
  readonly name?: XapiLanguageMap;
  /** The activity's description: a quiz's description, a question's prompt. */
  readonly description?: XapiLanguageMap;
  /** The interaction type, for questions. */
  readonly interactionType?: XapiInteractionType;
  /** The full-credit response, as one pattern string (see `xapiResponse`). */
  readonly correctResponsesPattern?: readonly string[];
  /** Options (choice) or items (sequencing), in authored order. */
  readonly choices?: readonly XapiInteractionComponent[];
  /** Matching statements, in authored order. */
  readonly source?: readonly XapiInteractionComponent[];
  /** Matching actors, in authored order. */
  readonly target?: readonly XapiInteractionComponent[];
}

/**
 * An activity: the object of a statement, or an entry of a context activity list.
 *
 * @example
 * ```ts
 * import type { XapiActivity } from 'quizkit/xapi';
 * const quiz: XapiActivity = { objectType: 'Activity', id: 'https://quizzes.example.com/north-korea-china/quizzes/actors-and-events' };
 * ```
 */
export interface XapiActivity {
  /** Always `'Activity'`. */
  readonly objectType?: 'Activity';
  /** The activity's IRI. */
  readonly id: string;
  /** What the activity is. */
  readonly definition?: XapiActivityDefinition;
}

/**
 * A score: `scaled` in [-1, 1] (cmi5: [0, 1]), and `raw` between `min` and `max`.
 *
 * @example
 * ```ts
 * import type { XapiScore } from 'quizkit/xapi';
 * const score: XapiScore = { scaled: 0.75, raw: 0.75, min: 0, max: 1 };
 * ```
 */
export interface XapiScore {
  /** The score as a share of full marks, floored to 4 decimals (or more; see `attemptStatements`). */
  readonly scaled: number;
  /** Points earned. */
  readonly raw?: number;
  /** The fewest points possible (negative where a rule penalises). */
  readonly min?: number;
  /** The most points possible. */
  readonly max?: number;
}

/**
 * The outcome a statement reports.
 *
 * @example
 * ```ts
 * import type { XapiResult } from 'quizkit/xapi';
 * const result: XapiResult = { response: 'kim[,]xi[,]putin', success: true, score: { scaled: 1, raw: 1, min: 0, max: 1 } };
 * ```
 */
export interface XapiResult {
  /** The score. */
  readonly score?: XapiScore;
  /** Whether the learner succeeded (full credit; the quiz passed). */
  readonly success?: boolean;
  /** Whether the learner completed the activity. */
  readonly completion?: boolean;
  /** The learner's response, in the xAPI pattern syntax. */
  readonly response?: string;
  /** Time taken, an ISO 8601 duration such as `PT1M40.5S`. */
  readonly duration?: string;
  /** Extensions, by IRI: quizkit sets `<activityBase>/extensions/try` (the try number) on each checked try's `answered`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * The context lists of a statement.
 *
 * @example
 * ```ts
 * import type { XapiContextActivities } from 'quizkit/xapi';
 * const lists: XapiContextActivities = { grouping: [{ objectType: 'Activity', id: 'https://quizzes.example.com/course/au/quiz-1' }] };
 * ```
 */
export interface XapiContextActivities {
  /** The activity this one is part of (a question's quiz). */
  readonly parent?: readonly XapiActivity[];
  /** Activities further up (cmi5: the publisher id of the AU). */
  readonly grouping?: readonly XapiActivity[];
  /** Profiles the statement follows (cmi5's categories). */
  readonly category?: readonly XapiActivity[];
  /** Any other related activity. */
  readonly other?: readonly XapiActivity[];
}

/**
 * A statement's context — also the shape of cmi5's `contextTemplate`.
 *
 * @example
 * ```ts
 * import type { XapiContext } from 'quizkit/xapi';
 * const template: XapiContext = {
 *   contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://quizzes.example.com/course/au/quiz-1' }] },
 *   extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'c1a9e2b4-session' },
 * };
 * ```
 */
export interface XapiContext {
  /** The registration (a UUID) every statement of an attempt shares. */
  readonly registration?: string;
  /** The instructor, as the LMS sets it. */
  readonly instructor?: unknown;
  /** The team, as the LMS sets it. */
  readonly team?: unknown;
  /** Related activities. */
  readonly contextActivities?: XapiContextActivities;
  /** The revision of the activity, as the LMS sets it. */
  readonly revision?: string;
  /** The platform, as the LMS sets it. */
  readonly platform?: string;
  /** The language of the activity's text (RFC 5646). */
  readonly language?: string;
  /** A related statement, as the LMS sets it. */
  readonly statement?: unknown;
  /** Extensions, by IRI (cmi5's session id, masteryScore). */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * An xAPI 1.0.3 statement, as `attemptStatements` builds it: an `id` for
 * idempotent retries, a UTC `timestamp`, and no `version`, `stored` or
 * `authority` (the LRS sets those).
 *
 * @example
 * ```ts
 * import type { XapiStatement } from 'quizkit/xapi';
 * declare const statement: XapiStatement;
 * statement.verb.id; // 'http://adlnet.gov/expapi/verbs/answered', …
 * ```
 */
export interface XapiStatement {
  /** A UUID derived from the attempt and the event (see `attemptStatements`). */
  readonly id: string;
  /** When it happened, in UTC: `2025-09-01T10:00:00.000Z`. */
  readonly timestamp: string;
  /** The learner. */
  readonly actor: XapiAgent;
  /** What happened. */
  readonly verb: XapiVerb;
  /** The quiz, a question, or (cmi5) the assignable unit. */
  readonly object: XapiActivity;
  /** The outcome, where there is one. */
  readonly result?: XapiResult;
  /** Registration, language, related activities and extensions. */
  readonly context: XapiContext;
}
