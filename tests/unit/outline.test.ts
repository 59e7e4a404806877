/**
 * Structure the genre uses: the outline of Markdown and plain-text headings. Every fixture is
 * written for these tests, in styles other than the bundled summary's.
 */
import { describe, expect, it } from 'vitest';
import { classifyHeading } from '../../scripts/lib/headings.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';
import { venueFromLead } from '../../scripts/lib/title-block.ts';
import { emitMeeting } from '../../scripts/lib/emit.ts';
import type { Meeting } from '../../src/schemas/meeting.ts';

const P = (words: string) =>
  `${words} The sentence goes on long enough to be running text of a summary.`;
const outline = (meeting: Meeting) =>
  meeting.sections.map((s) => [s.kind, s.role ?? '', s.title, (s.parts ?? []).map((p) => p.title)]);

const markdown = [
  'Report of the Delta Forum: 4-6 May 2031',
  '',
  P('The Delta Forum was held from 4-6 May 2031 in Rotterdam, the Netherlands.'),
  '',
  '# A BRIEF HISTORY OF THE FORUM',
  '',
  P('The forum first met in 2021.'),
  '',
  '### THE SECOND FORUM',
  '',
  P('The second forum adopted a charter.'),
  '',
  '# REPORT OF THE FORUM',
  '',
  P('Forum Chair Ana Lopes opened the forum on Monday.'),
  '',
  '## SESSION ONE: SEDIMENT',
  '',
  P('On Monday, delegates considered sediment.'),
  '',
  '### PRESENTATIONS',
  '',
  P('Three ports presented their dredging plans.'),
  '',
  '### Discussion:',
  '',
  P('Several participants asked about costs.'),
  '',
  '## SESSION TWO: FLOODS',
  '',
  P('On Tuesday, delegates considered floods.'),
  '',
  '### Conclusions:',
  '',
  P('The session agreed that flood maps must be shared.'),
  '',
  '## CLOSING PLENARY',
  '',
  P('The Chair closed the forum at 6 pm.'),
  '',
  '# UPCOMING MEETINGS',
  '',
  '### DELTA WORKSHOP',
  '',
  P('This workshop will meet in June.'),
].join('\n');

