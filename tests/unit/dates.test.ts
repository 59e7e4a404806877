import { describe, expect, it } from 'vitest';
import { findDateRange } from '../../scripts/lib/dates.ts';

describe('findDateRange', () => {
  it.each([
    ['26 and 27 March 2018, United Nations Headquarters', '2018-03-26', '2018-03-27'],
    ['14–16 June 2021, Palais des Nations, Geneva', '2021-06-14', '2021-06-16'],
    ['30 November – 2 December 2019, Marrakech', '2019-11-30', '2019-12-02'],
    ['March 26-27, 2018', '2018-03-26', '2018-03-27'],
    ['3 May 2024, Online', '2024-05-03', '2024-05-03'],
    ['Sept. 9, 2020', '2020-09-09', '2020-09-09'],
  ])('reads %s', (line, startDate, endDate) => {
    expect(findDateRange(line)).toMatchObject({ startDate, endDate });
  });

  it('rejects impossible dates', () => {
    expect(findDateRange('31 February 2020')).toBeUndefined();
  });
});
