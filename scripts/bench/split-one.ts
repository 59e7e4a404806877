/** Splits one file in memory and prints the milliseconds it took: the adversarial benchmark's child. */
import { readFile } from 'node:fs/promises';
import { splitSources } from '../lib/split-sources.ts';

const file = process.argv[2]!;
const started = performance.now();
await splitSources([file], (path) => readFile(path));
console.log((performance.now() - started).toFixed(0));
