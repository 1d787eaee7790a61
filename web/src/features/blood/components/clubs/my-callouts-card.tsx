import { bloodGroupLabel } from '@contracts/blood/common.ts';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../app/api-client.ts';
import { formatDateTime } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { useMyCallouts, useReply } from './api.ts';

/**
 * The donor's own call-outs (for /me/blood): where and by when blood of their group is needed, with "I'll come" and
 * "Not this time". Renders nothing for an account that is not a donor.
 */
export function MyCalloutsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useMyCallouts();
  const reply = useReply();
  if (mine.error && isApiError(mine.error) && mine.error.status === 403) return null;
  const answer = (id: number, a: 'accept' | 'decline') =>
    reply.mutate({ id, answer: a }, { onError: (e) => message.error(errorMessage(e)) });
  return (
    <Card title={t('bloodClubs.callouts.mine')} style={{ marginBottom: 16 }}>
      <List
        loading={mine.isLoading}
        dataSource={mine.data ?? []}
        locale={{ emptyText: t('bloodClubs.callouts.mineEmpty') }}
        renderItem={(c) => (
          <List.Item>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color="red">{bloodGroupLabel(c.abo, c.rh)}</Tag>
                <Typography.Text strong>{c.place}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">
                {c.requesterName} · {t('bloodClubs.callouts.neededBy')} {formatDateTime(c.neededBy)}
              </Typography.Text>
              <Space wrap>
                <Tag>{t(`bloodClubs.callouts.replies.${c.reply}`)}</Tag>
                {c.canReply && (
                  <>
                    <Button
                      type="primary"
                      size="small"
                      disabled={c.reply === 'accepted'}
                      onClick={() => answer(c.id, 'accept')}
                    >
                      {t('bloodClubs.callouts.accept')}
                    </Button>
                    <Button
                      size="small"
                      disabled={c.reply === 'declined'}
                      onClick={() => answer(c.id, 'decline')}
                    >
                      {t('bloodClubs.callouts.decline')}
                    </Button>
                  </>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
