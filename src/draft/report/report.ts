import type { DraftFindings } from '../draft.js';

/**
 * The quality report of `quizkit draft --report`: what was found, so an
 * author sees why each question was proposed and which orders were refused.
 *
 * @param findings What {@link draftModule} found.
 *
 * @returns Plain text, one finding a line, ending with a newline.
 *
 * @example
 * ```ts
 * import { draftModule, formatDraftReport } from 'quizkit/node';
 * const report = formatDraftReport((await draftModule('Title\n\nPart\n\nThe vote came after the hearing.')).findings);
 * report.includes('“came after”: The hearing → The vote'); //=> true
 * ```
 */
export function formatDraftReport(findings: DraftFindings): string {
  const name = (key: string) => (key === '(now)' ? 'the time of writing' : (findings.events.find((e) => e.key === key)?.label ?? key));
  const lines: string[] = [];
  lines.push(`Entities (${findings.entities.length}):`);
  for (const e of findings.entities) lines.push(`  ${e.kind.padEnd(12)} ${e.name}${e.title ? ` (${e.title})` : ''}`);
  lines.push('', `Attribution sentences (${findings.attributions.length}):`);
  for (const a of findings.attributions) {
    lines.push(`  ${a.actor.name} — ${a.verb} — “${a.statement}”${a.reportedBy ? ` [reported by ${a.reportedBy.actor.name}: ${a.reportedBy.verb}]` : ''}`);
  }
  lines.push('', `Events (${findings.events.length}):`);
  for (const e of findings.events) lines.push(`  ${e.key}: ${e.label}`);
  lines.push('', `Temporal cues (${findings.orders.length}):`);
  for (const o of findings.orders) lines.push(`  “${o.cue}”: ${name(o.before)} → ${name(o.after)}`);
  lines.push('', 'Partial order (chains fixed pair by pair, earliest first):');
  if (findings.chains.length === 0) lines.push('  none');
  for (const chain of findings.chains) lines.push(`  ${chain.map(name).join(' → ')}`);
  lines.push('', `Orders not stated (${findings.unstated.length}; never in one ordering question):`);
  for (const [a, b] of findings.unstated) lines.push(`  ${a.label} and ${b.label}`);
  if (findings.contradictory.length) {
    lines.push('', 'Events the text orders both ways (left out of ordering questions):');
    for (const e of findings.contradictory) lines.push(`  ${e.label}`);
  }
  return `${lines.join('\n')}\n`;
}
