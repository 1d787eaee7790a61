import { Input, Space } from 'antd';
import type { ReactNode } from 'react';

/**
 * A list's search box: cleared with one click, named for screen readers, never wider than the screen. It hands
 * back the text as typed; the page folds, trims or debounces it.
 */
export function SearchBox({
  value,
  onChange,
  placeholder,
  label,
  width,
}: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  label: string;
  width: number;
}) {
  return (
    <Input.Search
      allowClear
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      aria-label={label}
      style={{ width, maxWidth: '100%' }}
    />
  );
}

/** The row of filters above a list page's table (a search box, then selects); not printed. */
export function ListFilters({ children }: { children: ReactNode }) {
  return (
    <Space wrap className="no-print" style={{ marginBottom: 16 }}>
      {children}
    </Space>
  );
}
