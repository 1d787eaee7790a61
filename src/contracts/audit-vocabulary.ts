/**
 * The audit log's shared words and its formatting, Vietnamese and English, read by the server (the XLSX export) and
 * the web (the page), so a file says what the screen says. A module brings its own words: its
 * `src/contracts/<module>/audit-words.ts` exports a `defineAuditWords({ module, actions, entities, … })`, listed by
 * its manifest (`ModuleDef.auditWords`) and its web feature (`WebFeature.auditWords`); `composeAuditWords` makes one
 * vocabulary of the shared words and those sets. No file here lists the modules. `test/audit-vocabulary.test.ts`
 * checks every code recorded in `src/` (including SQL) is in the words of the installed manifests.
 */
import { formatViDate } from './dates.ts';
import { formatNumber } from './numbers.ts';

/** Sign-in activity: hidden from the change log by default, shown apart ("Đăng nhập"). */
export const signInActions = ['login', 'login_failed', 'locked', 'logout'] as const;

export type AuditLang = 'vi' | 'en';
export type AuditWordList = Readonly<Record<string, Readonly<Record<AuditLang, string>>>>;

/** One set of audit words: a module's (named by its module) or the shared ones. */
export type AuditWords = {
  /** The module that owns the words (its folder name under src/modules and web/src/features), or 'shared'. */
  module: string;
  /** Action codes (`recordAudit`'s `action`). */
  actions: AuditWordList;
  /** Entity types (`recordAudit`'s `entityType`). */
  entities: AuditWordList;
  /** Field names in before/after; a field not listed shows as it is. */
  fields: AuditWordList;
  /** Values of well-known enums in before/after; others show as they are. */
  values: AuditWordList;
};

export function defineAuditWords(words: {
  module: string;
  actions: AuditWordList;
  entities: AuditWordList;
  fields?: AuditWordList;
  values?: AuditWordList;
}): AuditWords {
  return { fields: {}, values: {}, ...words };
}

