/** The sign-in page (`auth.*`). */
export const viAuth = {
  tagline:
    'Lập kế hoạch, triển khai và báo cáo các chương trình chăm sóc sức khỏe người lao động và hoạt động nhân đạo.',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
};
