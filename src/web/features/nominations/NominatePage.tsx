import {
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Eligibility, Participant } from '../../../contract/index.js';
import { rulesOfType } from '../../../domain/activity-kinds.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useDraft } from '../../lib/useDraft.js';
import { useCan, useMe } from '../auth/session.js';
import { readerName } from '../participants/reader-name.js';
import { portalKeys } from '../portal/api.js';
import { Deadline } from '../portal/Deadline.js';
import { plannedCandidatesQuery } from '../programmes/api.js';
import { sessionQuery } from '../sessions/api.js';
import { createNomination, nominationKeys } from './api.js';
import { GoalSelect } from './GoalSelect.js';
import { NominationProblem } from './NominationProblem.js';
import { OnBehalfConfirm, useActsOnBehalfOf } from './OnBehalfConfirm.js';
import { PersonPicker } from './PersonPicker.js';
import { newUuid } from './uuid.js';

const route = getRouteApi('/app/sessions/$code/nominate');

/** What one press of a button sends; the same request on a retry carries the same key. */
function requestSignature(values: object): string {
  return JSON.stringify(values);
}

export function NominatePage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const { code } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery(code));
  const [person, setPerson] = useState<Participant | null>(null);
  const [eligibility, setEligibility] = useState<Eligibility | undefined>();
  const [motivation, setMotivation] = useState('');
  const [priority, setPriority] = useState<number | string>('');
  /** The goal the user picked; undefined until they pick, so a lone candidate is preselected. */
  const [goalChoice, setGoalChoice] = useState<string | null | undefined>(undefined);
  const [personError, setPersonError] = useState<string | null>(null);
  const [onBehalfConfirmed, setOnBehalfConfirmed] = useState(false);
  const [onBehalfError, setOnBehalfError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const attempt = useRef<{ signature: string; key: string } | null>(null);
  // The words and the priority are kept as a draft; the person is picked again (their
  // eligibility is read fresh then).
  const draft = useDraft<{ motivation?: string; priority?: number | string }>(
    `nomination-${code}`,
    {
      restore: (values) => {
        setMotivation(values.motivation ?? '');
        setPriority(values.priority ?? '');
      },
      reset: () => {
        setMotivation('');
        setPriority('');
      },
    },
  );
  const submitter = can('nominations.submit');
  const locale = currentLocale();
  // The nomination is the person's nation's; before a person is picked, the user's own.
  const nationCode = person?.nationCode ?? me.user.nationCode;
  const goals = useQuery({
    ...plannedCandidatesQuery(code, nationCode ?? ''),
    enabled: nationCode !== null,
  });
  const candidates = nationCode === null ? [] : (goals.data ?? []);
  // Only a picked person's nation is the one acted for; before that there is nothing to confirm.
  const onBehalf = useActsOnBehalfOf(person?.nationCode ?? null);
  const plannedActivityId =
    goalChoice === undefined
      ? candidates.length === 1
        ? (candidates[0]?.id ?? null)
        : null
      : candidates.some((c) => c.id === goalChoice)
        ? goalChoice
        : null;

  const back = (
    <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
      {t('nominations.backToSession')}
    </AnchorLink>
  );

  async function save(submit: boolean) {
    setError(null);
    if (!person) {
      setPersonError(t('nominations.pickPerson'));
      return;
    }
    if (onBehalf && !onBehalfConfirmed) {
      setOnBehalfError(t('nominations.onBehalfRequired'));
      return;
    }
    const body = {
      sessionCode: code,
      participantId: person.id,
      motivation: motivation.trim() || null,
      submit,
      priority: typeof priority === 'number' ? priority : null,
      plannedActivityId,
    };
    const signature = requestSignature(body);
    if (attempt.current?.signature !== signature) attempt.current = { signature, key: newUuid() };
    setBusy(submit ? 'submit' : 'draft');
    try {
      const created = await createNomination(body, attempt.current.key);
      attempt.current = null;
      draft.clear();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: nominationKeys.all }),
        queryClient.invalidateQueries({ queryKey: portalKeys.all }),
      ]);
      notifications.show({
        closeButtonProps: { 'aria-label': t('nominations.close') },
        color: 'teal',
        message: t(submit ? 'nominations.createdSubmitted' : 'nominations.createdDraft', {
          name: readerName(person, locale),
        }),
      });
      await navigate({ to: '/nominations/$id', params: { id: created.id } });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  if (session.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (session.isError) {
    return (
      <>
        <PageHeader title={t('nominations.nominateTitle')} above={back} />
        <ProblemAlert error={session.error} />
      </>
    );
  }
  const s = session.data;
  // A session whose seats are given by invitation takes no nomination (the server says 422
  // `invitation_only`): the page says so instead of offering a form that would be refused.
  if (rulesOfType(s.activityType).seats === 'invitation') {
    return (
      <>
        <PageHeader
          above={back}
          title={t('nominations.nominateTitle')}
          description={
            <>
              <Text span ff="monospace" fw={600} c="dark">
                <bdi dir="ltr">{s.code}</bdi>
              </Text>{' '}
              {localized(s.activityTitle, locale)}
            </>
          }
        />
        <Alert color="grape" variant="light" title={t('invitations.byInvitation')} maw={720}>
          <Text fz="sm" mb="xs">
            {t('invitations.byInvitationExplain')}
          </Text>
          <AnchorLink to="/invitations" fz="sm" fw={500} c="dark" underline="always">
            {t('invitations.openInvitations')}
          </AnchorLink>
        </Alert>
      </>
    );
  }
  const hardFail = eligibility ? !eligibility.eligible : false;

  return (
    <>
      <PageHeader
        above={back}
        title={t('nominations.nominateTitle')}
        description={
          <>
            <Text span ff="monospace" fw={600} c="dark">
              <bdi dir="ltr">{s.code}</bdi>
            </Text>{' '}
            {localized(s.activityTitle, locale)}
          </>
        }
      />
      <Paper withBorder p="sm" mb="md">
        <Group gap="xl" wrap="wrap">
          <div>
            <Text fz="xs" c="dimmed" fw={600}>
              {t('portal.deadline')}
            </Text>
            <Deadline at={s.nominationDeadline} timeZone={s.timeZone} />
          </div>
          {s.myQuota !== null && (
            <div>
              <Text fz="xs" c="dimmed" fw={600}>
                {t('portal.quota')}
              </Text>
              <Text fz="lg" fw={700}>
                {s.myQuota}
              </Text>
            </div>
          )}
          <div>
            <Text fz="xs" c="dimmed" fw={600}>
              {t('nominations.seatsLeft')}
            </Text>
            <Text fz="lg" fw={700}>
              {s.seats.left}
            </Text>
          </div>
        </Group>
      </Paper>
      {!submitter && (
        <Alert color="blue" variant="light" mb="md">
          {t('nominations.nominatorExplain')}
        </Alert>
      )}
      {draft.notice}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(submitter);
        }}
      >
        <Stack gap="md">
          <PersonPicker
            sessionCode={code}
            value={person?.id ?? null}
            error={personError}
            onChange={(picked, result) => {
              setPerson(picked);
              setEligibility(result);
              setPersonError(null);
              if (picked.nationCode !== nationCode) {
                setGoalChoice(undefined);
                setOnBehalfConfirmed(false);
              }
            }}
          />
          {person && hardFail && (
            <Alert color="red" variant="light" title={t('nominations.notEligibleTitle')}>
              {submitter ? t('nominations.notEligibleNpoc') : t('nominations.notEligibleNominator')}
            </Alert>
          )}
          <Textarea
            label={t('nominations.motivation')}
            description={t('nominations.motivationHint')}
            autosize
            minRows={3}
            maxLength={2000}
            value={motivation}
            onChange={(event) => {
              setMotivation(event.currentTarget.value);
              draft.save({ motivation: event.currentTarget.value, priority });
            }}
            maw={720}
          />
          <GoalSelect candidates={candidates} value={plannedActivityId} onChange={setGoalChoice} />
          {submitter && (
            <NumberInput
              label={t('nominations.priority')}
              description={t('nominations.priorityHint')}
              min={1}
              max={999}
              allowDecimal={false}
              allowNegative={false}
              value={priority}
              onChange={(value) => {
                setPriority(value);
                draft.save({ motivation, priority: value });
              }}
              w={200}
            />
          )}
          {person && onBehalf && (
            <OnBehalfConfirm
              nationCode={person.nationCode}
              checked={onBehalfConfirmed}
              onChange={(checked) => {
                setOnBehalfConfirmed(checked);
                setOnBehalfError(null);
              }}
              error={onBehalfError}
            />
          )}
          <NominationProblem error={error} fallbackEligibility={eligibility} />
          <Group gap="sm">
            {submitter ? (
              <>
                <Button type="submit" loading={busy === 'submit'} disabled={busy !== null}>
                  {t('nominations.submit')}
                </Button>
                <Button
                  variant="default"
                  loading={busy === 'draft'}
                  disabled={busy !== null}
                  onClick={() => void save(false)}
                >
                  {t('nominations.saveDraft')}
                </Button>
              </>
            ) : (
              <Button type="submit" loading={busy !== null}>
                {t('nominations.propose')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </>
  );
}
