/**
 * Plain words for the model's vocabularies, as the panel shows them: the one vocabulary (src/vocabulary.ts) through the
 * shared UI (also used by the popover, so a reader meets the same words in both).
 */
export {
  addedByLabel,
  briefingLabel,
  formatDate,
  formatDates,
  HOUSE_LONG,
  houseStageLabel,
  pageStageLabel,
  referenceLabel,
  referenceWords,
  STAGE_LABEL,
  STANCE_GLYPH,
  STANCE_LABEL,
} from '../shared';
