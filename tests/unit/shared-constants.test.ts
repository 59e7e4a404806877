/** Facts the pipeline and the site both use must agree while a copy remains outside src/constants.ts. */
import { describe, expect, it } from 'vitest';
import {
  GROUP_LABELS as PIPELINE_LABELS,
  STAKEHOLDER_GROUPS as PIPELINE_GROUPS,
} from '../../scripts/lib/entities/groups.ts';
import {
  GROUP_LABELS,
  KIND_FOLDERS,
  KIND_LABEL_ORDER,
  SECTION_KINDS,
  STAKEHOLDER_GROUPS,
} from '../../src/constants.ts';
import { sectionKindSchema, stakeholderGroupSchema } from '../../src/schemas/meeting.ts';

describe('shared constants', () => {
  it('give the pipeline’s stakeholder groups and their names to the site unchanged', () => {
    expect([...PIPELINE_GROUPS]).toEqual([...STAKEHOLDER_GROUPS]);
    expect(PIPELINE_LABELS).toEqual(GROUP_LABELS);
  });

  it('are what the schema validates', () => {
    expect(sectionKindSchema.options).toEqual([...SECTION_KINDS]);
    expect(stakeholderGroupSchema.options).toEqual([...STAKEHOLDER_GROUPS]);
  });

  it('give every kind but the overview its own URL folder, and list every kind in the kind filter', () => {
    const folders = SECTION_KINDS.filter((kind) => kind !== 'overview').map(
      (kind) => KIND_FOLDERS[kind],
    );
    expect(new Set(folders).size).toBe(folders.length);
    expect(folders.every((folder) => /^[a-z]+$/.test(folder))).toBe(true);
    expect(KIND_LABEL_ORDER).toHaveLength(SECTION_KINDS.length);
  });
});
