import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of user accounts and role grants: listed by the module's manifest and its web feature. */
export const usersAuditWords = defineAuditWords({
  module: 'users',
  actions: {
    grant: { vi: 'Cấp quyền', en: 'Grant role' },
    unlock: { vi: 'Mở khoá tài khoản', en: 'Unlock account' },
  },
  entities: {
    role_grant: { vi: 'Phân quyền', en: 'Role grant' },
  },
  fields: {
    username: { vi: 'Tên đăng nhập', en: 'Username' },
    role: { vi: 'Vai trò', en: 'Role' },
  },
});
