import { describe, expect, it } from 'vitest';
import { spellingVariants } from '../../src/client/search/spelling-variants.ts';

describe('spellingVariants', () => {
  it.each([
    ['labor', 'labour'],
    ['labour', 'labor'],
    ['enrollment', 'enrolment'],
    ['enrolment', 'enrollment'],
    ['organisation', 'organization'],
    ['organizations', 'organisations'],
    ['program', 'programme'],
    ['programmes', 'programs'],
    ['centre', 'center'],
    ['people-centred', 'people-centered'],
    ['dialogue', 'dialog'],
    ['travelled', 'traveled'],
    ['defence', 'defense'],
    ['analyse', 'analyze'],
    ['ageing', 'aging'],
  ])('finds the other spelling of %s: %s', (word, variant) => {
    expect(spellingVariants(word)).toContain(variant);
  });

  it.each(['for', 'four', 'rise', 'called', 'water', 'fill'])('leaves %s alone', (word) => {
    expect(spellingVariants(word)).toEqual([]);
  });

  it('never doubles a letter that is already double', () => {
    expect(spellingVariants('enrollment')).not.toContain('enrolllment');
    expect(spellingVariants('travelled')).not.toContain('travellled');
  });
});
