import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { talentKeys, talentsApi } from '../../features/talents/api/talents.api.ts';
import { TalentForm } from '../../features/talents/components/form/TalentForm.tsx';
import { useI18n } from '../../i18n/index.ts';
import { EditPage } from '../../shared/form/EditPage.tsx';

/** /talents/new and /talents/:id/edit: the full record as one long form. */
export default function TalentEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const root = scopeRootOf(useCurrentUser());
  const detail = useQuery({ queryKey: talentKeys.detail(id ?? ''), queryFn: () => talentsApi.get(id as string), enabled: !!id });
  return (
    <EditPage
      id={id}
      record={detail}
      createTitle={t('talent.create')}
      editTitle={t('talent.edit')}
      editTitleOf={(d) => t('talent.editTitle', { name: d.name })}
      skeletonRows={10}
      createForm={() => <TalentForm defaultRegion={root.level >= 3 ? root.code : undefined} />}
      editForm={(d) => <TalentForm key={d.id} detail={d} />}
    />
  );
}
