/**
 * The reader's stance corrections as the handlers apply them: read from the store once, by position, and kept until a
 * correction is made or undone (or the briefings they apply to change). Its own part because every reply that carries
 * a position goes out through it (src/stance/shown.ts), and because the kept map is also what the Bill view's grid
 * rows are kept by (./bill-pages.ts `StanceGridCache`): a new map when, and only when, the corrections change.
 */
import type { Position, StanceCorrection } from '../model';
import { attachCorrections, correctionsByPosition } from '../stance/corrections';
import type { DataStore } from '../store/types';

export class CorrectionsCache {
  private byPositionKept: Map<string, StanceCorrection[]> | null = null;

  /** `store`: the service's store at the time of asking (it becomes the memory store if IndexedDB fails). */
  constructor(private readonly store: () => DataStore) {}

  /** The reader's corrections by position id, read once and kept until `clear`. */
  async byPosition(): Promise<Map<string, StanceCorrection[]>> {
    this.byPositionKept ??= correctionsByPosition(await this.store().corrections());
    return this.byPositionKept;
  }

  /** Positions with the reader's corrections attached, as every position the background returns goes out. */
  async attach<P extends Position>(positions: readonly P[]): Promise<P[]> {
    return attachCorrections(positions, await this.byPosition());
  }

  /** The corrections changed: the next request reads them again. */
  clear(): void {
    this.byPositionKept = null;
  }
}
