import { describe, expect, it } from 'vitest';
import { cutAppositive, findAttributions } from '../../scripts/lib/entities/speakers.ts';

const organizationOf = (text: string) => findAttributions(text, 'p1')[0]?.organization;

describe('names of bodies in other languages', () => {
  it('keeps a German function word between capitalized words of a name', () => {
    expect(
      organizationOf('Eva Lang, Adviser, Gesellschaft für Ländliche Entwicklung (GLE), spoke.'),
    ).toBe('Gesellschaft für Ländliche Entwicklung (GLE)');
  });

  it("keeps French articles, elided ones too (de l'…)", () => {
    expect(
      organizationOf("Luc Morel, Adviser, Agence Nationale de l'Eau, France, spoke on rivers."),
    ).toBe("Agence Nationale de l'Eau");
  });

  it('keeps "for a" inside a name that a title is "of"', () => {
    expect(
      organizationOf(
        "Ana Ruiz, Director of the Alliance for a Clean Harbour Future ('ach'), said so.",
      ),
    ).toBe("Alliance for a Clean Harbour Future ('ach')");
  });

  it('still ends the appositive at a lowercase verb, or at a function word before lowercase', () => {
    expect(cutAppositive('Director, Water Fund, y entonces habló')).toBe('Director, Water Fund');
    expect(cutAppositive('Director, Water Fund, a former minister, said')).toBe(
      'Director, Water Fund',
    );
    expect(cutAppositive('Director, Water Fund, described for a moment')).toBe(
      'Director, Water Fund',
    );
  });
});
