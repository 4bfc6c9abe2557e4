// Choice identifiers must be unique within an item and must not name one of
// its variables (QTI: "must not be used by any other choice or item variable").
// Our ids are valid QTI identifiers already, so they are kept as they are, and
// only a clash gets a suffix: `-2`, `-3`, … (a statement and an actor both
// called `wang`, or an option called `SCORE`).

/** Item variables: QTI's built-in ones and those the export declares. */
const RESERVED = /^(?:RESPONSE|SCORE|MAXSCORE|RAW|RUN|BEST|(?:POS|LIS)_\d+|completionStatus|numAttempts|duration)$/;

/** Hands out unique identifiers for the choices of one item, in a fixed order. */
export class IdentifierPool {
  private readonly used = new Set<string>();
  /** Our id → the identifier written, for every id that had to change. */
  readonly renamed = new Map<string, string>();

  /** The identifier for `id` (the id itself unless it is taken or reserved). */
  take(id: string): string {
    let candidate = id;
    for (let n = 2; this.used.has(candidate) || RESERVED.test(candidate); n++) candidate = `${id}-${n}`;
    this.used.add(candidate);
    if (candidate !== id) this.renamed.set(id, candidate);
    return candidate;
  }

  /** A note listing renamed ids, or undefined when none was renamed. */
  note(): string | undefined {
    if (this.renamed.size === 0) return undefined;
    const pairs = [...this.renamed].map(([from, to]) => `${from} → ${to}`).join(', ');
    return `Identifiers renamed to stay unique in the item: ${pairs}.`;
  }
}
