/**
 * The genre's ways of attributing speech, one form per case. Most fixtures are made up in the
 * style of the Earth Negotiations Bulletin; the few quoted ones are short excerpts of ENB vol. 12
 * (IISD Reporting Services), with their issue named.
 */
import { describe, expect, it } from 'vitest';
import { findAttributions, parseAppositive } from '../../scripts/lib/entities/speakers.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';

const common = new Set(
  'the and said of a to on in for review teams economic affairs nuclear safety'.split(' '),
);
const find = (text: string) => findAttributions(text, 'p1', { commonWords: common });
const names = (text: string) =>
  find(text)
    .filter((a) => !a.weak)
    .map((a) => a.name);

describe('attribution forms', () => {
  it('reads "Title Name (Country)" with the body the title is of', () => {
    expect(find('SBSTA Chair Ola Nordby (Norway) opened the workshop.')[0]).toMatchObject({
      name: 'Ola Nordby',
      organization: 'SBSTA',
      country: 'Norway',
    });
    // ENB 12:621: "ADP Co-Chair Ahmed Djoghlaf (Algeria)"
    expect(find('ADP Co-Chair Ahmed Djoghlaf (Algeria) opened the session.')[0]).toMatchObject({
      organization: 'ADP',
      country: 'Algeria',
    });
  });

  it('does not take a session number for a body ("COP-5 President")', () => {
    expect(find('COP-5 President Ana Kowal (Poland) stressed the opportunity.')[0]).toMatchObject({
      name: 'Ana Kowal',
      country: 'Poland',
    });
    expect(
      find('COP-5 President Ana Kowal (Poland) stressed the opportunity.')[0]!.organization,
    ).toBeUndefined();
  });

  it('reads short country codes in parentheses', () => {
    expect(find('Sara Lind (US) noted the proposal.')[0]).toMatchObject({
      name: 'Sara Lind',
      country: 'US',
    });
  });

  it('reads a bare name as the subject of a reporting verb', () => {
    expect(
      names(
        'Beat Nobel recognized the need to act. In response, Ana Corrêa do Lago said it was possible.',
      ),
    ).toEqual(['Beat Nobel', 'Ana Corrêa do Lago']);
  });

  it('does not take a phrase of lowercase-attested words, a delegation or an instrument for a person', () => {
    expect(
      names(
        'Expert Review Teams noted gaps. BRAZIL said no. Saudi Arabia opposed it. The Delhi Declaration stressed action.',
      ),
    ).toEqual([]);
  });

  it('reads "a presentation by Name" and every person facilitating a group', () => {
    expect(names('The day closed with a presentation by Peter Sandor on compliance.')).toEqual([
      'Peter Sandor',
    ]);
    expect(
      find(
        'The group was facilitated by Hana Gita, World Bank Institute, and Ian Bart, Red Cross/Red Crescent.',
      ).map((a) => [a.name, a.organization]),
    ).toEqual([
      ['Hana Gita', 'World Bank Institute'],
      ['Ian Bart', 'Red Cross/Red Crescent'],
    ]);
  });

  it('reads "Name, on behalf of X, said" and leaves out the person on whose behalf someone spoke', () => {
    expect(
      find('Santo Gomez, on behalf of the European Union, said the EU was committed.')[0],
    ).toMatchObject({ name: 'Santo Gomez', role: 'on behalf of the European Union' });
    expect(
      names(
        'On behalf of the President of the Conference, Greta Maier, Minister for the Environment of Germany, Taro Shiba (Japan) reported on the results.',
      ),
    ).toEqual(['Taro Shiba']);
  });

  it('leaves out contact persons and people thanked', () => {
    expect(
      names('For more information, contact: Axel Moor, Hamburg Institute; tel: +49-40-1234.'),
    ).toEqual([]);
    expect(names('Delegates thanked Lena Vik (Norway) for her work.')).toEqual([]);
  });

  it('keeps a mention that only says who someone is as a weak attribution', () => {
    const [mention] = find(
      'On 17 January, Johanna Waller (Netherlands) was named the new Executive Secretary.',
    );
    expect(mention).toMatchObject({ name: 'Johanna Waller', country: 'Netherlands', weak: true });
  });

  it('reads a country run in as a label before the name', () => {
    expect(
      find('The session went on. Mali: Mama Kone highlighted adaptation needs.')[0],
    ).toMatchObject({ name: 'Mama Kone', country: 'Mali' });
  });

  it('reads names with initials, particles and surname prefixes whole', () => {
    expect(
      names("Rajendra K. Pachar said so. Ken MacDonnell noted it. Grainne O'Hare presented."),
    ).toEqual(['Rajendra K. Pachar', 'Ken MacDonnell', "Grainne O'Hare"]);
  });

  it('reads "Name, Body, <verb>" whatever the verb, and a compass word ending a surname', () => {
    expect(find('Wulf Kilmer, FAO, lamented that food security suffers.')[0]).toMatchObject({
      name: 'Wulf Kilmer',
      organization: 'FAO',
    });
    expect(find('Chris West, UK, described nested adaptation.')[0]).toMatchObject({
      name: 'Chris West',
      country: 'UK',
    });
  });

  it('reads a name after an opening clause that ends in a capitalized word', () => {
    expect(
      names('On behalf of the G-77 and China, Cecilia Baltar reaffirmed the commitment.'),
    ).toEqual(['Cecilia Baltar']);
  });

  it('reads a name written with doubled spaces, as converted text has them', () => {
    expect(
      names('On behalf of the G-77 and China, Cecilia  Baltar  Rebo reaffirmed the commitment.'),
    ).toEqual(['Cecilia Baltar Rebo']);
  });

  it('reads a title that names its group first', () => {
    expect(
      find('Group I Rapporteur Alexa Malle (Canada) reported recommendations.')[0],
    ).toMatchObject({ name: 'Alexa Malle', country: 'Canada', honorific: 'Group I Rapporteur' });
  });

  it('does not read the second half of "Body/Body" as a person', () => {
    expect(names('Bernd Schlamm, IPCC/Joanneum Research, Austria, provided an overview.')).toEqual([
      'Bernd Schlamm',
    ]);
  });

  it("does not read a capitalized run after a name's comma as a second speaker", () => {
    expect(names('Jacob Olsen, Fundacion Verde, spoke about projects.')).toEqual(['Jacob Olsen']);
  });
});

