import { Descriptions, Drawer, Space, Tag } from 'antd';
import type { SessionUser } from '../features/auth/api/auth.api.ts';
import { useI18n } from '../i18n/index.ts';
import { useLabels } from '../i18n/labels.ts';

export function ProfileDrawer({ user, open, onClose }: { user: SessionUser; open: boolean; onClose: () => void }) {
  const { t, tx } = useI18n();
  const labels = useLabels();
  return (
    <Drawer title={t('profile.title')} open={open} onClose={onClose} size={420} data-testid="profile-drawer">
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
        items={[
          { key: 'username', label: t('user.username'), children: user.username },
          { key: 'displayName', label: t('user.displayName'), children: user.displayName },
          { key: 'role', label: t('user.role'), children: labels.role(user.role, user.roleName) },
          { key: 'region', label: t('user.region'), children: user.regionPath.map((r) => r.name).join(' / ') },
          { key: 'regionCode', label: t('region.code'), children: <span className="mono">{user.regionCode}</span> },
          {
            key: 'permissions',
            label: t('profile.permissions'),
            children: (
              <Space size={[4, 4]} wrap>
                {user.permissions.map((p) => (
                  <Tag key={p}>{tx(`permission.${p}`, p)}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
