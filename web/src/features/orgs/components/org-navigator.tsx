import { SearchOutlined } from '@ant-design/icons';
import type { OrgDetail } from '@contracts/orgs.ts';
import { Card, Input, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { OrgSearchResults } from './org-search-results.tsx';
import { OrgTree } from './org-tree.tsx';

/** Left panel of the organisations page: search box, "show closed" toggle, then the tree or the results. */
export function OrgNavigator({ selected }: { selected: OrgDetail | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const q = useDebouncedValue(text.trim(), 300);
  return (
    <Card className="no-print" styles={{ body: { padding: 16 } }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('orgs.searchPlaceholder')}
          aria-label={t('orgs.searchLabel')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Space>
          <Switch
            size="small"
            checked={showClosed}
            onChange={setShowClosed}
            aria-label={t('orgs.showClosed')}
          />
          <Typography.Text type="secondary">{t('orgs.showClosed')}</Typography.Text>
        </Space>
        {q.length >= 2 ? (
          <OrgSearchResults q={q} showClosed={showClosed} selectedId={selected?.id} />
        ) : (
          <OrgTree showClosed={showClosed} selected={selected} />
        )}
      </Space>
    </Card>
  );
}
