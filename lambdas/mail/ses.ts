import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import { environment } from '../config/environment';

export interface OutgoingEmail {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

let ses: SESClient | undefined;
export function sesClient(): SESClient {
  ses ??= new SESClient({});
  return ses;
}

/** Builds the MIME message with nodemailer's composer and sends it with SendRawEmail (attachments need raw). */
export async function sendEmail(email: OutgoingEmail): Promise<string> {
  const raw = await new MailComposer({
    from: email.from,
    to: email.to,
    cc: email.cc,
    subject: email.subject,
    html: email.html,
    text: email.text,
    attachments: email.attachments,
  })
    .compile()
    .build();
  const out = await sesClient().send(
    new SendRawEmailCommand({
      RawMessage: { Data: raw },
      ConfigurationSetName: environment().sesConfigurationSet,
    }),
  );
  return out.MessageId ?? '';
}
