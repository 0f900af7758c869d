// The email state the Close quarter page polls names the subject's languages when the close
// kept them, and reads a close stored before it did (its languages unknown: the page leaves
// the subject unmarked).
import { describe, expect, it } from 'vitest';
import { closeEmailState } from '../../lambdas/services/outbox';
import type { CloseRecord } from '../../lambdas/store/quarter';

const sent: CloseRecord = {
  quarter: '2017-18-Q4',
  revision: 1,
  closedAt: '2018-04-01T00:00:00.000Z',
  revisedAt: '2018-04-01T00:00:00.000Z',
  chunks: 1,
  writeId: 'w',
  emailSentRevision: 1,
  emailSentAt: '2018-04-01T00:01:00.000Z',
  emailSubject: 'Cynllun 2017-18 Ch4 / Plan 2017-18 Q4',
  emailTo: ['emt@example.gov.uk'],
};

describe('closeEmailState', () => {
  it('names the subject by language when the close kept its parts', () => {
    const parts = [
      { language: 'cy' as const, text: 'Cynllun 2017-18 Ch4' },
      { language: 'en' as const, text: 'Plan 2017-18 Q4' },
    ];
    expect(closeEmailState({ ...sent, emailSubjectParts: parts })).toMatchObject({
      state: 'sent',
      subject: sent.emailSubject,
      subjectParts: parts,
    });
  });

  it('reads a close stored before the parts were kept: the subject alone, its languages unknown', () => {
    const state = closeEmailState(sent);
    expect(state).toMatchObject({ state: 'sent', subject: sent.emailSubject });
    expect(state).not.toHaveProperty('subjectParts');
  });
});
