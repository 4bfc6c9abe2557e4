// Fixes #20: `quizkit draft`, grounded question drafts from an article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAFT_MARKER, draftModule, parseModuleSource, type DraftResult } from 'quizkit/node';
import { inProcess, root } from '../cli/helpers.js';

const article = (name: string) => readFileSync(join(root, 'tests/draft/articles', name), 'utf8');

/** A hand label: who the text credits, with a phrase of the statement, and who reported it. */
interface Label {
  readonly actor: string;
  readonly says: string;
  readonly reportedBy?: string;
}

/** Hand-labelled attributions and the orders each article states (earlier, later), by event key. */
const LABELLED: Record<string, { attributions: Label[]; orders: [string, string][] }> = {
  'seed.txt': {
    attributions: [
      { actor: 'Choe Son Hui', says: 'unwavering dedication to bolstering ties with China' },
      { actor: 'Wang Yi', says: 'necessity of strategic communications' },
      { actor: 'Wang Yi', says: 'opposition to all forms of hegemonism', reportedBy: 'Chinese media' },
      { actor: 'North Korea', says: 'willingness to collaborate closely with China', reportedBy: 'AP News' },
    ],
    orders: [
      ['summit', 'meeting'],
      ['parade', 'meeting'],
      ['end-of-world-war-ii', 'parade'],
      ['meeting', 'anniversary'],
    ],
  },
  'council-vote.txt': {
    attributions: [
      { actor: 'Ana Ruiz', says: 'protect library hours' },
      { actor: 'Ben Ode', says: 'parking fees would rise' },
      { actor: 'The Riverton Post', says: 'turnout at the hearing was high' },
      { actor: 'Mia Lund', says: 'waited for the audit' },
    ],
    orders: [['hearing', 'vote']],
  },
  'product-launch.txt': {
    attributions: [
      { actor: 'Sara Lind', says: 'lightest laptop' },
      { actor: 'Tom Reyes', says: 'battery lasts twenty hours' },
      { actor: 'Priya Nair', says: 'price may limit early sales', reportedBy: 'Tech Daily' },
    ],
    orders: [['conference', 'launch']],
  },
  // Written after the rules above, as a held-out check: its first draft found 3 of these 5 (all 3 right); the rules
  // were then widened (a pronoun after direct speech, "parent group X", "Board member", "according to the X").
  'school-board.txt': {
    attributions: [
      { actor: 'Laura Chen', says: 'more bus drivers' },
      { actor: 'Laura Chen', says: 'We cannot move the bell without the buses' },
      { actor: 'Families First', says: 'the delay', reportedBy: 'Maple Gazette' },
      { actor: 'Raj Patel', says: 'the survey was too small' },
      { actor: 'Carla Gomez', says: 'staff supported the change' },
    ],
    orders: [['survey', 'vote']],
  },
  'sports-report.txt': {
    attributions: [
      { actor: 'Dana Kim', says: 'trained for set pieces' },
      { actor: 'Leo Brandt', says: 'defence' },
      { actor: 'Omar Haddad', says: 'his knee was fine' },
    ],
    orders: [['semifinal', 'derby']],
  },
};

const drafts = new Map(await Promise.all(Object.keys(LABELLED).map(async (name) => [name, await draftModule(article(name), { id: 'drafted', from: name })] as const)));
const draftOf = (name: string) => drafts.get(name)!;

/** Whether a drafted attribution matches a hand label (same actor and reporter, the statement contains the labelled phrase). */
const matches = (a: DraftResult['findings']['attributions'][number], label: Label) =>
  a.actor.name === label.actor && a.statement.includes(label.says) && a.reportedBy?.actor.name === label.reportedBy;

/** The closure of hand-labelled orders. */
function closure(orders: readonly [string, string][]): Set<string> {
  const pairs = new Set(orders.map(([a, b]) => `${a}<${b}`));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of [...pairs]) {
      for (const q of [...pairs]) {
        const [a, b] = p.split('<');
        const [c, d] = q.split('<');
        if (b === c && !pairs.has(`${a}<${d}`)) {
          pairs.add(`${a}<${d}`);
          grew = true;
        }
      }
    }
  }
  return pairs;
}

const orderings = (draft: DraftResult) => draft.questions.filter((q) => q.type === 'ordering') as unknown as { correctOrder: string[] }[];

