import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A token that arrives in the address's fragment (`#token=…`): fragments are never sent to a server
 * or in a Referer. It is kept and then taken out of the address bar and the history entry. A link
 * opened while the page is already showing (only the fragment changes, so the page does not reload)
 * brings its token in too.
 */
export function useHashToken(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined;
  const [token, setToken] = useState(fromHash);
  if (fromHash && fromHash !== token) setToken(fromHash);

  useEffect(() => {
    if (location.hash)
      void navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  return token;
}
