import { formatNumber, type NumberIssue, numberLocale, parseNumber } from '@contracts/numbers.ts';
import { Input, Typography } from 'antd';
import type { CSSProperties, KeyboardEventHandler, ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  id?: string;
  value?: number | null;
  /** A number, null for a blank, or NaN while the text is not a number within the rules (nothing is coerced). */
  onChange?: (value: number | null) => void;
  min?: number | null;
  max?: number | null;
  /** Whole numbers only. */
  isInteger?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  suffix?: ReactNode;
  style?: CSSProperties;
  size?: 'small' | 'middle' | 'large';
  /** The caller's own mark (an unsaved cell, a server complaint); the field's refusal wins over it. */
  status?: 'warning' | 'error';
  /** A grid's own keys (Enter moves down a column). */
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
  'aria-label'?: string;
} & { [data: `data-${string}`]: string | undefined };

/** The one message for a refused number, in the interface language. */
export function useNumberIssueText(): (issue: NumberIssue) => string {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language);
  return (issue) => {
    if (issue.code === 'not_integer') return t('numbers.notInteger');
    if (issue.code === 'too_small') return t('numbers.tooSmall', { min: formatNumber(issue.min, locale) });
    if (issue.code === 'too_large') return t('numbers.tooLarge', { max: formatNumber(issue.max, locale) });
    return t('numbers.notANumber');
  };
}

/** The field shows every decimal typed (up to this many), never a rounded figure. */
const SHOWN_DIGITS = 10;

/** True for the value a NumberField gives while its text is refused. */
export const isRefusedNumber = (v: unknown): boolean => typeof v === 'number' && Number.isNaN(v);

/**
 * Every number the app asks for: typed the way the language writes it (vi 1.234,5 — en 1,234.5, see
 * `src/contracts/numbers.ts`), shown formatted once left, and refused with a message under the field while
 * typing — never clamped, rounded or stripped of what is not a digit (Ant's InputNumber does all three).
 */
export function NumberField({
  id,
  value,
  onChange,
  min,
  max,
  isInteger,
  disabled,
  autoFocus,
  placeholder,
  suffix,
  style,
  size,
  status,
  onKeyDown,
  'aria-label': ariaLabel,
  ...data
}: Props) {
  const { i18n } = useTranslation();
  const issueText = useNumberIssueText();
  const locale = numberLocale(i18n.language);
  const [text, setText] = useState(() => formatNumber(value, locale, SHOWN_DIGITS));
  const [issue, setIssue] = useState<NumberIssue | null>(null);
  const messageId = useId();
  // A value set from outside (the form's reset, an upload) or a language switch replaces the text; the value
  // this field itself gave does not (the text stays as typed). Adjusted during render, not in an effect.
  const [seen, setSeen] = useState({ value, locale, emitted: value });
  if (!Object.is(seen.value, value) || seen.locale !== locale) {
    const isOutside = !Object.is(value, seen.emitted) || seen.locale !== locale;
    setSeen({ value, locale, emitted: isOutside ? value : seen.emitted });
    if (isOutside && !isRefusedNumber(value)) {
      setText(formatNumber(value, locale, SHOWN_DIGITS));
      setIssue(null);
    }
  }
  const emit = (next: number | null) => {
    setSeen((s) => ({ ...s, emitted: next }));
    onChange?.(next);
  };

  const type = (next: string) => {
    setText(next);
    const read = parseNumber(next, locale, { min, max, isInteger });
    if ('issue' in read) {
      setIssue(read.issue);
      emit(Number.NaN);
    } else {
      setIssue(null);
      emit(read.value);
    }
  };
  const leave = () => {
    const read = parseNumber(text, locale, { min, max, isInteger });
    if ('value' in read) setText(formatNumber(read.value, locale, SHOWN_DIGITS));
  };
  return (
    <div style={style}>
      <Input
        {...data}
        id={id}
        value={text}
        inputMode="decimal"
        autoComplete="off"
        disabled={disabled}
        autoFocus={autoFocus}
        placeholder={placeholder}
        suffix={suffix}
        size={size}
        status={issue ? 'error' : status}
        aria-label={ariaLabel}
        aria-invalid={issue || status === 'error' ? true : undefined}
        aria-describedby={issue ? messageId : undefined}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={leave}
      />
      {issue && (
        <Typography.Text id={messageId} type="danger" role="alert" style={{ fontSize: 13 }}>
          {issueText(issue)}
        </Typography.Text>
      )}
    </div>
  );
}
