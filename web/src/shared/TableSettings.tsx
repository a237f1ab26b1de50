import { ColumnHeightOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Popover, Space, Tooltip } from 'antd';
import type { SizeType } from 'antd/es/config-provider/SizeContext';
import { useState } from 'react';
import { useI18n } from '../i18n/index.ts';

export type TableDensity = Exclude<SizeType, undefined>;

/** Hidden columns and density of a table, remembered per table in localStorage. */
export function useTableSettings(id: string, defaultHidden: string[] = []) {
  const storageKey = `sgpt.table.${id}`;
  const [state, setState] = useState<{ hidden: string[]; size: TableDensity }>(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      if (raw) return JSON.parse(raw) as { hidden: string[]; size: TableDensity };
    } catch {
      // Unreadable: defaults.
    }
    return { hidden: defaultHidden, size: 'middle' };
  });
  const update = (patch: Partial<typeof state>) =>
    setState((s) => {
      const next = { ...s, ...patch };
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Not remembered.
      }
      return next;
    });
  return {
    hidden: new Set(state.hidden),
    size: state.size,
    setHidden: (hidden: string[]) => update({ hidden }),
    setSize: (size: TableDensity) => update({ size }),
  };
}

interface TableSettingsProps {
  columns: { key: string; title: string }[];
  hidden: ReadonlySet<string>;
  onHiddenChange: (hidden: string[]) => void;
  size: TableDensity;
  onSizeChange: (size: TableDensity) => void;
  testIdPrefix: string;
}

/** 列设置 and 密度 buttons of a table toolbar. */
export function TableSettings({ columns, hidden, onHiddenChange, size, onSizeChange, testIdPrefix }: TableSettingsProps) {
  const { t } = useI18n();
  const shown = columns.filter((c) => !hidden.has(c.key)).map((c) => c.key);
  return (
    <Space size={0}>
      <Dropdown
        trigger={['click']}
        menu={{
          selectable: true,
          selectedKeys: [size],
          items: [
            { key: 'large', label: t('table.density.large') },
            { key: 'middle', label: t('table.density.middle') },
            { key: 'small', label: t('table.density.small') },
          ],
          onClick: ({ key }) => onSizeChange(key as TableDensity),
        }}
      >
        <Tooltip title={t('table.density')}>
          <Button type="text" icon={<ColumnHeightOutlined />} aria-label={t('table.density')} data-testid={`${testIdPrefix}-density`} />
        </Tooltip>
      </Dropdown>
      <Popover
        trigger="click"
        placement="bottomRight"
        title={t('table.columns')}
        content={
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            value={shown}
            options={columns.map((c) => ({ value: c.key, label: c.title }))}
            onChange={(keys) => onHiddenChange(columns.map((c) => c.key).filter((k) => !keys.includes(k)))}
          />
        }
      >
        <Tooltip title={t('table.columns')}>
          <Button type="text" icon={<SettingOutlined />} aria-label={t('table.columns')} data-testid={`${testIdPrefix}-columns`} />
        </Tooltip>
      </Popover>
    </Space>
  );
}
