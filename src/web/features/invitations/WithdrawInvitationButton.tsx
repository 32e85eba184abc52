import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../contract/index.js';
import { ReasonModal } from '../nominations/ReasonModal.js';
import { portalKeys } from '../portal/api.js';
import { invitationKeys, withdrawInvitation } from './api.js';

/**
 * The centre takes back a pending or an accepted invitation, after a confirmation that asks
 * why: the reason goes to the nation's NPOCs by e-mail, and a seat held is given back.
 */
export function WithdrawInvitationButton({ item, name }: { item: Invitation; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  if (item.rsvp !== 'pending' && item.rsvp !== 'accepted') return null;
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={t('invitations.withdrawFor', { name })}
        onClick={() => setOpen(true)}
      >
        {t('invitations.withdraw')}
      </Button>
      {open && (
        <ReasonModal
          title={t('invitations.withdrawTitle', { name })}
          explain={t('invitations.withdrawExplain')}
          label={t('invitations.withdrawReason')}
          confirmLabel={t('invitations.withdrawConfirm')}
          danger
          onConfirm={async (reason) => {
            await withdrawInvitation(item.nominationId, { reason });
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
              queryClient.invalidateQueries({ queryKey: portalKeys.all }),
            ]);
            notifications.show({
              closeButtonProps: { 'aria-label': t('nominations.close') },
              color: 'teal',
              message: t('invitations.withdrawn'),
            });
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
