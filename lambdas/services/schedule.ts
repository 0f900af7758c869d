import { isQuarterId, quarterJustEnded } from '../domain';

/** The quarter a scheduled job works on: the one its event names, else the quarter that just ended (Europe/London). */
export function scheduledQuarter(requested: string | undefined, now: Date): string {
  const quarter = requested ?? quarterJustEnded(now);
  if (!isQuarterId(quarter)) throw new Error(`not a quarter id: ${quarter}`);
  return quarter;
}
