// The page's title (document.title) in one place: the page names itself (useFocusHeading)
// and, while an error summary shows, the title starts "Error: " (GOV.UK's pattern), so a
// screen reader hears there is a problem before anything else.

let title = '';
let summariesShowing = 0;
// The catalogue's errors.titlePrefix in the language shown (web/src/i18n).
let errorPrefix = 'Error: ';

const apply = () => {
  document.title = summariesShowing > 0 ? `${errorPrefix}${title}` : title;
};

export function setTitlePrefix(prefix: string) {
  errorPrefix = prefix;
  apply();
}

export function setPageTitle(next: string) {
  title = next;
  apply();
}

/** An error summary appeared; call what it returns when it goes. */
export function errorSummaryShown(): () => void {
  summariesShowing++;
  apply();
  return () => {
    summariesShowing--;
    apply();
  };
}
