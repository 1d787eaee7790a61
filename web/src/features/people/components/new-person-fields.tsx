import { Col, Form, Input, Radio, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';

/**
 * The identity fields of a person registered from another module's form (a volunteer, a donor), under the form's
 * `person` object: full name, birth date, sex, CCCD, phone and optionally e-mail. `ns` is the calling feature's
 * namespace, whose `fields.*` and `sex.*` words label them (each module words its own form).
 */
export function NewPersonFields({
  ns,
  sexRequired = false,
  withEmail = false,
}: {
  ns: 'volunteers' | 'bloodDonors';
  sexRequired?: boolean;
  withEmail?: boolean;
}) {
  const { t } = useTranslation();
  const half = (children: ReactNode) => (
    <Col xs={24} sm={12}>
      {children}
    </Col>
  );
  return (
    <>
      <Form.Item name={['person', 'fullName']} label={t(`${ns}.fields.fullName`)} required>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        {half(
          <Form.Item name={['person', 'birthDate']} label={t(`${ns}.fields.birthDate`)} required>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name={['person', 'sex']} label={t(`${ns}.fields.sex`)} required={sexRequired}>
            <Radio.Group
              options={[
                { value: 'male', label: t(`${ns}.sex.male`) },
                { value: 'female', label: t(`${ns}.sex.female`) },
              ]}
            />
          </Form.Item>,
        )}
        {half(
          <Form.Item name={['person', 'cccd']} label={t(`${ns}.fields.cccd`)}>
            <Input inputMode="numeric" maxLength={20} autoComplete="off" />
          </Form.Item>,
        )}
        {half(
          <Form.Item name={['person', 'phone']} label={t(`${ns}.fields.phone`)}>
            <Input inputMode="tel" maxLength={20} autoComplete="off" />
          </Form.Item>,
        )}
      </Row>
      {withEmail && (
        <Form.Item name={['person', 'email']} label={t('volunteers.fields.email')}>
          <Input inputMode="email" maxLength={254} autoComplete="off" />
        </Form.Item>
      )}
    </>
  );
}
