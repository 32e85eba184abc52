import {
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan, useMe } from '../auth/session.js';
import { nationsQuery } from '../partners/api.js';
import { createProgramme, programmeKeys, programmesQuery, STATUS_COLOR } from './api.js';

/** Each partner's programmes; a nation's people see only their own nation's. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery(programmesQuery);
  const [creating, setCreating] = useState(false);
  const locale = currentLocale();

  return (
    <>
      <PageHeader
        title={t('programme.title')}
        description={t('programme.description')}
        actions={
          <>
            <ExportMenu path="/api/v1/programmes/export" />
            {can('programmes.edit') && !creating && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t('programme.new')}
              </Button>
            )}
          </>
        }
      />
      {creating && <NewProgrammeForm onClose={() => setCreating(false)} />}
      {query.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={query.error} />
      {query.data && query.data.length === 0 && <Text c="dimmed">{t('programme.none')}</Text>}
      {query.data && query.data.length > 0 && (
        <ResponsiveTable minWidth={700}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programme.nation')}</Table.Th>
                <Table.Th>{t('programme.name')}</Table.Th>
                <Table.Th>{t('programme.years')}</Table.Th>
                <Table.Th>{t('programme.status')}</Table.Th>
                <Table.Th>{t('programme.version')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{localized(p.nationName, locale)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/programmes/$id" params={{ id: p.id }}>
                      {localized(p.title, locale)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">
                      {p.startYear}–{p.endYear}
                    </bdi>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[p.status]}>{t(`programmeStatus.${p.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{p.version}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </>
  );
}

function NewProgrammeForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const nations = useQuery({ ...nationsQuery({}), enabled: me.user.nationCode === null });
  const year = new Date().getFullYear();
  const [nationCode, setNationCode] = useState<string | null>(me.user.nationCode);
  const [title, setTitle] = useState({ en: '', fr: '', ar: '' });
  const [startYear, setStartYear] = useState<number>(year + 1);
  const [endYear, setEndYear] = useState<number>(year + 3);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createProgramme({
        nationCode: nationCode ?? '',
        title: {
          en: title.en,
          ...(title.fr ? { fr: title.fr } : {}),
          ...(title.ar ? { ar: title.ar } : {}),
        },
        startYear,
        endYear,
      });
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      await navigate({ to: '/programmes/$id', params: { id: created.id } });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" mb="lg" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('programme.new')}
        </Title>
        {me.user.nationCode === null ? (
          <Select
            label={t('programme.nation')}
            required
            searchable
            value={nationCode}
            onChange={setNationCode}
            data={(nations.data ?? []).map((n) => ({
              value: n.code,
              label: localized(n.name, locale),
            }))}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {(['en', 'fr', 'ar'] as const).map((lang) => (
            <TextInput
              key={lang}
              label={`${t('programme.name')} (${t(`language.${lang}`)})`}
              required={lang === 'en'}
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              value={title[lang]}
              onChange={(e) => setTitle({ ...title, [lang]: e.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        <Group grow>
          <NumberInput
            label={t('programme.startYear')}
            required
            min={2000}
            max={2100}
            value={startYear}
            onChange={(v) => setStartYear(Number(v))}
          />
          <NumberInput
            label={t('programme.endYear')}
            required
            min={2000}
            max={2100}
            value={endYear}
            onChange={(v) => setEndYear(Number(v))}
          />
        </Group>
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('programme.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
