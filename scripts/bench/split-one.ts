/**
 * Splits one file in memory and prints the wall and CPU milliseconds it took: the adversarial
 * benchmark's child. CPU time is printed too because a shared machine stretches wall time.
 */
import { readFile } from 'node:fs/promises';
import { splitSources } from '../lib/split-sources.ts';

const file = process.argv[2]!;
const started = performance.now();
const cpu = process.cpuUsage();
await splitSources([file], (path) => readFile(path));
const used = process.cpuUsage(cpu);
console.log(`${(performance.now() - started).toFixed(0)} ${((used.user + used.system) / 1000).toFixed(0)}`);
