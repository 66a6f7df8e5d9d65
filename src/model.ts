/**
 * The shared vocabulary of the extension: what a reference, a briefing and a position are.
 * Every part (briefing compiler, page scanner, store, matcher, UI) speaks these types.
 * Vocabularies follow ../shared/docs/architecture.md.
 */

export const REFERENCE_KINDS = [
  'clause',
  'new-clause',
  'amendment',
  'schedule',
  'new-schedule',
  'part',
  'chapter',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const HOUSES = ['commons', 'lords'] as const;
export type House = (typeof HOUSES)[number];

/** In parliamentary order within one House. */
export const STAGES = [
  'first-reading',
  'second-reading',
  'committee',
  'report',
  'third-reading',
  'remaining-stages',
  'consideration-of-amendments',
  'royal-assent',
  'other',
] as const;
export type Stage = (typeof STAGES)[number];

/** Ordered from warmest to coldest; `neutral` means no stance is stated. */
export const STANCES = ['support', 'mixed', 'concern', 'oppose', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

/** A page's (or extension page's) colour scheme: highlights, the popover and the panel are drawn for it. */
export type ColourScheme = 'light' | 'dark';

/** A provision of the bill: `{kind: 'clause', number: '7'}`. Numbers are strings: `172A`, `427BA`. */
export interface Reference {
  kind: ReferenceKind;
  number: string;
}

/**
 * A reference found in a text. One entry per number: `clauses 25 and 26` gives two entries that share
 * `text`, `start` and `end` (the whole phrase); `start`/`end` are offsets into the scanned text.
 */
export interface FoundReference extends Reference {
  text: string;
  start: number;
  end: number;
  /** Offsets of this number's own digits inside the text (for marking it alone), when known. */
  numberStart?: number;
  numberEnd?: number;
  /**
   * The bill the text names for this reference (`clause 48 of the Schools Bill 2022`, or a sentence about that bill):
   * the page scanner keeps it only when that is the page's own bill.
   */
  bill?: string;
}

/** A span inside a position's `text`: [start, end). */
export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Compiled dataset
// ---------------------------------------------------------------------------------------------

export interface BillRecord {
  /** Stable slug, e.g. `childrens-wellbeing-and-schools-bill`. */
  id: string;
  /** The title as the LGA writes it (or bills.json gives it). */
  title: string;
  /** Other names a page may use: `[HL]` forms, curly apostrophes, the Act's name. */
  aliases: string[];
  /** bills.parliament.uk id where known (3909). */
  parliamentId: number | null;
  originatingHouse: House | null;
  /** The Act's name once passed. */
  actTitle: string | null;
  session: string | null;
}

/** One stage section of an LGA briefing page: the unit a reader thinks of as "the LGA's briefing for Lords Report". */
export interface Briefing {
  /** `<billId>/<source>/<section index>`, built and read by src/ids.ts */
  id: string;
  billId: string;
  /** File the section came from (`childrens-wellbeing-and-schools-bill.txt`). */
  source: string;
  /** The section heading as written. */
  heading: string;
  house: House | null;
  stage: Stage | null;
  /** e.g. `day 2`, `days 4 and 5`, `Public Bill Committee`; free text shown to readers. */
  stageDetail: string | null;
  /** ISO dates (YYYY-MM-DD) the briefing is for; a month alone gives `YYYY-MM`. */
  dates: string[];
  /** Position of the section in its source file (0 = first). */
  order: number;
  /** 1-based line of the heading in the source. */
  line: number;
  /** True for briefings a user added in the options page. */
  userAdded: boolean;
  /** For a user's briefing read from an LGA page: the site's name (`local.gov.uk`). */
  addedFrom?: string | null;
}

export type PositionPart = 'key-messages' | 'background' | 'other';

/** How one reference inside a position is judged. */
export interface PositionRef extends Reference {
  stance: Stance;
  /** The cue phrase that decided the stance (`we support`), or null where no cue was found. */
  cue: string | null;
  /**
   * The deciding words behind `stance` (the cue phrases, `we welcome` and `must be fully funded` for a mixed stance),
   * as spans of the position's text in text order; empty when no cue was found (`neutral`). Records stored before
   * this field existed read as `[]`.
   */
  decidedBy: Span[];
  /** The sentence(s) that carry the reference, as a span of the position's text. */
  evidence: Span;
  /** Where the reference itself is written, as a span of the position's text. */
  mention: Span;
}

/** A key message or background bullet (or paragraph) of a briefing. */
export interface Position {
  /** `<briefingId>/<index>`, built and read by src/ids.ts */
  id: string;
  billId: string;
  briefingId: string;
  text: string;
  part: PositionPart;
  /** The sub-heading the bullet sits under (`Supporting children in need`), if any. */
  subheading: string | null;
  /** 1-based line in the source file. */
  line: number;
  refs: PositionRef[];
  /**
   * The headline: the LGA's stance in the whole bullet or paragraph. A reservation anywhere in it counts (support
   * with a `however …`, `but …` or an ask is `mixed`). A provision's own stance is its `PositionRef.stance`.
   */
  stance: Stance;
  cue: string | null;
  /** The deciding words behind `stance`, as spans of `text` in text order (see `PositionRef.decidedBy`). */
  decidedBy: Span[];
  /**
   * For a `mixed` or `concern` position, the sentence carrying the reservation, condition or ask (shown even where
   * the reference sits in another sentence); null otherwise. Records stored before this field existed read as null.
   */
  caveat: Span | null;
  /**
   * The reader's own corrections of this position's stances (user data, src/stance/corrections.ts), attached by the
   * background to the records it returns; never part of the dataset. Read through src/stance/shown.ts only.
   */
  corrections?: StanceCorrection[];
}

/**
 * A reader's correction of a stance: of the position as a whole (`ref` null) or of one provision in it. Kept as user
 * data keyed by position and provision; it applies only while the position's text is the one it was made on.
 */
export interface StanceCorrection {
  positionId: string;
  ref: Reference | null;
  stance: Stance;
  /** The position's text when corrected: a dataset update that rewrites the words leaves the correction unapplied. */
  text: string;
  /** ISO timestamp. */
  at: string;
}

export interface Dataset {
  /** Content hash of the compiled data: the store reseeds when it changes. */
  version: string;
  /** ISO timestamp of the build, shown in options. */
  builtAt: string;
  bills: BillRecord[];
  briefings: Briefing[];
  positions: Position[];
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/** What a page (or one section of a whole-day page) is about. */
export interface PageContext {
  /** The bill title as resolved against bills.json, else as written. */
  bill: string | null;
  /** The dataset's bill id where the title resolved. */
  billId: string | null;
  house: House | null;
  stage: Stage | null;
  /** As written: `Report (2nd Day)`, `Fourteenth Sitting`. */
  stageLabel: string | null;
  /** ISO date of the sitting. */
  date: string | null;
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/**
 * `applies`: the briefing's numbering is the page's (same print epoch; for amendments and new clauses the same House
 * and stage). `other-print`: numbered for another print of the bill: may differ.
 */
export type Applicability = 'applies' | 'other-print';

/**
 * Which print of the bill the briefing numbered the provision for, against the page's: `this` (applies), an `earlier`
 * print (the bill has been reprinted since), a `later` one (the briefing came after this debate), or `unknown` (the
 * page's or the briefing's stage does not tell).
 */
export type PrintRelation = 'this' | 'earlier' | 'later' | 'unknown';

export interface MatchedPosition {
  position: Position;
  briefing: Briefing;
  /** The entry of `position.refs` that matched. */
  ref: PositionRef;
  applies: Applicability;
  /** Absent (records made before it existed) reads as `unknown` for `other-print`, `this` for `applies`. */
  print?: PrintRelation;
  /** Plain words: `same print (Commons committee, bill as introduced)`, `numbered for Lords Report, 18 October 2016`. */
  reason: string;
}

export interface ReferenceMatch extends Reference {
  /** Ranked: the LGA's own before the reader's, applicable first, then nearest stage, then newest. */
  positions: MatchedPosition[];
  /** Positions on this reference left out of a bounded reply (the side panel lists them all); 0 or absent: none. */
  more?: number;
}
