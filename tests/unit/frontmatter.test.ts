/**
 * Frontmatter is YAML and nothing else (issue 9, §1 and §4): no fence language runs, a first
 * line that only looks like a fence is text, and every error names the line it is on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSourceError, SourceError } from '../../scripts/lib/errors.ts';
import { readFrontmatterBlock } from '../../scripts/lib/frontmatter.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';

const BUNDLED = readFileSync('content/sources/idm-2018.txt', 'utf8');

/** The one-line error a source gives, or undefined when it parses. */
function errorOf(text: string): string | undefined {
  try {
    parseMeeting(text, 'x.txt', 'x');
    return undefined;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return formatSourceError(error);
  }
}

describe('frontmatter fences', () => {
  it.each(['---js', '--- js', '---JS', '---javascript', '---coffee', '---json'])(
    'refuses a %s block instead of running it',
    (fence) => {
      const marker = `globalThis.__readoutRan = true`;
      const message = errorOf(`${fence}\n${marker}\n---\n${BUNDLED}`);
      expect((globalThis as { __readoutRan?: boolean }).__readoutRan).toBeUndefined();
      expect(message).toMatch(
        /^error: x\.txt:1: the frontmatter is marked as "\w+", and only YAML is read — /,
      );
    },
  );

  it('reads a first line such as "--- Forwarded message ---" as text', () => {
    const { meeting } = parseMeeting(`--- Forwarded message ---\n\n${BUNDLED}`, 'x.txt', 'x');
    expect(meeting.slug).toBe('x');
    expect(JSON.stringify(meeting)).toContain('Forwarded message');
  });

  it('reads a lone --- with no closing fence as text', () => {
    const block = readFrontmatterBlock(`---\ntitle: not frontmatter\n\nbody`, 'x.txt');
    expect(block.data).toEqual({});
    expect(block.content).toBe(`---\ntitle: not frontmatter\n\nbody`);
  });

  it('needs line 1 to be exactly ---: a fence further down is text', () => {
    expect(readFrontmatterBlock(`Title\n---\ntitle: X\n---\n`, 'x.txt').data).toEqual({});
  });

  it.each([
    ['a JavaScript function tag', 'title: !!js/function "function () { return 1 }"'],
    ['a custom tag', 'title: !secret x'],
    ['a binary tag', 'title: !!binary aGVsbG8='],
  ])('refuses %s with one line', (_name, line) => {
    expect(errorOf(`---\n${line}\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:2: the frontmatter is not valid YAML \(tags such as !!x are not read\)/,
    );
  });

  it('reads dates as the text written, not as timestamps', () => {
    expect(readFrontmatterBlock('---\nstartDate: 2018-03-26\n---\n', 'x.txt').data).toEqual({
      startDate: '2018-03-26',
    });
  });
});

describe('frontmatter errors point at their line', () => {
  it('gives the line of a YAML syntax error in the file, not line 1', () => {
    expect(errorOf(`---\nslug: fine\ntitle: [unclosed\nvenue: x\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:[34]: the frontmatter is not valid YAML/,
    );
  });

  it('gives the line of a wrong field', () => {
    expect(errorOf(`---\ntitle: Fine\n\nslug: Not A Slug\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:4: frontmatter field "slug" \("Not A Slug"\)/,
    );
  });

  it('gives the line of a nested section setting', () => {
    expect(
      errorOf(`---\nsections:\n  setting-scene:\n    slug: Bad Slug\n---\n${BUNDLED}`),
    ).toMatch(/^error: x\.txt:4: frontmatter field "sections\.setting-scene\.slug"/);
  });

  it('lists the valid keys for an unknown one, at its line', () => {
    expect(errorOf(`---\ntitle: X\ntitel: Y\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:3: frontmatter field "titel"/,
    );
  });

  it('refuses an unquoted value that reads as an alias to no anchor (*/) in one line', () => {
    expect(errorOf(`---\ntitle: {*/}\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:\d+: the frontmatter is not valid YAML .* — quote the value/,
    );
  });

  it('refuses __proto__ and its kin as keys, at their line', () => {
    expect(errorOf(`---\ntitle: X\n__proto__:\n  polluted: true\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:3: the frontmatter key "__proto__" is not a setting — remove it$/,
    );
    expect(errorOf(`---\nsections:\n  constructor:\n    title: X\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:3: the frontmatter key "constructor"/,
    );
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('says "correct" for a value that is set, never "set this in the frontmatter"', () => {
    const message = errorOf(`---\nstartDate: 26 March 2018\n---\n${BUNDLED}`)!;
    expect(message).toMatch(/^error: x\.txt:2: frontmatter field "startDate" \("26 March 2018"\)/);
    expect(message).not.toMatch(/set this/);
  });
});

describe('frontmatter dates', () => {
  it.each(['2018-02-30', '2018-13-45', '0000-01-01', '2019-02-29'])(
    'refuses %s, which is no day of the calendar, quoting it',
    (date) => {
      expect(errorOf(`---\nstartDate: ${date}\n---\n${BUNDLED}`)).toBe(
        `error: x.txt:2: frontmatter field "startDate" ("${date}"): expected a real calendar date — correct it or remove it to use the inferred value`,
      );
    },
  );

  it.each(['2018-03-26T23:00:00-05:00', '2018-03-26 10:00Z', '2018-03-26T00:00:00Z'])(
    'refuses the timestamp %s rather than shift its day',
    (stamp) => {
      expect(errorOf(`---\nstartDate: ${stamp}\n---\n${BUNDLED}`)).toMatch(
        /^error: x\.txt:2: frontmatter field "startDate" .*without a time or zone/,
      );
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(
      parseMeeting(`---\nstartDate: 2020-02-29\nendDate: 2020-03-01\n---\n${BUNDLED}`, 'x.txt', 'x')
        .meeting,
    ).toMatchObject({ startDate: '2020-02-29', endDate: '2020-03-01' });
  });

  it('refuses an endDate before the startDate, at the endDate line', () => {
    expect(errorOf(`---\nstartDate: 2018-03-27\nendDate: 2018-03-26\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:3: endDate 2018-03-26 is before startDate 2018-03-27/,
    );
  });

  it('refuses a frontmatter startDate after the end the title block gives', () => {
    expect(errorOf(`---\nstartDate: 2018-04-01\n---\n${BUNDLED}`)).toMatch(
      /^error: x\.txt:2: the meeting ends \(2018-03-27\) before it starts \(2018-04-01\) — correct startDate in the frontmatter/,
    );
  });
});
