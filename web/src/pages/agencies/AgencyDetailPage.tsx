import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import { AgencyStatusTag, EligibleTag } from '../../features/agencies/components/AgencyTags.tsx';
import { AgencyTabs } from '../../features/agencies/components/detail/AgencyTabs.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { DetailActions } from '../../shared/detail/DetailActions.tsx';
import { DetailPage } from '../../shared/detail/DetailPage.tsx';
import { useTabParam } from '../../shared/detail/useTabParam.ts';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

/** /agencies/:id — the agency in tabs (基本信息, 人员, 运营阵地, 结对帮扶), with 编辑 and 删除. */
export default function AgencyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('agency.manage');
  const confirmDelete = useConfirmDelete();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tabs = useTabParam();
  const detail = useQuery({ queryKey: agencyKeys.detail(id), queryFn: () => agenciesApi.get(id) });
  const agency = detail.data;

  const remove = () =>
    agency &&
    confirmDelete({
      ...deleteTexts(t, 'agency', agency.name),
      remove: () => agenciesApi.remove(agency.id),
      after: async () => {
        queryClient.removeQueries({ queryKey: agencyKeys.detail(agency.id) });
        await queryClient.invalidateQueries({ queryKey: agencyKeys.all });
        navigate('/agencies');
      },
    });

  return (
    <DetailPage
      name={agency?.name}
      nameTestId="agency-detail-name"
      tags={
        agency && (
          <>
            <AgencyStatusTag status={agency.status} />
            <EligibleTag eligible={agency.eligible} reason={agency.ineligibleReason} />
          </>
        )
      }
      fallbackTitle={t('agency.detail')}
      extra={agency && canManage && <DetailActions canManage editTo={`/agencies/${agency.id}/edit`} testId="agency" onDelete={remove} />}
      error={detail.error}
    >
      {() => agency && <AgencyTabs agency={agency} canEdit={canManage} platformLinks={can('network.read')} {...tabs} />}
    </DetailPage>
  );
}
