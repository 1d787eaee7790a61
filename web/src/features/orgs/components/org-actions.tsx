import {
  EditOutlined,
  MergeOutlined,
  PlusOutlined,
  RollbackOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { OrgDetail } from '@contracts/orgs.ts';
import { Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TranslationKey } from '../../../app/i18n/keys.ts';
import { OrgFormModal } from './org-form-modal.tsx';
import { OrgRelocateModal } from './org-relocate-modal.tsx';
import { OrgStatusModal } from './org-status-modal.tsx';

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'close' | 'reopen';

const activeActions: { dialog: Dialog; label: TranslationKey; icon: ReactNode }[] = [
  { dialog: 'create', label: 'orgs.actions.addChild', icon: <PlusOutlined /> },
  { dialog: 'edit', label: 'orgs.actions.edit', icon: <EditOutlined /> },
  { dialog: 'move', label: 'orgs.actions.move', icon: <SwapOutlined /> },
  { dialog: 'merge', label: 'orgs.actions.merge', icon: <MergeOutlined /> },
  { dialog: 'close', label: 'orgs.actions.close', icon: <StopOutlined /> },
];

function ActionButtons({ org, onOpen }: { org: OrgDetail; onOpen: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  if (org.status === 'closed') {
    return (
      <Button icon={<RollbackOutlined />} onClick={() => onOpen('reopen')}>
        {t('orgs.actions.reopen')}
      </Button>
    );
  }
  if (org.status !== 'active') return null;
  return (
    <Space wrap>
      {activeActions.map((a) => (
        <Button
          key={a.dialog}
          icon={a.icon}
          type={a.dialog === 'create' ? 'primary' : 'default'}
          danger={a.dialog === 'close'}
          onClick={() => onOpen(a.dialog)}
        >
          {t(a.label)}
        </Button>
      ))}
    </Space>
  );
}

/** The buttons shown when the user may write here (the server checks again), and their dialogs. */
export function OrgActions({ org }: { org: OrgDetail }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <div className="no-print">
      <ActionButtons org={org} onOpen={setDialog} />
      {(dialog === 'create' || dialog === 'edit') && (
        <OrgFormModal
          mode={dialog}
          org={org}
          onClose={close}
          onSaved={(saved) => {
            close();
            if (dialog === 'create') navigate(`/orgs/${saved.id}`);
          }}
        />
      )}
      {(dialog === 'move' || dialog === 'merge') && (
        <OrgRelocateModal mode={dialog} org={org} onClose={close} />
      )}
      {(dialog === 'close' || dialog === 'reopen') && (
        <OrgStatusModal mode={dialog} org={org} onClose={close} />
      )}
    </div>
  );
}
