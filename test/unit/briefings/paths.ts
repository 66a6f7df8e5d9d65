/** Where tests read the shared material and the project's assets from. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BillRecord } from '../../../src/model';

export const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));

export function readShared(relative: string): string {
  return readFileSync(`${SHARED}${relative}`, 'utf8');
}

export function readAsset(relative: string): string {
  return readFileSync(`${PROJECT}assets/${relative}`, 'utf8');
}

export function registryBills(): BillRecord[] {
  return (JSON.parse(readAsset('bills.json')) as { bills: BillRecord[] }).bills;
}
