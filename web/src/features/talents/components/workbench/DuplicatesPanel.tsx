import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Col, Descriptions, Empty, Radio, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { talentKeys } from '../../api/talents.api.ts';
import { type DuplicateBrief, type DuplicatePair, workflowApi, workflowKeys } from '../../api/workflow.api.ts';
import { TalentStatusTag, TierTag } from '../TalentTags.tsx';

function Brief({ r }: { r: DuplicateBrief }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'id', label: t('talent.idNumber'), children: <span className="mono">{r.idNumberMasked}</span> },
        { key: 'birth', label: t('talent.birthDate'), children: r.birthDate },
        { key: 'tier', label: t('talent.tier'), children: <TierTag tier={r.tier} /> },
        { key: 'employer', label: t('talent.employer'), children: r.employer || '—' },
        { key: 'status', label: t('talent.status'), children: <TalentStatusTag status={r.status} /> },
        { key: 'created', label: t('talent.createdAt'), children: formatDateTime(r.createdAt, false) },
        { key: 'updated', label: t('talent.updatedAt'), children: formatDateTime(r.updatedAt, false) },
      ]}
    />
  );
}

/** One suspected pair side by side: keep one (the other's lists are merged into it) or 不是重复. */
function PairCard({ pair, index }: { pair: DuplicatePair; index: number }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState<string>(pair.a.id);
  const kept = keep === pair.a.id ? pair.a : pair.b;
  const merged = keep === pair.a.id ? pair.b : pair.a;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: workflowKeys.duplicates });
    await queryClient.invalidateQueries({ queryKey: talentKeys.all });
  };

  const merge = () =>
    modal.confirm({
      title: t('duplicate.mergeTitle', { name: kept.name }),
      content: t('duplicate.mergeConfirm', { kept: kept.idNumberMasked, merged: merged.idNumberMasked }),
      okText: t('duplicate.merge'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await workflowApi.merge(kept.id, merged.id);
          message.success(t('duplicate.merged'));
          await refresh();
        } catch (err) {
          notifyError(err);
        }
      },
    });
  const dismiss = async () => {
    try {
      await workflowApi.dismiss(pair.a.id, pair.b.id);
      message.success(t('duplicate.dismissed'));
      await refresh();
    } catch (err) {
      notifyError(err);
    }
  };

  const side = (r: DuplicateBrief) => (
    <Col xs={24} md={12}>
      <Card
        size="small"
        className={keep === r.id ? 'duplicate-kept' : undefined}
        title={
          <Radio checked={keep === r.id} onChange={() => setKeep(r.id)} data-testid={`duplicate-keep-${r.id}`}>
            {t('duplicate.keepThis')}
          </Radio>
        }
        extra={
          <Link to={`/talents/${r.id}`} target="_blank">
            {t('common.view')}
          </Link>
        }
      >
        <Brief r={r} />
      </Card>
    </Col>
  );

  return (
    <Card
      data-testid={`duplicate-pair-${index}`}
      title={
        <Space>
          <span>{pair.a.name}</span>
          <Typography.Text type="secondary">{pair.regionName ?? pair.regionCode}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button onClick={dismiss} data-testid={`duplicate-dismiss-${index}`}>
            {t('duplicate.notDuplicate')}
          </Button>
          <Button type="primary" danger onClick={merge} data-testid={`duplicate-merge-${index}`}>
            {t('duplicate.merge')}
          </Button>
        </Space>
      }
    >
      <Row gutter={16}>
        {side(pair.a)}
        {side(pair.b)}
      </Row>
    </Card>
  );
}

/** 疑似重复: same region, name and birth date, different ID numbers. */
export function DuplicatesPanel() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const list = useQuery({ queryKey: workflowKeys.duplicates, queryFn: workflowApi.duplicates });
  if (list.error) return <Alert type="error" showIcon title={errorText(list.error)} />;
  if (!list.data) return <Skeleton active />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="duplicate-list">
      <Alert type="info" showIcon title={t('duplicate.help')} />
      {list.data.length === 0 ? (
        <Empty description={t('duplicate.empty')} data-testid="duplicate-empty" />
      ) : (
        list.data.map((p, i) => <PairCard key={`${p.a.id}-${p.b.id}`} pair={p} index={i} />)
      )}
    </Space>
  );
}
