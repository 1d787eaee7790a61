import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of sign-in, passwords and API keys: listed by the module's manifest and its web feature. */
export const authAuditWords = defineAuditWords({
  module: 'auth',
  actions: {
    change_password: { vi: 'Đổi mật khẩu', en: 'Change password' },
  },
  entities: {
    session: { vi: 'Phiên đăng nhập', en: 'Session' },
    api_token: { vi: 'Khoá API', en: 'API key' },
  },
});
