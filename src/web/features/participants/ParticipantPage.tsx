import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { Field } from '../../components/Field.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { useCan } from '../auth/session.js';
import { languageName } from '../catalogue/prerequisites.js';
import { participantQuery } from './api.js';
import { ClearanceText } from './ClearanceText.js';
import { LIVE_STATUSES, rankText } from './labels.js';
import { arabicName, latinName } from './ParticipantName.js';
import { TrainingTable } from './TrainingTable.js';

const route = getRouteApi('/app/people/$id');

/** A nomination the person may still attend: live, on a session not yet over. */
function isCurrent(record: ParticipantDetail['history'][number]): boolean {
  return (
    LIVE_STATUSES.includes(record.status) &&
    record.sessionStatus !== 'completed' &&
    record.sessionStatus !== 'cancelled'
  );
}

export function ParticipantPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(participantQuery(id));
  const back = (
    <AnchorLink to="/people" fz="sm">
      {t('participants.backToList')}
    </AnchorLink>
  );
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('participants.person')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  return <Person person={query.data} back={back} />;
}

function Person({ person, back }: { person: ParticipantDetail; back: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  const locale = currentLocale();
  const arabic = arabicName(person);
  const current = person.history.filter(isCurrent);
  const past = person.history.filter((r) => !isCurrent(r));

  return (
    <>
      <PageHeader
        above={back}
        title={<bdi dir="ltr">{latinName(person)}</bdi>}
        description={
          <Group gap="sm" component="span">
            {arabic && (
              <Text span fz="lg" c="dark" dir="rtl" lang="ar">
                {arabic}
              </Text>
            )}
            <Text span>
              <bdi dir="ltr">{rankText(person)}</bdi>
            </Text>
            <Badge variant="outline" color="gray.7">
              {person.nationCode}
            </Badge>
          </Group>
        }
        actions={
          can('participants.manage') && (
            <ButtonLink
              to="/people/$id/edit"
              params={{ id: person.id }}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t('common.edit')}
            </ButtonLink>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
            <Field label={t('participants.nameLatin')}>
              <bdi dir="ltr">
                {person.givenNamesLatin} {person.familyNameLatin}
              </bdi>
            </Field>
            <Field label={t('participants.nameArabic')}>
              {arabic ? (
                <span dir="rtl" lang="ar">
                  {arabic}
                </span>
              ) : null}
            </Field>
            <Field label={t('participants.dateOfBirth')}>
              {person.dateOfBirth ? <DateText value={person.dateOfBirth} /> : null}
            </Field>
            <Field label={t('participants.rank')}>
              <bdi dir="ltr">{rankText(person)}</bdi>
            </Field>
            <Field label={t('participants.service')}>{person.service}</Field>
            <Field label={t('participants.position')}>{person.position}</Field>
            <Field label={t('participants.email')}>
              {person.email ? <bdi dir="ltr">{person.email}</bdi> : null}
            </Field>
            <Field label={t('participants.phone')}>
              {person.phone ? <bdi dir="ltr">{person.phone}</bdi> : null}
            </Field>
            <Field label={t('participants.account')}>
              {person.hasAccount ? t('participants.hasAccount') : t('participants.noAccount')}
            </Field>
            <Field label={t('participants.languages')}>
              {person.languageProfiles.length > 0
                ? person.languageProfiles.map((p) => (
                    <Text span display="block" fz="sm" key={p.language}>
                      {languageName(p.language, locale)}{' '}
                      <Text span ff="monospace" fw={600} fz="sm">
                        <bdi dir="ltr">{p.profile}</bdi>
                      </Text>
                    </Text>
                  ))
                : t('participants.noLanguages')}
            </Field>
            <Field label={t('participants.clearanceLevel')}>
              <ClearanceText person={person} />
            </Field>
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('participants.currentNominations')}
          </Title>
          {current.length > 0 ? (
            <TrainingTable
              records={current}
              caption={t('participants.currentCount', { count: current.length })}
              withResult={false}
            />
          ) : (
            <Text fz="sm" c="dimmed">
              {t('participants.noCurrent')}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('participants.history')}
          </Title>
          {past.length > 0 ? (
            <TrainingTable
              records={past}
              caption={t('participants.historyCount', { count: past.length })}
              withResult
            />
          ) : (
            <Text fz="sm" c="dimmed">
              {t('participants.noHistory')}
            </Text>
          )}
        </Paper>
      </Stack>
    </>
  );
}
