/** The hand-kept bill facts (assets/bills.json) as BillRecords. */
import registry from '../../assets/bills.json';
import type { BillRecord } from '../model';

export function bundledBills(): BillRecord[] {
  return (registry as unknown as { bills: BillRecord[] }).bills;
}
