import { describe, expect, it } from 'vitest';
import { CCCD_PROVINCES, cccdIssues, checkPerson, maskCccd, type PersonFields } from './people.rules.ts';

const today = '2026-05-04';
const base: PersonFields = {
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-05-07',
  sex: 'male',
  cccd: '027090012345',
  phone: '0912345678',
  email: null,
};
const issuesOf = (p: Partial<PersonFields>) => checkPerson({ ...base, ...p }, today).issues;

describe('CCCD rules (Thông tư 59/2021/TT-BCA)', () => {
  it('knows the 63 birthplace codes of the old provinces', () => {
    expect(Object.keys(CCCD_PROVINCES)).toHaveLength(63);
    expect(CCCD_PROVINCES['027']).toBe('Bắc Ninh');
    expect(CCCD_PROVINCES['024']).toBe('Bắc Giang');
    expect(CCCD_PROVINCES['003']).toBeUndefined();
  });

  it('accepts a card that agrees with the birth date and sex', () => {
    expect(cccdIssues('027090012345', '1990-05-07', 'male', today)).toEqual([]);
    expect(cccdIssues('001301000001', '2001-01-01', 'female', today)).toEqual([]);
  });

  it('says what is wrong with a short number, letters or an unknown province', () => {
    expect(cccdIssues('027090012', null, null, today)[0]).toMatch(
      /đúng 12 chữ số \(đang có 9\).*CMND cũ 9 số/,
    );
    expect(cccdIssues('02709001234X', null, null, today)[0]).toBe('Số CCCD chỉ gồm chữ số');
    expect(cccdIssues('003090012345', null, null, today)[0]).toMatch(/3 chữ số đầu của CCCD \(003\)/);
    expect(cccdIssues('097090012345', null, null, today)[0]).toMatch(/mã tỉnh/);
  });

  it('checks digit 4 (century and sex) and digits 5–6 (birth year) against what was declared', () => {
    expect(cccdIssues('027290012345', '1990-05-07', null, today)[0]).toBe(
      'Chữ số thứ 4 của CCCD (2) ứng với người sinh năm 2000–2099, không khớp ngày sinh 07/05/1990',
    );
    expect(cccdIssues('027091012345', '1990-05-07', null, today)[0]).toBe(
      'Chữ số thứ 5–6 của CCCD (91) phải là hai số cuối của năm sinh (90)',
    );
    expect(cccdIssues('027190012345', '1990-05-07', 'male', today)[0]).toBe(
      'Chữ số thứ 4 của CCCD (1) ứng với giới tính nữ, không khớp giới tính đã khai (nam)',
    );
    // Without a birth date, a year still to come is caught.
    expect(cccdIssues('027299012345', null, null, today)[0]).toMatch(/\(2099\) chưa tới/);
  });

  it('masks all but the first 4 and last 2 digits', () => {
    expect(maskCccd('027090012345')).toBe('0270******45');
    expect(maskCccd(null)).toBeNull();
  });
});

describe('person field rules', () => {
  it('normalises the name to NFC with single spaces and accepts Vietnamese and ethnic-minority names', () => {
    const decomposed = 'Nguye\u0302\u0303n   Thị  Hồng'.normalize('NFD');
    const r = checkPerson({ ...base, fullName: ` ${decomposed} ` }, today);
    expect(r.issues).toEqual([]);
    expect(r.value.fullName).toBe('Nguyễn Thị Hồng');
    expect(issuesOf({ fullName: "H'Hen Niê" })).toEqual([]);
  });

  it('refuses digits, a single word, too long a name, and says so on the fullName field', () => {
    expect(issuesOf({ fullName: 'Nguyễn Văn 2' })).toEqual([
      {
        field: 'fullName',
        message: 'Họ và tên chỉ gồm chữ cái (có dấu tiếng Việt), dấu cách và dấu nháy đơn',
      },
    ]);
    expect(issuesOf({ fullName: 'An' })[0]!.message).toBe('Ghi đủ họ và tên');
    expect(issuesOf({ fullName: `Nguyễn ${'A'.repeat(100)}` })[0]!.message).toBe(
      'Họ và tên tối đa 100 ký tự',
    );
    expect(issuesOf({ fullName: '  ' })[0]!.message).toBe('Chưa nhập họ và tên');
  });

  it('refuses a birth date in the future or an age outside 15–100', () => {
    expect(issuesOf({ birthDate: '2026-06-01', cccd: null })[0]).toEqual({
      field: 'birthDate',
      message: 'Ngày sinh không được sau ngày hôm nay',
    });
    expect(issuesOf({ birthDate: '2012-01-01', cccd: null })[0]!.message).toBe(
      'Tuổi phải từ 15 đến 100 (ngày sinh 01/01/2012 cho 14 tuổi)',
    );
    expect(issuesOf({ birthDate: '2011-05-04', cccd: null })).toEqual([]);
    expect(issuesOf({ birthDate: '1925-01-01', cccd: null })[0]!.field).toBe('birthDate');
  });

  it('accepts mobile and +84 numbers, normalised to 0…, and refuses others', () => {
    expect(checkPerson({ ...base, phone: '+84 912 345 678' }, today).value.phone).toBe('0912345678');
    expect(checkPerson({ ...base, phone: '0222.3821.234' }, today).issues).toEqual([]);
    expect(issuesOf({ phone: '091234567' })[0]!.field).toBe('phone');
    expect(issuesOf({ phone: '0112345678' })[0]!.message).toMatch(/10 chữ số bắt đầu bằng 0/);
  });

  it('checks the e-mail and lower-cases it', () => {
    expect(checkPerson({ ...base, email: 'An.Nguyen@Example.VN' }, today).value.email).toBe(
      'an.nguyen@example.vn',
    );
    expect(issuesOf({ email: 'an@' })).toEqual([{ field: 'email', message: 'Địa chỉ e-mail không hợp lệ' }]);
  });
});
