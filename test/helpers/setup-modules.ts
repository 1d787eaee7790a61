import { modules } from '../../src/modules/index.ts';
import { installModules } from '../../src/platform/modules.ts';

// Tests that call services without building the app (subtree moves, indicator sources, jobs) see the same modules.
installModules(modules);
