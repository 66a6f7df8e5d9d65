/**
 * The background's side of topic links: one index per bill, built once from the stored positions and kept until the
 * data changes, and the reply to one section's paragraphs (src/topics does the matching).
 */
import type { ParagraphTopicsReply, TopicsReply } from '../messaging';
import type { BillRecord, Briefing, Position } from '../model';
import { buildTopicIndex, lgaMentions, matchParagraph, type TopicIndex } from '../topics';
import { learntTerms } from '../topics/learnt-terms';

type Everything = { briefings: Briefing[]; positions: Position[] };

/** One bill's topic index, with its positions and briefings to send along with the links. */
export interface BillTopics {
  index: TopicIndex;
  briefings: Map<string, Briefing>;
  positions: Map<string, Position>;
}

/** Bills whose topic index is kept (a page is about one bill; a few tabs about a few). */
const KEPT = 4;

export class TopicIndexCache {
  private everything: Promise<Everything> | null = null;
  private readonly indexes = new Map<string, BillTopics>();

  constructor(private readonly read: () => Promise<Everything>) {}

  clear(): void {
    this.everything = null;
    this.indexes.clear();
  }

  async get(
    bill: BillRecord,
  ): Promise<{ index: TopicIndex; briefings: Map<string, Briefing>; positions: Map<string, Position> }> {
    this.everything ??= this.read();
    const all = await this.everything;
    let kept = this.indexes.get(bill.id);
    if (!kept) {
      kept = {
        index: buildTopicIndex(bill, all.positions, learntTerms()),
        briefings: new Map(all.briefings.filter((b) => b.billId === bill.id).map((b) => [b.id, b])),
        positions: new Map(all.positions.filter((p) => p.billId === bill.id).map((p) => [p.id, p])),
      };
      this.indexes.set(bill.id, kept);
      if (this.indexes.size > KEPT) this.indexes.delete(this.indexes.keys().next().value as string);
    }
    return kept;
  }
}

export function topicsReply(found: BillTopics | null, paragraphs: readonly string[]): TopicsReply {
  const out: ParagraphTopicsReply[] = [];
  const used = new Set<string>();
  paragraphs.forEach((text, index) => {
    const topics = found
      ? matchParagraph(found.index, text)
      : { links: [], lgaMentions: lgaMentions(text), echoes: [] };
    if (!topics.links.length && !topics.lgaMentions.length && !topics.echoes.length) return;
    for (const l of topics.links) used.add(l.positionId);
    for (const e of topics.echoes) used.add(e.positionId);
    out.push({ index, ...topics });
  });
  const positions = found
    ? [...used].flatMap((id) => {
        const position = found.positions.get(id);
        const briefing = position && found.briefings.get(position.briefingId);
        return position && briefing ? [{ position, briefing }] : [];
      })
    : [];
  return { billId: found?.index.billId ?? null, paragraphs: out, positions };
}
