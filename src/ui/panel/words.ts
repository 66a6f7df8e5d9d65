/**
 * Plain words for the model's vocabularies, as the panel shows them: the shared UI's tables (src/ui/shared, also
 * used by the popover, so a reader meets the same words in both), plus the panel's `Lords report` form.
 */
import type { House, Stage } from '../../model';
import { HOUSE_SHORT, STAGE_LABEL } from '../shared';

export {
  addedByLabel,
  briefingLabel,
  formatDate,
  formatDates,
  HOUSE_LONG,
  referenceLabel,
  STAGE_LABEL,
  STANCE_GLYPH,
  STANCE_LABEL,
} from '../shared';

/** `Lords Report` / `Commons Committee` / `Second Reading`: house first, as readers say it. */
export function houseStageLabel(house: House | null, stage: Stage | null): string {
  return [house ? HOUSE_SHORT[house] : null, stage ? STAGE_LABEL[stage] : null].filter(Boolean).join(' ');
}

/**
 * The page's stage as readers say it, with what the page adds written once: `Lords Report` and `Report (2nd Day)` give
 * `Lords Report (2nd Day)`, not `Lords Report (Report (2nd Day))`; `Commons Committee` and `Fourteenth Sitting` give
 * `Commons Committee (Fourteenth Sitting)`.
 */
export function pageStageLabel(house: House | null, stage: Stage | null, asWritten: string | null): string {
  const where = houseStageLabel(house, stage);
  if (!asWritten || asWritten === where) return where;
  let rest = asWritten.trim();
  for (const words of [where, stage ? STAGE_LABEL[stage] : '', stage === 'report' ? 'Report Stage' : '']) {
    if (words && rest.toLowerCase().startsWith(words.toLowerCase())) rest = rest.slice(words.length).trim();
  }
  rest = rest
    .replace(/^[,:;–—-]\s*/, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (!where) return asWritten;
  return rest ? `${where} (${rest})` : where;
}
