/** A speaker's affiliation in one line, from the fields as written. */
import type { Speaker } from '../schemas/meeting.ts';

/**
 * Role, organization and country joined by commas, each left out when an earlier part already
 * holds it ("Executive Director of UNICEF", not "…of UNICEF, UNICEF").
 */
export function affiliationOf(speaker: Pick<Speaker, 'role' | 'organization' | 'country'>): string {
  const parts: string[] = [];
  for (const part of [speaker.role, speaker.organization, speaker.country]) {
    if (part && !parts.some((earlier) => earlier.includes(part))) parts.push(part);
  }
  return parts.join(', ');
}
