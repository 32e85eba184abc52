import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_AUDIENCES,
  DOCUMENT_KINDS,
  type Document,
  type DocumentAudience,
  type DocumentKind,
  type LocalizedText,
} from '../../../contract/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import {
  type DocumentOwnerKind,
  deleteDocument,
  documentKeys,
  documentsQuery,
  fileToBase64,
  uploadDocument,
} from './api.js';

/** A size in the reader's digits: bytes, KB or MB. */
function formatSize(bytes: number, locale: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

const TITLE_LANGUAGES = ['en', 'fr', 'ar'] as const;
const TITLE_LABEL = {
  en: 'documents.titleEn',
  fr: 'documents.titleFr',
  ar: 'documents.titleAr',
} as const;
const NO_TITLE = { en: '', fr: '', ar: '' };

/** English always; French and Arabic only when written, so readers fall back to English. */
function titleOf(title: typeof NO_TITLE): LocalizedText {
  const fr = title.fr.trim();
  const ar = title.ar.trim();
  return { en: title.en.trim(), ...(fr ? { fr } : {}), ...(ar ? { ar } : {}) };
}

function UploadForm({
  owner,
  code,
  maxBytes,
}: {
  owner: DocumentOwnerKind;
  code: string;
  maxBytes: number;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState<{ en: string; fr: string; ar: string }>(NO_TITLE);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [kind, setKind] = useState<DocumentKind>('course-material');
  const [audience, setAudience] = useState<DocumentAudience>('staff');
  const [progress, setProgress] = useState<number | null>(null);
  const tooLarge = file !== null && file.size > maxBytes;
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      setProgress(0);
      const content = await fileToBase64(file);
      return uploadDocument(
        owner,
        code,
        { title: titleOf(title), kind, audience, fileName: file.name, content },
        setProgress,
      );
    },
    onSettled: () => setProgress(null),
    onSuccess: () => {
      setFile(null);
      setTitle(NO_TITLE);
      void client.invalidateQueries({ queryKey: documentKeys.list(owner, code) });
    },
  });
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} fz="md">
        {t('documents.uploadTitle')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t('documents.file')}
          description={t('documents.fileHint', { size: formatSize(maxBytes, locale) })}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            // The file's name, less its extension, is a first English title to correct.
            if (chosen && !title.en.trim()) {
              setTitle((was) => ({ ...was, en: chosen.name.replace(/\.[^.]+$/, '') }));
            }
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('documents.clearFile') }}
          accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt"
          error={tooLarge ? t('documents.tooLarge', { size: formatSize(maxBytes, locale) }) : null}
          miw={220}
        />
        {TITLE_LANGUAGES.map((language) => (
          <TextInput
            key={language}
            label={t(TITLE_LABEL[language])}
            description={language === 'en' ? t('documents.titleHint') : undefined}
            required={language === 'en'}
            lang={language}
            dir={language === 'ar' ? 'rtl' : 'ltr'}
            value={title[language]}
            error={language === 'en' ? titleError : null}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setTitle((was) => ({ ...was, [language]: value }));
              if (language === 'en') setTitleError(null);
            }}
            maxLength={200}
            miw={200}
          />
        ))}
        <Select
          label={t('documents.kind')}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as DocumentKind)}
          allowDeselect={false}
        />
        <Select
          label={t('documents.audience')}
          data={DOCUMENT_AUDIENCES.map((a) => ({ value: a, label: t(`documents.audiences.${a}`) }))}
          value={audience}
          onChange={(v) => v && setAudience(v as DocumentAudience)}
          allowDeselect={false}
        />
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => {
            if (!title.en.trim()) setTitleError(t('validation.required'));
            else upload.mutate();
          }}
          disabled={!file || tooLarge}
          loading={upload.isPending}
        >
          {t('documents.upload')}
        </Button>
      </Group>
      {progress !== null && (
        <Progress value={Math.round(progress * 100)} aria-label={t('documents.uploading')} />
      )}
      <ProblemAlert error={upload.error} />
    </Stack>
  );
}

function DocumentRow({ doc, canManage }: { doc: Document; canManage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    await deleteDocument(doc.id);
    await client.invalidateQueries({ queryKey: documentKeys.list(doc.owner.kind, doc.owner.code) });
  };
  const title = localized(doc.title, locale);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor href={doc.downloadUrl} download={doc.fileName} fz="sm">
          {title}
        </Anchor>
        <Text fz="xs" c="dimmed" dir="auto">
          {doc.fileName} · {formatSize(doc.size, locale)}
        </Text>
      </Table.Td>
      <Table.Td>{t(`documents.kinds.${doc.kind}`)}</Table.Td>
      <Table.Td>
        <Badge variant="default" tt="none">
          {t(`documents.audiences.${doc.audience}`)}
        </Badge>
      </Table.Td>
      {canManage && (
        <Table.Td>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} aria-hidden />}
            aria-label={t('documents.deleteNamed', { title })}
            onClick={() => setConfirming(true)}
          >
            {t('documents.delete')}
          </Button>
          {confirming && (
            <ConfirmDialog
              title={t('documents.deleteTitle')}
              body={t('documents.confirmDelete', { title })}
              confirmLabel={t('documents.delete')}
              danger
              onConfirm={remove}
              onClose={() => setConfirming(false)}
            />
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/**
 * The documents of a session or an activity: what the reader may read, and for those who may
 * manage them the upload form (with its progress) and a delete per row.
 */
export function DocumentsPanel({ owner, code }: { owner: DocumentOwnerKind; code: string }) {
  const { t } = useTranslation();
  const query = useQuery(documentsQuery(owner, code));
  const list = query.data;
  const headingId = `documents-${owner}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="lg" mb="xs" id={headingId}>
        {t('documents.title')}
      </Title>
      <ProblemAlert error={query.error} />
      {list && list.items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {list.canManage ? t('documents.emptyManager') : t('documents.empty')}
        </Text>
      )}
      {list && list.items.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.document')}</Table.Th>
                <Table.Th>{t('documents.kind')}</Table.Th>
                <Table.Th>{t('documents.audience')}</Table.Th>
                {list.canManage && <Table.Th>{t('documents.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((doc) => (
                <DocumentRow key={doc.id} doc={doc} canManage={list.canManage} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list?.canManage && <UploadForm owner={owner} code={code} maxBytes={list.maxBytes} />}
    </Paper>
  );
}
