import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateMe } from '../../features/auth/api.ts';
import { changeLocale, currentLocale, type Locale } from '../i18n/index.ts';

/** VI/EN; remembered in the browser, and on the server once signed in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const updateMe = useUpdateMe();
  const onChange = (locale: Locale) => {
    void changeLocale(locale);
    if (me && me.user.locale !== locale) updateMe.mutate({ locale });
  };
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('header.language')}
      value={currentLocale()}
      onChange={onChange}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
    />
  );
}
