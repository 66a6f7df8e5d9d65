/**
 * The one grammar of references, shared by the briefing compiler and the page scanner.
 * (Placeholder signature: the grammar itself lands with issue 2/3 work.)
 */
import type { FoundReference } from '../model';

export interface FindOptions {
  /**
   * Briefings sometimes write `section 18` for the bill's own clause 18; pages never do (a section there is an Act's).
   */
  sectionsAreClauses?: boolean;
}

export function findReferences(_text: string, _options: FindOptions = {}): FoundReference[] {
  return [];
}
