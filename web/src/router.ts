import { useEffect, useState } from 'preact/hooks';

// Path routing under /app/: every page has a real URL, so a deep link or a reload opens
// the same page (the local server and the CloudFront Function both answer index.html
// for the app's paths).
export interface Location {
  path: string;
  query: URLSearchParams;
}

const read = (): Location => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });
const listeners = new Set<() => void>();

// A page with unsaved changes may ask before the app leaves it (hooks/use-unsaved-changes.ts):
// a link, `navigate` and the browser's back and forward buttons all go through this guard.
let mayLeave: (() => boolean) | null = null;
/** The address shown, to go back to when leaving by back or forward is refused. */
let here = typeof window === 'undefined' ? '' : window.location.pathname + window.location.search;

/** Sets the question asked before leaving the page (true: leave), or clears it. */
export function setLeaveGuard(guard: (() => boolean) | null): void {
  mayLeave = guard;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (!options.replace && mayLeave && !mayLeave()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  here = window.location.pathname + window.location.search;
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  // Registered before any page's listener, so a refused back stops here: the address the
  // browser moved to is replaced by the page's own again, and nothing typed is lost.
  window.addEventListener('popstate', (event) => {
    const to = window.location.pathname + window.location.search;
    if (to !== here && mayLeave && !mayLeave()) {
      event.stopImmediatePropagation();
      window.history.pushState(null, '', here);
      return;
    }
    here = to;
  });
}

export function useLocation(): Location {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

/** A plain left click on an in-app link navigates without reloading the page. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith('/app/')) return;
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
