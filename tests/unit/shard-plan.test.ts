/**
 * The plan of `npm run build -- --shards n`: it reads the archive once and hands each shard the
 * cross-meeting index its stamp covers, so a shard's process reads no other meeting's model.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perturbSummary } from '../../scripts/bench/corpus.ts';
import { buildStamp, shardInputsFingerprint } from '../../scripts/lib/shards/fingerprint.ts';
import { planShards, type LocalShardsOptions } from '../../scripts/lib/shards/plan.ts';
import { crossMeetingIndex } from '../../src/utils/archive-data.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let work: string;
let options: LocalShardsOptions;
const before = process.env['READOUT_GENERATED'];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'readout-plan-'));
  const idm = await readFile(join(ROOT, 'content/sources/idm-2018.txt'), 'utf8');
  await mkdir(join(work, 'sources'));
  for (const i of [1, 2, 3, 4])
    await writeFile(join(work, 'sources', `meeting-${i}.txt`), perturbSummary(idm, i));
  process.env['READOUT_GENERATED'] = join(work, 'generated');
  options = {
    count: 3,
    parent: join(work, 'shards'),
    source: join(work, 'sources'),
    frozen: false,
  };
}, 60_000);

afterAll(async () => {
  if (before === undefined) delete process.env['READOUT_GENERATED'];
  else process.env['READOUT_GENERATED'] = before;
  await rm(work, { recursive: true, force: true });
});

describe('the plan of a build in shards', () => {
  it("writes each shard's cross-meeting index and stamp as the shard itself would compute them", async () => {
    const indexDir = join(work, 'plan');
    await mkdir(indexDir);
    const plan = await planShards(options, indexDir);
    const generated = join(work, 'generated');
    expect(plan.shards).toHaveLength(3);
    for (const [i, planned] of plan.shards.entries()) {
      const shard = { index: i + 1, count: 3 };
      // No shard folder was built yet: every shard is planned.
      expect(planned).not.toBeNull();
      const text = await readFile(planned!.index, 'utf8');
      expect(text).toBe(JSON.stringify(await crossMeetingIndex(generated, shard)));
      const own = await shardInputsFingerprint(generated, shard, process.env);
      expect(own.index).toBe(text);
      expect(planned!.stamp).toBe(buildStamp(own.fingerprint, `shard ${i + 1}/3`));
    }
  }, 120_000);

  it('gives no cheap plan while a shard folder is not built from these inputs', async () => {
    // Nothing is built in the shard folders, so nothing is current.
    expect(await planShards(options, undefined, true)).toBeUndefined();
  });
});
