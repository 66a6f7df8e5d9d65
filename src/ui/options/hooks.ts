/**
 * The options page's data: settings (watched, so another window's change shows here too), the dataset's status, the
 * known bills, and the briefings the reader added.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DatasetStatus } from '../../messaging';
import type { BillRecord } from '../../model';
import { DEFAULT_SETTINGS, getSettings, type Settings, updateSettings, watchSettings } from '../../settings';
import { ask } from '../client';
import type { UserSource } from './UserData';

export function useSettings(): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const change = (patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    void updateSettings(patch);
  };
  return [settings, change];
}

/** Status, bills and user briefings; `reload` after a save, a removal or an import. */
export function useDataset(): {
  status: DatasetStatus | null;
  statusError: string | null;
  bills: BillRecord[];
  userSources: UserSource[];
  loadingUser: boolean;
  reload: () => void;
} {
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [bills, setBills] = useState<BillRecord[]>([]);
  const [userSources, setUserSources] = useState<UserSource[]>([]);
  const [loadingUser, setLoadingUser] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    ask({ type: 'status' })
      .then((s) => {
        if (!live) return;
        setStatus(s);
        setStatusError(null);
      })
      .catch((e: unknown) => live && setStatusError(message(e)));
    ask({ type: 'bills' })
      .then(async (list) => {
        if (!live) return;
        setBills(list);
        setUserSources(await userSourcesOf(list));
      })
      .catch(() => live && setUserSources([]))
      .finally(() => live && setLoadingUser(false));
    return () => {
      live = false;
    };
  }, [generation]);

  return { status, statusError, bills, userSources, loadingUser, reload: () => setGeneration((g) => g + 1) };
}

/**
 * The briefings the reader added, by source file. There is no message that lists them, so each bill's briefings
 * are read and the user-added ones kept (a handful of bills: a handful of round trips).
 */
async function userSourcesOf(bills: readonly BillRecord[]): Promise<UserSource[]> {
  const answers = await Promise.all(bills.map((bill) => ask({ type: 'briefingsForBill', billId: bill.id })));
  const bySource = new Map<string, UserSource>();
  for (const answer of answers) {
    for (const { briefing } of answer?.briefings ?? []) {
      if (!briefing.userAdded) continue;
      const entry = bySource.get(briefing.source) ?? {
        source: briefing.source,
        billTitle: answer?.bill.title ?? briefing.billId,
        briefings: [],
      };
      entry.briefings.push(briefing);
      bySource.set(briefing.source, entry);
    }
  }
  return [...bySource.values()].sort(
    (a, b) => a.billTitle.localeCompare(b.billTitle) || a.source.localeCompare(b.source),
  );
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
