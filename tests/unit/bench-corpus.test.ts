import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { perturbSummary } from '../../scripts/bench/corpus.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';

const source = readFileSync('content/sources/idm-2018.txt', 'utf8');

describe('perturbSummary', () => {
  it('makes different texts with the same structure', () => {
    const original = parseMeeting(source, 'a.txt', 'a').meeting;
    const variant = perturbSummary(source, 3);
    const parsed = parseMeeting(variant, 'b.txt', 'b').meeting;
    expect(variant).not.toBe(source);
    expect(parsed.sections.map((s) => s.kind)).toEqual(original.sections.map((s) => s.kind));
    expect(parsed.speakers.length).toBe(original.speakers.length);
    expect(parsed.speakers.map((s) => s.name)).not.toEqual(original.speakers.map((s) => s.name));
  });

  it('is reproducible for the same index and differs between indexes', () => {
    expect(perturbSummary(source, 5)).toBe(perturbSummary(source, 5));
    expect(perturbSummary(source, 5)).not.toBe(perturbSummary(source, 6));
  });
});
