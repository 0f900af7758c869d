// The exact SendRawEmail request (pinned with an SDK mock): the functions' IAM policy
// checks ses:FromAddress and ses:Recipients, so the sender and every recipient are named
// explicitly, with domains in lower case (IAM's StringLike is case-sensitive).
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { sendEmail } from '../../lambdas/mail/ses';

const ses = mockClient(SESClient);
afterEach(() => ses.reset());

describe('sendEmail', () => {
  it('names Source and every To and Cc address as Destinations, domains lower-cased', async () => {
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'm1' });
    const id = await sendEmail({
      from: 'ragtime@localhost',
      to: ['Chief.Exec@Council.GOV.uk', 'emt@council.gov.uk'],
      cc: ['Head@Council.gov.uk'],
      subject: 's',
      html: '<p>h</p>',
      text: 't',
    });
    expect(id).toBe('m1');
    const [call] = ses.commandCalls(SendRawEmailCommand);
    expect(call!.args[0].input).toMatchObject({
      Source: 'ragtime@localhost',
      Destinations: ['Chief.Exec@council.gov.uk', 'emt@council.gov.uk', 'Head@council.gov.uk'],
    });
  });
});
