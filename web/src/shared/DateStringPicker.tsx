import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';

interface DateStringPickerProps {
  /** YYYY-MM-DD, or null/undefined for none. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  disabledDate?: (d: Dayjs) => boolean;
  'data-testid'?: string;
}

/** A date picker whose value is the API's YYYY-MM-DD string (forms then hold what the server takes). */
export function DateStringPicker({ value, onChange, style, ...rest }: DateStringPickerProps) {
  return (
    <DatePicker
      {...rest}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format="YYYY-MM-DD"
      style={{ width: '100%', ...style }}
    />
  );
}