/** Every order a draft asks about, as `earlier<later` pairs: adjacent items of ordering questions, and which-first questions. */
function askedOrders(draft: DraftResult): string[] {
  const pairs = orderings(draft).flatMap((q) => q.correctOrder.slice(1).map((item, i) => `${q.correctOrder[i]}<${item}`));
  for (const q of draft.questions.filter((q) => q.id.startsWith('which-first')) as unknown as { options: { id: string; correct?: boolean }[] }[]) {
    const first = q.options.find((o) => o.correct)!;
    pairs.push(...q.options.filter((o) => o !== first).map((o) => `${first.id}<${o.id}`));
  }
  return pairs;
}

describe('issue #20: the seed article', () => {
  const draft = draftOf('seed.txt');

  it('finds every attribution sentence and attributes it as the text does, speakers apart from reporters', () => {
    const found = draft.findings.attributions;
    expect(found).toHaveLength(4);
    for (const label of LABELLED['seed.txt']!.attributions) expect(found.some((a) => matches(a, label))).toBe(true);
    const chain = found.find((a) => a.reportedBy?.actor.name === 'Chinese media')!;
    expect([chain.actor.name, chain.verb, chain.reportedBy!.verb]).toEqual(['Wang Yi', 'declaration', 'confirmed']);
  });

  it('never puts the Kim–Xi summit and the military parade in one ordering question', () => {
    const questions = orderings(draft);
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(q.correctOrder.includes('summit') && q.correctOrder.includes('parade')).toBe(false);
    expect(draft.yaml).toContain('The summit between North Korean leader Kim Jong Un and Chinese President Xi Jinping and The major military parade in Beijing: order not stated');
  });

  it('places the summit, the parade, the meeting and the anniversary only where the text fixes them', () => {
    expect(orderings(draft).map((q) => q.correctOrder)).toEqual([
      ['summit', 'meeting', 'anniversary'],
      ['end-of-world-war-ii', 'parade', 'meeting', 'anniversary'],
    ]);
  });

  it('matches the chain to the speaker, and asks who reported it with the speaker as a wrong option', () => {
    const matching = draft.questions.find((q) => q.id.startsWith('who-said-opposing')) as unknown as { statements: { text: string; actor: string }[] };
    expect(matching.statements.find((s) => s.text === 'opposition to all forms of hegemonism')!.actor).toBe('wang-yi');
    const reporter = draft.questions.find((q) => q.id === 'reported-by-chinese-media') as unknown as { options: { id: string; correct?: boolean }[] };
    expect(reporter.options.filter((o) => o.correct).map((o) => o.id)).toEqual(['chinese-media']);
    expect(reporter.options.map((o) => o.id)).toContain('wang-yi');
  });
});

describe('issue #20: drafted modules (seed and hand-labelled articles)', () => {
  it.each(Object.keys(LABELLED))('%s: attributions are ≥ 90 %% correct and none is missed', (name) => {
    const { attributions } = draftOf(name).findings;
    const labels = LABELLED[name]!.attributions;
    const correct = attributions.filter((a) => labels.some((label) => matches(a, label))).length;
    expect(correct / attributions.length).toBeGreaterThanOrEqual(0.9);
    for (const label of labels) expect(attributions.some((a) => matches(a, label))).toBe(true);
  });

  it.each(Object.keys(LABELLED))('%s: every ordering is over orders the text states', (name) => {
    const stated = closure(LABELLED[name]!.orders);
    const asked = askedOrders(draftOf(name));
    expect(asked.length).toBeGreaterThan(0);
    for (const pair of asked) expect(stated).toContain(pair);
  });

  it.each(Object.keys(LABELLED))('%s: the draft validates, every quote is verbatim and every question is marked', (name) => {
    const result = parseModuleSource(draftOf(name).yaml, { file: 'drafted.yaml' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    const sections = new Map(result.data.reading.map((s) => [s.id, s.text]));
    for (const q of result.data.quizzes[0]!.questions) {
      expect(sections.get(q.source.section)).toContain(q.source.quote);
      expect(q.explanation.startsWith(DRAFT_MARKER)).toBe(true);
    }
  });

  it.each(Object.keys(LABELLED))('%s: the same article gives byte-identical output', async (name) => {
    expect((await draftModule(article(name), { id: 'drafted', from: name })).yaml).toBe(draftOf(name).yaml);
  });
});

describe('issue #20: drafting never orders what the text leaves open (property)', () => {
  const events = ['meeting', 'summit', 'parade', 'vote', 'hearing', 'launch', 'match', 'final'];
  const cues = ['comes shortly after the', 'follows the', 'was held before the', 'came a week after the', 'was not linked to the'];
  it('every ordering question is a chain of stated pairs, and every draft validates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...events), fc.constantFrom(...cues), fc.constantFrom(...events)), { minLength: 1, maxLength: 6 }), async (triples) => {
        const body = triples.map(([a, cue, b]) => `The ${a} ${cue} ${b}.`).join(' ');
        const draft = await draftModule(`Events\n\nWhat happened\n\n${body}`, { id: 'events' });
        expect(parseModuleSource(draft.yaml, { file: 'events.yaml' }).success).toBe(true);
        const stated = closure(
          triples.flatMap(([a, cue, b]): [string, string][] => (a === b || cue.includes('not') ? [] : cue.includes('before') ? [[a, b]] : [[b, a]])),
        );
        for (const pair of askedOrders(draft)) expect(stated).toContain(pair);
      }),
      { seed: 1234, numRuns: 60 },
    );
  });
});

