/**
 * Records for tests, built one way: a bill, a briefing, a position on it, a matched position, and the message senders the
 * background tells apart. Each takes overrides for what a test is about; the rest is a plausible default.
 */
import type { ExtensionIdentity, MessageSender } from '../src/background/senders';
import { briefingId, positionId } from '../src/ids';
import type {
  Applicability,
  BillRecord,
  Briefing,
  MatchedPosition,
  PageContext,
  Position,
  PositionRef,
  ReferenceKind,
  Span,
  Stance,
} from '../src/model';

/** A bill known by its title alone unless given more names. */
export function makeBill(overrides: Partial<BillRecord> = {}): BillRecord {
  return {
    id: 'cwsb',
    title: 'Children’s Wellbeing and Schools Bill',
    aliases: [],
    parliamentId: null,
    originatingHouse: null,
    actTitle: null,
    session: null,
    ...overrides,
  };
}

export function makeBriefing(overrides: Partial<Briefing> = {}): Briefing {
  const billId = overrides.billId ?? 'cwsb';
  const source = overrides.source ?? 'lga.txt';
  const order = overrides.order ?? 0;
  return {
    id: briefingId(billId, source, order),
    billId,
    source,
    heading: 'Report Stage, House of Lords, 18 October 2016',
    house: 'lords',
    stage: 'report',
    stageDetail: null,
    dates: ['2016-10-18'],
    order,
    line: 1,
    userAdded: false,
    ...overrides,
  };
}

/** A reference judged inside `text`: evidence is the whole text unless given, mention where the words first occur. */
export function makeRef(
  text: string,
  kind: ReferenceKind,
  number: string,
  stance: Stance,
  overrides: Partial<PositionRef> = {},
): PositionRef {
  const written = `${kind.replace('-', ' ')} ${number}`;
  const at = text.toLowerCase().indexOf(written.toLowerCase());
  const mention: Span = at >= 0 ? { start: at, end: at + written.length } : { start: 0, end: 0 };
  return {
    kind,
    number,
    stance,
    cue: null,
    decidedBy: [],
    evidence: { start: 0, end: text.length },
    mention,
    ...overrides,
  };
}

export function makePosition(of: Briefing, index: number, overrides: Partial<Position> = {}): Position {
  const text = overrides.text ?? 'We support clause 7.';
  const stance = overrides.stance ?? 'support';
  return {
    id: positionId(of.id, index),
    billId: of.billId,
    briefingId: of.id,
    text,
    part: 'key-messages',
    subheading: null,
    line: of.line + 2 + index,
    refs: [makeRef(text, 'clause', '7', stance)],
    stance,
    cue: null,
    decidedBy: [],
    caveat: null,
    ...overrides,
  };
}

/** A position as a lookup answers it: its first reference matched, applying unless told. */
export function makeMatch(
  position: Position,
  briefing: Briefing,
  applies: Applicability = 'applies',
  ref: PositionRef | undefined = position.refs[0],
): MatchedPosition {
  if (!ref) throw new Error(`makeMatch: position ${position.id} has no reference`);
  return {
    position,
    briefing,
    ref,
    applies,
    reason: applies === 'applies' ? 'same print' : 'numbered for another print',
  };
}

/** What a content script says of its page: nothing known unless given. */
export function makePage(overrides: Partial<PageContext> = {}): PageContext {
  return { bill: null, billId: null, house: null, stage: null, stageLabel: null, date: null, ...overrides };
}

/** A Commons second-reading debate on the Children's Wellbeing and Schools Bill (8 January 2025): the topic tests' page. */
export const CWSB_SECOND_READING: PageContext = makePage({
  bill: "Children's Wellbeing and Schools Bill",
  billId: 'childrens-wellbeing-and-schools-bill',
  house: 'commons',
  stage: 'second-reading',
  date: '2025-01-08',
});

/** The extension the background service is told it is, in unit tests. */
export const EXTENSION: ExtensionIdentity = {
  id: 'lga-test-extension',
  origin: 'chrome-extension://lga-test-extension',
};

/** Every kind of sender the background meets, as the browser describes it. */
export const SENDERS = {
  /** Our content script on a Hansard page. */
  contentScript: (tabId = 7): MessageSender => ({
    id: EXTENSION.id,
    url: 'https://hansard.parliament.uk/Commons/2025-02-11/debates/x/ChildrenSWellbeingAndSchoolsBill',
    tab: { id: tabId, windowId: 1, url: 'https://hansard.parliament.uk/Commons/2025-02-11/debates/x' },
  }),
  /** Our side panel (Chrome) or sidebar (Firefox): no tab. */
  sidePanel: (): MessageSender => ({ id: EXTENSION.id, url: `${EXTENSION.origin}/sidepanel.html` }),
  /** Our options page opened in a tab. */
  optionsTab: (): MessageSender => ({
    id: EXTENSION.id,
    url: `${EXTENSION.origin}/options.html`,
    tab: { id: 9, windowId: 1, url: `${EXTENSION.origin}/options.html` },
  }),
  /** Another extension (if it could reach us at all). */
  otherExtension: (): MessageSender => ({
    id: 'someone-else',
    url: 'chrome-extension://someone-else/page.html',
  }),
  /** Our id claimed from a web page's frame (a content script whose URL says it is our page). */
  contentScriptClaimingOurUrl: (): MessageSender => ({
    id: EXTENSION.id,
    url: `${EXTENSION.origin}/options.html`,
    tab: { id: 7, url: 'https://hansard.parliament.uk/Commons/2025-02-11/debates/x' },
  }),
  noSender: (): MessageSender => ({}),
} as const;
