import {
  CaretRightOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  EditOutlined,
  PrinterOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client.ts';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { attendanceFiles } from '../api/attendance.ts';
import { type ClassStatus, type TrainingClass, useClassChange } from '../api/classes.ts';
import { rosterFiles } from '../api/enrolment.ts';
import { notBefore } from './class-calendar.ts';
import { ClassFormModal } from './class-form-modal.tsx';

type Next = Exclude<ClassStatus, 'planned'>;
const next: Record<ClassStatus, Next[]> = {
  planned: ['open', 'cancelled'],
  open: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};
const icons = {
  open: <UnlockOutlined />,
  in_progress: <CaretRightOutlined />,
  completed: <CheckCircleOutlined />,
  cancelled: <StopOutlined />,
};

/**
 * The class's files for everyone who sees it; status changes and editing for its provider. Starting, ending and
 * cancelling cannot be undone: they ask first, saying what will happen; starting and ending before the sessions'
 * days are disabled, saying from which day they are possible.
 */
export function ClassActions({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const change = useClassChange();
  const [editing, setEditing] = useState(false);
  const closed = c.status === 'completed' || c.status === 'cancelled';
  /** Why a move is not possible yet, or null. */
  const blocked = (status: Next): string | null => {
    if (status !== 'in_progress' && status !== 'completed') return null;
    const day = notBefore(c, status);
    if (day === null) return null;
    if (day === 'no_sessions') return t('training.classes.needsSessions');
    return t(`training.classes.possibleFrom.${status}`, { date: formatDate(day) });
  };
  const move = (status: Next) => {
    const run = () =>
      change.mutate(
        { kind: 'status', id: c.id, body: { version: c.version, status } },
        {
          onSuccess: () => message.success(t(`training.classes.moved.${status}`)),
          onError: (e) => {
            const title = isApiError(e) && e.status === 409 ? t('training.classes.cannotMove') : undefined;
            if (title) modal.error({ title, content: errorMessage(e) });
            else message.error(errorMessage(e));
          },
        },
      );
    if (status !== 'open')
      modal.confirm({
        title: t(`training.classes.confirm.${status}`, { code: c.code }),
        content: t(`training.classes.confirmText.${status}`),
        okText: t(`training.classes.actions.${status}`),
        okButtonProps: { danger: status === 'cancelled' },
        cancelText: t('common.cancel'),
        onOk: run,
      });
    else run();
  };
  const moves = c.can.manage ? next[c.status] : [];
  const [primary, ...rest] = moves.filter((s) => s !== 'cancelled');
  return (
    <Space wrap className="no-print">
      <Button icon={<DownloadOutlined />} href={rosterFiles.xlsx(c.id)} download>
        {t('training.classes.exportRoster')}
      </Button>
      <Button icon={<PrinterOutlined />} href={attendanceFiles.sheet(c.id)} target="_blank" rel="noreferrer">
        {t('training.classes.attendanceSheet')}
      </Button>
      {c.can.manage && !closed && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('training.classes.edit')}
        </Button>
      )}
      {primary && (
        <Tooltip title={blocked(primary)}>
          <Button
            type="primary"
            icon={icons[primary]}
            loading={change.isPending}
            disabled={blocked(primary) !== null}
            onClick={() => move(primary)}
          >
            {t(`training.classes.actions.${primary}`)}
          </Button>
        </Tooltip>
      )}
      {(rest.length > 0 || moves.includes('cancelled')) && (
        <Dropdown
          menu={{
            items: [...rest, ...(moves.includes('cancelled') ? (['cancelled'] as const) : [])].map((s) => ({
              key: s,
              icon: icons[s],
              danger: s === 'cancelled',
              disabled: blocked(s) !== null,
              // A disabled item says why in its own text (a tooltip would not reach keyboard users).
              label: blocked(s)
                ? `${t(`training.classes.actions.${s}`)} — ${blocked(s)}`
                : t(`training.classes.actions.${s}`),
            })),
            onClick: ({ key }) => move(key as Next),
          }}
        >
          <Button>{t('training.classes.more')}</Button>
        </Dropdown>
      )}
      {editing && <ClassFormModal klass={c} onClose={() => setEditing(false)} />}
    </Space>
  );
}