describe('a Markdown outline', () => {
  const { meeting } = parseMeeting(markdown, 'delta.md', 'delta');

  it('makes sub-headings anchored parts of their session, not sessions', () => {
    expect(outline(meeting)).toEqual([
      ['overview', '', 'Report of the Delta Forum: 4-6 May 2031', []],
      ['background', '', 'A BRIEF HISTORY OF THE FORUM', ['THE SECOND FORUM']],
      ['session', 'opening', 'REPORT OF THE FORUM', []],
      ['session', 'named', 'SESSION ONE: SEDIMENT', ['PRESENTATIONS', 'Discussion:']],
      ['session', 'named', 'SESSION TWO: FLOODS', []],
      ['conclusion', '', 'The session agreed that flood maps must be shared', ['Conclusions:']],
      ['session', 'closing', 'CLOSING PLENARY', []],
      ['annex', '', 'UPCOMING MEETINGS', ['DELTA WORKSHOP']],
    ]);
  });

  it('anchors each part before the paragraph it opens', () => {
    const session = meeting.sections.find((s) => s.title === 'SESSION ONE: SEDIMENT')!;
    expect(session.parts!.map((p) => [p.id, p.before])).toEqual([
      ['part-presentations', session.paragraphs[1]!.id],
      ['part-discussion', session.paragraphs[2]!.id],
    ]);
  });

  it('links a session to the conclusions it states', () => {
    const session = meeting.sections.find((s) => s.title === 'SESSION TWO: FLOODS')!;
    const conclusion = meeting.sections.find((s) => s.kind === 'conclusion')!;
    expect(session.relatedConclusions.map((r) => r.slug)).toEqual([conclusion.slug]);
  });

  it('reads the title and dates from a title line that carries both', () => {
    expect(meeting).toMatchObject({
      title: 'Report of the Delta Forum: 4-6 May 2031',
      startDate: '2031-05-04',
      endDate: '2031-05-06',
    });
  });

  it('takes the venue from the lead sentence when the title block has none', () => {
    expect(meeting.venue).toBe('Rotterdam, the Netherlands');
    expect(
      venueFromLead(
        'The seminar was held on 2 May 2031, at the Town Hall in Lyon, France. It met twice.',
      ),
    ).toBe('Town Hall, Lyon, France');
    expect(venueFromLead('Participants discussed rivers in Lyon, France.')).toBeUndefined();
  });

  it('finds the same pages in the plain text, with the heading marks removed', () => {
    const plain = parseMeeting(markdown.replace(/^#{1,6}\s+/gm, ''), 'delta.txt', 'delta').meeting;
    expect(plain.sections.map((s) => [s.kind, s.title])).toEqual(
      meeting.sections.map((s) => [s.kind, s.title]),
    );
  });

  it('keeps the plain-text structure when one stray Markdown heading is left', () => {
    const plain = markdown
      .replace(/^#{1,6}\s+/gm, '')
      .replace('CLOSING PLENARY', '## CLOSING PLENARY');
    const { meeting: stray } = parseMeeting(plain, 'delta.txt', 'delta');
    expect(stray.sections.filter((s) => s.kind === 'session').length).toBe(4);
  });
});

describe('plain-text headings', () => {
  it('splits numbered sessions and run a key-conclusions heading into conclusion pages', () => {
    const text = [
      'Valley Water Dialogue 2032',
      '',
      P('The dialogue brought together farmers, cities and utilities.'),
      '',
      'Session 1: Allocation',
      '',
      P('Farmers described how water is shared in dry years.'),
      '',
      'Session 2: Prices',
      '',
      P('Utilities compared tariffs.'),
      '',
      'PART III - STORAGE',
      '',
      P('Engineers presented new reservoirs.'),
      '',
      'KEY MESSAGES',
      '',
      P('Water rights must be recorded before they can be traded.'),
      '',
      P('Tariffs should protect the poorest households.'),
    ].join('\n');
    const { meeting } = parseMeeting(text, 'valley.txt', 'valley');
    expect(meeting.sections.map((s) => [s.kind, s.title])).toEqual([
      ['overview', 'Valley Water Dialogue 2032'],
      ['session', 'Session 1: Allocation'],
      ['session', 'Session 2: Prices'],
      ['session', 'PART III - STORAGE'],
      ['conclusion', 'Water rights must be recorded before they can be traded'],
      ['conclusion', 'Tariffs should protect the poorest households'],
    ]);
  });
});

// Plain text has no heading levels; an agenda item's sub-items look like items of their own.
const agenda = (lines: string[]) =>
  [
    'Report of the River Commission, 2033',
    '',
    P('The commission met for its twelfth session from 3-5 March 2033 in Lyon, France.'),
    '',
    ...lines,
  ].join('\n');

it('makes the headings under a heading with no text of its own its sub-items', () => {
  const { meeting } = parseMeeting(
    agenda([
      'NAVIGATION',
      '',
      P('Delegates first considered the dredging plans on Monday, 3 March.'),
      '',
      'TECHNICAL MATTERS',
      '',
      'GAUGES AND SENSORS',
      '',
      P('The agenda item on gauges was first addressed on Monday.'),
      '',
      'FLOOD MAPS',
      '',
      P('The commission addressed flood maps in a contact group.'),
      '',
      'TOURISM',
      '',
      P('On Wednesday morning, 5 March, delegates met in plenary to discuss tourism.'),
    ]),
    'river.txt',
    'river',
  );
  expect(outline(meeting).filter(([kind]) => kind === 'session')).toEqual([
    ['session', 'named', 'NAVIGATION', []],
    ['session', 'named', 'TECHNICAL MATTERS', ['GAUGES AND SENSORS', 'FLOOD MAPS']],
    ['session', 'named', 'TOURISM', []],
  ]);
});

it('takes as many sub-items as a heading announces, and no more', () => {
  const { meeting } = parseMeeting(
    agenda([
      'COOPERATION',
      '',
      P('The agenda item on cooperation included two sub-items on science and on other treaties.'),
      '',
      'COOPERATION ON SCIENCE',
      '',
      P('Parties stressed systematic observation.'),
      '',
      'COOPERATION WITH OTHER TREATIES',
      '',
      P('Parties noted the joint liaison group.'),
      '',
      'FINANCE',
      '',
      P('Parties considered the budget.'),
    ]),
    'river.txt',
    'river',
  );
  expect(outline(meeting).filter(([kind]) => kind === 'session')).toEqual([
    [
      'session',
      'named',
      'COOPERATION',
      ['COOPERATION ON SCIENCE', 'COOPERATION WITH OTHER TREATIES'],
    ],
    ['session', 'named', 'FINANCE', []],
  ]);
});

it('leaves a heading whose first part is a label ("PRESENTATIONS") a session of its own', () => {
  const { meeting } = parseMeeting(
    agenda([
      'EXPERIENCE OF OTHER TREATIES',
      '',
      'PRESENTATIONS',
      '',
      P('Delegates heard four presentations.'),
      '',
      'COMPLIANCE',
      '',
      P('Lawyers compared regimes.'),
    ]),
    'river.txt',
    'river',
  );
  expect(
    outline(meeting)
      .filter(([kind]) => kind === 'session')
      .map(([, , title]) => title),
  ).toEqual(['EXPERIENCE OF OTHER TREATIES', 'COMPLIANCE']);
});

describe('classifyHeading', () => {
  it.each([
    ['A BRIEF HISTORY OF THE CONVENTION', 'background'],
    ['Background', 'background'],
    ['UPCOMING MEETINGS', 'annex'],
    ['Glossary', 'annex'],
    ['Annex 2: List of participants', 'annex'],
    ['ANNEX I NATIONAL COMMUNICATIONS', 'plain'],
    ['REPORT OF THE WORKSHOP', 'container'],
    ['Key messages', 'conclusion-group'],
    ["CHAIR'S SUMMARY", 'conclusion-part'],
    ['CONCLUSIONS OF THE CO-CHAIRS', 'conclusion'],
    ['The way forward', 'outcome'],
    ['OPENING SESSION', 'opening'],
    ['Closing remarks', 'closing'],
    ['SESSION ONE', 'named'],
    ['Panel 3 – Cities', 'named'],
    ['QUESTION-AND-ANSWER SESSION', 'part'],
    ['ADP CONTACT GROUP', 'plain'],
  ])('%s is %s', (title, kind) => {
    expect(classifyHeading(title)).toBe(kind);
  });
});

describe('pages of the new kinds', () => {
  it('are written to folders of their own, with their parts in the frontmatter', () => {
    const { meeting } = parseMeeting(markdown, 'delta.md', 'delta');
    const files = emitMeeting(meeting);
    expect([...files.keys()]).toContain('delta/background/brief-history-forum.mdx');
    expect([...files.keys()]).toContain('delta/annex/upcoming-meetings.mdx');
    const session = [...files.entries()].find(([path]) =>
      path.includes('/sessions/session-one'),
    )![1];
    const frontmatter = JSON.parse(session.split('\n---\n')[0]!.replace(/^---\n#[^\n]*\n/, '')) as {
      parts: unknown;
    };
    expect(frontmatter.parts).toEqual([
      { id: 'part-presentations', title: 'PRESENTATIONS', before: expect.stringMatching(/^p\d+/) },
      { id: 'part-discussion', title: 'Discussion:', before: expect.stringMatching(/^p\d+/) },
    ]);
  });
});

describe('a unit whose heading was run into its first paragraph', () => {
  it('starts a session titled by the run-in capitals, and leaves sub-items in its text', () => {
    const text = [
      'Third Session of the River Committee: 1-3 March 2033',
      '',
      P('The committee met in Vienna, Austria.'),
      '',
      'AGENDA ITEM 1 ORGANIZATIONAL MATTERS',
      '',
      P('The Chair opened the session.'),
      '',
      P('AGENDA ITEM 2 SHARED DATA ON FLOWS The Secretariat introduced the document.'),
      '',
      P('AGENDA ITEM 2(a) GAUGES The Chair asked about gauges.'),
      '',
      'AGENDA ITEM 3 CLOSING',
      '',
      P('The Chair closed the session.'),
      '',
      'UPCOMING MEETINGS',
      '',
      P('The fourth session will meet in May.'),
    ].join('\n');
    const { meeting } = parseMeeting(text, 'river.txt', 'river');
    const sessions = meeting.sections.filter((s) => s.kind === 'session');
    expect(sessions.map((s) => [s.title, s.paragraphs.length])).toEqual([
      ['AGENDA ITEM 1 ORGANIZATIONAL MATTERS', 1],
      ['AGENDA ITEM 2 SHARED DATA ON FLOWS', 2],
      ['AGENDA ITEM 3 CLOSING', 1],
    ]);
    expect(sessions[1]!.paragraphs[0]!.text).toMatch(
      /^AGENDA ITEM 2 SHARED DATA ON FLOWS The Secretariat/,
    );
  });
});

describe('conclusions stated inside the report', () => {
  it('makes a break-out group part that states the group’s recommendations a key conclusion its session links to', () => {
    const text = [
      'Report of the Harbour Workshop, 7-8 June 2034',
      '',
      P('The Harbour Workshop was held from 7-8 June 2034 in Porto, Portugal.'),
      '',
      '## SESSION 2: BREAK-OUT GROUPS',
      '',
      P('Participants met in two break-out groups on Tuesday.'),
      '',
      '### PORTS:',
      '',
      P(
        'Participants discussed silt and storms. They recommended shared dredging fleets and joint storm warnings.',
      ),
      '',
      '### FISHERIES:',
      '',
      P('One speaker described the decline of sardine catches, and another asked about quotas.'),
    ].join('\n');
    const { meeting } = parseMeeting(text, 'harbour.md', 'harbour');
    const session = meeting.sections.find((s) => s.kind === 'session')!;
    const conclusions = meeting.sections.filter((s) => s.kind === 'conclusion');
    expect(conclusions.map((c) => c.parts?.map((p) => p.title))).toEqual([['PORTS:']]);
    expect(conclusions[0]!.paragraphs[0]!.text).toContain(
      'They recommended shared dredging fleets',
    );
    expect(session.parts?.map((p) => p.title)).toEqual(['FISHERIES:']);
    expect(session.relatedConclusions.map((r) => r.slug)).toEqual([conclusions[0]!.slug]);
  });

  it('makes each paragraph of an outcome that tells its adopted text a key conclusion, up to the adoption', () => {
    const text = [
      'Report of the Basin Board, 9-10 July 2035',
      '',
      P('The Basin Board met from 9-10 July 2035 in Vienna, Austria.'),
      '',
      '## AGENDA ITEM 4 REPORT ON THE SESSION',
      '',
      P('The Chair distributed his draft conclusions on Thursday.'),
      '',
      P('The draft conclusions on water quality note the new monitoring network.'),
      '',
      P('Several delegations questioned the cost of the network.'),
      '',
      P('The Board requested that the Secretariat prepare a review of sampling methods.'),
      '',
      P('The draft conclusions and the report of the session (BB/2035/L.2) were then adopted.'),
      '',
      P('An observer then spoke on behalf of the river communities.'),
    ].join('\n');
    const { meeting } = parseMeeting(text, 'basin.md', 'basin');
    const outcome = meeting.sections.find((s) => s.kind === 'outcome')!;
    const conclusions = meeting.sections.filter((s) => s.kind === 'conclusion');
    expect(conclusions.map((c) => c.paragraphs.map((p) => p.text.slice(0, 30)))).toEqual([
      ['The draft conclusions on water', 'Several delegations questioned'],
      ['The Board requested that the S', 'The draft conclusions and the '],
    ]);
    expect(outcome.paragraphs.map((p) => p.text.slice(0, 20))).toEqual([
      'The Chair distribute',
      'An observer then spo',
    ]);
    expect(outcome.relatedConclusions.map((r) => r.reason)).toEqual([
      'the outcome states this conclusion',
      'the outcome states this conclusion',
    ]);
  });
});

describe('a title broken over several lines in a list of upcoming meetings', () => {
  it('keeps the line between two headings as text, as the Markdown of the same list has it', () => {
    const text = [
      'Report of the Dune Forum, 2 May 2036',
      '',
      P('The Dune Forum was held on 2 May 2036 in Agadir, Morocco.'),
      '',
      'OPENING SESSION',
      '',
      P('The Chair opened the forum.'),
      '',
      'UPCOMING MEETINGS',
      '',
      'SAND AND WIND',
      '',
      'NEW METHODS FOR DRIFT',
      '',
      'MAPPING:',
      '',
      'This conference will be held in June 2036 in Nouakchott, Mauritania.',
    ].join('\n');
    const { meeting } = parseMeeting(text, 'dune.txt', 'dune');
    const annex = meeting.sections.find((s) => s.kind === 'annex')!;
    expect(annex.parts?.map((p) => p.title)).toEqual(['SAND AND WIND', 'MAPPING:']);
    expect(annex.paragraphs.map((p) => p.text)).toEqual([
      'NEW METHODS FOR DRIFT',
      'This conference will be held in June 2036 in Nouakchott, Mauritania.',
    ]);
  });
});

describe('numbered sessions with flat headings', () => {
  const report = (label: string) =>
    [
      'Report of the Canopy Workshop, 1-3 March 2037',
      '',
      P('The Canopy Workshop was held from 1-3 March 2037 in Manaus, Brazil.'),
      '',
      'SESSION I',
      '',
      P('Foresters presented canopy surveys.'),
      '',
      label,
      '',
      P('In the ensuing discussion, delegates asked about drones.'),
      '',
      'PANEL WITH INTERNATIONAL ORGANIZATIONS ON FOREST FINANCE',
      '',
      P('A panel was held with the banks on Friday.'),
      '',
      'NEEDS AND FURTHER WORK UNDER THE COMMITTEE',
      '',
      P('The discussion addressed further work.'),
    ].join('\n');
  const sessions = (label: string) =>
    parseMeeting(report(label), 'canopy.txt', 'canopy')
      .meeting.sections.filter((s) => s.kind === 'session')
      .map((s) => [s.title, (s.parts ?? []).map((p) => p.title)]);

  it('reads titled headings after a label in the sessions’ own capitals as the next units', () => {
    expect(sessions('DISCUSSION:')).toEqual([
      ['SESSION I', ['DISCUSSION:']],
      ['PANEL WITH INTERNATIONAL ORGANIZATIONS ON FOREST FINANCE', []],
      ['NEEDS AND FURTHER WORK UNDER THE COMMITTEE', []],
    ]);
  });

  it('keeps them parts of the session after a label in a lower style', () => {
    expect(sessions('Discussion:')).toEqual([
      [
        'SESSION I',
        [
          'Discussion:',
          'PANEL WITH INTERNATIONAL ORGANIZATIONS ON FOREST FINANCE',
          'NEEDS AND FURTHER WORK UNDER THE COMMITTEE',
        ],
      ],
    ]);
  });
});

describe('a plain-text history followed by the report', () => {
  it('ends the history at a heading over sub-items, and keeps country headings parts of their session', () => {
    const text = [
      'Lake Treaty: year-end update',
      '',
      P('This issue reviews the year of the Lake Treaty.'),
      '',
      'A BRIEF HISTORY OF THE TREATY',
      '',
      P('The treaty was adopted in 2030.'),
      '',
      'ENTRY INTO FORCE',
      '',
      P('It entered into force in 2032.'),
      '',
      'MEETINGS OF THE YEAR',
      '',
      'FIRST SCIENCE PANEL',
      '',
      P('The panel met in Geneva in March.'),
      '',
      'ASSEMBLY HIGHLIGHTS',
      '',
      P('The Assembly considered Agenda Item 12, on lakes, on 15 November.'),
      '',
      'SRI LANKA',
      '',
      P('Ana Perera said her country supports the treaty.'),
      '',
      'TRINIDAD AND TOBAGO',
      '',
      P('Ravi Lall said islands need finance.'),
    ].join('\n');
    const { meeting } = parseMeeting(text, 'lake.txt', 'lake');
    expect(outline(meeting).filter(([kind]) => kind !== 'overview')).toEqual([
      ['background', '', 'A BRIEF HISTORY OF THE TREATY', ['ENTRY INTO FORCE']],
      ['session', 'named', 'MEETINGS OF THE YEAR', ['FIRST SCIENCE PANEL']],
      ['session', 'named', 'ASSEMBLY HIGHLIGHTS', ['SRI LANKA', 'TRINIDAD AND TOBAGO']],
    ]);
  });
});

describe('plain-text headings that end like a fragment or open a sitting', () => {
  const report = [
    'Report of the Reef Meeting, 4-5 June 2038',
    '',
    P('The Reef Meeting was held from 4-5 June 2038 in Cairns, Australia.'),
    '',
    'SESSION ONE: CORAL HEALTH',
    '',
    P('Divers presented bleaching surveys.'),
    '',
    'SURVEY METHODS',
    '',
    P('Scientists compared drones and divers.'),
    '',
    'BREAKOUT GROUPS',
    '',
    P('On Thursday morning, 5 June, participants met in three breakout groups.'),
    '',
    'THINGS TO LOOK FOR',
    '',
    'UPCOMING REEF WORKSHOPS',
    '',
    'A workshop will be held in Suva in August 2038.',
  ].join('\n');
  const { meeting } = parseMeeting(report, 'reef.txt', 'reef');

  it('keeps a part under a numbered session, but starts a unit where a paragraph opens a new sitting', () => {
    expect(outline(meeting).filter(([kind]) => kind === 'session')).toEqual([
      ['session', 'named', 'SESSION ONE: CORAL HEALTH', ['SURVEY METHODS']],
      ['session', 'named', 'BREAKOUT GROUPS', []],
    ]);
  });

  it('reads a line whose words name a part of the genre as a heading, though it ends on "for"', () => {
    expect(outline(meeting).at(-1)).toEqual([
      'annex',
      '',
      'THINGS TO LOOK FOR',
      ['UPCOMING REEF WORKSHOPS'],
    ]);
  });
});

describe('a numbered label with no title of its own', () => {
  const sessions = (lines: string[]) =>
    parseMeeting(
      [
        'FJORD HIGHLIGHTS, Monday, 4 March 2036',
        '',
        P('On Monday, delegates met in plenary and in a contact group in Bergen, Norway.'),
        '',
        ...lines,
      ].join('\n'),
      'fjord.txt',
      'fjord',
    )
      .meeting.sections.filter((s) => s.kind === 'session')
      .map((s) => [s.title, (s.parts ?? []).map((p) => p.title)]);

  it('is the agenda item the titled unit above it took up: a part of that unit', () => {
    expect(
      sessions([
        'FJORD OPENING PLENARY',
        '',
        P('The Chair opened the session and welcomed delegates.'),
        '',
        'ITEM 2:',
        '',
        P('The Co-Chair outlined the work on item 2.'),
        '',
        'FJORD CONTACT GROUP',
        '',
        'SHIPPING',
        '',
        P('On shipping, delegates discussed fuel standards.'),
      ]),
    ).toEqual([
      ['FJORD OPENING PLENARY', ['ITEM 2:']],
      ['FJORD CONTACT GROUP', ['SHIPPING']],
    ]);
  });

  it('stays a unit when labels follow one another: they are the units of the report', () => {
    expect(
      sessions([
        'FJORD PLENARY',
        '',
        P('The Chair opened the session and welcomed delegates.'),
        '',
        'ITEM 1:',
        '',
        P('Delegates adopted the agenda.'),
        '',
        'ITEM 2:',
        '',
        P('Delegates discussed shipping.'),
      ]).map(([title]) => title),
    ).toEqual(['FJORD PLENARY', 'ITEM 1:', 'ITEM 2:']);
  });
});
