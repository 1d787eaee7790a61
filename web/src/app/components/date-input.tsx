import { DatePicker, type DatePickerProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMATS, parseTypedDate } from '../dates.ts';

/**
 * The app's date field: shows dd/mm/yyyy, understands short typed dates (1/1/27, 01012027, 1-1-2027: see
 * DATE_INPUT_FORMATS) and, when the typed text is no date, says so under the field instead of dropping it silently.
 * Use it inside a Form.Item like a DatePicker (every date field of the app is one).
 */
export function DateInput({ onBlur, onChange, status, ...props }: DatePickerProps) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <>
      <DatePicker
        placeholder="dd/mm/yyyy"
        {...props}
        format={DATE_INPUT_FORMATS}
        status={refused ? 'error' : status}
        onChange={(value, text) => {
          setRefused(null);
          onChange?.(value, text);
        }}
        onBlur={(e, info) => {
          const text = (e.target as HTMLInputElement).value.trim();
          setRefused(text && !parseTypedDate(text) ? text : null);
          onBlur?.(e, info);
        }}
      />
      {refused && (
        <div className="ant-form-item-explain-error" role="alert">
          {t('common.dateNotUnderstood', { text: refused })}
        </div>
      )}
    </>
  );
}
