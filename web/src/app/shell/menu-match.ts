import { useLocation, useMatches } from 'react-router';
import type { MenuEntry, MenuLink } from '../feature.tsx';
import { features } from '../features.ts';

/** Every feature's menu entries by their order, and the links they hold (submenus opened up). */
export const menuEntries: MenuEntry[] = features
  .flatMap((f) => f.menu ?? [])
  .sort((a, b) => a.order - b.order);
export const menuLinks: MenuLink[] = menuEntries.flatMap((e) => ('children' in e ? e.children : [{ ...e }]));

/**
 * What a route may say about where it sits: `handle: { menu: '/reports' }` files a page under that menu link
 * when its address alone would file it elsewhere (the report form, `/plans/7/report`, belongs to "Báo cáo phải nộp").
 */
export type RouteHandle = { menu?: string };

/** The menu link of an address: the longest menu path it starts with (`/plans/7/edit` → `/plans`). */
function linkByAddress(pathname: string): MenuLink | undefined {
  const isUnder = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  return menuLinks.filter((l) => isUnder(l.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * The menu link the current page belongs to — the one route match both the side menu (the highlighted item) and
 * the page's breadcrumb (its first crumb) are derived from, so the two never disagree.
 */
export function usePageMenuLink(): MenuLink | undefined {
  const { pathname } = useLocation();
  const matches = useMatches();
  const declared = matches
    .map((m) => (m.handle as RouteHandle | undefined)?.menu)
    .filter((p): p is string => p !== undefined)
    .at(-1);
  return (declared && menuLinks.find((l) => l.path === declared)) || linkByAddress(pathname);
}
