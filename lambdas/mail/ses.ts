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
/**
 * One attempt per send, never the SDK's retries: a send that timed out may have been
 * accepted, and a retry would send it twice (the outbox retries instead, knowing what
 * SES accepted; docs/architecture.md "The outbox").
 */
export function sesClient(): SESClient {
  ses ??= new SESClient({ maxAttempts: 1 });
  return ses;
}

/** How long one send may take before it is abandoned (its outcome then unknown): well within the mailer's timeout. */
export const sendTimeoutMs = 20_000;

function lowerCaseDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at + 1) + address.slice(at + 1).toLowerCase();
}

/** Builds the MIME message with nodemailer's composer and sends it with SendRawEmail (attachments need raw). */
export async function sendEmail(
  email: OutgoingEmail,
  options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<string> {
  const raw = await new MailComposer({
    headers: options.headers,
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
  // Source and Destinations named explicitly: the functions' IAM policy allows only the
  // sender (ses:FromAddress) and the allowed domains (ses:Recipients). Domains compare
  // case-sensitively there, so they are sent in lower case (they are case-insensitive).
  const out = await sesClient().send(
    new SendRawEmailCommand({
      Source: email.from,
      Destinations: [...email.to, ...(email.cc ?? [])].map(lowerCaseDomain),
      RawMessage: { Data: raw },
      ConfigurationSetName: environment().sesConfigurationSet,
    }),
    { abortSignal: AbortSignal.timeout(options.timeoutMs ?? sendTimeoutMs) },
  );
  return out.MessageId ?? '';
}
