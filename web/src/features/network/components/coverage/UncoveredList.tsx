import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { COVERAGE_KINDS } from '../../../../../../domain/network/platform-kind.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { coverageApi, coverageKeys } from '../../api/coverage.api.ts';
import type { Coverage, UncoveredRegion } from '../../api/types.ts';

/** 未覆盖地区: per kind, the units of its level without one, each with 新增阵地 prefilled. */
export function UncoveredList({ data, canManage }: { data: Coverage; canManage: boolean }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const kinds = COVERAGE_KINDS.filter((k) => data.kinds[k] && data.kinds[k]!.total > 0);
  const [kind, setKind] = useState<string>(kinds.includes('station') ? 'station' : (kinds[0] ?? 'station'));
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const active = kinds.includes(kind as never) ? kind : kinds[0];
  const list = useQuery({
    queryKey: coverageKeys.uncovered(data.region.code, active ?? '', paging.page, paging.pageSize),
    queryFn: () => coverageApi.uncovered(data.region.code, active as string, paging.page, paging.pageSize),
    enabled: !!active,
    placeholderData: keepPreviousData,
  });
  if (!active) return null;
  const missing = (k: (typeof kinds)[number]) => data.kinds[k]!.total - data.kinds[k]!.covered;
  return (
    <Card size="small" title={t('coverage.uncovered')} style={{ marginTop: 16 }} data-testid="coverage-uncovered">
      <Tabs
        activeKey={active}
        onChange={(k) => {
          setKind(k);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        items={kinds.map((k) => ({ key: k, label: `${t('coverage.uncoveredTab', { kind: labels.name('kindShort', k) })} (${missing(k)})` }))}
      />
      <Table<UncoveredRegion>
        size="small"
        rowKey="code"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coverage.allCovered')} /> }}
        columns={[
          { title: t('coverage.col.region'), dataIndex: 'name' },
          { title: t('coverage.uncoveredPath'), dataIndex: 'path' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'add',
                  render: (_: unknown, r: UncoveredRegion) => (
                    <Link to={`/network/platforms/new?regionCode=${r.code}&kind=${active}`} data-testid={`uncovered-add-${r.code}`}>
                      <Button type="link" size="small" icon={<PlusOutlined />}>
                        {t('coverage.addPlatform')}
                      </Button>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => t('table.total', { total: n }),
          onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
          size: 'small',
        }}
      />
    </Card>
  );
}
