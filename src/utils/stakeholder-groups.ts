/** Speakers by stakeholder group, in the order and with the names the extraction rules define. */
import {
  GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroupName as StakeholderGroup,
} from '../constants.ts';
import type { Speaker } from '../schemas/meeting.ts';

export { GROUP_LABELS };

/** One stakeholder group and its speakers. */
export interface GroupOfSpeakers<S> {
  group: StakeholderGroup;
  /** Readers' name of the group. */
  label: string;
  /** URL fragment of the group on the speakers index. */
  id: string;
  speakers: S[];
}

/** The groups that have speakers, in GROUP_LABELS order, each with its speakers in the given order. */
export function groupSpeakers<S extends Pick<Speaker, 'group'>>(
  speakers: readonly S[],
): GroupOfSpeakers<S>[] {
  return STAKEHOLDER_GROUPS.map((group) => ({
    group,
    label: GROUP_LABELS[group],
    id: `group-${group}`,
    speakers: speakers.filter((s) => s.group === group),
  })).filter((entry) => entry.speakers.length > 0);
}
