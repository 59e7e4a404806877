/**
 * Peak memory of a command and every process it starts (Pagefind's indexer is a child of the
 * build), sampled from /proc: the sum of the resident sets of the process tree, at its highest.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

const SAMPLE_MS = 200;

/**
 * The resident memory of the process tree under `root`, and of the part of it under a process
 * whose command line matches `focus` (a step of a command that runs several, e.g. `--assemble`).
 */
async function treeRssKiB(root: number, focus?: RegExp): Promise<{ total: number; focused: number }> {
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
  const ancestors = (pid: number): number[] => {
    const chain: number[] = [];
    for (let p: number | undefined = pid, depth = 0; p && depth < 64; p = parents.get(p), depth++) {
      chain.push(p);
      if (p === root) return chain;
    }
    return [];
  };
  const matches = new Map<number, boolean>();
  const focusedPid = async (pid: number): Promise<boolean> => {
    if (!matches.has(pid)) matches.set(pid, focus ? focus.test((await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ')) : false);
    return matches.get(pid)!;
  };
  let total = 0;
  let focused = 0;
  for (const [pid, kib] of rss) {
    const chain = ancestors(pid);
    if (chain.length === 0) continue;
    total += kib;
    if (focus) for (const p of chain) if (await focusedPid(p)) { focused += kib; break; }
  }
  return { total, focused };
}

/**
 * Runs a command; resolves with its wall time and peak tree memory (and the peak of the part of
 * the tree under a process whose command line matches `focus`), rejects with its output on failure.
 */
export function runMeasured(command: string, args: string[], env: Record<string, string> = {}, focus?: RegExp): Promise<{ wallS: number; peakMiB: number; focusPeakMiB: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakKiB = 0;
    let focusPeakKiB = 0;
    let sampling = false;
    const timer = setInterval(() => {
      if (sampling || !child.pid) return;
      sampling = true;
      void treeRssKiB(child.pid, focus).then(({ total, focused }) => {
        peakKiB = Math.max(peakKiB, total);
        focusPeakKiB = Math.max(focusPeakKiB, focused);
        sampling = false;
      });
    }, SAMPLE_MS);
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ wallS: (performance.now() - started) / 1000, peakMiB: peakKiB / 1024, focusPeakMiB: focusPeakKiB / 1024, output });
      else reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-2000)}`));
    });
  });
}
