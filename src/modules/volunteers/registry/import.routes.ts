import type { ModuleRoutes } from '../../../platform/http/app.ts';

export const registryImportRoutes: ModuleRoutes = () => {};
