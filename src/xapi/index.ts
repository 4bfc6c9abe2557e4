/**
 * xAPI 1.0.3 and cmi5 statements for quiz attempts, for learning record
 * stores: `attempted`, one `answered` per question as a `cmi.interaction`
 * (`choice`, `sequencing`, `matching`) with its components, the full-credit
 * `correctResponsesPattern` and the learner's response, then `completed` and
 * `passed`/`failed`, with exact scores turned into decimals. Pure functions:
 * actor, registration, activity IRIs, language and times are passed in;
 * statement ids are name-based UUIDs, so retries are idempotent. See
 * `docs/interop.md`.
 *
 * @example
 * ```ts
 * import { xapiResponse } from 'quizkit/xapi';
 * import { northKoreaChina } from 'quizkit/modules';
 * const ordering = northKoreaChina.quizzes[0].questions[5];
 * xapiResponse(ordering, ['ministers-meet', 'kim-xi-summit', 'party-anniversary']); //=> 'ministers-meet[,]kim-xi-summit[,]party-anniversary'
 * ```
 *
 * @packageDocumentation
 * @module quizkit/xapi
 */
export { xapiResponse } from './interactions.js';
export {
  CMI5_IRIS,
  attemptStatements,
  cmi5Initialized,
  cmi5Terminated,
  xapiActivityDefinitions,
  type Cmi5LaunchMode,
  type Cmi5Options,
  type Cmi5Prior,
  type Cmi5SessionOptions,
  type XapiDefinitionOptions,
  type XapiOptions,
} from './statements.js';
export type {
  XapiAccount,
  XapiActivity,
  XapiActivityDefinition,
  XapiAgent,
  XapiContext,
  XapiContextActivities,
  XapiInteractionComponent,
  XapiInteractionType,
  XapiLanguageMap,
  XapiResult,
  XapiScore,
  XapiStatement,
  XapiVerb,
} from './types.js';
