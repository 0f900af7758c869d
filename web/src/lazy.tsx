import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading, ProblemPage } from './components';

// Pages only some roles use (the admin pages) are loaded when first opened, so the
// JavaScript every officer downloads stays small (docs/web-app.md, "Size").
export function lazyPage<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  return function LazyPage(props: P) {
    const [page, setPage] = useState<{ component?: FunctionComponent<P>; failed?: boolean }>({ component: loaded });
    useEffect(() => {
      if (page.component) return;
      load().then(
        (component) => {
          loaded = component;
          setPage({ component });
        },
        () => setPage({ failed: true }),
      );
    }, []);
    if (page.failed)
      return (
        <ProblemPage
          title="Sorry, there is a problem with the service"
          detail="This page could not be loaded. Check your connection and reload the page."
        />
      );
    const Component = page.component;
    return Component ? <Component {...props} /> : <Loading />;
  };
}
