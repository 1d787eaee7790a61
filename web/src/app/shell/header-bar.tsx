import {
  ApartmentOutlined,
  DownOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../../features/auth/api.ts';
import { features } from '../features.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** Widgets features put in the header (the notification bell). */
const headerWidgets = features.flatMap((f) =>
  (f.header ?? []).map((Widget, i) => ({ key: `${f.name}.${i}`, Widget })),
);

function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const items: MenuProps['items'] = [
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout') },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    if (key === 'logout')
      logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button type="text" aria-label={t('header.userMenu')}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          <span className="hide-on-phone">{me.user.fullName}</span>
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}

/** The page's header; on a phone it starts with the button that opens the menu (`onMenu`). */
export function HeaderBar({ onMenu }: { onMenu?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const orgName = me.grants[0]?.orgName ?? (me.isSystemAdmin ? t('header.systemAdmin') : '');
  return (
    <header className="app-header">
      {onMenu && (
        <Button type="text" icon={<MenuOutlined />} aria-label={t('header.menu')} onClick={onMenu} />
      )}
      <Space style={{ minWidth: 0 }} className="hide-on-phone">
        <ApartmentOutlined />
        <Typography.Text strong ellipsis style={{ maxWidth: 480 }} title={orgName}>
          {orgName}
        </Typography.Text>
      </Space>
      <Space size="middle">
        <LanguageSwitch />
        {headerWidgets.map(({ key, Widget }) => (
          <Widget key={key} />
        ))}
        <UserMenu />
      </Space>
    </header>
  );
}
