import { useState } from 'preact/hooks';

// One message for the next page shown, set by the page that navigates there after a save
// (a form back to Your returns, the critical item page back to the dashboard, an editor
// back to its list); the page shown takes it once, as a success banner.
let message: string | null = null;

export const setFlash = (text: string): void => {
  message = text;
};

/** The message, once: a reload or the next page does not show it again. */
export const takeFlash = (): string | null => {
  const text = message;
  message = null;
  return text;
};

/** The message for this page, taken once when it opens. */
export const useFlash = (): string | null => useState(takeFlash)[0];
