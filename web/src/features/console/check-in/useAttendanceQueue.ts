import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../../api/problem';
import {
  enqueueMark,
  newIdempotencyKey,
  readQueue,
  removeMark,
  type AttendanceMark,
} from './attendanceQueue';
import { sendMark, type Registration } from './checkInApi';

/** How often the queue tries again while marks wait. */
export const RETRY_MS = 5_000;

export type Connection = 'online' | 'offline' | 'signed-out';

export interface QueueCallbacks {
  /** The server took the mark; `afterOutage` when it had waited for the connection. */
  readonly onSent: (mark: AttendanceMark, registration: Registration) => void;
  readonly onRefused: (mark: AttendanceMark, problem: ApiProblem) => void;
  /** Marks that waited for the connection went through (how many). */
  readonly onBackOnline: (sent: number) => void;
  /** The connection dropped while this mark was being sent: it waits on the phone. */
  readonly onQueued: (mark: AttendanceMark) => void;
}

/**
 * The door's outbox: a tick goes into the queue at once (persisted), then is sent; what cannot be
 * sent waits and is tried again when the browser is back online and every few seconds.
 */
export function useAttendanceQueue(callbacks: QueueCallbacks) {
  const [queue, setQueue] = useState<AttendanceMark[]>(readQueue);
  const [connection, setConnection] = useState<Connection>(() =>
    typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'online',
  );
  const connectionRef = useRef(connection);
  const sending = useRef(false);
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  const changeConnection = useCallback((next: Connection) => {
    connectionRef.current = next;
    setConnection(next);
  }, []);

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    const afterOutage = connectionRef.current !== 'online';
    let sent = 0;
    try {
      for (let next = readQueue()[0]; next; next = readQueue()[0]) {
        const outcome = await sendMark(next);
        if (outcome.kind === 'unreachable') {
          if (!afterOutage) latest.current.onQueued(next);
          changeConnection('offline');
          break;
        }
        if (outcome.kind === 'signed-out') {
          changeConnection('signed-out');
          break;
        }
        setQueue(removeMark(next.idempotencyKey));
        if (outcome.kind === 'refused') latest.current.onRefused(next, outcome.problem);
        else {
          sent++;
          if (connectionRef.current !== 'online') changeConnection('online');
          latest.current.onSent(next, outcome.registration);
        }
      }
    } finally {
      sending.current = false;
    }
    if (afterOutage && sent > 0) latest.current.onBackOnline(sent);
    setQueue(readQueue());
  }, [changeConnection]);

  /** Ticks (or undoes) at once on the phone; sends now, or as soon as the connection allows. */
  const mark = useCallback(
    (wish: Omit<AttendanceMark, 'idempotencyKey'>) => {
      setQueue(enqueueMark({ ...wish, idempotencyKey: newIdempotencyKey() }));
      if (connectionRef.current === 'online') void flush();
    },
    [flush],
  );

  useEffect(() => {
    const online = () => {
      // With marks waiting, the first one through says the connection is back (and counts them).
      if (readQueue().length > 0) void flush();
      else if (connectionRef.current === 'offline') changeConnection('online');
    };
    const offline = () => changeConnection('offline');
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Marks left from before (a reload, a closed tab) go out at once.
    if (readQueue().length > 0) void flush();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [changeConnection, flush]);

  const waiting = queue.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      void flush();
    }, RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  return { queue, connection, mark, retry: flush };
}
