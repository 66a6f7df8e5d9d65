/**
 * The command line: `npm run --silent cli -- <command> [args]`. JSON on stdout; errors on stderr with exit code 1.
 * Each command lives in src/cli/<command>.ts and exports `run(args: string[]): Promise<unknown>`; its result is
 * printed as JSON.
 */
const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<unknown>; usage: string }>> = {
  briefing: () => import('./cli/briefing'),
  dataset: () => import('./cli/dataset'),
  refs: () => import('./cli/refs'),
  annotate: () => import('./cli/annotate'),
  topics: () => import('./cli/topics'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    const lines = await Promise.all(
      Object.entries(COMMANDS).map(async ([n, l]) => `  ${n} ${(await l().catch(() => ({ usage: '' }))).usage}`),
    );
    process.stderr.write(`usage: npm run --silent cli -- <command>\n${lines.join('\n')}\n`);
    return name ? 1 : 0;
  }
  try {
    const command = await load();
    const result = await command.run(args);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
