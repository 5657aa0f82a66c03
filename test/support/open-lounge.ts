import { formatBerlinTime } from '@ic/contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const berlin = (instant: number) => formatBerlinTime(new Date(instant));

/**
 * The body of a lounge in Ulm whose registration is open from the start (an hour ago, for 20 days),
 * three weeks ahead, announced only to members with the theme Energie: the tests that use it give
 * their members other themes, so nobody gets an announcement mail they do not expect.
 */
export function openLoungeBody(lounge: {
  title: string;
  description: string;
  topic: string;
  capacity: number;
}) {
  return {
    ...lounge,
    themes: ['Energie'],
    registration: { opensAt: berlin(Date.now() - HOUR), closesAt: berlin(Date.now() + 20 * DAY) },
    audience: 'members',
    announceTo: 'matching-themes',
    startsAt: berlin(Date.now() + 21 * DAY),
    endsAt: berlin(Date.now() + 21 * DAY + 3 * HOUR),
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: {
      name: 'Stadthaus Ulm',
      street: 'Münsterplatz 50',
      postalCode: '89073',
      city: 'Ulm',
      federalState: 'BW',
    },
  };
}
