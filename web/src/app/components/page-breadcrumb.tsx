import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageMenuLink } from '../shell/menu-match.ts';

/**
 * A detail page's breadcrumb: it starts at the menu item the side menu highlights for this page (the same route
 * match), then the page's own crumbs.
 */
export function PageBreadcrumb({ items }: { items: { key: string; title: ReactNode }[] }) {
  const { t } = useTranslation();
  const link = usePageMenuLink();
  const first = link ? [{ key: 'menu', title: <Link to={link.path}>{t(link.label)}</Link> }] : [];
  return <Breadcrumb className="no-print" items={[...first, ...items]} />;
}
