/** Shared UI pieces for the popover and the side panel. */

export {
  PositionExcerpt,
  ShownStanceLabel,
  StanceLabel,
  sharedCss,
  whyLine,
} from './components';
export { excerptParts } from './excerpt';
export { addedByLabel, otherPrintNote, otherPrintWarning } from './labels';
export { STANCE_GLYPH, STANCE_LABEL, stanceCssVariables } from './stance';
