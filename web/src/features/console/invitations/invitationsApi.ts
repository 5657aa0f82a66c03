import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';

export type Invitation = components['schemas']['InvitationResponse'];
export type InvitationStatus = Invitation['status'];
export type InviteRequest = components['schemas']['InviteMemberRequest'];
export type MailPreviewRequest = components['schemas']['InvitationMailPreviewRequest'];
export type MailPreview = components['schemas']['InvitationMailPreviewResponse'];
export type FederalState = InviteRequest['federalState'];
export type Sector = InviteRequest['sector'];
export type Theme = InviteRequest['themes'][number];
export type Salutation = InviteRequest['salutation'];
export type AcademicTitle = NonNullable<InviteRequest['academicTitle']>;

export const INVITATIONS_PAGE_SIZE = 20;
const INVITATIONS_KEY = ['console', 'invitations'] as const;

/**
 * The invitations, newest first, optionally of one state and matching a search (names, address,
 * organisation, Kommune), page by page („Weitere anzeigen“).
 */
export function useInvitations(status: InvitationStatus | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: [...INVITATIONS_KEY, 'list', status ?? 'all', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/invitations', {
          params: {
            query: {
              limit: INVITATIONS_PAGE_SIZE,
              ...(status ? { status } : {}),
              ...(q ? { q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A municipality the club knows from an earlier appointment, with its key, size and Land. */
export interface KnownMunicipality {
  readonly name: string;
  readonly ags: string;
  readonly population: number;
  readonly federalState: FederalState;
}

/** The longest search the list of invitations takes. */
export const SEARCH_MAX_LENGTH = 80;

/**
 * The municipalities of earlier appointments (any state) whose name matches what was typed, one
 * per AGS: what the club already knows, to help the office find a key from a name.
 */
export function useKnownMunicipalities(name: string) {
  const q = name.trim().slice(0, SEARCH_MAX_LENGTH);
  return useQuery({
    queryKey: [...INVITATIONS_KEY, 'municipalities', q],
    enabled: searchKey(q).length >= 2,
    staleTime: 60 * 1000,
    queryFn: async () => {
      const found = await unwrap(api.GET('/api/v1/invitations', { params: { query: { q, limit: 100 } } }));
      const byAgs = new Map<string, KnownMunicipality>();
      for (const invitation of found.items) {
        const municipality = invitation.municipality;
        if (
          municipality &&
          !byAgs.has(municipality.ags) &&
          searchKey(municipality.name).includes(searchKey(q))
        ) {
          byAgs.set(municipality.ags, { ...municipality, federalState: invitation.federalState });
        }
      }
      return [...byAgs.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
    },
  });
}

/** Letters as a search compares them: lower case, umlauts and ß as their spellings, no accents. */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

export function usePreviewMail() {
  return useMutation({
    mutationFn: (body: MailPreviewRequest) => unwrap(api.POST('/api/v1/invitations/mail-preview', { body })),
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteRequest) => unwrap(api.POST('/api/v1/invitations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

/** Resend (new link, new expiry) or revoke one invitation; the lists are read again afterwards. */
export function useInvitationAction(action: 'resend' | 'revoke') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        action === 'resend'
          ? api.POST('/api/v1/invitations/{id}/resend', { params: { path: { id } } })
          : api.POST('/api/v1/invitations/{id}/revoke', { params: { path: { id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}
