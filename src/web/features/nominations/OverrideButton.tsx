import { Button } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../../../contract/index.js';
import { nominationKeys, nominationQuery, overrideNomination } from './api.js';
import { DARK_ORANGE } from './labels.js';
import { ReasonModal } from './ReasonModal.js';

/** A registrar may let a hard failure pass, in writing: the justification stays on the record. */
export function OverrideButton({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        color={DARK_ORANGE}
        leftSection={<IconShieldCheck size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('nominations.override')}
      </Button>
      {open && (
        <ReasonModal
          title={t('nominations.overrideTitle')}
          explain={t('nominations.overrideExplain')}
          label={t('nominations.justification')}
          confirmLabel={t('nominations.override')}
          minLength={10}
          onConfirm={async (justification) => {
            const updated = await overrideNomination(nomination.id, justification);
            queryClient.setQueryData(nominationQuery(nomination.id).queryKey, updated);
            await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
