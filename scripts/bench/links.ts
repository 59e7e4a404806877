/**
 * `node scripts/bench/links.ts [copies]`: CPU time of matching a corrected meeting to its links
 * lockfile, on a synthetic meeting of `copies` × the bundled summary's paragraphs (their words
 * reshuffled per copy, so every paragraph is distinct), with every 97th paragraph removed and
 * every 50th edited. Prints the median of three runs.
 */
import { readFileSync } from 'node:fs';
import { reconcileLinks } from '../lib/permalinks/reconcile.ts';
const lock = JSON.parse(readFileSync('content/sources/idm-2018.links.json', 'utf8')) as { paragraphs: { text: string }[] };
const base: string[] = lock.paragraphs.map((p) => p.text);
const copies = Number(process.argv[2] ?? 150);
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const texts: string[] = [];
for (let c = 0; c < copies; c++) for (const t of base) texts.push(t.split(' ').sort(() => random() - 0.5).join(' '));
const meeting = (ts: string[]) => ({ slug: 'm', title: 'M', source: 'm.txt', sections: [{ kind: 'overview' as const, slug: 'overview', title: 'M', shortTitle: 'M', relatedConclusions: [], paragraphs: ts.map((text, i) => ({ n: i + 1, id: `p${i + 1}`, text })) }], speakers: [], organizations: [], countries: [], figures: [] });
const first = reconcileLinks(meeting(texts), undefined, '2026-01-01');
const edited = texts.filter((_, i) => i % 97 !== 5).map((t, i) => (i % 50 === 0 ? t.replace(' ', ' very ') : t));
const times: number[] = [];
for (let r = 0; r < 3; r++) { const s = process.cpuUsage(); reconcileLinks(meeting(edited), first.lock, "2026-02-01"); const u = process.cpuUsage(s); times.push((u.user + u.system) / 1000); }
times.sort((a, b) => a - b);
console.log(`${texts.length} paragraphs, ${(texts.join('\n\n').length / 1e6).toFixed(1)} MB: reconcile CPU time, median of 3, ${times[1]!.toFixed(0)} ms`);
