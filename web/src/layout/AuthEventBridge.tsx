import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onAuthEvent } from '../api/client.ts';
import { SESSION_KEY, useEndSession } from '../features/auth/hooks/useSession.ts';
import { setLoginNotice } from '../features/auth/login-notice.ts';

/** Turns the API client's session events into navigation: to /login when the session is gone, to the password page when a change is due. */
export function AuthEventBridge() {
  const navigate = useNavigate();
  const location = useLocation();
  const endSession = useEndSession();
  const queryClient = useQueryClient();
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(
    () =>
      onAuthEvent((event) => {
        const here = locationRef.current;
        if (event.type === 'unauthenticated') {
          if (here.pathname === '/login') return;
          setLoginNotice({ code: event.code, message: event.message });
          navigate('/login', { replace: true, state: { from: { pathname: here.pathname, search: here.search } } });
          endSession();
        } else {
          queryClient.invalidateQueries({ queryKey: SESSION_KEY });
          if (here.pathname !== '/account/password') navigate('/account/password', { replace: true });
        }
      }),
    [navigate, endSession, queryClient],
  );
  return null;
}