/** The words every module may record: sign-ins, the shared verbs, common entities, fields and values. */
export const sharedAuditWords = defineAuditWords({
  module: 'shared',
  actions: {
    login: { vi: 'Đăng nhập', en: 'Sign in' },
    login_failed: { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
    locked: { vi: 'Tạm khoá tài khoản', en: 'Account locked' },
    logout: { vi: 'Đăng xuất', en: 'Sign out' },
    create: { vi: 'Tạo mới', en: 'Create' },
    update: { vi: 'Cập nhật', en: 'Update' },
    delete: { vi: 'Xoá', en: 'Delete' },
    move: { vi: 'Chuyển đơn vị cấp trên', en: 'Move' },
    merge: { vi: 'Sáp nhập', en: 'Merge' },
    link: { vi: 'Liên kết người đã có', en: 'Link an existing person' },
    close: { vi: 'Đóng', en: 'Close' },
    reopen: { vi: 'Mở lại', en: 'Reopen' },
    import: { vi: 'Nhập danh sách', en: 'Import list' },
    read_sensitive: { vi: 'Xem dữ liệu cá nhân nhạy cảm', en: 'Read sensitive personal data' },
    revoke: { vi: 'Thu hồi', en: 'Revoke' },
  },
  entities: {
    organisation: { vi: 'Tổ chức', en: 'Organisation' },
    user: { vi: 'Người dùng', en: 'User' },
    person: { vi: 'Hồ sơ cá nhân', en: 'Person' },
  },
  fields: {
    name: { vi: 'Tên', en: 'Name' },
    fullName: { vi: 'Họ và tên', en: 'Full name' },
    title: { vi: 'Tiêu đề', en: 'Title' },
    code: { vi: 'Mã', en: 'Code' },
    kind: { vi: 'Loại', en: 'Kind' },
    status: { vi: 'Trạng thái', en: 'Status' },
    address: { vi: 'Địa chỉ', en: 'Address' },
    phone: { vi: 'Điện thoại', en: 'Phone' },
    email: { vi: 'Email', en: 'Email' },
    orgId: { vi: 'Đơn vị', en: 'Organisation' },
    isActive: { vi: 'Đang hoạt động', en: 'Active' },
    effectiveOn: { vi: 'Ngày hiệu lực', en: 'Effective on' },
    startDate: { vi: 'Ngày bắt đầu', en: 'Start date' },
    endDate: { vi: 'Ngày kết thúc', en: 'End date' },
    year: { vi: 'Năm', en: 'Year' },
    reason: { vi: 'Lý do', en: 'Reason' },
    number: { vi: 'Số', en: 'Number' },
    field: { vi: 'Trường dữ liệu', en: 'Field' },
    count: { vi: 'Số lượng', en: 'Count' },
    rows: { vi: 'Số dòng', en: 'Rows' },
    fileName: { vi: 'Tên tệp', en: 'File name' },
    source: { vi: 'Nguồn', en: 'Source' },
  },
  values: {
    draft: { vi: 'Nháp', en: 'Draft' },
    closed: { vi: 'Đã đóng', en: 'Closed' },
    active: { vi: 'Đang hoạt động', en: 'Active' },
  },
});

const misc = {
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  empty: { vi: '(trống)', en: '(empty)' },
  more: { vi: 'và {{n}} mục khác', en: 'and {{n}} more' },
} as const;

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

/** The shared words and the modules' sets as one: the labels and formatting the page and the export use. */
export type AuditVocabulary = {
  /** Every action code and entity type with words, in the order the sets list them. */
  actions: string[];
  entityTypes: string[];
  actionLabel(lang: AuditLang, action: string): string;
  entityLabel(lang: AuditLang, entityType: string): string;
  fieldLabel(lang: AuditLang, field: string): string;
  /** One value as a person reads it: dates dd/mm/yyyy, Có/Không, enum labels; lists and objects compact. */
  formatValue(lang: AuditLang, value: unknown): string;
  /** Before → after per field, in words; a field only in one side shows the other as absent (null). */
  describeChanges(lang: AuditLang, before: unknown, after: unknown): AuditChange[];
};

const kinds = ['actions', 'entities', 'fields', 'values'] as const;

/**
 * One vocabulary of the shared words and `sets` (the installed modules' or the web features'). A code two sets
 * word differently is refused: which one the log shows would depend on the order of the list.
 */
export function composeAuditWords(sets: readonly AuditWords[]): AuditVocabulary {
  const all = [sharedAuditWords, ...sets.filter((s) => s !== sharedAuditWords)];
  const merged = { actions: {}, entities: {}, fields: {}, values: {} } as Record<
    (typeof kinds)[number],
    Record<string, Readonly<Record<AuditLang, string>>>
  >;
  const from: Record<string, string> = {};
  for (const set of new Set(all))
    for (const kind of kinds)
      for (const [code, words] of Object.entries(set[kind])) {
        const had = merged[kind][code];
        if (had && (had.vi !== words.vi || had.en !== words.en))
          throw new Error(
            `audit words: ${kind} ${code} of ${set.module} differs from ${from[`${kind}:${code}`]}'s`,
          );
        merged[kind][code] = words;
        from[`${kind}:${code}`] ??= set.module;
      }
  const label = (kind: (typeof kinds)[number], lang: AuditLang, code: string) =>
    merged[kind][code]?.[lang] ?? code;

  const formatValue = (lang: AuditLang, value: unknown): string => {
    if (value === null || value === undefined || value === '') return misc.empty[lang];
    if (typeof value === 'boolean') return value ? misc.yes[lang] : misc.no[lang];
    if (typeof value === 'number') return formatNumber(value, lang, 3);
    if (typeof value === 'string') {
      if (isoDay.test(value)) return formatViDate(value);
      if (isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return formatVnDateTime(value);
      return label('values', lang, value);
    }
    if (Array.isArray(value)) {
      const shown = value.slice(0, 10).map((v) => formatValue(lang, v));
      const rest = value.length - shown.length;
      return rest > 0
        ? `${shown.join(', ')} ${misc.more[lang].replace('{{n}}', String(rest))}`
        : shown.join(', ');
    }
    return JSON.stringify(value);
  };

  return {
    actions: Object.keys(merged.actions),
    entityTypes: Object.keys(merged.entities),
    actionLabel: (lang, action) => label('actions', lang, action),
    entityLabel: (lang, entityType) => label('entities', lang, entityType),
    fieldLabel: (lang, field) => label('fields', lang, field),
    formatValue,
    describeChanges(lang, before, after) {
      const obj = (v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
      const b = obj(before);
      const a = obj(after);
      if (!b && !a) return [];
      const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
      return fields
        .filter((f) => !b || !a || JSON.stringify(b[f]) !== JSON.stringify(a[f]))
        .map((field) => ({
          field,
          label: label('fields', lang, field),
          before: b && field in b ? formatValue(lang, b[field]) : null,
          after: a && field in a ? formatValue(lang, a[field]) : null,
        }));
    },
  };
}

export function isSignInAction(action: string): boolean {
  return (signInActions as readonly string[]).includes(action);
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** dd/mm/yyyy HH:mm in Vietnam (UTC+7, no summer time), for an instant. */
export function formatVnDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
