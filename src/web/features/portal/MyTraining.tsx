import { Alert, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyTraining as MyTrainingData } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { MyCertificates } from '../certificates/index.js';
import { StatusBadge } from '../nominations/StatusBadge.js';
import { MyAttendance } from '../results/MyAttendance.js';
import { MySurveys } from '../surveys/MySurveys.js';
import { myTrainingQuery } from './api.js';
import { upcomingSessions } from './next-session.js';

type Item = MyTrainingData['nominations'][number];

function SessionCard({ item, title }: { item: Item; title: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const instructions = item.joiningInstructions;
  const text = instructions ? (instructions[locale] ?? instructions.en) : undefined;
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb={4}>
        {title}
      </Title>
      <Text fw={600}>{localized(item.activityTitle, locale)}</Text>
      <Text fz="sm">
        <AnchorLink to="/sessions/$code" params={{ code: item.sessionCode }} ff="monospace">
          <bdi dir="ltr">{item.sessionCode}</bdi>
        </AnchorLink>
        {' · '}
        <DateRangeText start={item.startDate} end={item.endDate} />
        {' · '}
        {localized(item.venueName, locale)}
      </Text>
      <Title order={3} fz="md" mt="md" mb={4}>
        {t('portal.joiningInstructions')}
      </Title>
      {text ? (
        <Text
          fz="sm"
          style={{ whiteSpace: 'pre-wrap' }}
          lang={instructions?.[locale] ? locale : 'en'}
          dir={instructions?.[locale] ? undefined : 'ltr'}
        >
          {text}
        </Text>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('portal.noJoiningInstructions')}
        </Text>
      )}
    </Paper>
  );
}

/** A participant's landing: each coming session with what to bring, then every nomination. */
export function MyTraining() {
  const { t } = useTranslation();
  const query = useQuery(myTrainingQuery);
  const locale = currentLocale();
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { participantId, nominations } = query.data;
  if (participantId === null) {
    return <Alert color="gray">{t('portal.noParticipantRecord')}</Alert>;
  }
  const [next, ...later] = upcomingSessions(nominations, new Date().toISOString().slice(0, 10));

  return (
    <Stack gap="lg">
      {next ? (
        <SessionCard item={next} title={t('portal.nextSession')} />
      ) : (
        <Alert color="gray" title={t('portal.nextSession')}>
          {t('portal.noNextSession')}
        </Alert>
      )}
      {later.map((item) => (
        <SessionCard key={item.id} item={item} title={t('portal.laterSession')} />
      ))}
      <MySurveys />
      <MyCertificates />
      <MyAttendance />
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          {t('portal.myNominations')}
        </Title>
        {nominations.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('portal.noNominations')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portal.session')}</Table.Th>
                  <Table.Th scope="col">{t('portal.dates')}</Table.Th>
                  <Table.Th scope="col">{t('portal.venue')}</Table.Th>
                  <Table.Th scope="col">{t('nominations.statusLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nominations.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Td fz="sm">
                      <AnchorLink
                        to="/sessions/$code"
                        params={{ code: n.sessionCode }}
                        ff="monospace"
                      >
                        <bdi dir="ltr">{n.sessionCode}</bdi>
                      </AnchorLink>
                      <Text span display="block" fz="xs" c="dimmed">
                        {localized(n.activityTitle, locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DateRangeText start={n.startDate} end={n.endDate} stacked fz="sm" />
                    </Table.Td>
                    <Table.Td fz="sm">{localized(n.venueName, locale)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={n.status} />
                      {n.waitlist && (
                        <Text span display="block" fz="xs">
                          {t('nominations.waitlistPosition', { position: n.waitlist.position })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
