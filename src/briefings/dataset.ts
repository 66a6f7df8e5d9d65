export type DatasetResult = unknown;
export function compileDataset(): void {}
