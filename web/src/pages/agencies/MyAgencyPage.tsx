import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import { AgencyStatusTag, EligibleTag } from '../../features/agencies/components/AgencyTags.tsx';
import { AgencyTabs } from '../../features/agencies/components/detail/AgencyTabs.tsx';
import { MyAgencyDrawer } from '../../features/agencies/components/MyAgencyDrawer.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /my-agency — an agency administrator's own agency: its record and the fields they may keep. */
export default function MyAgencyPage() {
  const { t } = useI18n();
  const can = useCan();
  const errorText = useErrorText();
  const [sp, setSp] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const mine = useQuery({ queryKey: agencyKeys.mine, queryFn: agenciesApi.mine });
  const agency = mine.data;

  return (
    <PageContainer
      title={
        agency ? (
          <Space size={8} wrap>
            <span data-testid="my-agency-name">{agency.name}</span>
            <AgencyStatusTag status={agency.status} />
            <EligibleTag eligible={agency.eligible} reason={agency.ineligibleReason} />
          </Space>
        ) : (
          t('menu.myAgency')
        )
      }
      extra={
        agency && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="my-agency-edit">
            {t('myAgency.edit')}
          </Button>
        )
      }
    >
      <Card>
        {mine.error ? (
          <Alert type="error" showIcon title={errorText(mine.error)} data-testid="my-agency-error" />
        ) : !agency ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <AgencyTabs
            agency={agency}
            canEdit={false}
            platformLinks={can('network.read')}
            activeKey={sp.get('tab') ?? 'basic'}
            onChange={(tab) => setSp(tab === 'basic' ? {} : { tab }, { replace: true })}
          />
        )}
      </Card>
      {agency && editing && <MyAgencyDrawer agency={agency} open={editing} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
