import { useLocation } from 'react-router';

/**
 * A notice handed over with a navigation (`navigate('/', { state: { notice } })`), e.g. „Sie sind
 * abgemeldet.“ after signing out or the welcome after accepting an invitation.
 */
export function useNavigationNotice(): string | undefined {
  const state: unknown = useLocation().state;
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' && state.notice !== '' ? state.notice : undefined;
}
