import type { ModuleDef } from '../../platform/modules.ts';
import { homeRoutes } from './home.routes.ts';

/** The home page's summary: it composes the installed manifests' `homeBlocks`, and owns no data. */
export const homeModule: ModuleDef = {
  name: 'home',
  tags: [{ name: 'Trang chủ', description: 'Việc cần làm của người dùng, theo vai trò' }],
  routes: [homeRoutes],
};
