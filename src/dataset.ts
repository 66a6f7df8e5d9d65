/**
 * The dataset bundled with the extension, compiled at build time by scripts/build-dataset.ts (run by `npm install`,
 * `npm run dataset` and `npm run build`).
 */
import generated from './generated/dataset.json';
import type { Dataset } from './model';

export function bundledDataset(): Dataset {
  return generated as unknown as Dataset;
}
