import { NotFound } from '../domain/errors';
import { compareQuarters, quarterOfPeriod } from '../domain/periods';
import type { Key } from '../store/batch';
import { readMeasure, readSubjectHistory } from '../store/definitions';
import { measureGsiPk } from '../store/keys';
import { type ResultVersion, resultEntryOf } from '../store/results';
import { readDecisions } from '../store/sign-off';
import { versionsFromHead } from '../store/versioned';
import { named, namedDecision, peopleNames } from './names';

type Item = Record<string, unknown>;

/**
 * Every period's version history of a measure, newest period first (the measure page's
 * `Version history`, in one request; docs/web-app.md). Reads: the measure (one
 * BatchGetItem) and its results' heads through the index (one Query); then, only for a
 * period with more than one version, its versions (one Query), and only for one that
 * went through sign-off, its decisions (one Query).
 */
export async function measureResultHistories(measureId: string) {
  const [measure, heads, names] = await Promise.all([
    readMeasure(measureId),
    readSubjectHistory(measureGsiPk(measureId)),
    peopleNames(),
  ]);
  if (!measure) throw new NotFound(`There is no measure ${measureId}.`);
  const periods = await Promise.all(
    heads.map(async (head) => {
      const key: Key = { pk: String(head.pk), sk: String(head.sk) };
      const period = String(head.period);
      const single = head.version === 1 && !Array.isArray(head.versions);
      const [versions, decisions] = await Promise.all([
        single
          ? [{ version: 1, ...resultEntryOf(head) } as ResultVersion]
          : versionsFromHead<Omit<ResultVersion, 'version'>>(key, head, resultEntryOf),
        (head as Item).decision !== undefined ? readDecisions(key) : undefined,
      ]);
      return {
        period,
        quarter: quarterOfPeriod(period, measure.frequency),
        // Who, in words, with their address for the hover (SPEC §12), as in a result's own history.
        versions: versions.map((version) => {
          const v = named(version, names);
          const signOff = namedDecision(decisions?.get(v.version), names);
          return signOff ? { ...v, signOff } : v;
        }),
      };
    }),
  );
  periods.sort(
    (a, b) => compareQuarters(b.quarter, a.quarter) || (a.period < b.period ? 1 : a.period > b.period ? -1 : 0),
  );
  return { periods };
}
