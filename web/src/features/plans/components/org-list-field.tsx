import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgChildren } from '../../orgs/api.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';

type Names = { nameOf: (id: number) => string; remember: (entries: [number, string][]) => void };

const OrgNames = createContext<Names>({ nameOf: (id) => `#${id}`, remember: () => {} });

/** Names of organisations already on a form (from the plan being edited, or picked since). */
export function OrgNamesProvider({
  initial,
  children,
}: {
  initial: [number, string][];
  children: ReactNode;
}) {
  const [names, setNames] = useState(() => new Map(initial));
  const remember = useCallback(
    (entries: [number, string][]) => setNames((m) => new Map([...m, ...entries])),
    [],
  );
  const value = useMemo(
    () => ({ nameOf: (id: number) => names.get(id) ?? `#${id}`, remember }),
    [names, remember],
  );
  return <OrgNames.Provider value={value}>{children}</OrgNames.Provider>;
}

export function useOrgNames(): Names {
  return useContext(OrgNames);
}

/** A chosen organisation with a remove button that the keyboard reaches. */
function OrgTag({ name, onRemove }: { name: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Tag style={{ marginBottom: 6, paddingInlineEnd: 0 }}>
      {name}
      <Button
        type="text"
        size="small"
        icon={<CloseOutlined />}
        aria-label={`${t('common.remove')} ${name}`}
        onClick={onRemove}
        style={{ height: 20, width: 20, marginInlineStart: 2 }}
      />
    </Tag>
  );
}

type ListProps = {
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
  /** Offers "add every direct sub-organisation of …". */
  childrenOf?: number;
  /** Organisations already on the plan: neither offered nor added with the direct sub-organisations. */
  excludeIds?: number[];
  placeholder?: string;
  'aria-label'?: string;
};

/** Several organisations, each picked by typing part of its name; shown as removable tags. */
export function OrgListField({
  id,
  value = [],
  onChange,
  childrenOf,
  excludeIds = [],
  placeholder,
  ...rest
}: ListProps) {
  const { t } = useTranslation();
  const { nameOf, remember } = useOrgNames();
  const children = useOrgChildren(childrenOf ?? 0, 'active', childrenOf !== undefined);
  const add = (ids: number[]) =>
    onChange?.([...value, ...ids.filter((i) => !value.includes(i) && !excludeIds.includes(i))]);
  const addChildren = () => {
    const list = (children.data ?? []).filter((o) => !excludeIds.includes(o.id));
    remember(list.map((o) => [o.id, o.name]));
    add(list.map((o) => o.id));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%' }}>
        <OrgPicker
          id={id}
          value={undefined}
          excludeIds={[...value, ...excludeIds]}
          placeholder={placeholder ?? t('plans.fields.addOrg')}
          style={{ width: 420 }}
          onChange={(picked, label) => {
            if (picked === undefined) return;
            if (label) remember([[picked, label]]);
            add([picked]);
          }}
        />
        {childrenOf !== undefined && (
          <Button
            icon={<PlusOutlined />}
            onClick={addChildren}
            disabled={!children.data?.length}
            loading={children.isFetching}
          >
            {t('plans.fields.addDirectChildren')}
          </Button>
        )}
      </Space>
      {value.length === 0 ? (
        <Typography.Text type="secondary">{t('plans.fields.noRecipients')}</Typography.Text>
      ) : (
        <ul className="org-tags" aria-label={rest['aria-label']}>
          {value.map((orgId) => (
            <li key={orgId}>
              <OrgTag name={nameOf(orgId)} onRemove={() => onChange?.(value.filter((v) => v !== orgId))} />
            </li>
          ))}
        </ul>
      )}
    </Space>
  );
}

type OneProps = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
};

/** One organisation: the chosen one as a tag (remove it to pick another). */
export function OrgField({ id, value, onChange, placeholder }: OneProps) {
  const { nameOf, remember } = useOrgNames();
  if (value !== null && value !== undefined) {
    return <OrgTag name={nameOf(value)} onRemove={() => onChange?.(null)} />;
  }
  return (
    <OrgPicker
      id={id}
      value={undefined}
      placeholder={placeholder}
      style={{ width: '100%' }}
      onChange={(picked, label) => {
        if (picked === undefined) return;
        if (label) remember([[picked, label]]);
        onChange?.(picked);
      }}
    />
  );
}
