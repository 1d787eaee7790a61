import './notification-bell.css';
import { BellOutlined } from '@ant-design/icons';
import type { NotificationView } from '@contracts/notifications.ts';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api.ts';

function NoticeList({ items, onOpen }: { items: NotificationView[]; onOpen: (n: NotificationView) => void }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={items.slice(0, 20)}
      locale={{ emptyText: <EmptyState text={t('notifications.empty')} /> }}
      style={{ maxHeight: 420, overflowY: 'auto' }}
      renderItem={(n) => (
        <List.Item style={{ padding: 0 }}>
          <button
            type="button"
            className={`notice-item${n.readAt ? '' : ' notice-unread'}`}
            onClick={() => onOpen(n)}
          >
            <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
            {n.body && (
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2 }}
                style={{ margin: 0, fontSize: 13 }}
              >
                {n.body}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(n.createdAt)}
            </Typography.Text>
          </button>
        </List.Item>
      )}
    />
  );
}

/** The header's bell: unread count; opening a notice marks it read and follows its link. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notices = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = notices.data?.unreadCount ?? 0;
  const onOpen = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) navigate(n.link);
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ width: 360, justifyContent: 'space-between' }}>
          <span>{t('notifications.title')}</span>
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t('notifications.readAll')}
            </Button>
          )}
        </Space>
      }
      content={
        <div style={{ width: 360 }}>
          <NoticeList items={notices.data?.items ?? []} onOpen={onOpen} />
        </div>
      }
    >
      <Button
        type="text"
        aria-label={
          unread > 0
            ? `${t('notifications.bell')}: ${t('notifications.unread', { count: unread })}`
            : t('notifications.bell')
        }
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
