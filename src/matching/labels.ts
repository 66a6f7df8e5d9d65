/** Plain words for stages, dates and briefings, used in the reasons the matcher gives. */
import type { Briefing, House, ReferenceKind, Stage } from '../model';
import { KIND_WORDS, MONTH_NAMES } from '../vocabulary';

const HOUSE_LABEL: Record<House, string> = { commons: 'Commons', lords: 'Lords' };

const STAGE_LABEL: Record<Stage, string> = {
  'first-reading': 'First Reading',
  'second-reading': 'Second Reading',
  committee: 'Committee',
  report: 'Report',
  'third-reading': 'Third Reading',
  'remaining-stages': 'Remaining Stages',
  'consideration-of-amendments': 'Consideration of Amendments',
  'royal-assent': 'Royal Assent',
  other: 'another stage',
};

/** `2016-10-18` -> `18 October 2016`; `2022-06` -> `June 2022`; anything else as written. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** `27 June 2016, 4 July 2016 and 11 July 2016`. */
export function formatDates(dates: readonly string[]): string {
  const words = [...dates].sort().map(formatDate);
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** `Lords Report`, `Commons Committee`, `Consideration of Amendments`, `an unnamed stage`. */
export function stageLabel(house: House | null, stage: Stage | null): string {
  if (stage === null) return house ? `${HOUSE_LABEL[house]}, stage not stated` : 'an unnamed stage';
  if (house === null) return STAGE_LABEL[stage];
  return `${HOUSE_LABEL[house]} ${STAGE_LABEL[stage]}`;
}

/** `Lords Committee (days 4 and 5), 11 July 2016`: what a reader calls the briefing. */
export function briefingLabel(briefing: Pick<Briefing, 'house' | 'stage' | 'stageDetail' | 'dates'>): string {
  const detail = briefing.stageDetail ? ` (${briefing.stageDetail})` : '';
  const dates = briefing.dates.length > 0 ? `, ${formatDates(briefing.dates)}` : '';
  return `${stageLabel(briefing.house, briefing.stage)}${detail}${dates}`;
}

/** `clause 29`, `new clause 10`, `amendment 7`. */
export function referenceLabel(kind: ReferenceKind, number: string): string {
  return `${KIND_WORDS[kind]} ${number}`;
}

/** `a different clause`, `a different amendment`. */
export function differentThing(kind: ReferenceKind): string {
  return `a different ${KIND_WORDS[kind]}`;
}
