export const usage = '(not yet built)';
export async function run(_args: string[]): Promise<unknown> {
  throw new Error('annotate: not yet built');
}
