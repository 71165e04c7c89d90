/** A goal's owners as people read them: 'Kari Eide og Ola Nesse', or 'No owner'. */
import type { PersonRef } from '../domain/plan';
import type { I18n } from '../i18n';

const lists = new Map<string, Intl.ListFormat>();

function listFormat(locale: string): Intl.ListFormat {
  let format = lists.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    lists.set(locale, format);
  }
  return format;
}

/** A person's name for display: the name, else the e-mail, else a translated 'unnamed person' (never the raw id). */
export function personName(person: PersonRef, t: I18n['t']): string {
  return person.displayName.trim() || person.email?.trim() || t('goal.unnamedPerson');
}

export function ownerNames(owners: readonly PersonRef[], i18n: Pick<I18n, 't' | 'locale'>): string {
  if (owners.length === 0) return i18n.t('goal.noOwner');
  return listFormat(i18n.locale).format(owners.map((o) => personName(o, i18n.t)));
}

/** The label for a goal's owners: 'Owner' for none or one, 'Owners' for more. */
export function ownersLabel(owners: readonly PersonRef[], t: I18n['t']): string {
  return owners.length > 1 ? t('goal.owners') : t('goal.owner');
}

/** 'Owners: Kari Eide and Ola Nesse'. */
export function ownersLine(owners: readonly PersonRef[], i18n: Pick<I18n, 't' | 'locale'>): string {
  return `${ownersLabel(owners, i18n.t)}: ${ownerNames(owners, i18n)}`;
}
