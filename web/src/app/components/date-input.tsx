import { DatePicker, type DatePickerProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, DATE_PICKER_FORMATS, parseShortTypedDate, parseTypedDate } from '../dates.ts';

/**
 * The app's date field: shows dd/mm/yyyy, understands short typed dates (1/1/27, 01012027, 1-1-2027: see
 * DATE_INPUT_FORMATS) and, when the typed text is no date, says so under the field instead of dropping it silently.
 * Use it inside a Form.Item like a DatePicker (every date field of the app is one). A date with a two-digit year is
 * taken on Enter or on leaving the field (see DATE_PICKER_FORMATS: the picker would take it mid-typing).
 */
export function DateInput({ onBlur, onChange, onKeyDown, status, ...props }: DatePickerProps) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<string | null>(null);
  /** The typed text as a date the picker itself did not take (a short year): given to the form. */
  const takeTyped = (input: HTMLInputElement) => {
    const typed = parseShortTypedDate(input.value);
    if (typed) {
      onChange?.(typed, typed.format(DATE_FORMAT));
      return true;
    }
    return false;
  };
  return (
    <>
      <DatePicker
        placeholder="dd/mm/yyyy"
        {...props}
        format={DATE_PICKER_FORMATS}
        status={refused ? 'error' : status}
        onChange={(value, text) => {
          setRefused(null);
          onChange?.(value, text);
        }}
        onKeyDown={(e, preventDefault) => {
          // Enter on a short date takes it (and does not open the calendar).
          if (e.key === 'Enter' && takeTyped(e.target as HTMLInputElement)) {
            e.preventDefault();
            setRefused(null);
          }
          onKeyDown?.(e, preventDefault);
        }}
        onBlur={(e, info) => {
          const input = e.target as HTMLInputElement;
          const text = input.value.trim();
          setRefused(text && !parseTypedDate(text) ? text : null);
          takeTyped(input);
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
