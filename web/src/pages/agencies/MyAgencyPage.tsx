import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import { AgencyStatusTag, EligibleTag } from '../../features/agencies/components/AgencyTags.tsx';
import { AgencyTabs } from '../../features/agencies/components/detail/AgencyTabs.tsx';
import { MyAgencyDrawer } from '../../features/agencies/components/MyAgencyDrawer.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { DetailPage } from '../../shared/detail/DetailPage.tsx';
import { useTabParam } from '../../shared/detail/useTabParam.ts';

/** /my-agency — an agency administrator's own agency: its record and the fields they may keep. */
export default function MyAgencyPage() {
  const { t } = useI18n();
  const can = useCan();
  const tabs = useTabParam();
  const [editing, setEditing] = useState(false);
  const mine = useQuery({ queryKey: agencyKeys.mine, queryFn: agenciesApi.mine });
  const agency = mine.data;

  return (
    <DetailPage
      name={agency?.name}
      nameTestId="my-agency-name"
      tags={
        agency && (
          <>
            <AgencyStatusTag status={agency.status} />
            <EligibleTag eligible={agency.eligible} reason={agency.ineligibleReason} />
          </>
        )
      }
      fallbackTitle={t('menu.myAgency')}
      extra={
        agency && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="my-agency-edit">
            {t('myAgency.edit')}
          </Button>
        )
      }
      error={mine.error}
      errorTestId="my-agency-error"
      aside={agency && editing && <MyAgencyDrawer agency={agency} open={editing} onClose={() => setEditing(false)} />}
    >
      {() => agency && <AgencyTabs agency={agency} canEdit={false} ownStaff platformLinks={can('network.read')} {...tabs} />}
    </DetailPage>
  );
}
