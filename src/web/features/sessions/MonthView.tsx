import { Button, Group, Loader, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale, directionOf } from '../../i18n/index.js';
import { venuesQuery } from '../venues/api.js';
import { monthQuery } from './api.js';
import { calendarWeekStart, monthOf, monthRange, monthWeeks, shiftMonth } from './calendar-grid.js';
import { DisciplineLegend } from './DisciplineLegend.js';
import { MonthGrid } from './MonthGrid.js';

const route = getRouteApi('/app/sessions');

/** Today in the reader's own calendar day, as `YYYY-MM-DD`. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function monthTitle(month: string, locale: string): string {
  const tag = locale === 'ar' ? 'ar-u-nu-latn' : locale === 'fr' ? 'fr-FR' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

type Search = ReturnType<typeof route.useSearch>;

/** The month shown and the filters, as the calendar's query sends them and its export takes them. */
export function monthFilters(search: Search) {
  return {
    ...monthRange(monthOf(search.month, todayIso())),
    disciplineCode: search.discipline,
    status: search.status,
    openForNominations: search.open,
  };
}

export function MonthView() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/sessions' });
  const locale = currentLocale();
  const today = todayIso();
  const month = monthOf(search.month, today);
  const sessions = useQuery({
    ...monthQuery(monthFilters(search)),
    placeholderData: keepPreviousData,
  });
  // The grid waits for the venues so its columns do not jump from one week start to another.
  const venues = useQuery({ ...venuesQuery, staleTime: 5 * 60_000 });
  const weekStart = venues.isPending ? null : calendarWeekStart(venues.data, locale);
  const go = (target: string | undefined) =>
    void navigate({ search: (prev) => ({ ...prev, month: target }) });
  // Arrows point the way the week runs: in Arabic the next month is to the left.
  const rtl = directionOf(locale) === 'rtl';
  const Prev = rtl ? IconChevronRight : IconChevronLeft;
  const Next = rtl ? IconChevronLeft : IconChevronRight;
  const items = sessions.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" mb="xs" mt="md">
        <Title order={2} fz="lg" aria-live="polite">
          {monthTitle(month, locale)}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<Prev size={14} aria-hidden />}
            onClick={() => go(shiftMonth(month, -1))}
          >
            {t('sessions.previousMonth')}
          </Button>
          <Button variant="default" size="xs" onClick={() => go(undefined)}>
            {t('sessions.thisMonth')}
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<Next size={14} aria-hidden />}
            onClick={() => go(shiftMonth(month, 1))}
          >
            {t('sessions.nextMonth')}
          </Button>
        </Group>
      </Group>
      {(sessions.isPending || weekStart === null) && (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
      <ProblemAlert error={sessions.error} />
      {weekStart !== null && (
        <MonthGrid
          weeks={monthWeeks(month, weekStart)}
          sessions={items}
          today={today}
          caption={monthTitle(month, locale)}
        />
      )}
      {sessions.data && items.length === 0 && (
        <Text c="dimmed" fz="sm" mt="sm">
          {t('sessions.emptyMonth')}
        </Text>
      )}
      <DisciplineLegend codes={[...new Set(items.map((s) => s.disciplineCode))]} />
    </>
  );
}
