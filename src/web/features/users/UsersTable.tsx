import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

interface Props {
  users: readonly User[];
  /** Rendered in the last column when the viewer may manage users. */
  actions?: (user: User) => React.ReactNode;
}

export function UsersTable({ users, actions }: Props) {
  const { t } = useTranslation();
  return (
    <ResponsiveTable minWidth={760}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.displayName')}</Table.Th>
            <Table.Th scope="col">{t('users.email')}</Table.Th>
            <Table.Th scope="col">{t('users.roles')}</Table.Th>
            <Table.Th scope="col">{t('users.nation')}</Table.Th>
            <Table.Th scope="col">{t('users.status')}</Table.Th>
            <Table.Th scope="col">{t('users.lastSignIn')}</Table.Th>
            {actions && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td fw={500}>{user.displayName}</Table.Td>
              <Table.Td>
                <bdi dir="ltr">{user.email}</bdi>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roles.map((role) => (
                    <Badge key={role} color="gray.8" size="sm">
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ff="monospace">{user.nationCode ?? '—'}</Table.Td>
              <Table.Td>
                {user.active ? (
                  <Text span fz="sm">
                    {t('users.active')}
                  </Text>
                ) : (
                  <Badge color="red.8">{t('users.inactive')}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <DateText value={user.lastSignInAt} withTime fz="sm" />
              </Table.Td>
              {actions && <Table.Td>{actions(user)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
