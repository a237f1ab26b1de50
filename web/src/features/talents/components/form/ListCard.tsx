import { useI18n } from '../../../../i18n/index.ts';
import { FormListCard, type FormListCardProps } from '../../../../shared/form/FormListCard.tsx';

/** The talent form's list cards: the shared FormListCard with the talent form's test ids and wording. */
export function ListCard(props: Omit<FormListCardProps, 'testIdPrefix' | 'emptyText' | 'removeLabel'>) {
  const { t } = useI18n();
  return <FormListCard {...props} testIdPrefix="talent-form" emptyText={t('talent.form.noRows')} removeLabel={t('talent.form.removeRow')} />;
}