describe('issue #20: quizkit draft', () => {
  const seed = join(root, 'tests/draft/articles/seed.txt');
  it('prints the report: entities, attributions, cues, the partial order and orders not stated', async () => {
    const run = await inProcess(['draft', seed, '--report']);
    expect(run.status).toBe(0);
    for (const heading of ['Entities (', 'Attribution sentences (4)', 'Temporal cues (', 'Partial order', 'Orders not stated (']) expect(run.stdout).toContain(heading);
  });

  it('writes a valid module to stdout, the same as draftModule', async () => {
    const run = await inProcess(['draft', seed, '--id', 'seed']);
    expect(run.status).toBe(0);
    expect(parseModuleSource(run.stdout, { file: 'seed.yaml' }).success).toBe(true);
    expect(run.stdout).toBe((await draftModule(article('seed.txt'), { id: 'seed', from: 'tests/draft/articles/seed.txt' })).yaml);
  });

  it('refuses a bad id with a usage error', async () => {
    const run = await inProcess(['draft', seed, '--id', '1 bad']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a valid module id');
  });
});

describe('issue #20: drafts stay within the limits of a module', () => {
  it('drafts a valid module from 100 KB of text (the benchmark input)', async () => {
    const { draftBenchText } = await import('../../bench/draft-text.js');
    const text = draftBenchText();
    expect(text.length).toBeGreaterThanOrEqual(100 * 1024);
    const draft = await draftModule(text, { id: 'bench' });
    expect(parseModuleSource(draft.yaml, { file: 'bench.yaml' }).success).toBe(true);
  }, 60_000);

  it('cuts shouted names and giant words instead of writing an invalid file', async () => {
    const shout = Array.from({ length: 400 }, (_, i) => `Name${i}`).join(' ');
    const text = `Title\n\nPart\n\n${shout} said the plan works. The ${'x'.repeat(3000)} meeting came after the vote.`;
    const draft = await draftModule(text, { id: 'shout' });
    expect(parseModuleSource(draft.yaml, { file: 'shout.yaml' }).success).toBe(true);
  });

  it('refuses an article with more sections than a module holds, with a RangeError', async () => {
    const text = ['Title', ...Array.from({ length: 101 }, (_, i) => `Heading ${i}\n\nText ${i}.`)].join('\n\n');
    await expect(draftModule(text)).rejects.toThrow(RangeError);
  });
});

describe('issue #20: docs/authoring.md shows the seed article’s report as it is', () => {
  it('its report block is what quizkit draft --report prints', async () => {
    const markdown = readFileSync(join(root, 'docs/authoring.md'), 'utf8');
    const block = /### The report\n[\s\S]*?```text\n([\s\S]*?)```/.exec(markdown)?.[1];
    const run = await inProcess(['draft', join(root, 'tests/draft/articles/seed.txt'), '--report']);
    expect(block).toBe(run.stdout);
  });
});
