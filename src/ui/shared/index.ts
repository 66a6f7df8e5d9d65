/** Shared UI pieces for the popover and the side panel. */

export {
  PositionExcerpt,
  ShownStanceLabel,
  StanceLabel,
  sharedCss,
  whyLine,
} from './components';
export { excerptParts } from './excerpt';
export {
  addedByLabel,
  briefingLabel,
  briefingTitle,
  formatDate,
  formatDates,
  HOUSE_LONG,
  houseStageLabel,
  otherPrintWarning,
  pageStageLabel,
  referenceLabel,
  referenceWords,
  STAGE_LABEL,
  shortDate,
} from './labels';
export { STANCE_GLYPH, STANCE_LABEL, stanceCssVariables } from './stance';
