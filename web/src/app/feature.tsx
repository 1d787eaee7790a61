import type { AuditWords } from '@contracts/audit-vocabulary.ts';
import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../features/auth/components/require-auth.tsx';
import type { Shape, TranslationKey } from './i18n/keys.ts';

/**
 * Who sees a menu link: users holding `permission` when given; `self` links (a person's own pages, e.g. "Hoạt động
 * tình nguyện của tôi") only to accounts linked to a person; `everyone` links (the home page) to every user. An
 * account without any grant (a volunteer's) sees only `self` and `everyone` links: every staff page would be empty.
 */
export type MenuAudience = { permission?: string; self?: true; everyone?: true };

/** A link in the side menu (or in one of its submenus). */
export type MenuLink = { path: string; label: TranslationKey } & MenuAudience;

/**
 * A side-menu entry: a link, or a submenu of links (hidden when none of its links is visible).
 * `order` places it among every feature's entries; `section: 'admin'` puts it in the Quản trị group.
 */
export type MenuEntry = {
  key: string;
  label: TranslationKey;
  icon: ReactNode;
  order: number;
  section?: 'main' | 'admin';
} & (
  | ({
      path: string;
      /** A count beside the label (what waits there), shown only to those who see the entry. */
      badge?: ComponentType;
    } & MenuAudience)
  | { children: MenuLink[] }
);

/**
 * What a web feature gives the shell. `V` is its translations: one object per namespace it owns
 * (`{ users: viUsers }`); English must have the same shape.
 */
export type WebFeature<V = object> = {
  name: string;
  /** Pages inside the shell (paths relative to `/`). */
  routes?: RouteObject[];
  /** Pages outside the shell and its sign-in guard (the login page). */
  publicRoutes?: RouteObject[];
  menu?: MenuEntry[];
  /** Small widgets for the header bar, left of the user menu (the notification bell). */
  header?: ComponentType[];
  /** The audit log's words of its module (the same sets as the server manifest's `auditWords`). */
  auditWords?: readonly AuditWords[];
  translations: { vi: V; en: Shape<V> };
};

/** Route-level code splitting: each page is its own chunk, loaded on first visit. */
export function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Page = lazy(() => load().then((m) => ({ default: pick(m) })));
  return function LazyPage() {
    return (
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
        <Page />
      </Suspense>
    );
  };
}

/** A page only users holding `permission` may open (the menu hides its link; the server checks again). */
export function guarded(permission: string, element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}
