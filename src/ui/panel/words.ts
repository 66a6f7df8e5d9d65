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
