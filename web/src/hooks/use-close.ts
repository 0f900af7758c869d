import { useEffect, useState } from 'preact/hooks';
import type { Answer, Api, CloseAnswer, EmailState } from '../api';
import type { FieldError } from '../components';
import { useWords } from '../i18n';
import { useData } from './use-data';

// The Close quarter pages' requests (docs/web-app.md): the preview of what a close or
// reissue would freeze, and the state of the email it queued.

/** What the close (reissue) would freeze now: the one request of the confirmation page. */
export function usePreview(api: Api, quarter: string, reissue: boolean) {
  const w = useWords().t.dashboard.close;
  const loaded = useData(
    () => (reissue ? api.reissuePreview(quarter) : api.closePreview(quarter)),
    [api, quarter, reissue],
  );
  const failed = loaded.failed;
  if (failed && reissue && failed.status === 409) return { notClosed: true };
  if (failed) return { failed: failed.problem.detail ?? w.reportNotLoaded };
  return { preview: loaded.data };
}

/**
 * The close's (reissue's) one POST, once at a time: `busy` while it runs, then its answer,
 * or its refusal as an error on the button (`field`, the button's id).
 */
export function useFreeze(post: () => Promise<Answer<CloseAnswer>>, field: string) {
  const w = useWords().t.dashboard.close;
  const [answer, setAnswer] = useState<CloseAnswer | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const freeze = async () => {
    if (busy) return;
    setBusy(true);
    const result = await post();
    setBusy(false);
    if (result.ok) setAnswer(result.data);
    else setErrors([{ field, message: result.problem.detail ?? w.noAnswer }]);
  };
  return { answer, errors, busy, freeze };
}

/** How long the page waits after an answer before asking again: at most one request a second. */
export const emailPollMs = 1000;

/**
 * The state of a closed quarter's EMT email, from the close's answer: while it is queued
 * the page asks again (one request, then a second's wait), and stops once it is sent or
 * failed. `sendAgain` (admin) queues the failed email's record again, and polling resumes.
 */
export function useEmailState(api: Api, quarter: string, initial: EmailState) {
  const w = useWords().t.dashboard.close;
  const [email, setEmail] = useState(initial);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (email.state !== 'queued') return;
    let live = true;
    const timer = setTimeout(async () => {
      const answer = await api.closeEmail(quarter);
      if (!live) return;
      if (answer.ok) setEmail(answer.data);
      setRound((n) => n + 1); // still queued (or not reached): ask again after the wait
    }, emailPollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, quarter, email.state, round]);
  const sendAgain = async () => {
    if (busy) return;
    setBusy(true);
    const answer = await api.sendCloseEmailAgain(quarter);
    setBusy(false);
    if (answer.ok) {
      setProblem(null);
      setEmail(answer.data);
    } else setProblem(answer.problem.detail ?? w.notQueued);
  };
  return { email, sendAgain, busy, problem };
}
