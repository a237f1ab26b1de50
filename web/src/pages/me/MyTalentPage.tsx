import { FileAddOutlined, PhoneOutlined, ReadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { workflowApi, workflowKeys } from '../../features/talents/api/workflow.api.ts';
import { TalentTabs } from '../../features/talents/components/detail/TalentTabs.tsx';
import { MySubmissions } from '../../features/talents/components/me/MySubmissions.tsx';
import { PhoneModal } from '../../features/talents/components/me/PhoneModal.tsx';
import { type SubmitKind, SubmitModal } from '../../features/talents/components/me/SubmitModal.tsx';
import { KeyTalentTag, TierTag } from '../../features/talents/components/TalentTags.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /me/talent — a social worker's own record (read only), phone, and submissions of certificates and hours. */
export default function MyTalentPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [phoneOpen, setPhoneOpen] = useState(false);
  const [submit, setSubmit] = useState<SubmitKind | null>(null);
  const me = useQuery({ queryKey: workflowKeys.me, queryFn: workflowApi.me });
  const talent = me.data;

  return (
    <PageContainer
      title={
        talent ? (
          <Space size={8} wrap>
            <span>{t('me.title')}</span>
            <TierTag tier={talent.tier} />
            {talent.isKey && <KeyTalentTag reasons={talent.keyReasons} />}
          </Space>
        ) : (
          t('me.title')
        )
      }
      extra={
        talent && (
          <Space wrap>
            <Button icon={<PhoneOutlined />} onClick={() => setPhoneOpen(true)} data-testid="me-edit-phone">
              {t('me.editPhone')}
            </Button>
            <Button icon={<FileAddOutlined />} onClick={() => setSubmit('certificate')} data-testid="me-submit-certificate">
              {t('me.submitCertificate')}
            </Button>
            <Button type="primary" icon={<ReadOutlined />} onClick={() => setSubmit('training')} data-testid="me-submit-training">
              {t('me.submitTraining')}
            </Button>
          </Space>
        )
      }
    >
      {me.error ? (
        <Alert type="warning" showIcon title={errorText(me.error)} />
      ) : !talent ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card className="me-card">
            <TalentTabs talent={talent} canReveal={false} withHistory={false} />
          </Card>
          <MySubmissions />
        </Space>
      )}
      <PhoneModal open={phoneOpen} onClose={() => setPhoneOpen(false)} />
      <SubmitModal kind={submit} onClose={() => setSubmit(null)} />
    </PageContainer>
  );
}
