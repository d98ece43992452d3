/** Keeps the tab's route in the address bar, so links from the bot's cards and Back/Forward work. */
import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeSearch, type Route } from './route';

/** The current route and a navigator; `replace` changes the address without a new history entry. */
export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.search));

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const url = `${window.location.pathname}${routeSearch(next)}${window.location.hash}`;
    try {
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    } catch {
      // Some hosts sandbox the history API; the route still changes for this visit.
    }
    setRoute(next);
  }, []);

  return [route, navigate];
}
