import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The search as the URL holds it. */
  value: string | undefined;
  /** Called 300 ms after typing stops, with the trimmed text or undefined when empty. */
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  w?: number;
}

/** A list's search box: typing stays instant, the URL follows once the reader pauses. */
export function SearchInput({ value, onSearch, placeholder, w = 260 }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const push = useDebouncedCallback((next: string) => onSearch(next.trim() || undefined), 300);
  // Follow the URL when it changes from elsewhere ("Clear filters", back button), but not while
  // the reader's own typing is on its way to it.
  useEffect(() => {
    setText((current) => ((current.trim() || undefined) === value ? current : (value ?? '')));
  }, [value]);

  return (
    <TextInput
      label={t('common.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        push(event.currentTarget.value);
      }}
      w={w}
    />
  );
}
