import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading, ProblemPage } from './components';
import { useWords } from './i18n';

function PageNotLoaded() {
  const { problems } = useWords().t;
  return <ProblemPage title={problems.pageNotLoadedTitle} detail={problems.pageNotLoadedDetail} />;
}

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
    if (page.failed) return <PageNotLoaded />;
    const Component = page.component;
    return Component ? <Component {...props} /> : <Loading />;
  };
}
