/**
 * Runs the `annotate` CLI command on several pages in one process (one tsx start instead of one per page) and
 * prints `{ [id]: output }`. Input on stdin: `[{ id, file, url }]`. Used by specs/06-parity.spec.mjs.
 */
import { run } from '../../../src/cli/annotate';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const pages = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<{ id: string; file: string; url: string }>;
const out: Record<string, unknown> = {};
for (const page of pages) out[page.id] = await run([page.file, '--url', page.url]);
process.stdout.write(JSON.stringify(out));
