import { useEffect, useRef, type ReactNode } from 'react';
import { texts } from '../texts';

interface PageProps {
  /** The page's one h1, also the start of the browser tab's title. */
  readonly title: string;
  /** A line under the heading, e.g. the kind and date of an event. */
  readonly lead?: ReactNode;
  readonly children: ReactNode;
}

/**
 * Every page: sets the document title and, after a navigation inside the app, moves the focus to
 * the heading so that a screen reader announces the new page (as a full page load would).
 */
export function Page({ title, lead, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${texts.common.titleSuffix}`;
  }, [title]);
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) {
      heading.current?.focus({ preventScroll: false });
    }
  }, []);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {children}
    </>
  );
}
