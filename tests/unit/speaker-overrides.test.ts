/** Publishers get the last word on speakers: frontmatter corrects or removes them, validated. */
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../scripts/lib/errors.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';

const body = [
  'Workshop on Coastal Adaptation, 3-4 May 2021, Bonn, Germany',
  '',
  'SBSTA Chair Harald Nordby (Norway) opened the workshop on Monday morning and welcomed participants from many countries.',
  '',
  'Wei Zhang drew attention to energy efficiency and outlined the national efforts to optimize the energy structure.',
  '',
  'Lima Vale, Coastal Research Institute, said that monitoring must improve before any new targets are set.',
].join('\n');
const parse = (frontmatter: string) =>
  parseMeeting(`---\n${frontmatter}\n---\n${body}`, 'coast.txt', 'coast').meeting;
const refusal = (frontmatter: string) => {
  try {
    parse(frontmatter);
  } catch (error) {
    return error as SourceError;
  }
  throw new Error('expected the frontmatter to be refused');
};

describe('speaker overrides', () => {
  it('finds the speakers the overrides below refer to', () => {
    expect(parse('title: Coast').speakers.map((s) => s.id)).toEqual([
      'harald-nordby',
      'wei-zhang',
      'lima-vale',
    ]);
  });

  it('corrects name, role, organization and country, keeping the id and recomputing code and group', () => {
    const wei = parse(
      [
        'speakers:',
        '  wei-zhang:',
        '    name: Zhang Wei',
        '    role: Director General',
        '    organization: National Energy Research Institute',
        '    country: China',
      ].join('\n'),
    ).speakers.find((s) => s.id === 'wei-zhang')!;
    expect(wei).toMatchObject({
      name: 'Zhang Wei',
      role: 'Director General',
      organization: 'National Energy Research Institute',
      country: 'China',
      countryCode: 'CN',
      group: 'academia',
    });
  });

  it('takes a stated group over the computed one', () => {
    const lima = parse(
      [
        'speakers:',
        '  lima-vale:',
        '    organization: Coastal Research Institute',
        '    group: civil-society',
      ].join('\n'),
    ).speakers.find((s) => s.id === 'lima-vale')!;
    expect(lima.group).toBe('civil-society');
  });

  it('removes a speaker set to false', () => {
    expect(parse(['speakers:', '  lima-vale: false'].join('\n')).speakers.map((s) => s.id)).toEqual(
      ['harald-nordby', 'wei-zhang'],
    );
  });

  it('refuses an unknown speaker, listing the known ones', () => {
    const error = refusal(['speakers:', '  harold-nordby: false'].join('\n'));
    expect(error.message).toContain('"harold-nordby"');
    expect(error.fix).toContain('harald-nordby, wei-zhang, lima-vale');
  });

  it('refuses a country no dataset knows and an unknown field or group', () => {
    expect(
      refusal(['speakers:', '  wei-zhang:', '    country: Atlantis'].join('\n')).message,
    ).toContain('speakers.wei-zhang.country');
    expect(
      refusal(['speakers:', '  wei-zhang:', '    employer: Someone'].join('\n')).message,
    ).toContain('speakers.wei-zhang');
    expect(
      refusal(['speakers:', '  wei-zhang:', '    group: aliens'].join('\n')).message,
    ).toContain('speakers.wei-zhang');
  });
});
