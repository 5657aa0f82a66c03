import { CalendarEntry, escapeText, foldLine, writeCalendar } from './icalendar';
import { readCalendar } from './testing/read-calendar';

function newEntry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    uid: 'f3b1c2d4-0000-4000-8000-000000000001@innovators-club.dstgb.de',
    sequence: 3,
    stampedAt: new Date('2027-01-20T10:15:00Z'),
    startsAt: new Date('2027-05-12T07:30:00Z'),
    endsAt: new Date('2027-05-12T15:00:00Z'),
    status: 'CONFIRMED',
    summary: 'Innovators Lounge Ulm',
    ...overrides,
  };
}

/** The physical lines of the output, as bytes, split at CRLF. */
function physicalLines(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: Buffer[] = [];
  let start = 0;
  for (let index = 0; index < bytes.length - 1; index++) {
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
      lines.push(bytes.subarray(start, index));
      start = index + 2;
    }
  }
  expect(start).toBe(bytes.length);
  return lines;
}

describe(writeCalendar.name, () => {
  it('writes a calendar with the required properties, the Berlin zone and CRLF line ends only', () => {
    const sut = writeCalendar({ name: 'Innovators Club – Veranstaltungen', entries: [newEntry()] });

    expect(sut.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(sut.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(sut.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = readCalendar(sut);
    expect(calendar.properties).toMatchObject({
      version: '2.0',
      calscale: 'GREGORIAN',
      method: 'PUBLISH',
      'x-wr-calname': 'Innovators Club – Veranstaltungen',
    });
    expect(calendar.timeZones).toEqual(['Europe/Berlin']);
    expect(sut).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(sut).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
  });

  it('writes an entry with its UID, SEQUENCE, status and Berlin local times', () => {
    const sut = writeCalendar({ entries: [newEntry()] });

    expect(sut).toContain('DTSTART;TZID=Europe/Berlin:20270512T093000\r\n');
    expect(sut).toContain('DTEND;TZID=Europe/Berlin:20270512T170000\r\n');
    expect(sut).toContain('DTSTAMP:20270120T101500Z\r\n');
    expect(readCalendar(sut).entries).toEqual([
      expect.objectContaining({
        uid: 'f3b1c2d4-0000-4000-8000-000000000001@innovators-club.dstgb.de',
        sequence: 3,
        status: 'CONFIRMED',
        startsLocal: '2027-05-12T09:30:00',
        endsLocal: '2027-05-12T17:00:00',
        timeZone: 'Europe/Berlin',
      }),
    ]);
  });

  it.each([
    ['before summer time starts', '2027-03-27T09:00:00Z', '2027-03-27T10:00:00'],
    ['after summer time starts', '2027-03-29T08:00:00Z', '2027-03-29T10:00:00'],
    ['before summer time ends', '2027-10-30T08:00:00Z', '2027-10-30T10:00:00'],
    ['after summer time ends', '2027-11-01T09:00:00Z', '2027-11-01T10:00:00'],
    ['in the first hour of summer time', '2027-03-28T01:00:00Z', '2027-03-28T03:00:00'],
    ['in the last hour of winter time', '2028-03-26T00:30:00Z', '2028-03-26T01:30:00'],
  ])('keeps the local time %s, and its own VTIMEZONE gives back the instant', (_case, instant, local) => {
    const startsAt = new Date(instant);
    const sut = writeCalendar({
      entries: [newEntry({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) })],
    });

    const [entry] = readCalendar(sut).entries;
    expect(entry).toMatchObject({ startsLocal: local, timeZone: 'Europe/Berlin' });
    expect(entry.startsAt.toISOString()).toBe(startsAt.toISOString());
  });

  it('writes an instant in the hour repeated in October in UTC, which local time cannot tell apart', () => {
    const secondPass = new Date('2027-10-31T01:30:00Z'); // 02:30 CET, after 02:30 CEST
    const sut = writeCalendar({
      entries: [newEntry({ startsAt: secondPass, endsAt: new Date('2027-10-31T03:00:00Z') })],
    });

    expect(sut).toContain('DTSTART:20271031T013000Z\r\n');
    expect(sut).toContain('DTEND;TZID=Europe/Berlin:20271031T040000\r\n');
    expect(readCalendar(sut).entries[0].startsAt.toISOString()).toBe(secondPass.toISOString());
  });

  it('escapes text so that it reads back unchanged', () => {
    const summary = 'Kommune 2035: mutig, vernetzt; nah \\ mit Pfad C:\\Daten';
    const description = 'Erste Zeile\nZweite Zeile, mit Komma\r\nDritte; Zeile';
    const sut = writeCalendar({
      entries: [newEntry({ summary, description, location: 'Stadthaus, Münsterplatz 50, 89073 Ulm' })],
    });

    expect(sut).toContain('SUMMARY:Kommune 2035: mutig\\, vernetzt\\; nah \\\\ mit Pfad C:\\\\Daten');
    expect(readCalendar(sut).entries[0]).toMatchObject({
      summary,
      description: 'Erste Zeile\nZweite Zeile, mit Komma\nDritte; Zeile',
      location: 'Stadthaus, Münsterplatz 50, 89073 Ulm',
    });
  });

  it('folds long lines at 75 octets without splitting a UTF-8 sequence, and reads them back whole', () => {
    const summary = `Zukunftswerkstatt für Bürgerbeteiligung und Öffentlichkeit ${'äöü߀😀'.repeat(30)}`;
    const description = `${'Grüße aus Görlitz, '.repeat(40)}Ende`;
    const sut = writeCalendar({ entries: [newEntry({ summary, description })] });

    const lines = physicalLines(sut);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
    }
    expect(lines.filter((line) => line[0] === 0x20).length).toBeGreaterThan(10);
    expect(readCalendar(sut).entries[0]).toMatchObject({ summary, description });
  });

  it('writes the method it is given, and the organizer and attendees with their names', () => {
    const sut = writeCalendar({
      method: 'CANCEL',
      entries: [
        newEntry({
          status: 'CANCELLED',
          organizer: { name: 'Innovators Club des DStGB', email: 'innovators-club@dstgb.example' },
          attendees: [{ name: 'Jörg "Jo" Weber', email: 'joerg.weber@pegnitz.example' }],
        }),
      ],
    });

    expect(sut.replace(/\r\n /g, '')).toContain(
      'ORGANIZER;CN="Innovators Club des DStGB":mailto:innovators-club@dstgb.example\r\n',
    );
    const calendar = readCalendar(sut);
    expect(calendar.properties.method).toBe('CANCEL');
    expect(calendar.entries[0]).toMatchObject({
      status: 'CANCELLED',
      organizer: { address: 'mailto:innovators-club@dstgb.example', name: 'Innovators Club des DStGB' },
      attendees: [{ address: 'mailto:joerg.weber@pegnitz.example', name: "Jörg 'Jo' Weber" }],
    });
  });

  it('adds the refresh interval for subscribers', () => {
    const sut = writeCalendar({ refreshIntervalMinutes: 60, entries: [] });

    expect(sut).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n');
    expect(sut).toContain('X-PUBLISHED-TTL:PT60M\r\n');
  });
});

describe(escapeText.name, () => {
  it('escapes backslash, semicolon, comma and every kind of line break, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
  });
});

describe(foldLine.name, () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('moves a two-octet character that would cross the limit to the next line', () => {
    expect(foldLine(`${'x'.repeat(74)}ä`)).toBe(`${'x'.repeat(74)}\r\n ä`);
  });
});
