/** The organizations and countries indexes: A–Z entries built from the document model. */
import type { Meeting, Speaker } from '../schemas/meeting.ts';

type Organization = NonNullable<Meeting['organizations']>[number];
type Country = NonNullable<Meeting['countries']>[number];

/** An entry of the organizations index: the organization, or its acronym pointing to it. */
export type OrganizationEntry =
  | { kind: 'organization'; sortKey: string; organization: Organization }
  | { kind: 'see'; sortKey: string; acronym: string; organization: Organization };

/** Sorts as a reader looks things up: case and accents aside. */
function compareKeys(a: { sortKey: string }, b: { sortKey: string }): number {
  return a.sortKey.localeCompare(b.sortKey, 'en', { sensitivity: 'base' });
}

/** Every organization A–Z by name, with an entry under its acronym too when the text defines one. */
export function organizationIndex(organizations: readonly Organization[]): OrganizationEntry[] {
  const entries: OrganizationEntry[] = organizations.flatMap((organization) => [
    { kind: 'organization' as const, sortKey: organization.name, organization },
    ...(organization.acronym && organization.acronym !== organization.name
      ? [
          {
            kind: 'see' as const,
            sortKey: organization.acronym,
            acronym: organization.acronym,
            organization,
          },
        ]
      : []),
  ]);
  return entries.sort(compareKeys);
}

/** Every country A–Z by common name, with the speakers the text places in it. */
export function countryIndex(
  countries: readonly Country[],
  speakers: readonly Speaker[],
): { country: Country; speakers: Speaker[] }[] {
  return countries
    .map((country) => ({
      sortKey: country.name,
      country,
      speakers: speakers.filter((s) => s.countryCode === country.code),
    }))
    .sort(compareKeys)
    .map(({ country, speakers }) => ({ country, speakers }));
}
