import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../scripts/lib/normalize.ts';
import { readTitleBlock } from '../../scripts/lib/title-block.ts';

describe('readTitleBlock', () => {
  it('reads organizer, tagline, title, wrapped theme, dates, venue and document type', () => {
    const { blocks } = normalizeText(
      'Council of Rivers (COR)\n\nThe River Agency\n\n**Forum on Rivers 2030\nSharing water across\nborders**\n\n14–16 June 2030, Palais des Nations, Geneva\n\nSummary of conclusions\n',
    );
    expect(readTitleBlock(blocks)).toEqual({
      organizer: 'Council of Rivers (COR)',
      tagline: 'The River Agency',
      title: 'Forum on Rivers 2030',
      theme: 'Sharing water across borders',
      startDate: '2030-06-14',
      endDate: '2030-06-16',
      venue: 'Palais des Nations, Geneva',
      documentType: 'Summary of conclusions',
    });
  });

  it('takes the last entry as the title when none is emphasized', () => {
    const { blocks } = normalizeText('Some Organization\n\nAnnual Meeting 2020\n\n2 May 2020\n');
    expect(readTitleBlock(blocks)).toMatchObject({
      organizer: 'Some Organization',
      title: 'Annual Meeting 2020',
      startDate: '2020-05-02',
    });
  });
});
