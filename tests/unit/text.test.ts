import { describe, expect, it } from 'vitest';
import { shortenTitle, slugify, splitSentences, uniqueSlug } from '../../scripts/lib/text.ts';

describe('splitSentences', () => {
  it('keeps titles and initials with their names', () => {
    expect(
      splitSentences('Dr. Ada Lovelace spoke. Mr. J. Smith agreed! Then 3 people left.'),
    ).toEqual(['Dr. Ada Lovelace spoke.', 'Mr. J. Smith agreed!', 'Then 3 people left.']);
  });

  it('ends a sentence after a closing quotation mark', () => {
    expect(splitSentences('She said “no.” It ended.')).toEqual(['She said “no.”', 'It ended.']);
  });
});

describe('slugify', () => {
  it('makes ASCII slugs from accented text', () => {
    expect(slugify('São Paulo Ødegaard Łódź')).toBe('sao-paulo-odegaard-lodz');
  });

  it('drops filler words and keeps at most six words', () => {
    expect(slugify('Working together to make data available for migration policymaking')).toBe(
      'working-together-make-data-available-migration',
    );
  });
});

describe('uniqueSlug', () => {
  it('numbers a slug that is already taken', () => {
    const taken = new Set(['water']);
    expect(uniqueSlug('water', taken)).toBe('water-2');
    expect(uniqueSlug('water', taken)).toBe('water-3');
  });
});

describe('shortenTitle', () => {
  it('keeps a short title whole', () => {
    expect(shortenTitle('Whole-of-society partnerships for good governance')).toBe(
      'Whole-of-society partnerships for good governance',
    );
  });

  it('takes the part before a colon of a long title', () => {
    expect(shortenTitle('Setting the scene: partnering to make the world work for all of us')).toBe(
      'Setting the scene',
    );
  });

  it('cuts a long thesis before a relative clause', () => {
    expect(
      shortenTitle(
        'Water is not a commodity but a right that every state must protect for all',
        12,
      ),
    ).toBe('Water is not a commodity but a right');
  });

  it('never ends on a function word', () => {
    expect(
      shortenTitle('Joining forces to assist and protect migrants in vulnerable situations'),
    ).toBe('Joining forces to assist and protect migrants');
  });
});
