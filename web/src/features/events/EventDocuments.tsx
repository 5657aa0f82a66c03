import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { texts } from '../../texts';
import type { EventDocument } from './eventTypes';

const t = texts.events.eventPage.documents;
const words = texts.events;

function details(document: EventDocument): string {
  return t.details(
    words.documentKinds[document.kind],
    words.mediaTypes[document.mediaType],
    words.fileSize(document.sizeBytes),
  );
}

/**
 * The event's documents. Signed in, each is a download (the session cookie authorises it); a
 * visitor sees what there is and how to get it. The office's console adds an action to each
 * (`actionsFor`) and its upload form (`children`).
 */
export function EventDocuments({
  documents,
  signedIn,
  signInPath,
  actionsFor,
  children,
}: {
  readonly documents: readonly EventDocument[];
  readonly signedIn: boolean;
  readonly signInPath: string;
  readonly actionsFor?: (document: EventDocument) => ReactNode;
  readonly children?: ReactNode;
}) {
  return (
    <section aria-labelledby="unterlagen" className="event-section">
      <h2 id="unterlagen">{t.heading}</h2>
      {documents.length === 0 ? (
        <p>{t.empty}</p>
      ) : signedIn ? (
        <ul className="documents">
          {documents.map((document) => (
            <li key={document.documentId}>
              <a href={document.href} type={document.mediaType} download={document.fileName}>
                {document.title}
              </a>{' '}
              <span className="meta">({details(document)})</span>
              {actionsFor ? <> {actionsFor(document)}</> : null}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>{t.membersOnly}</p>
          <ul className="documents">
            {documents.map((document) => (
              <li key={document.documentId}>
                {document.title} <span className="meta">({details(document)})</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to={signInPath}>{t.signIn}</Link>
          </p>
        </>
      )}
      {children}
    </section>
  );
}
