import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypeCsv,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../contract/exports.js';
import { downloadFile } from '../lib/download.js';
import { errorMessage } from '../lib/errors.js';

type QueryValue = string | number | boolean | null | undefined;

interface ExportMenuProps {
  /** The list's export route, e.g. `/api/v1/participants/export`. */
  path: string;
  /** The filters on screen, exactly as the list sends them. */
  filters?: Record<string, QueryValue>;
}

/** Kilobytes or megabytes, in the reader's digits. */
function size(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / (1024 * 1024) : bytes / 1024;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${mb ? 'MB' : 'KB'}`;
}

/**
 * The "Export" menu of a list page: CSV or Excel, with the filters on screen. While the file
 * comes the button says how much has arrived, and a live region says so to screen readers.
 */
export function ExportMenu({ path, filters = {} }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<{ format: ExportFormat; bytes: number } | null>(null);

  async function download(format: ExportFormat) {
    setBusy({ format, bytes: 0 });
    try {
      await downloadFile(path, { ...filters, format }, (bytes) => setBusy({ format, bytes }));
      notifications.show({
        color: 'teal',
        message: t('exports.done'),
        closeButtonProps: { 'aria-label': t('exports.close') },
      });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('exports.failed'),
        message: errorMessage(error),
        closeButtonProps: { 'aria-label': t('exports.close') },
      });
    } finally {
      setBusy(null);
    }
  }

  const progress = busy
    ? busy.bytes > 0
      ? t('exports.receiving', { size: size(busy.bytes, i18n.language) })
      : t('exports.preparing')
    : '';
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            rightSection={busy ? undefined : <IconChevronDown size={14} aria-hidden />}
            loading={false}
            disabled={busy !== null}
            aria-busy={busy !== null}
            data-testid="export-menu"
          >
            {busy ? progress : t('exports.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            onClick={() => void download('csv')}
          >
            {t('exports.csv')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={() => void download('xlsx')}
          >
            {t('exports.xlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <VisuallyHidden role="status" aria-live="polite">
        {progress}
      </VisuallyHidden>
    </>
  );
}