describe('parseAppositive', () => {
  it('keeps a series inside one name', () => {
    // ENB 12:191: "Deputy Minister for the Republic of Korea's Ministry of Commerce, Industry and Energy"
    expect(
      parseAppositive(
        "Deputy Minister for the Republic of Korea's Ministry of Commerce, Industry and Energy",
      ),
    ).toMatchObject({
      organization: "Republic of Korea's Ministry of Commerce, Industry and Energy",
      country: 'Republic of Korea',
    });
  });

  it('takes a country only where the text attaches it to the person', () => {
    expect(parseAppositive('Bangladesh Centre for Advanced Studies')).toEqual({
      organization: 'Bangladesh Centre for Advanced Studies',
    });
    expect(parseAppositive('Minister of the Environment of Poland')).toEqual({
      role: 'Minister of the Environment of Poland',
      country: 'Poland',
    });
    expect(parseAppositive('Friedrich-Schiller University, Jena, Germany')).toEqual({
      organization: 'Friedrich-Schiller University, Jena',
      country: 'Germany',
    });
    expect(parseAppositive('Colorado State University, US')).toEqual({
      organization: 'Colorado State University',
      country: 'US',
    });
  });

  it("reads the body a title is of, but not a minister's portfolio", () => {
    expect(
      parseAppositive('Manager of Atmospheric Science for Edison Electric Institute').organization,
    ).toBe('Edison Electric Institute');
    expect(parseAppositive('Director of the Diplomatische Akademie').organization).toBe(
      'Diplomatische Akademie',
    );
    expect(parseAppositive('Minister of Health and the Environment').organization).toBeUndefined();
    expect(parseAppositive('UNFCCC Consultant').organization).toBe('UNFCCC');
  });

  it('stops at a circumstance after the affiliation', () => {
    expect(
      parseAppositive('Director of the Diplomatische Akademie, on Wednesday, 6 October 1999')
        .organization,
    ).toBe('Diplomatische Akademie');
  });
});

describe('speakers of a whole document', () => {
  const text = [
    'Workshop on Coastal Adaptation, 3-4 May 2021, Bonn, Germany',
    '',
    'SBSTA Chair Harald Nordby (Norway) opened the workshop on Monday morning and welcomed participants from many countries.',
    '',
    'China:',
    '',
    'Wei Zhang drew attention to energy efficiency and outlined the national efforts to optimize the energy structure.',
    '',
    'Dr Wei Zhang later said efficiency is key for all countries. Harold Nordby noted the time left before the deadline.',
  ].join('\n');
  const { meeting } = parseMeeting(text, 'coast.txt', 'coast');

  it('takes the country from the heading above a bare name, and merges spelling variants', () => {
    expect(
      meeting.speakers.map((s) => [s.name, s.country ?? null, s.organization ?? null]),
    ).toEqual([
      ['Harald Nordby', 'Norway', 'SBSTA'],
      ['Wei Zhang', 'China', null],
    ]);
  });
});
