import type { Locale } from '../../../contract/common.js';
import type { Tx } from '../../db/client.js';
import { publicUrl } from '../messages/links.js';
import { queueEmail } from '../messages/outbox.js';
import { describeFactor, type FactorDescription } from './factor-names.js';

interface Recipient {
  id: string;
  email: string;
  locale: string;
}

const localeOf = (user: Recipient): Locale =>
  user.locale === 'fr' || user.locale === 'ar' ? user.locale : 'en';

const accountLink = () => `${publicUrl()}/account`;

/**
 * Tells the owner that a second factor was added to or removed from their account, in the
 * transaction of the change: someone who has taken the password learns of nothing else.
 */
export async function noticeFactorChanged(
  tx: Tx,
  user: Recipient,
  change: 'added' | 'removed',
  factor: FactorDescription,
): Promise<void> {
  const locale = localeOf(user);
  await queueEmail(tx, {
    event: change === 'added' ? 'second-factor-added' : 'second-factor-removed',
    locale,
    to: user.email,
    userId: user.id,
    variables: { factor: describeFactor(factor, locale), link: accountLink() },
  });
}

/** Tells the owner that an administrator removed every second factor of their account. */
export async function noticeFactorsReset(tx: Tx, user: Recipient): Promise<void> {
  await queueEmail(tx, {
    event: 'second-factors-reset',
    locale: localeOf(user),
    to: user.email,
    userId: user.id,
    variables: { link: accountLink() },
  });
}
