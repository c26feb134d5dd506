// The facts file format. The JSON Schema in data/facts.schema.json says the
// same for other tools; keep the two in step.

export interface Meta {
  title: string;
  publisher: string;
  /** File name of the article text, relative to the facts file. */
  article: string;
  /** Where the article text comes from and who owns it. */
  credit?: string;
  language?: string;
}

export interface Theme {
  id: string;
  name: string;
  /** The zone (or the highland) of the "Six Zones and One Highland" it stands for. */
  zone: string | null;
  /** Chinese name, searched like tags. */
  zh?: string[];
}

export interface Figure {
  /** A plain number: "RMB 3.37 trillion" is 3370000000000, "38.6%" is 38.6. */
  value: number;
  unit: string;
  /** The words of the source that state the number, exactly as written there. */
  text: string;
  /**
   * The source's own hedge or bound, in its words: "exceeded", "more than",
   * "about", "nearly"; several are joined by ", " ("surpassed, for the first time").
   */
  qualifier?: string;
}

export interface Rank {
  /** Omitted when the article ranks without a position ("among the top in western China"). */
  position?: number;
  /** Where the ranking holds, e.g. "western China", "China", "world". */
  scope: string;
  /** The ranking as written in the source. */
  text: string;
}

export interface Fact {
  id: string;
  theme: string;
  statement: string;
  source: string;
  section: string;
  figures?: Figure[];
  rank?: Rank;
  year?: number;
  /** A calendar date without a year, as written in the source ("January 27"). */
  date?: string;
  /** Search words the statement lacks: synonyms, abbreviations, plurals. */
  tags?: string[];
  /** Chinese names and topic words. */
  zh?: string[];
}

export interface FactsFile {
  meta: Meta;
  themes: Theme[];
  facts: Fact[];
}

/** A theme with how many facts it has, as `themes` reports it. */
export interface ThemeSummary extends Theme {
  facts: number;
}
