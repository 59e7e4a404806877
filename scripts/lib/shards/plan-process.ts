/**
 * The process `npm run build -- --shards n` plans in (plan.ts): it splits, stamps the shards,
 * writes their cross-meeting indexes into the folder named by its third argument and what it
 * found as JSON to the file named by its second, then exits, so that the memory this took is
 * given back before any shard renders.
 */
import { writeFile } from 'node:fs/promises';
import { runCommand } from '../cli.ts';
import { planShards, type LocalShardsOptions } from './plan.ts';

await runCommand(async () => {
  const [options, file, indexDir] = process.argv.slice(2);
  const plan = await planShards(JSON.parse(options!) as LocalShardsOptions, indexDir!);
  await writeFile(file!, JSON.stringify(plan));
});
