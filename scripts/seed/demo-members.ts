/**
 * Demo data for `npm start`: about 120 fictional members of the club across all 16 Länder and
 * all five sectors, and a few open invitations. The municipalities, districts and institutions
 * are real (names, official keys, populations rounded, as of 2023/24); every person is invented.
 *
 * Districts (Kreise) carry their five-digit Kreisschlüssel padded with 000, the form their
 * kreisfreie Städte have as AGS; Berlin and Hamburg have one AGS for the whole city.
 */
import {
  DeactivationReason,
  FederalState,
  InviteMemberRequest,
  MemberProfile,
  Salutation,
  Sector,
  Theme,
  Themes,
} from '@ic/contracts';
import { createHash } from 'node:crypto';

export interface DemoMember {
  readonly id: string;
  readonly profile: MemberProfile;
  readonly workingGroups: readonly string[];
  readonly joinedAt: Date;
  readonly ended?: { readonly reason: DeactivationReason; readonly note?: string };
}

export interface DemoInvitation {
  readonly id: string;
  readonly request: InviteMemberRequest;
}

/** A fixed UUID (version 4 layout) per demo key, so that a second load finds what the first made. */
export function demoId(key: string): string {
  const bytes = createHash('sha256').update(`ic-demo:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** OB: Oberbürgermeister(in), BM: Bürgermeister(in), LR: Landrat/Landrätin, BZ: Bezirksbürgermeister(in). */
type Office = 'OB' | 'BM' | 'LR' | 'BZ';

/** [Land, office, organisation, municipality, AGS, population] */
type MunicipalRow = readonly [FederalState, Office, string, string, string, number];

const MUNICIPAL: readonly MunicipalRow[] = [
  ['SH', 'OB', 'Landeshauptstadt Kiel', 'Kiel', '01002000', 247_700],
  ['SH', 'OB', 'Hansestadt Lübeck', 'Lübeck', '01003000', 218_100],
  ['SH', 'LR', 'Kreis Nordfriesland', 'Kreis Nordfriesland', '01054000', 168_500],
  ['SH', 'LR', 'Kreis Rendsburg-Eckernförde', 'Kreis Rendsburg-Eckernförde', '01058000', 277_000],
  ['HH', 'BZ', 'Bezirksamt Altona', 'Hamburg', '02000000', 1_892_000],
  ['NI', 'OB', 'Landeshauptstadt Hannover', 'Hannover', '03241001', 548_000],
  ['NI', 'OB', 'Stadt Braunschweig', 'Braunschweig', '03101000', 251_800],
  ['NI', 'OB', 'Stadt Oldenburg', 'Oldenburg (Oldb)', '03403000', 172_800],
  ['NI', 'LR', 'Landkreis Emsland', 'Landkreis Emsland', '03454000', 334_000],
  ['NI', 'LR', 'Landkreis Harburg', 'Landkreis Harburg', '03353000', 262_700],
  ['NI', 'LR', 'Landkreis Lüchow-Dannenberg', 'Landkreis Lüchow-Dannenberg', '03354000', 48_600],
  ['HB', 'BM', 'Freie Hansestadt Bremen', 'Bremen', '04011000', 577_000],
  ['HB', 'OB', 'Stadt Bremerhaven', 'Bremerhaven', '04012000', 115_500],
  ['NW', 'OB', 'Stadt Köln', 'Köln', '05315000', 1_084_000],
  ['NW', 'OB', 'Landeshauptstadt Düsseldorf', 'Düsseldorf', '05111000', 629_000],
  ['NW', 'OB', 'Stadt Dortmund', 'Dortmund', '05913000', 595_000],
  ['NW', 'OB', 'Stadt Münster', 'Münster', '05515000', 320_900],
  ['NW', 'OB', 'Stadt Bielefeld', 'Bielefeld', '05711000', 338_300],
  ['NW', 'OB', 'Stadt Aachen', 'Aachen', '05334002', 252_000],
  ['NW', 'BM', 'Gemeinde Kalletal', 'Kalletal', '05766040', 13_900],
  ['NW', 'BM', 'Alte Hansestadt Lemgo', 'Lemgo', '05766044', 40_900],
  ['NW', 'LR', 'Kreis Lippe', 'Kreis Lippe', '05766000', 348_500],
  ['NW', 'LR', 'Kreis Paderborn', 'Kreis Paderborn', '05774000', 312_000],
  ['NW', 'LR', 'Hochsauerlandkreis', 'Hochsauerlandkreis', '05958000', 258_300],
  ['HE', 'OB', 'Stadt Frankfurt am Main', 'Frankfurt am Main', '06412000', 775_800],
  ['HE', 'OB', 'Stadt Kassel', 'Kassel', '06611000', 204_700],
  ['HE', 'OB', 'Wissenschaftsstadt Darmstadt', 'Darmstadt', '06411000', 162_300],
  ['HE', 'LR', 'Landkreis Marburg-Biedenkopf', 'Landkreis Marburg-Biedenkopf', '06534000', 247_800],
  ['HE', 'LR', 'Vogelsbergkreis', 'Vogelsbergkreis', '06535000', 106_200],
  ['HE', 'LR', 'Landkreis Fulda', 'Landkreis Fulda', '06631000', 226_000],
  ['RP', 'OB', 'Landeshauptstadt Mainz', 'Mainz', '07315000', 220_000],
  ['RP', 'OB', 'Stadt Trier', 'Trier', '07211000', 111_500],
  ['RP', 'OB', 'Stadt Kaiserslautern', 'Kaiserslautern', '07312000', 101_500],
  ['RP', 'LR', 'Landkreis Ahrweiler', 'Landkreis Ahrweiler', '07131000', 130_600],
  ['RP', 'LR', 'Eifelkreis Bitburg-Prüm', 'Eifelkreis Bitburg-Prüm', '07232000', 101_400],
  ['BW', 'OB', 'Landeshauptstadt Stuttgart', 'Stuttgart', '08111000', 633_500],
  ['BW', 'OB', 'Stadt Karlsruhe', 'Karlsruhe', '08212000', 306_500],
  ['BW', 'OB', 'Stadt Freiburg im Breisgau', 'Freiburg im Breisgau', '08311000', 237_500],
  ['BW', 'OB', 'Stadt Ulm', 'Ulm', '08421000', 128_900],
  ['BW', 'OB', 'Stadt Aalen', 'Aalen', '08136088', 68_600],
  ['BW', 'OB', 'Stadt Biberach an der Riß', 'Biberach an der Riß', '08426021', 34_300],
  ['BW', 'OB', 'Stadt Bad Mergentheim', 'Bad Mergentheim', '08128007', 24_500],
  ['BW', 'OB', 'Stadt Bietigheim-Bissingen', 'Bietigheim-Bissingen', '08118079', 43_900],
  ['BW', 'BM', 'Gemeinde Ammerbuch', 'Ammerbuch', '08416048', 11_500],
  ['BW', 'LR', 'Ortenaukreis', 'Ortenaukreis', '08317000', 436_800],
  ['BW', 'LR', 'Landkreis Tübingen', 'Landkreis Tübingen', '08416000', 229_700],
  ['BY', 'OB', 'Landeshauptstadt München', 'München', '09162000', 1_510_000],
  ['BY', 'OB', 'Stadt Nürnberg', 'Nürnberg', '09564000', 526_000],
  ['BY', 'OB', 'Stadt Augsburg', 'Augsburg', '09761000', 301_000],
  ['BY', 'OB', 'Stadt Regensburg', 'Regensburg', '09362000', 157_400],
  ['BY', 'OB', 'Stadt Würzburg', 'Würzburg', '09663000', 127_800],
  ['BY', 'LR', 'Landkreis Bayreuth', 'Landkreis Bayreuth', '09472000', 104_300],
  ['BY', 'LR', 'Landkreis Cham', 'Landkreis Cham', '09372000', 129_300],
  ['BY', 'LR', 'Landkreis Rosenheim', 'Landkreis Rosenheim', '09187000', 265_400],
  ['BY', 'LR', 'Landkreis Freyung-Grafenau', 'Landkreis Freyung-Grafenau', '09272000', 79_000],
  ['SL', 'OB', 'Landeshauptstadt Saarbrücken', 'Saarbrücken', '10041100', 183_500],
  ['SL', 'LR', 'Landkreis Merzig-Wadern', 'Landkreis Merzig-Wadern', '10042000', 103_800],
  ['SL', 'LR', 'Landkreis St. Wendel', 'Landkreis St. Wendel', '10046000', 87_200],
  ['BE', 'BZ', 'Bezirksamt Neukölln von Berlin', 'Berlin', '11000000', 3_878_000],
  ['BE', 'BZ', 'Bezirksamt Treptow-Köpenick von Berlin', 'Berlin', '11000000', 3_878_000],
  ['BB', 'OB', 'Landeshauptstadt Potsdam', 'Potsdam', '12054000', 187_100],
  ['BB', 'OB', 'Stadt Cottbus', 'Cottbus', '12052000', 98_700],
  ['BB', 'LR', 'Landkreis Uckermark', 'Landkreis Uckermark', '12073000', 119_500],
  ['BB', 'LR', 'Landkreis Potsdam-Mittelmark', 'Landkreis Potsdam-Mittelmark', '12069000', 221_400],
  ['BB', 'LR', 'Landkreis Prignitz', 'Landkreis Prignitz', '12070000', 75_900],
  ['MV', 'OB', 'Hanse- und Universitätsstadt Rostock', 'Rostock', '13003000', 209_900],
  ['MV', 'OB', 'Landeshauptstadt Schwerin', 'Schwerin', '13004000', 98_600],
  ['MV', 'LR', 'Landkreis Vorpommern-Greifswald', 'Landkreis Vorpommern-Greifswald', '13075000', 237_700],
  ['MV', 'LR', 'Landkreis Ludwigslust-Parchim', 'Landkreis Ludwigslust-Parchim', '13076000', 213_600],
  ['SN', 'OB', 'Stadt Leipzig', 'Leipzig', '14713000', 616_100],
  ['SN', 'OB', 'Landeshauptstadt Dresden', 'Dresden', '14612000', 566_200],
  ['SN', 'OB', 'Stadt Chemnitz', 'Chemnitz', '14511000', 250_700],
  ['SN', 'LR', 'Landkreis Görlitz', 'Landkreis Görlitz', '14626000', 248_600],
  ['SN', 'LR', 'Erzgebirgskreis', 'Erzgebirgskreis', '14521000', 329_400],
  ['ST', 'OB', 'Landeshauptstadt Magdeburg', 'Magdeburg', '15003000', 241_800],
  ['ST', 'OB', 'Stadt Halle (Saale)', 'Halle (Saale)', '15002000', 241_100],
  ['ST', 'OB', 'Stadt Dessau-Roßlau', 'Dessau-Roßlau', '15001000', 75_000],
  ['ST', 'LR', 'Landkreis Harz', 'Landkreis Harz', '15085000', 211_700],
  ['ST', 'LR', 'Altmarkkreis Salzwedel', 'Altmarkkreis Salzwedel', '15081000', 82_500],
  ['TH', 'OB', 'Landeshauptstadt Erfurt', 'Erfurt', '16051000', 216_000],
  ['TH', 'OB', 'Stadt Jena', 'Jena', '16053000', 111_200],
  ['TH', 'OB', 'Stadt Weimar', 'Weimar', '16055000', 65_600],
  ['TH', 'LR', 'Landkreis Gotha', 'Landkreis Gotha', '16067000', 134_900],
  ['TH', 'LR', 'Wartburgkreis', 'Wartburgkreis', '16063000', 158_200],
  ['TH', 'LR', 'Ilm-Kreis', 'Ilm-Kreis', '16070000', 107_100],
];

/** [Land, sector, organisation, position] for members outside municipal government. */
type PartnerRow = readonly [FederalState, Exclude<Sector, 'Kommune'>, string, string];

const PARTNERS: readonly PartnerRow[] = [
  ['NW', 'Politik', 'Landtag Nordrhein-Westfalen', 'Mitglied des Landtags, Sprecherin für Kommunalpolitik'],
  ['BY', 'Politik', 'Bayerisches Staatsministerium für Digitales', 'Referatsleitung Digitale Verwaltung'],
  ['BE', 'Politik', 'Deutscher Bundestag', 'Mitglied des Bundestages, Ausschuss für Digitales'],
  ['SN', 'Politik', 'Sächsischer Landtag', 'Mitglied des Landtags'],
  [
    'HE',
    'Politik',
    'Hessisches Ministerium des Innern, für Sicherheit und Heimatschutz',
    'Abteilungsleitung Kommunales',
  ],
  ['NI', 'Politik', 'Niedersächsischer Landtag', 'Mitglied des Landtags'],
  [
    'BW',
    'Politik',
    'Ministerium für Ernährung, Ländlichen Raum und Verbraucherschutz',
    'Referatsleitung Ländlicher Raum',
  ],
  ['BB', 'Politik', 'Landtag Brandenburg', 'Mitglied des Landtags'],
  ['TH', 'Politik', 'Thüringer Landtag', 'Mitglied des Landtags'],
  ['RP', 'Politik', 'Gemeinde- und Städtebund Rheinland-Pfalz', 'Referentin für Digitalisierung'],
  ['BE', 'Wirtschaft', 'Spreeweg Digital GmbH', 'Geschäftsführung'],
  ['HH', 'Wirtschaft', 'Elbkontor Energie AG', 'Vorstand Netze'],
  ['BY', 'Wirtschaft', 'Isartal Mobilität GmbH', 'Geschäftsführung'],
  ['NW', 'Wirtschaft', 'Ruhrwerk Infrastruktur GmbH', 'Leitung Smart City'],
  ['BW', 'Wirtschaft', 'Neckarsoft AG', 'Bereichsleitung Öffentlicher Sektor'],
  ['HE', 'Wirtschaft', 'Mainufer Beratung GmbH', 'Partnerin'],
  ['SN', 'Wirtschaft', 'Elbtal Glasfaser GmbH', 'Geschäftsführung'],
  ['SH', 'Wirtschaft', 'Nordwind Bürgerenergie eG', 'Vorstand'],
  ['NI', 'Wirtschaft', 'Weserbergland Wasser GmbH', 'Geschäftsführung'],
  ['MV', 'Wirtschaft', 'Boddenland Tourismus GmbH', 'Geschäftsführung'],
  ['BE', 'Wissenschaft', 'Technische Universität Berlin', 'Fachgebiet Stadt- und Regionalentwicklung'],
  ['NW', 'Wissenschaft', 'Universität Münster', 'Professur für Verwaltungswissenschaft'],
  ['BY', 'Wissenschaft', 'Technische Universität München', 'Professur für Digitale Verwaltung'],
  ['SN', 'Wissenschaft', 'Technische Universität Dresden', 'Professur für Energiewirtschaft'],
  [
    'RP',
    'Wissenschaft',
    'Deutsche Universität für Verwaltungswissenschaften Speyer',
    'Professur für Kommunalrecht',
  ],
  ['BW', 'Wissenschaft', 'Universität Stuttgart', 'Professur für Raumplanung'],
  ['HB', 'Wissenschaft', 'Universität Bremen', 'Professur für Nachhaltigkeitsforschung'],
  ['ST', 'Wissenschaft', 'Hochschule Harz', 'Professur für Verwaltungsinformatik'],
  ['TH', 'Wissenschaft', 'Bauhaus-Universität Weimar', 'Professur für Urbanistik'],
  ['SL', 'Wissenschaft', 'Universität des Saarlandes', 'Professur für Informatik'],
  ['NW', 'Zivilgesellschaft', 'Dorfwerkstatt Lippe e. V.', 'Vorsitz'],
  ['BY', 'Zivilgesellschaft', 'Netzwerk Ehrenamt Oberfranken e. V.', 'Geschäftsführung'],
  ['BE', 'Zivilgesellschaft', 'Initiative Offene Kommune e. V.', 'Sprecherin'],
  ['SH', 'Zivilgesellschaft', 'Landjugend Nordfriesland e. V.', 'Vorsitz'],
  ['MV', 'Zivilgesellschaft', 'Zukunftswerkstatt Vorpommern e. V.', 'Vorstand'],
  ['HE', 'Zivilgesellschaft', 'Digitale Dörfer Hessen e. V.', 'Projektleitung'],
  ['ST', 'Zivilgesellschaft', 'Kulturbahnhof Altmark e. V.', 'Vorsitz'],
  ['HB', 'Zivilgesellschaft', 'Quartiersnetzwerk Bremen-Nord e. V.', 'Koordination'],
];

const FIRST_NAMES_FEMALE = [
  'Anna',
  'Katharina',
  'Julia',
  'Sabine',
  'Petra',
  'Claudia',
  'Birgit',
  'Susanne',
  'Andrea',
  'Monika',
  'Stefanie',
  'Nicole',
  'Kerstin',
  'Heike',
  'Christiane',
  'Franziska',
  'Lena',
  'Miriam',
  'Ute',
  'Jana',
  'Martina',
  'Silke',
  'Anja',
  'Daniela',
  'Ines',
  'Karin',
  'Sophie',
  'Theresa',
  'Ulrike',
  'Doris',
] as const;

const FIRST_NAMES_MALE = [
  'Jonas',
  'Thomas',
  'Michael',
  'Andreas',
  'Stefan',
  'Markus',
  'Frank',
  'Jürgen',
  'Uwe',
  'Klaus',
  'Matthias',
  'Christian',
  'Tobias',
  'Sebastian',
  'Florian',
  'Martin',
  'Peter',
  'Ralf',
  'Holger',
  'Jörg',
  'Dirk',
  'Bernd',
  'Wolfgang',
  'Alexander',
  'Daniel',
  'Oliver',
  'Sven',
  'Lars',
  'Henrik',
  'Björn',
] as const;

const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Schubert',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Schuster',
  'Simon',
  'Ludwig',
  'Böhm',
  'Winter',
  'Kraus',
  'Martin',
  'Schumacher',
  'Krämer',
  'Vogt',
  'Stein',
  'Jäger',
  'Otto',
  'Sommer',
  'Groß',
  'Seidel',
  'Heinrich',
  'Brandt',
  'Haas',
  'Schreiber',
  'Graf',
  'Schulte',
  'Dietrich',
  'Ziegler',
  'Kuhn',
  'Kühn',
  'Pohl',
  'Engel',
  'Horn',
  'Busch',
  'Bergmann',
  'Thomas',
  'Voigt',
  'Sauer',
  'Arnold',
  'Wolff',
  'Pfeiffer',
  'Lindner',
  'Ebert',
  'Fröhlich',
  'Höfer',
  'Brückner',
  'Nowak',
  'Yılmaz',
  'Kowalski',
  'Demir',
  'Schütz',
  'Wiegand',
  'Lübke',
  'Oßwald',
  'Rübsam',
  'Dreßler',
  'Große-Kleimann',
  'von Aschen',
  'Çelik',
  'Sänger',
  'Thiel',
] as const;

const OFFICE_TITLES: Readonly<Record<Office, Readonly<Record<'Frau' | 'Herr', string>>>> = {
  OB: { Frau: 'Oberbürgermeisterin', Herr: 'Oberbürgermeister' },
  BM: { Frau: 'Bürgermeisterin', Herr: 'Bürgermeister' },
  LR: { Frau: 'Landrätin', Herr: 'Landrat' },
  BZ: { Frau: 'Bezirksbürgermeisterin', Herr: 'Bezirksbürgermeister' },
};

const TRANSLITERATION: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ı: 'i',
  ç: 'c',
};

/** `Große-Kleimann` → `grosse-kleimann`, for the demo e-mail addresses. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüßıç]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function domainOf(organisation: string): string {
  const name = organisation
    .replace(
      /^(Landeshauptstadt|Stadt|Gemeinde|Alte Hansestadt|Hansestadt|Freie Hansestadt|Wissenschaftsstadt|Hanse- und Universitätsstadt) /,
      '',
    )
    .replace(/ (e\. V\.|GmbH|AG|eG)$/, '');
  // A domain label has at most 63 characters; long names are cut at a word boundary.
  const label = slug(name);
  const short = label.length <= 40 ? label : label.slice(0, 40).replace(/-[^-]*$/, '');
  return `${short}.example`;
}

/** Two to four Themenfelder per person, spread over the list. */
function themesOf(index: number): Theme[] {
  const count = 2 + (index % 3);
  const picked = new Set<Theme>();
  for (let step = 0; picked.size < count; step++) picked.add(Themes[(index * 5 + step * 3) % Themes.length]);
  return [...picked];
}

function workingGroupsOf(index: number): string[] {
  return [[], ['nachhaltigkeit'], ['digitales'], ['nachhaltigkeit', 'digitales']][index % 4];
}

/** Spread over the club's history since 2005. */
function joinedAtOf(index: number): Date {
  const year = 2005 + ((index * 7) % 21);
  return new Date(Date.UTC(year, (index * 5) % 12, 1 + ((index * 11) % 27), 9, 0, 0));
}

interface Person {
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
}

function personOf(index: number): Person {
  const lastName = LAST_NAMES[index % LAST_NAMES.length];
  const female = (index * 7) % 10 < 5;
  const firstNames = female ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE;
  return {
    salutation: female ? 'Frau' : 'Herr',
    firstName: firstNames[(index * 13) % firstNames.length],
    lastName,
  };
}

/** Members whose membership has ended, to show the lifecycle: index → how it ended. */
const ENDED: ReadonlyMap<number, { reason: DeactivationReason; note?: string }> = new Map([
  [17, { reason: 'left' as const }],
  [58, { reason: 'ended-by-staff' as const, note: 'Amtszeit beendet; Nachfolge wird angesprochen.' }],
  [101, { reason: 'left' as const, note: 'Beruflich neu orientiert.' }],
]);

function municipalMember(row: MunicipalRow, index: number): DemoMember {
  const [federalState, office, organisation, municipalityName, ags, population] = row;
  const person = personOf(index);
  const salutation = person.salutation === 'keine' ? 'Herr' : person.salutation;
  const academicTitle = index % 6 === 0 ? 'Dr.' : undefined;
  const officeTitle = OFFICE_TITLES[office][salutation];
  const profile: MemberProfile = {
    salutation,
    ...(academicTitle ? { academicTitle } : {}),
    officeTitle,
    firstName: person.firstName,
    lastName: person.lastName,
    email: `${slug(person.firstName)}.${slug(person.lastName)}@${domainOf(organisation)}`,
    ...(index % 3 === 0
      ? { phone: `+49 ${300 + ((index * 37) % 600)} ${100000 + ((index * 7919) % 899999)}` }
      : {}),
    organisation,
    sector: 'Kommune',
    federalState,
    municipality: { name: municipalityName, ags, population },
    themes: themesOf(index),
    ...(index % 4 === 1
      ? {
          biography: `${officeTitle} (${municipalityName}); bringt Erfahrungen aus der kommunalen Praxis ein.`,
        }
      : {}),
  };
  return withLifecycle(`member:${index}`, profile, index);
}

function partnerMember(row: PartnerRow, index: number): DemoMember {
  const [federalState, sector, organisation, position] = row;
  const person = personOf(index);
  const salutation: Salutation = index % 19 === 0 ? 'keine' : person.salutation;
  const academicTitle =
    sector === 'Wissenschaft'
      ? index % 2 === 0
        ? 'Prof. Dr.'
        : 'Prof.'
      : index % 5 === 0
        ? 'Dr.'
        : undefined;
  const profile: MemberProfile = {
    salutation,
    ...(academicTitle ? { academicTitle } : {}),
    firstName: person.firstName,
    lastName: person.lastName,
    email: `${slug(person.firstName)}.${slug(person.lastName)}@${domainOf(organisation)}`,
    organisation,
    position,
    sector,
    federalState,
    themes: themesOf(index),
  };
  return withLifecycle(`member:${index}`, profile, index);
}

function withLifecycle(key: string, profile: MemberProfile, index: number): DemoMember {
  const ended = ENDED.get(index);
  return {
    id: demoId(key),
    profile,
    workingGroups: workingGroupsOf(index),
    joinedAt: joinedAtOf(index),
    ...(ended ? { ended } : {}),
  };
}

export const DEMO_MEMBERS: readonly DemoMember[] = [
  ...MUNICIPAL.map((row, index) => municipalMember(row, index)),
  ...PARTNERS.map((row, index) => partnerMember(row, MUNICIPAL.length + index)),
];

/** Open invitations, as the office would send them (the notifications service mails them). */
export const DEMO_INVITATIONS: readonly DemoInvitation[] = [
  {
    id: demoId('invitation:heidelberg'),
    request: {
      salutation: 'Frau',
      officeTitle: 'Oberbürgermeisterin',
      firstName: 'Helene',
      lastName: 'Marquardt',
      email: 'helene.marquardt@heidelberg.example',
      organisation: 'Stadt Heidelberg',
      sector: 'Kommune',
      federalState: 'BW',
      municipality: { name: 'Heidelberg', ags: '08221000', population: 162_300 },
      themes: ['Klimaschutz', 'Stadtentwicklung'],
      personalMessage: 'Wir würden uns freuen, Ihre Erfahrungen mit der Bahnstadt im Club zu hören.',
    },
  },
  {
    id: demoId('invitation:wolfsburg'),
    request: {
      salutation: 'Herr',
      academicTitle: 'Dr.',
      officeTitle: 'Oberbürgermeister',
      firstName: 'Konrad',
      lastName: 'Endres',
      email: 'konrad.endres@wolfsburg.example',
      organisation: 'Stadt Wolfsburg',
      sector: 'Kommune',
      federalState: 'NI',
      municipality: { name: 'Wolfsburg', ags: '03103000', population: 125_600 },
      themes: ['Digitalisierung', 'Energie'],
      personalMessage: 'Die Arbeitsgruppe Digitales freut sich auf Ihre Impulse zur vernetzten Mobilität.',
    },
  },
  {
    id: demoId('invitation:kulmbach'),
    request: {
      salutation: 'Frau',
      officeTitle: 'Landrätin',
      firstName: 'Gisela',
      lastName: 'Pröll',
      email: 'gisela.proell@landkreis-kulmbach.example',
      organisation: 'Landkreis Kulmbach',
      sector: 'Kommune',
      federalState: 'BY',
      municipality: { name: 'Landkreis Kulmbach', ags: '09477000', population: 71_500 },
      themes: ['Kooperation', 'Partizipation'],
      personalMessage: 'Nach dem Kommunalzirkel in Pegnitz laden wir Sie herzlich in den Club ein.',
    },
  },
  {
    id: demoId('invitation:bremerhaven-hochschule'),
    request: {
      salutation: 'Herr',
      academicTitle: 'Prof. Dr.',
      firstName: 'Malte',
      lastName: 'Ohlsen',
      email: 'malte.ohlsen@hochschule-bremerhaven.example',
      organisation: 'Hochschule Bremerhaven',
      position: 'Professur für Maritime Technologien',
      sector: 'Wissenschaft',
      federalState: 'HB',
      themes: ['Energiepolitik', 'Klima'],
    },
  },
];
