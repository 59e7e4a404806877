/**
 * The process `npm run build -- --shards n` plans in (plan.ts): it splits, stamps the shards and
 * writes what it found as JSON to the file named by its second argument, then exits, so that
 * the memory this took is given back before any shard renders.
 */
import { writeFile } from 'node:fs/promises';
import { runCommand } from '../cli.ts';
import { planShards, type LocalShardsOptions } from './plan.ts';

await runCommand(async () => {
  const [options, file] = process.argv.slice(2);
  const plan = await planShards(JSON.parse(options!) as LocalShardsOptions);
  await writeFile(file!, JSON.stringify(plan));
});
