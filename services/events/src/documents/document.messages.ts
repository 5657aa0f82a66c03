import { MAX_DOCUMENTS_PER_EVENT } from '@ic/contracts';

export const DocumentMessages = {
  notFound: 'Dieses Dokument gibt es nicht.',
  uploadNotFound: 'Diesen Upload gibt es nicht (mehr). Bitte beginnen Sie das Hochladen neu.',
  uploadFinished: 'Dieser Upload ist bereits abgeschlossen.',
  uploadExpired: 'Dieser Upload ist abgelaufen (nach einem Tag). Bitte beginnen Sie das Hochladen neu.',
  eventCancelled: 'Zu einer abgesagten Veranstaltung können keine Dokumente hochgeladen werden.',
  tooMany: `Eine Veranstaltung kann höchstens ${MAX_DOCUMENTS_PER_EVENT} Dokumente haben.`,
  programmeMustBePdf: 'Das Programm muss ein PDF sein (mediaType application/pdf).',
  chunkIndex: (count: number) => `index muss zwischen 0 und ${count - 1} liegen.`,
  chunkSize: (index: number, expected: number) => `Teil ${index} muss genau ${expected} Bytes haben.`,
  chunkDiffers: (index: number) =>
    `Teil ${index} wurde bereits mit anderem Inhalt empfangen. Bitte beginnen Sie das Hochladen neu.`,
  chunksMissing: (missing: readonly number[]) =>
    `Es fehlen noch Teile der Datei: ${missing.join(', ')}. Bitte senden Sie sie, bevor Sie das Hochladen abschließen.`,
  sizeMismatch: (expected: number, actual: number) =>
    `Die Datei hat ${actual} Bytes statt der angekündigten ${expected}. Bitte laden Sie sie erneut hoch.`,
  hashMismatch:
    'Die Prüfsumme (SHA-256) des Inhalts stimmt nicht mit der angekündigten überein. Bitte laden Sie die Datei erneut hoch.',
  typeMismatch: (declared: string, recognised?: string) =>
    `Der Inhalt ist kein ${declared}${recognised ? ` (er sieht aus wie ein ${recognised})` : ''}. Es zählt der Inhalt, nicht der Name.`,
} as const;
