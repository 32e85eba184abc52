import {
  Alert,
  Button,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useMatches,
} from '@mantine/core';
import { IconCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ColumnMapping,
  type DuplicateChoice,
  IMPORT_COLUMNS,
  IMPORT_HEADERS,
  IMPORT_KINDS,
  type Import,
  type ImportDuplicate,
  type ImportKind,
  type ImportRowError,
  type Permission,
  REQUIRED_IMPORT_COLUMNS,
} from '../../../contract/index.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { rankText } from '../participants/labels.js';
import { ParticipantName } from '../participants/ParticipantName.js';
import { useSeesAllNations } from '../participants/ParticipantsPage.js';
import { nationsQuery } from '../partners/api.js';
import {
  checkImport,
  commitImport,
  importQuery,
  templateUrl,
  tooLarge,
  undoImport,
  uploadImport,
} from './api.js';

function columnLabel(kind: ImportKind, column: string | null): string {
  if (!column) return '';
  const headers = IMPORT_HEADERS[kind][column];
  return headers ? headers[currentLocale()] : column;
}

/** Who may import each kind: as the server decides, so the selector offers only those. */
const KIND_PERMISSION: Record<ImportKind, Permission> = {
  people: 'participants.manage',
  activities: 'catalogue.manage',
  sessions: 'sessions.manage',
  contacts: 'contacts.manage',
};

/** A row error in the reader's language, from its code and values. */
function RowErrorText({ error }: { error: ImportRowError }) {
  const { t } = useTranslation();
  const code =
    error.code === 'duplicate_in_file' && error.column !== 'email'
      ? 'duplicate_in_file_value'
      : error.code;
  const key = `imports.rowErrors.${code}`;
  return (
    <>{t(key, { ...error.params, defaultValue: t('imports.rowErrors.other', error.params) })}</>
  );
}

/** A numbered step's heading: steps are numbered in the order they show, with no gap. */
function StepTitle({ id, n, children }: { id: string; n: number; children: string }) {
  const { t } = useTranslation();
  return (
    <Title order={2} size="h4" id={id} mb="xs">
      {t('imports.step', { n, title: children })}
    </Title>
  );
}

