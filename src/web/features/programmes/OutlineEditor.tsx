import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Programme } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { activitiesQuery } from '../catalogue/api.js';
import { programmeKeys, programmeQuery, replaceOutline } from './api.js';

interface Line {
  id?: string;
  activityId: string | null;
  freeText: string;
  years: number[];
  seatsPlanned: number;
  priority: number;
}
interface Goal {
  id?: string;
  title: { en: string; ar: string };
  lines: Line[];
}
interface Objective {
  id?: string;
  title: { en: string; ar: string };
  goals: Goal[];
}

const text = (t: LocalizedText) => ({ en: t.en, ar: t.ar ?? '' });
const toText = (t: { en: string; ar: string }): LocalizedText => ({
  en: t.en,
  ...(t.ar.trim() ? { ar: t.ar } : {}),
});

function fromProgramme(p: Programme): Objective[] {
  return p.objectives.map((o) => ({
    id: o.id,
    title: text(o.title),
    goals: o.goals.map((g) => ({
      id: g.id,
      title: text(g.title),
      lines: g.plannedActivities.map((l) => ({
        id: l.id,
        activityId: l.activityId,
        freeText: l.freeText ?? '',
        years: l.years,
        seatsPlanned: l.seatsPlanned,
        priority: l.priority,
      })),
    })),
  }));
}

/**
 * The outline as one form: objectives, their goals and planned activities. Nodes keep their ids
 * so nominations linked to a planned activity stay linked. After agreement it needs a reason.
 */
export function OutlineEditor({ programme, onDone }: { programme: Programme; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [objectives, setObjectives] = useState<Objective[]>(() => fromProgramme(programme));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const activities = useInfiniteQuery(activitiesQuery({}, 100));
  const activityOptions = (activities.data?.pages ?? [])
    .flatMap((p) => p.items)
    .map((a) => ({ value: a.id, label: `${a.code} — ${localized(a.title, locale)}` }));
  const years = Array.from({ length: programme.endYear - programme.startYear + 1 }, (_, i) =>
    String(programme.startYear + i),
  );

  const update = (change: (draft: Objective[]) => void) => {
    const copy = structuredClone(objectives);
    change(copy);
    setObjectives(copy);
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const updated = await replaceOutline(programme.id, {
        objectives: objectives.map((o) => ({
          ...(o.id ? { id: o.id } : {}),
          title: toText(o.title),
          goals: o.goals.map((g) => ({
            ...(g.id ? { id: g.id } : {}),
            title: toText(g.title),
            plannedActivities: g.lines.map((l) => ({
              ...(l.id ? { id: l.id } : {}),
              activityId: l.activityId,
              freeText: l.activityId ? null : l.freeText.trim() || null,
              years: l.years,
              seatsPlanned: l.seatsPlanned,
              priority: l.priority,
            })),
          })),
        })),
        ...(programme.outlineEdit === 'revision' ? { reason } : {}),
      });
      queryClient.setQueryData(programmeQuery(programme.id).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const titleFields = (
    value: { en: string; ar: string },
    label: string,
    set: (v: { en: string; ar: string }) => void,
  ) => (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <TextInput
        label={`${label} (${t('language.en')})`}
        required
        lang="en"
        dir="ltr"
        value={value.en}
        onChange={(e) => set({ ...value, en: e.currentTarget.value })}
      />
      <TextInput
        label={`${label} (${t('language.ar')})`}
        lang="ar"
        dir="rtl"
        value={value.ar}
        onChange={(e) => set({ ...value, ar: e.currentTarget.value })}
      />
    </SimpleGrid>
  );

  return (
    <Stack component="form" onSubmit={save} gap="md" mb="lg">
      {objectives.map((o, oi) => (
        <Paper key={o.id ?? `new-o-${oi}`} withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t('programme.objectiveN', { n: oi + 1 })}
            </Title>
            <ActionIcon
              variant="subtle"
              color="red.8"
              aria-label={t('programme.removeObjective', { n: oi + 1 })}
              onClick={() => update((d) => void d.splice(oi, 1))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
          {titleFields(o.title, t('programme.objective'), (v) =>
            update((d) => {
              (d[oi] as Objective).title = v;
            }),
          )}
          <Stack gap="sm" mt="sm" ps="md">
            {o.goals.map((g, gi) => (
              <Paper key={g.id ?? `new-g-${gi}`} withBorder p="sm">
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h5">
                    {t('programme.goalN', { n: gi + 1 })}
                  </Title>
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    aria-label={t('programme.removeGoal', { n: gi + 1 })}
                    onClick={() => update((d) => void d[oi]?.goals.splice(gi, 1))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                {titleFields(g.title, t('programme.goal'), (v) =>
                  update((d) => {
                    (d[oi]?.goals[gi] as Goal).title = v;
                  }),
                )}
                <Stack gap="xs" mt="xs">
                  {g.lines.map((l, li) => {
                    const setLine = (change: Partial<Line>) =>
                      update((d) => {
                        const goal = d[oi]?.goals[gi] as Goal;
                        goal.lines[li] = { ...(goal.lines[li] as Line), ...change };
                      });
                    return (
                      <Group key={l.id ?? `new-l-${li}`} align="flex-end" gap="xs" wrap="wrap">
                        <Select
                          label={t('programme.activity')}
                          searchable
                          clearable
                          w={280}
                          data={activityOptions}
                          value={l.activityId}
                          onChange={(value) => setLine({ activityId: value })}
                        />
                        {!l.activityId && (
                          <TextInput
                            label={t('programme.freeText')}
                            w={200}
                            value={l.freeText}
                            onChange={(e) => setLine({ freeText: e.currentTarget.value })}
                          />
                        )}
                        <MultiSelect
                          label={t('programme.years')}
                          required
                          w={220}
                          data={years}
                          value={l.years.map(String)}
                          onChange={(value) => setLine({ years: value.map(Number) })}
                        />
                        <NumberInput
                          label={t('programme.seatsPlanned')}
                          required
                          min={0}
                          w={110}
                          value={l.seatsPlanned}
                          onChange={(v) => setLine({ seatsPlanned: Number(v) || 0 })}
                        />
                        <Select
                          label={t('programme.priority')}
                          w={100}
                          allowDeselect={false}
                          data={['1', '2', '3']}
                          value={String(l.priority)}
                          onChange={(v) => setLine({ priority: Number(v ?? 2) })}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red.8"
                          mb={6}
                          aria-label={t('programme.removeLine', { n: li + 1 })}
                          onClick={() => update((d) => void d[oi]?.goals[gi]?.lines.splice(li, 1))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    );
                  })}
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() =>
                      update((d) =>
                        d[oi]?.goals[gi]?.lines.push({
                          activityId: null,
                          freeText: '',
                          years: [programme.startYear],
                          seatsPlanned: 1,
                          priority: 2,
                        }),
                      )
                    }
                  >
                    {t('programme.addLine')}
                  </Button>
                </Stack>
              </Paper>
            ))}
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                update((d) => d[oi]?.goals.push({ title: { en: '', ar: '' }, lines: [] }))
              }
            >
              {t('programme.addGoal')}
            </Button>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => update((d) => d.push({ title: { en: '', ar: '' }, goals: [] }))}
        >
          {t('programme.addObjective')}
        </Button>
      </Group>
      {programme.outlineEdit === 'revision' && (
        <Textarea
          label={t('programme.revisionReason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      )}
      <ProblemAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {t('programme.saveOutline')}
        </Button>
      </Group>
    </Stack>
  );
}
