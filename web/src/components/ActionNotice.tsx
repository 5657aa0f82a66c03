import { useEffect, useRef } from 'react';

/**
 * What the last action of a page did, in words. It takes the focus, since the dialog that was open
 * is gone; the live region stays in place while empty, so screen readers announce the next notice.
 */
export function ActionNotice({ notice }: { readonly notice: string | null }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) box.current?.focus();
  }, [notice]);
  return (
    <div role="status" ref={box} tabIndex={-1} className={notice ? 'notice notice-success' : undefined}>
      {notice ? <p>{notice}</p> : null}
    </div>
  );
}