/** Upload, map the columns, check every row, choose what becomes of duplicates, commit. */
export function ImportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const kinds = IMPORT_KINDS.filter((k) => can(KIND_PERMISSION[k]));
  const [kind, setKind] = useState<ImportKind>('people');
  // Four kinds side by side do not fit a phone: one above the other there.
  const kindOrientation = useMatches<'vertical' | 'horizontal'>({
    base: 'vertical',
    sm: 'horizontal',
  });
  const seesAll = useSeesAllNations();
  // Activities and sessions are the centre's own; a nation is chosen for people and contacts.
  const asksNation = seesAll && (kind === 'people' || kind === 'contacts');
  const needsNation = seesAll && kind === 'people';
  const nations = useQuery({ ...nationsQuery({}), enabled: asksNation });
  const [nation, setNation] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [choices, setChoices] = useState<Record<number, DuplicateChoice>>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const current = useQuery({ ...importQuery(importId ?? ''), enabled: importId !== null });
  const data = current.data;
  const setData = (value: Import) => queryClient.setQueryData(['imports', value.id], value);

  const upload = useMutation({
    mutationFn: async (chosen: File) => uploadImport(kind, chosen, asksNation ? nation : null),
    onSuccess: (value) => {
      setData(value);
      setImportId(value.id);
      setMapping(value.mapping);
      setChoices({});
    },
  });
  const check = useMutation({
    mutationFn: () => checkImport(importId ?? '', mapping),
    onSuccess: setData,
  });
  const commit = useMutation({
    mutationFn: () =>
      commitImport(
        importId ?? '',
        (data?.duplicates ?? []).map((d) => ({ row: d.row, choice: choices[d.row] ?? 'skip' })),
      ),
    onSuccess: setData,
  });
  const undo = useMutation({ mutationFn: () => undoImport(importId ?? ''), onSuccess: setData });

  const start = (chosen: File | null) => {
    setFile(chosen);
    setFileError(null);
    setImportId(null);
    upload.reset();
    if (!chosen) return;
    if (tooLarge(chosen)) {
      setFileError(t('errors.codes.import_file_too_large'));
      return;
    }
    upload.mutate(chosen);
  };

  const headerOptions = (data?.headers ?? []).map((h, i) => ({
    value: String(i),
    label: h || t('imports.columnNumber', { n: i + 1 }),
  }));
  const missing = REQUIRED_IMPORT_COLUMNS[kind].filter(
    (c) => mapping[c] === undefined || mapping[c] === null,
  );
  const working = data?.status === 'checking' || data?.status === 'committing';
  const label = (column: string | null) => columnLabel(kind, column);
  const chooseKind = (value: string) => {
    setKind(value as ImportKind);
    setFile(null);
    setFileError(null);
    setImportId(null);
    setNation(null);
    upload.reset();
  };
  // Steps are numbered as they show: the mapping (3) goes once the rows are checked, and the
  // preview, shown only then, takes its number.
  const showsMapping = data?.status === 'uploaded';
  const previewStep = showsMapping ? 4 : 3;

  return (
    <>
      <PageHeader
        title={t(`imports.titles.${kind}`)}
        description={t(`imports.descriptions.${kind}`)}
      />
      <Stack gap="lg" maw={1100}>
        {kinds.length > 1 && (
          <SegmentedControl
            aria-label={t('imports.kind')}
            value={kind}
            onChange={chooseKind}
            orientation={kindOrientation}
            data={kinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          />
        )}
        <section aria-labelledby="import-template">
          <StepTitle id="import-template" n={1}>
            {t('imports.templateTitle')}
          </StepTitle>
          <Text fz="sm" mb="xs">
            {t('imports.templateIntro')}
          </Text>
          <Group gap="sm">
            {(['xlsx', 'csv'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={templateUrl(kind, format, locale)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t(format === 'xlsx' ? 'imports.templateXlsx' : 'imports.templateCsv')}
              </Button>
            ))}
          </Group>
        </section>

        <section aria-labelledby="import-file">
          <StepTitle id="import-file" n={2}>
            {t('imports.fileTitle')}
          </StepTitle>
          <Group align="flex-end" gap="sm" wrap="wrap">
            {asksNation && (
              <Select
                label={t(kind === 'contacts' ? 'imports.contactsNation' : 'imports.nation')}
                required={needsNation}
                clearable={!needsNation}
                searchable
                w={240}
                data={(nations.data ?? []).map((n) => ({
                  value: n.code,
                  label: `${localized(n.name, locale)} (${n.code})`,
                }))}
                value={nation}
                onChange={setNation}
              />
            )}
            <FileInput
              label={t('imports.file')}
              description={t('imports.fileHint')}
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconUpload size={16} aria-hidden />}
              value={file}
              onChange={start}
              disabled={needsNation && !nation}
              clearable
              clearButtonProps={{ 'aria-label': t('imports.clearFile') }}
              w={340}
              maw="100%"
            />
          </Group>
          {fileError && (
            <Alert color="red" role="alert" mt="sm">
              {fileError}
            </Alert>
          )}
          <ProblemAlert error={upload.error} />
          {upload.isPending && <Text fz="sm">{t('imports.uploading')}</Text>}
        </section>

        {data && showsMapping && (
          <section aria-labelledby="import-mapping">
            <StepTitle id="import-mapping" n={3}>
              {t('imports.mappingTitle')}
            </StepTitle>
            <Text fz="sm" mb="sm">
              {t('imports.mappingIntro', {
                rows: data.progressTotal,
                format: data.format.toUpperCase(),
              })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              {IMPORT_COLUMNS[kind].map((column) => (
                <Select
                  key={column}
                  label={label(column)}
                  required={REQUIRED_IMPORT_COLUMNS[kind].includes(column)}
                  placeholder={t('imports.notImported')}
                  clearable
                  data={headerOptions}
                  value={
                    mapping[column] === undefined || mapping[column] === null
                      ? null
                      : String(mapping[column])
                  }
                  onChange={(value) =>
                    setMapping((m) => ({ ...m, [column]: value === null ? null : Number(value) }))
                  }
                />
              ))}
            </SimpleGrid>
            {missing.length > 0 && (
              <Alert color="orange" mt="sm" role="status">
                {t('imports.missingColumns', { columns: missing.map(label).join(', ') })}
              </Alert>
            )}
            <ProblemAlert error={check.error} />
            <Button
              mt="sm"
              onClick={() => check.mutate()}
              loading={check.isPending}
              disabled={missing.length > 0}
            >
              {t('imports.check')}
            </Button>
          </section>
        )}

        {data && working && (
          <section aria-labelledby="import-progress">
            <Title order={2} size="h4" id="import-progress" mb="xs">
              {t(
                data.status === 'checking'
                  ? 'imports.checking'
                  : kind === 'people'
                    ? 'imports.committing'
                    : 'imports.committingRecords',
              )}
            </Title>
            <Progress
              value={data.progressTotal > 0 ? (100 * data.progressDone) / data.progressTotal : 0}
              size="lg"
              aria-label={t('imports.progressLabel')}
              animated
            />
            <Text fz="sm" mt="xs" aria-live="polite">
              {t(
                data.status === 'checking'
                  ? 'imports.rowsChecked'
                  : kind === 'people'
                    ? 'imports.rowsWritten'
                    : 'imports.rowsWrittenRecords',
                {
                  done: data.progressDone,
                  total: data.progressTotal,
                },
              )}
            </Text>
          </section>
        )}

        {data && data.status === 'checked' && (
          <Preview
            step={previewStep}
            label={label}
            data={data}
            choices={choices}
            onChoice={(row, choice) => setChoices((c) => ({ ...c, [row]: choice }))}
            onCommit={() => commit.mutate()}
            committing={commit.isPending}
            error={commit.error}
          />
        )}

        {data && (data.status === 'committed' || data.status === 'undone') && (
          <section aria-labelledby="import-result">
            <Alert
              color={data.status === 'committed' ? 'green' : 'gray'}
              icon={<IconCheck size={18} aria-hidden />}
              role="status"
              title={
                <span id="import-result">
                  {t(data.status === 'committed' ? 'imports.committed' : 'imports.undone')}
                </span>
              }
            >
              {t('imports.resultCounts', data.counts)}
            </Alert>
            <ProblemAlert error={undo.error} />
            {data.status === 'committed' && (
              <Button
                mt="sm"
                variant="default"
                color="red"
                onClick={() => undo.mutate()}
                loading={undo.isPending}
              >
                {t('imports.undo')}
              </Button>
            )}
          </section>
        )}
      </Stack>
    </>
  );
}

