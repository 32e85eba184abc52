import { Alert, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { currentLocale } from '../../i18n/index.js';
import { formatWeekday } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { checkIn } from './api.js';
import { attendanceError } from './labels.js';

const route = getRouteApi('/app/check-in/$code');

/** Where a scanned QR code lands (after sign-in): checks the participant in and says how it went. */
export function CheckInPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { code } = route.useParams();
  const mutation = useMutation({ mutationFn: checkIn });
  const sent = useRef(false);
  useEffect(() => {
    // Once per visit; a second scan is harmless, but the answer should be about this one.
    if (sent.current) return;
    sent.current = true;
    mutation.mutate(code);
  }, [code, mutation]);

  const result = mutation.data;
  return (
    <>
      <PageHeader title={t('attendance.checkInTitle')} />
      <Paper withBorder p="lg" maw={640}>
        <div role="status" aria-live="polite">
          {mutation.isPending && (
            <Stack align="center">
              <Loader aria-label={t('attendance.checkingIn')} />
              <Text>{t('attendance.checkingIn')}</Text>
            </Stack>
          )}
          {result && (
            <Alert
              color={result.alreadyMarked ? 'blue' : 'teal'}
              icon={
                result.alreadyMarked ? (
                  <IconInfoCircle size={20} aria-hidden />
                ) : (
                  <IconCircleCheck size={20} aria-hidden />
                )
              }
              title={
                result.alreadyMarked
                  ? t('attendance.alreadyMarkedTitle')
                  : t('attendance.checkedInTitle')
              }
            >
              <Text>
                {result.alreadyMarked
                  ? t('attendance.alreadyMarkedText', {
                      status: t(`attendance.status.${result.mark.status}`),
                      day: formatWeekday(result.day, locale),
                    })
                  : t('attendance.checkedInText', { day: formatWeekday(result.day, locale) })}
              </Text>
              <Text fz="sm" mt="xs">
                {localized(result.activityTitle, locale)} ·{' '}
                <bdi dir="ltr">{result.sessionCode}</bdi>
              </Text>
            </Alert>
          )}
          {mutation.isError && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={20} aria-hidden />}
              title={t('attendance.checkInFailed')}
            >
              {attendanceError(mutation.error)}
            </Alert>
          )}
        </div>
        <AnchorLink to="/" fz="sm" mt="md" display="inline-block">
          {t('common.goHome')}
        </AnchorLink>
      </Paper>
    </>
  );
}
