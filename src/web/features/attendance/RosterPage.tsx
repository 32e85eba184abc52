import { Alert, Button, Loader, Tabs, Text } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRosterDay } from '../../../domain/attendance.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { formatWeekday, zoneName } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { rosterQuery } from './api.js';
import { CheckInCodeModal } from './CheckInCodeModal.js';
import { DayRoster } from './DayRoster.js';
import { SyncBanner } from './SyncBanner.js';
import { useMarkQueue } from './useMarkQueue.js';

const route = getRouteApi('/app/sessions/$code/attendance');

/** The daily roster: marks are kept on this device first and sent when there is a connection. */
export function RosterPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { code } = route.useParams();
  const roster = useQuery(rosterQuery(code));
  const queue = useMarkQueue(code);
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const [showCode, setShowCode] = useState(false);
  const data = roster.data;
  const day = chosenDay ?? (data ? defaultRosterDay(data.workingDays, data.today) : null);
  const begun = Boolean(data && day && day <= data.today);

  return (
    <>
      <PageHeader
        title={t('attendance.title', { code })}
        description={data ? localized(data.activityTitle, locale) : undefined}
        above={
          <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
            {t('attendance.backToSession')}
          </AnchorLink>
        }
        actions={
          <>
            {data && (
              <ExportMenu path={`/api/v1/sessions/${encodeURIComponent(code)}/attendance/export`} />
            )}
            {data && day && !data.resultsClosed && (
              <Button
                variant="default"
                size="md"
                leftSection={<IconQrcode size={18} aria-hidden />}
                disabled={!queue.online}
                onClick={() => setShowCode(true)}
              >
                {t('attendance.showCheckInCode')}
              </Button>
            )}
          </>
        }
      />
      {roster.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {roster.isError && !data && <ProblemAlert error={roster.error} />}
      {data && (
        <>
          <SyncBanner queue={queue} />
          <Text fz="sm" c="dimmed" mb="sm" data-venue-time>
            {t('time.venueTimes', { zone: zoneName(data.timeZone, locale) })}
          </Text>
          {data.resultsClosed && (
            <Alert color="gray" mb="md">
              {t('attendance.resultsClosed')}
            </Alert>
          )}
          {data.workingDays.length === 0 || !day ? (
            <Text c="dimmed">{t('attendance.noDays')}</Text>
          ) : (
            <Tabs
              value={day}
              onChange={(value) => value && setChosenDay(value)}
              keepMounted={false}
            >
              <Tabs.List mb="md">
                {data.workingDays.map((d) => (
                  <Tabs.Tab key={d} value={d} disabled={d > data.today} fz="md" py="sm">
                    {formatWeekday(d, locale)}
                    {d === data.today ? ` · ${t('attendance.today')}` : ''}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {data.workingDays.map((d) => (
                <Tabs.Panel key={d} value={d}>
                  {!begun && <Alert mb="md">{t('attendance.notBegun')}</Alert>}
                  <DayRoster
                    roster={data}
                    day={d}
                    queue={queue}
                    locked={data.resultsClosed || d > data.today}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
          {day && (
            <CheckInCodeModal
              sessionCode={code}
              day={day}
              timeZone={data.timeZone}
              opened={showCode}
              onClose={() => setShowCode(false)}
            />
          )}
        </>
      )}
    </>
  );
}
