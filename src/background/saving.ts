/**
 * Saving a briefing the reader adds (a file, a paste, or an LGA page's text from the preview page): the name it would
 * be saved under and what it would replace (src/capture/duplicates.ts), and the user record it would store. Its own
 * part because both the save and its plan (what the add-a-briefing form says before saving) work it out, and the
 * rules (a briefing saved again keeps when it was first added and the page it came from) are written once here.
 * Pure: the service hands in the bills known, the reader's saved briefings and the time.
 */
import { compileBriefing } from '../briefings';
import { type BriefingOrigin, planSave, type SavePlan } from '../capture/duplicates';
import { briefingSite } from '../capture/sites';
import type { BillRecord } from '../model';
import type { UserBriefingRecord } from '../store/schema';
import { UserFacingError } from './errors';
import { compileUserBriefings, formatDiagnostic } from './user-data';

/** The LGA page a briefing was read from, as a request names it; refused unless it is an LGA briefing page. */
export function originOf(origin: { url: string; pageDate: string | null } | undefined): BriefingOrigin | null {
  if (!origin) return null;
  const site = briefingSite(origin.url);
  if (!site) throw new UserFacingError(`${origin.url} is not an LGA briefing page`);
  return { url: origin.url, site: site.name, pageDate: origin.pageDate };
}

/** Where saving `text` as `fileName` would go, and what it would replace (see src/capture/duplicates.ts). */
export function planSaving(
  fileName: string,
  text: string,
  url: string | null,
  bills: readonly BillRecord[],
  saved: readonly UserBriefingRecord[],
): SavePlan {
  const result = compileBriefing(text, fileName, bills);
  return planSave({ ...result, source: fileName, url }, saved);
}

/**
 * The user record saving `text` by `saving` would store, or the compiler's errors. `at`: now, as the record's
 * `addedAt` when it is new, else its `updatedAt`.
 */
export function compileSaving(
  saving: SavePlan,
  text: string,
  from: BriefingOrigin | null,
  { saved, bills, at }: { saved: readonly UserBriefingRecord[]; bills: readonly BillRecord[]; at: string },
): { record: UserBriefingRecord | undefined; errors: string[] } {
  const { records, errors } = compileUserBriefings(
    [
      {
        source: saving.source,
        text,
        addedAt: saving.addedAt ?? at,
        ...(saving.addedAt ? { updatedAt: at } : {}),
        origin: from ?? savedOrigin(saving, saved),
      },
    ],
    bills,
  );
  return { record: records[0], errors: errors.map(formatDiagnostic) };
}

/** The saved records a plan replaces. */
export function replacedBy(saving: SavePlan, saved: readonly UserBriefingRecord[]): UserBriefingRecord[] {
  return saving.replaces.flatMap((d) => saved.find((r) => r.source === d.source) ?? []);
}

/** A briefing saved again from a file keeps the page it was first read from. */
function savedOrigin(saving: SavePlan, saved: readonly UserBriefingRecord[]): BriefingOrigin | null {
  for (const duplicate of saving.replaces) {
    const origin = saved.find((r) => r.source === duplicate.source)?.origin;
    if (origin) return origin;
  }
  return null;
}
