import { MatchingRuleSchema } from '../../questions/matching/schema.js';
import { MultipleChoiceRuleSchema } from '../../questions/multiple-choice/schema.js';
import { OrderingRuleSchema } from '../../questions/ordering/schema.js';
import { SingleChoiceRuleSchema } from '../../questions/single-choice/schema.js';
import type { QuestionType } from '../../schema/types.js';

type RuleUnion = { readonly options: readonly { readonly shape: { readonly name: { readonly value: string } }; readonly description?: string | undefined }[] };

const schemas = {
  'single-choice': SingleChoiceRuleSchema,
  'multiple-choice': MultipleChoiceRuleSchema,
  ordering: OrderingRuleSchema,
  matching: MatchingRuleSchema,
} satisfies { [T in QuestionType]: RuleUnion };

/**
 * What a scoring rule does, in words: the description its schema carries (the
 * same text the JSON Schema shows in editors), so the docs never restate it.
 *
 * @internal
 */
export function ruleDescription(type: QuestionType, name: string): string | undefined {
  const union: RuleUnion = schemas[type];
  return union.options.find((option) => option.shape.name.value === name)?.description;
}

/**
 * The names of the scoring rules a question type accepts, in schema order.
 *
 * @internal
 */
export function ruleNames(type: QuestionType): string[] {
  const union: RuleUnion = schemas[type];
  return union.options.map((option) => option.shape.name.value);
}
