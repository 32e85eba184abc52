import { List, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Prerequisites } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { prerequisiteSentences } from './prerequisites.js';

/** The eligibility rules as a list of sentences; shared by the activity and session pages. */
export function PrerequisiteList({ prerequisites }: { prerequisites: Prerequisites }) {
  const { t } = useTranslation();
  const sentences = prerequisiteSentences(prerequisites, t, currentLocale());
  return (
    <List
      spacing={4}
      fz="sm"
      icon={
        <ThemeIcon size={18} radius="xl" variant="light" color="teal">
          <IconCheck size={12} aria-hidden />
        </ThemeIcon>
      }
    >
      {sentences.map((sentence) => (
        <List.Item key={sentence}>{sentence}</List.Item>
      ))}
    </List>
  );
}
