import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { E2eClient } from '../../support/e2e-client';
import { expect } from './fixtures';

/** What the office enters when it appoints a person; every field has a default. */
export interface Appointment {
  readonly salutation?: string;
  readonly officeTitle?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly organisation?: string;
  readonly sector?: string;
  readonly federalState?: string;
  readonly municipality?: { readonly name: string; readonly ags: string; readonly population: number };
  readonly themes?: readonly string[];
}

export interface AppointedMember {
  readonly memberId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
}

/**
 * A person appointed by the office (through the API) who accepted the invitation from the mail:
 * an active member with a mailbox in the sink, not yet signed in anywhere. The last name is unique per call.
 */
export async function appointedMember(
  api: E2eClient,
  staffToken: string,
  appointment: Appointment = {},
): Promise<AppointedMember> {
  const unique = randomUUID().slice(0, 8);
  const firstName = appointment.firstName ?? 'Anna';
  const lastName = `${appointment.lastName ?? 'Muster'}-${unique.slice(0, 6)}`;
  const email = `${firstName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}.${unique}@mitglieder.example`;
  const invited = await api.callRetrying('POST', '/invitations', {
    token: staffToken,
    body: {
      salutation: 'Frau',
      officeTitle: 'Bürgermeisterin',
      organisation: 'Stadt Ulm',
      sector: 'Kommune',
      federalState: 'BW',
      municipality: { name: 'Ulm', ags: '08421000', population: 128_000 },
      themes: ['Digitalisierung'],
      ...appointment,
      firstName,
      lastName,
      email,
    },
  });
  expect(invited.status, invited.text).toBe(201);
  const invitation = await api.linkFromMail(email, 'einladung');
  const accepted = await api.callRetrying<{ memberId: string }>('POST', '/invitations/accept', {
    body: { token: invitation.token },
  });
  expect(accepted.status, accepted.text).toBe(200);
  return { memberId: accepted.body.memberId, email, firstName, lastName };
}

/**
 * Signs the member in on this page the way members do it: a sign-in link by mail, then „Jetzt
 * anmelden“; lands on `returnTo`.
 */
export async function signInMember(
  page: Page,
  api: E2eClient,
  email: string,
  returnTo: string,
): Promise<void> {
  const requested = await api.callRetrying('POST', '/auth/sign-in-links', { body: { email, returnTo } });
  expect(requested.status, requested.text).toBe(202);
  const link = await api.linkFromMail(email, 'anmelden');
  await page.goto(link.url);
  await page.getByRole('main').getByRole('button', { name: 'Jetzt anmelden' }).click();
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === returnTo);
}
