/**
 * The sizes the extension accepts, in one place: the background checks every message against them, and the options
 * page checks a chosen file against the same numbers before reading it.
 */
export const LIMITS = {
  /** References in one lookup: a long Hansard day has a few hundred. */
  references: 2_000,
  /** Bill titles, stage labels, ids, file names. */
  shortText: 500,
  /** A file name (a briefing's source). */
  fileName: 255,
  query: 500,
  searchResults: 200,
  /** A briefing's text, in UTF-8 bytes; also the largest briefing file (text or HTML) the options page reads. */
  briefingBytes: 5 * 1024 * 1024,
  /**
   * The user-data file, in UTF-8 bytes: the largest file import reads, and the most user data a save or an import
   * may leave stored, so that every export can be imported again.
   */
  userDataBytes: 50 * 1024 * 1024,
  /** How deep a value kept in user data may nest (a settings object is two or three levels). */
  userDataDepth: 32,
  badgeCount: 1_000_000,
  /** A page URL. */
  url: 2_048,
  /** Paragraphs in one topics request: the 2.7 MB Hansard day has about 1,400. */
  paragraphs: 10_000,
  /** One paragraph's text, in characters. */
  paragraphChars: 50_000,
  /** All paragraphs of one request, in characters (the 2.7 MB day's text is under 1 MB). */
  paragraphsChars: 4_000_000,
  /** Positions sent for one reference in a lookup reply (the popover shows fewer; the side panel has them all). */
  positionsPerReference: 8,
  /** Of those, positions from any one briefing. */
  positionsPerBriefing: 3,
  /**
   * The side panel's page of one briefing's positions: the first page comes with `briefingsForBill`, the panel asks for
   * others (`briefingPositions`) a page at a time.
   */
  panelPage: 200,
  /**
   * The most positions of one briefing in one reply (a window the panel asks for again after a reload or a change of
   * data): five pages. A reader who had opened more gets the last five pages of what they had opened back.
   */
  panelWindow: 1_000,
  /** Windows in one `briefingsForBill` request: one per briefing of the bill. */
  panelWindows: 500,
  /** Positions asked for by id in one `positions` request (a page summary names at most a few per provision). */
  positionIds: 2_000,
} as const;

/** `52428800` -> `50 MB`. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
