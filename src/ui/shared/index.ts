/** Shared UI pieces for the popover and the side panel. */

export type { PositionExcerptProps } from './components';
export {
  BriefingLabel,
  correctedNote,
  PositionExcerpt,
  RefExcerpt,
  ShownStanceLabel,
  StanceLabel,
  sharedCss,
  whyLine,
} from './components';
export type { ExcerptParts } from './excerpt';
export { excerptParts, excerptSegments } from './excerpt';
export {
  addedByLabel,
  briefingLabel,
  briefingTitle,
  formatDate,
  formatDates,
  HOUSE_LONG,
  HOUSE_SHORT,
  otherPrintWarning,
  referenceLabel,
  STAGE_LABEL,
  shortDate,
} from './labels';
export type { ColourScheme } from './stance';
export {
  APPLIES_LABEL,
  leadingStance,
  STANCE_COLOUR,
  STANCE_GLYPH,
  STANCE_LABEL,
  STANCE_TINT,
  stanceCssVariables,
} from './stance';
