import { Button } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination, Participant } from '../../../contract/index.js';
import { portalKeys } from '../portal/api.js';
import { nominationKeys, substituteNomination } from './api.js';
import { OnBehalfConfirm, useActsOnBehalfOf } from './OnBehalfConfirm.js';
import { PersonPicker } from './PersonPicker.js';
import { ReasonModal } from './ReasonModal.js';

/** The nation keeps its seat and names someone else of its own for it. */
export function SubstituteButton({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<Participant | null>(null);
  const [personError, setPersonError] = useState<string | null>(null);
  const onBehalf = useActsOnBehalfOf(nomination.nationCode);
  const [onBehalfConfirmed, setOnBehalfConfirmed] = useState(false);
  const [onBehalfError, setOnBehalfError] = useState<string | null>(null);

  return (
    <>
      <Button
        size="sm"
        variant="default"
        leftSection={<IconArrowsExchange size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('nominations.substitute')}
      </Button>
      {open && (
        <ReasonModal
          title={t('nominations.substituteTitle')}
          explain={t('nominations.substituteExplain')}
          label={t('nominations.reason')}
          confirmLabel={t('nominations.substitute')}
          beforeConfirm={() => {
            if (!person) setPersonError(t('nominations.pickPerson'));
            if (onBehalf && !onBehalfConfirmed) {
              setOnBehalfError(t('nominations.onBehalfRequired'));
            }
            return person !== null && (!onBehalf || onBehalfConfirmed);
          }}
          onConfirm={async (reason) => {
            if (!person) return;
            const created = await substituteNomination(nomination.id, person.id, reason);
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: nominationKeys.all }),
              queryClient.invalidateQueries({ queryKey: portalKeys.all }),
            ]);
            await navigate({ to: '/nominations/$id', params: { id: created.id } });
          }}
          onClose={() => {
            setOpen(false);
            setPerson(null);
            setOnBehalfConfirmed(false);
          }}
        >
          <PersonPicker
            sessionCode={nomination.sessionCode}
            nationCode={nomination.nationCode}
            excludeIds={[nomination.participantId]}
            value={person?.id ?? null}
            error={personError}
            onChange={(picked) => {
              setPerson(picked);
              setPersonError(null);
            }}
          />
          {onBehalf && (
            <OnBehalfConfirm
              nationCode={nomination.nationCode}
              checked={onBehalfConfirmed}
              onChange={(checked) => {
                setOnBehalfConfirmed(checked);
                setOnBehalfError(null);
              }}
              error={onBehalfError}
            />
          )}
        </ReasonModal>
      )}
    </>
  );
}
