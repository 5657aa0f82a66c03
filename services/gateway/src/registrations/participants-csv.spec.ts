import { csvCell } from '../http/csv';
import { newRegistrationReply } from '../testing/reply-factories';
import { participantsCsvHead, participantsCsvLines } from './participants-csv';

const memberId = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
const registration = newRegistrationReply(
  {
    registrationId: '0d6c3a9e-2f41-4b8a-9c77-5e1f2a3b4c5d',
    eventId: '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97',
    registrant: {
      kind: 'member',
      memberId,
      name: 'Dr. Jürgen Müller-Lüdenscheidt',
      organisation: 'Gemeinde Kalletal',
      email: 'juergen@kalletal.example',
      sector: 'Kommune',
      federalState: 'NW',
      municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
    },
  },
  memberId,
);

describe('participants CSV', () => {
  it('starts with the byte order mark and the German column names, separated by semicolons, ending in CRLF', () => {
    const head = participantsCsvHead();
    expect(head.startsWith('\uFEFF"Stand";"Warteplatz";"Art";"Name";"Funktion"')).toBe(true);
    expect(head).toContain('"Bestätigt am"');
    expect(head.endsWith('"Anwesend"\r\n')).toBe(true);
  });

  it('writes a member’s registration as one quoted line with umlauts kept and Berlin times', () => {
    expect(participantsCsvLines(registration)).toBe(
      [
        '"Warteliste"',
        '"3"',
        '"Mitglied"',
        '"Dr. Jürgen Müller-Lüdenscheidt"',
        '""',
        '"Gemeinde Kalletal"',
        '"juergen@kalletal.example"',
        '"Kommune"',
        '"Nordrhein-Westfalen"',
        '"Kalletal"',
        '"05766040"',
        '"13900"',
        '""',
        '"03.02.2027 09:15"',
        '""',
        '""',
      ].join(';') + '\r\n',
    );
  });

  it('writes a member’s office as their function', () => {
    const line = participantsCsvLines({
      ...registration,
      registrant: { ...registration.registrant, officeTitle: 'Bürgermeister' },
    });
    expect(line.split(';').slice(3, 5)).toEqual(['"Dr. Jürgen Müller-Lüdenscheidt"', '"Bürgermeister"']);
  });

  it('writes a line per delegation person, with their function', () => {
    const lines = participantsCsvLines({
      ...registration,
      status: 'confirmed',
      registrant: {
        kind: 'municipality',
        name: 'Pegnitz',
        federalState: 'BY',
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      },
      delegation: [
        {
          personId: '3c2b1a0f-8e7d-4c6b-9a5f-4e3d2c1b0a9f',
          salutation: 'Frau',
          firstName: 'Anna',
          lastName: 'Beispiel',
          role: 'mayor',
          email: 'anna@pegnitz.example',
          attended: true,
        },
        {
          personId: '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b',
          salutation: 'Herr',
          firstName: 'Bernd',
          lastName: 'Beispiel',
          role: 'civil-society',
          email: 'bernd@pegnitz.example',
        },
      ],
    });
    const rows = lines.split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(
      '"Anna Beispiel";"Bürgermeisterin";"Pegnitz";"anna@pegnitz.example";"Kommune";"Bayern"',
    );
    expect(rows[0].endsWith('"ja"')).toBe(true);
    expect(rows[1]).toContain('"Zivilgesellschaft"');
  });

  it.each([
    ['=HYPERLINK("http://evil.example")', '"\'=HYPERLINK(""http://evil.example"")"'],
    ['+49 5264 644-0', '"\'+49 5264 644-0"'],
    ['-1+2', '"\'-1+2"'],
    ['@SUM(A1)', '"\'@SUM(A1)"'],
    ['\tdata', '"\'\tdata"'],
    ['Müller; "Jonas"', '"Müller; ""Jonas"""'],
  ])('defuses and quotes %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
