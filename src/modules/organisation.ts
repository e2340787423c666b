/**
 * Who runs this installation: set at build time by the organisation that publishes the app (see the
 * README), so that the accessibility statement names it and says where feedback goes. Unset, the
 * statement shows marked placeholders instead of inventing a contact.
 */
export interface Organisation {
  name?: string;
  /** An e-mail address or an https:// address of a feedback form. */
  contact?: string;
}

function setting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

const name = setting(import.meta.env.VITE_ORGANISATION_NAME);
const contact = setting(import.meta.env.VITE_ACCESSIBILITY_CONTACT);

export const organisation: Organisation = {
  ...(name ? { name } : {}),
  ...(contact ? { contact } : {}),
};

/** Where a contact points: a mail link for an address, the page itself for a web form. */
export function contactHref(contact: string): string | undefined {
  if (/^https:\/\/\S+$/i.test(contact)) return contact;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) return `mailto:${contact}`;
  return undefined;
}
