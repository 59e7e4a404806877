/**
 * Peak memory of a command and every process it starts (Pagefind's indexer is a child of the
 * build), sampled from /proc: the sum of the resident sets of the process tree, at its highest.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

const SAMPLE_MS = 200;

async function treeRssKiB(root: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    const ppid = /^PPid:\s+(\d+)/m.exec(status)?.[1];
    const kib = /^VmRSS:\s+(\d+)/m.exec(status)?.[1];
    if (ppid) parents.set(Number(name), Number(ppid));
    if (kib) rss.set(Number(name), Number(kib));
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 64; p = parents.get(p), depth++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, kib] of rss) if (inTree(pid)) total += kib;
  return total;
}

/** Runs a command; resolves with its wall time and peak tree memory, rejects with its output on failure. */
export function runMeasured(command: string, args: string[], env: Record<string, string> = {}): Promise<{ wallS: number; peakMiB: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakKiB = 0;
    let sampling = false;
    const timer = setInterval(() => {
      if (sampling || !child.pid) return;
      sampling = true;
      void treeRssKiB(child.pid).then((kib) => {
        peakKiB = Math.max(peakKiB, kib);
        sampling = false;
      });
    }, SAMPLE_MS);
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ wallS: (performance.now() - started) / 1000, peakMiB: peakKiB / 1024, output });
      else reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-2000)}`));
    });
  });
}
