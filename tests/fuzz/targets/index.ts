/**
 * Every fuzz target, in the order `npm run fuzz` runs them. A target is a
 * module of its own under this folder; add new ones here.
 */
import type { FuzzTarget } from '../harness.js';
import { attemptsTarget } from './attempts.js';
import { cliInProcessTarget, cliTarget } from './cli.js';
import { exportGiftTarget, exportMoodleXmlTarget, exportQtiTarget, exportXapiTarget } from './exporters.js';
import { giftImportTarget } from './gift-import.js';
import { moduleSourceTarget } from './module-source.js';
import { scoreQuestionTarget, scoreQuizTarget, scoreQuizWellFormedTarget } from './scoring.js';

// The recipe, input and output types differ per target; the runner only needs the shape.
type AnyTarget = FuzzTarget<any, any, any>;

export const TARGETS: readonly AnyTarget[] = [
  scoreQuestionTarget,
  scoreQuizTarget,
  scoreQuizWellFormedTarget,
  moduleSourceTarget,
  giftImportTarget,
  attemptsTarget,
  exportQtiTarget,
  exportGiftTarget,
  exportMoodleXmlTarget,
  exportXapiTarget,
  cliInProcessTarget,
  cliTarget,
];

/** The target of that name, or an error listing the names. */
export function targetNamed(name: string): AnyTarget {
  const found = TARGETS.find((target) => target.name === name);
  if (!found) throw new Error(`no fuzz target "${name}"; the targets are: ${TARGETS.map((target) => target.name).join(', ')}`);
  return found;
}