function Preview({
  step,
  label,
  data,
  choices,
  onChoice,
  onCommit,
  committing,
  error,
}: {
  step: number;
  label: (column: string | null) => string;
  data: Import;
  choices: Record<number, DuplicateChoice>;
  onChoice: (row: number, choice: DuplicateChoice) => void;
  onCommit: () => void;
  committing: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const c = data.counts;
  return (
    <section aria-labelledby="import-preview">
      <StepTitle id="import-preview" n={step}>
        {t('imports.previewTitle')}
      </StepTitle>
      <Text fz="sm" mb="sm" role="status">
        {t('imports.previewCounts', c)}
      </Text>
      {c.errors > 0 && (
        <>
          <Alert
            color="red"
            role="alert"
            mb="sm"
            title={t('imports.errorsTitle', { count: c.errors })}
          >
            {t('imports.errorsIntro')}
          </Alert>
          <ResponsiveTable>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.row')}</Table.Th>
                  <Table.Th>{t('imports.column')}</Table.Th>
                  <Table.Th>{t('imports.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.errors.map((e) => (
                  <Table.Tr key={`${e.row}-${e.column}-${e.code}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{label(e.column)}</Table.Td>
                    <Table.Td>
                      <RowErrorText error={e} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ResponsiveTable>
        </>
      )}
      {data.duplicates.length > 0 && (
        <Duplicates
          people={data.kind === 'people'}
          duplicates={data.duplicates}
          choices={choices}
          onChoice={onChoice}
        />
      )}
      <ProblemAlert error={error} />
      {c.errors === 0 && (
        <Button mt="sm" onClick={onCommit} loading={committing}>
          {t(data.kind === 'people' ? 'imports.commit' : 'imports.commitRecords', {
            count: c.valid,
          })}
        </Button>
      )}
    </section>
  );
}

function Duplicates({
  people,
  duplicates,
  choices,
  onChoice,
}: {
  people: boolean;
  duplicates: ImportDuplicate[];
  choices: Record<number, DuplicateChoice>;
  onChoice: (row: number, choice: DuplicateChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t(people ? 'imports.duplicatesTitle' : 'imports.duplicatesTitleRecords', {
          count: duplicates.length,
        })}
      </Title>
      <Text fz="sm" mb="xs">
        {t(people ? 'imports.duplicatesIntro' : 'imports.duplicatesIntroRecords')}
      </Text>
      <ResponsiveTable>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.row')}</Table.Th>
              <Table.Th>{t('imports.inFile')}</Table.Th>
              <Table.Th>{t('imports.existing')}</Table.Th>
              <Table.Th>{t('imports.choice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {duplicates.map((d) => (
              <Table.Tr key={d.row}>
                <Table.Td>{d.row}</Table.Td>
                <Table.Td>
                  <bdi dir="ltr">{d.label}</bdi>
                </Table.Td>
                <Table.Td>
                  {d.existing ? (
                    <ParticipantName person={d.existing} link />
                  ) : (
                    <bdi dir="ltr">{d.existingLabel}</bdi>
                  )}
                  <Text fz="xs" c="dimmed">
                    {d.existing
                      ? `${rankText(d.existing)}${d.existing.email ? ` · ${d.existing.email}` : ''} · `
                      : ''}
                    {d.reasons.map((r) => t(`imports.reasons.${r}`)).join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={t('imports.choiceFor', { row: d.row })}
                    value={choices[d.row] ?? 'skip'}
                    onChange={(value) => onChoice(d.row, value as DuplicateChoice)}
                    data={d.allowed.map((choice) => ({
                      value: choice,
                      label: t(`imports.choices.${choice}`),
                    }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
    </>
  );
}
