// Reason sentences that depend only on one config section and a small key (a lead
// score, a day count, an owner id) come back for contact after contact in a bulk
// run. Building each once per section saves the string work and the garbage it
// leaves (measured: up to 7% of a decision across the stages that use this).

const MAX_PER_SECTION = 10_000;

/**
 * A memo of sentences per config section object (so a changed config gets fresh
 * sentences) and key. `build` must be a pure function of the section and the key.
 */
export class SentenceMemo<S extends object, K extends string | number> {
  private readonly tables = new WeakMap<S, Map<K, string>>();
  // A bulk run asks with one config for thousands of contacts: the last section's table skips the WeakMap.
  private lastSection: S | null = null;
  private lastTable: Map<K, string> | null = null;

  constructor(private readonly build: (section: S, key: K) => string) {}

  get(section: S, key: K): string {
    let table = section === this.lastSection ? this.lastTable : this.tables.get(section);
    if (!table) this.tables.set(section, (table = new Map()));
    this.lastSection = section;
    this.lastTable = table;
    let sentence = table.get(key);
    if (sentence === undefined) {
      sentence = this.build(section, key);
      if (table.size >= MAX_PER_SECTION) table.clear();
      table.set(key, sentence);
    }
    return sentence;
  }
}

/**
 * The engine's one copy of `text` from V8's string table. Labels that become keys
 * of a breakdown record are stored this way when first built: a keyed store with
 * an internalized key skips the string-table probe that every other string key
 * costs (measured, docs/engine.md). Never for numeric text ("12"), which is an index.
 */
export function interned(text: string): string {
  return Object.keys({ [text]: 0 })[0] ?? text;
}

const SPACED = new Map<string, string>();

/** "technical_evaluation" → "technical evaluation": ids (tracks, pools) are few, so each is spaced once. */
export function spaced(id: string): string {
  let text = SPACED.get(id);
  if (text === undefined) {
    text = id.replace(/_/g, ' ');
    if (SPACED.size >= MAX_PER_SECTION) SPACED.clear();
    SPACED.set(id, text);
  }
  return text;
}
