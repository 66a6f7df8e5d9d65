/**
 * Plain words for the model's vocabularies, as the panel shows them. Pure: no DOM, no browser.
 * (Local until the shared components in src/ui/shared land; see the report.)
 */
import type { Briefing, House, Reference, Stage, Stance } from '../../model';

export const STANCE_WORDS: Record<Stance, string> = {
  support: 'Supports',
  mixed: 'Mixed',
  concern: 'Concerned',
  oppose: 'Opposes',
  neutral: 'No stance stated',
};

export const HOUSE_WORDS: Record<House, string> = { commons: 'Commons', lords: 'Lords' };

export const STAGE_WORDS: Record<Stage, string> = {
  'first-reading': 'First reading',
  'second-reading': 'Second reading',
  committee: 'Committee',
  report: 'Report',
  'third-reading': 'Third reading',
  'remaining-stages': 'Remaining stages',
  'consideration-of-amendments': 'Consideration of amendments',
  'royal-assent': 'Royal Assent',
  other: 'Other stage',
};

const KIND_WORDS: Record<Reference['kind'], string> = {
  clause: 'Clause',
  'new-clause': 'New clause',
  amendment: 'Amendment',
  schedule: 'Schedule',
  'new-schedule': 'New schedule',
  part: 'Part',
  chapter: 'Chapter',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2016-11-08` -> `8 November 2016`; `2022-06` -> `June 2022`; anything else as given. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/** `8 and 10 November 2016` style is not attempted: several dates are listed as written, comma-separated. */
export function formatDates(dates: readonly string[]): string {
  return dates.map(formatDate).join(', ');
}

/** `Clause 7`, `Amendment 172A`, `New clause 10`. */
export function referenceLabel(ref: Reference): string {
  return `${KIND_WORDS[ref.kind]} ${ref.number}`;
}

/** `Lords Report` / `Commons Committee` / `Second reading`: house first, as readers say it. */
export function houseStageLabel(house: House | null, stage: Stage | null): string {
  const parts = [house ? HOUSE_WORDS[house] : null, stage ? STAGE_WORDS[stage] : null].filter(Boolean) as string[];
  if (parts.length === 2) return `${parts[0]} ${parts[1]?.toLowerCase()}`;
  return parts[0] ?? '';
}

/** `Lords report (day 2), 8 November 2016`; falls back to the heading as written when house and stage are unknown. */
export function briefingLabel(
  briefing: Pick<Briefing, 'house' | 'stage' | 'stageDetail' | 'dates' | 'heading'>,
): string {
  const where = houseStageLabel(briefing.house, briefing.stage);
  if (!where) return briefing.heading;
  const detail = briefing.stageDetail ? ` (${briefing.stageDetail})` : '';
  const when = briefing.dates.length ? `, ${formatDates(briefing.dates)}` : '';
  return `${where}${detail}${when}`;
}
