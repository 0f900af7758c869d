// Email may go only to addresses at the allowed domains (docs/deploy.md
// "allowedRecipientDomains"): the SES policy enforces it when sending; PUT /settings
// refuses such a recipient up front, naming the field, so a close email is never
// refused for one bad address.
import type { FieldError } from './errors';
import type { Settings } from './settings';

/** The domain of an address, lower case (domains are case-insensitive). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every EMT recipient, directorate contact, head and approver outside `allowedDomains`, as field errors. */
export function recipientsOutside(
  settings: {
    emtRecipients: Settings['emtRecipients'];
    directorates: Record<string, { contacts: string[]; heads?: string[]; approvers?: string[] }>;
  },
  allowedDomains: readonly string[],
): FieldError[] {
  const allowed = new Set(allowedDomains.map((d) => d.toLowerCase()));
  const message = `not at an allowed recipient domain (${[...allowed].join(', ')})`;
  const errors: FieldError[] = [];
  const check = (addresses: readonly string[], path: string) =>
    addresses.forEach((address, i) => {
      if (!allowed.has(domainOf(address))) errors.push({ path: `${path}/${i}`, message });
    });
  check(settings.emtRecipients, '/emtRecipients');
  for (const [name, directorate] of Object.entries(settings.directorates)) {
    check(directorate.contacts, `/directorates/${pointerSegment(name)}/contacts`);
    check(directorate.heads ?? [], `/directorates/${pointerSegment(name)}/heads`);
    check(directorate.approvers ?? [], `/directorates/${pointerSegment(name)}/approvers`);
  }
  return errors;
}
