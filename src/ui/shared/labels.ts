/**
 * The labels only the popover and the extension pages show (whose a briefing is, the other-print warning), built from
 * the one vocabulary (src/vocabulary.ts), which UI code imports directly for the rest. Pure, no DOM.
 */
import type { Briefing, PrintRelation, Reference } from '../../model';
import { briefingLabel, differentThing, referenceWords } from '../../vocabulary';

/**
 * Whose a briefing is, said wherever one is shown apart from the LGA's shipped data: `added by you`, or
 * `added by you from local.gov.uk` for one read from an LGA page. Null for the shipped briefings.
 */
export function addedByLabel(briefing: Pick<Briefing, 'userAdded' | 'addedFrom'>): string | null {
  if (!briefing.userAdded) return null;
  return briefing.addedFrom ? `added by you from ${briefing.addedFrom}` : 'added by you';
}

/**
 * The side panel's short note on a provision whose positions do not apply to the page's print, saying no more than
 * the card's warning (`otherPrintWarning`): "another print" only when the print is known to be another.
 */
export function otherPrintNote(print: PrintRelation): string {
  return print === 'unknown'
    ? "We can't tell whether this page shows the print these positions were numbered for: the numbering may differ."
    : 'Numbered for another print of the bill: the numbering may differ on this page.';
}

/**
 * The plain warning for a position numbered for another print, worded from how that print relates to the page's:
 * - `earlier`: `Numbered for Lords Report, 18 October 2016. The bill has been reprinted since: clause 29 there may be a
 *   different clause here.`
 * - `later`: `Numbered for Lords Third Reading, 23 November 2016, a later print than this debate: …`
 * - `unknown`: `Numbered for …. We can't tell which print this page debates: …`
 * Amendments restart at every stage, so their warning says so instead.
 */
export function otherPrintWarning(
  briefing: Parameters<typeof briefingLabel>[0],
  ref: Reference,
  print: PrintRelation = 'unknown',
): string {
  const mayDiffer = `${referenceWords(ref)} there may be ${differentThing(ref.kind)} here.`;
  const numbered = `Numbered for ${briefingLabel(briefing)}`;
  if (ref.kind === 'amendment' || ref.kind === 'new-clause' || ref.kind === 'new-schedule') {
    return `${numbered}. Amendments are renumbered at every stage: ${mayDiffer}`;
  }
  if (print === 'earlier') return `${numbered}. The bill has been reprinted since: ${mayDiffer}`;
  if (print === 'later') return `${numbered}, a later print of the bill than this debate: ${mayDiffer}`;
  return `${numbered}. We can't tell whether this page shows the same print of the bill: ${mayDiffer}`;
}
