import { useEffect, useRef } from 'preact/hooks';
import { useWords } from '../i18n';
import { setLeaveGuard } from '../router';

// A warning before leaving a form with unsaved changes (SPEC §12 "Words, not data"): a
// reload or closing the tab gets the browser's own question (beforeunload); the app's own
// navigation (a link, the back and forward buttons) asks this one. The result and
// planned-work forms use it; any form may (the definition editors, Settings).

/**
 * While `unsaved` is true, leaving the page asks first. Call `leaving()` just before the
 * page itself moves on after a save, so that move is not questioned.
 */
export function useUnsavedChanges(unsaved: boolean): { leaving(): void } {
  const ask = useRef(unsaved);
  ask.current = unsaved;
  // The question in the language shown when leaving, which may have changed since the form opened.
  const question = useRef('');
  question.current = useWords().t.forms.unsaved;
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!ask.current) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    setLeaveGuard(() => !ask.current || window.confirm(question.current));
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      setLeaveGuard(null);
    };
  }, []);
  return {
    leaving() {
      ask.current = false;
    },
  };
}
