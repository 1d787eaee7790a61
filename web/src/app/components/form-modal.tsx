import { type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clearErrorsOnChange } from '../forms.ts';
import { AppForm } from './app-form.tsx';

type FormModalProps<V> = {
  title: ReactNode;
  form: FormInstance<V>;
  onCancel: () => void;
  onFinish: (values: V) => void;
  okText?: ReactNode;
  okDanger?: boolean;
  busy?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  children: ReactNode;
};

/**
 * A modal whose footer button submits the form (an AppForm: Enter in a field moves on, Ctrl/Cmd+Enter sends). Mount
 * it only while open: every opening starts from fresh initial values.
 */
export function FormModal<V>(props: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={props.title}
      width={props.width ?? 560}
      onCancel={props.onCancel}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      okButtonProps={{ htmlType: 'submit', danger: props.okDanger }}
      mask={{ closable: false }}
      modalRender={(dom) => (
        <AppForm<V>
          form={props.form}
          layout="vertical"
          initialValues={props.initialValues}
          onFinish={props.onFinish}
          onValuesChange={clearErrorsOnChange(props.form)}
          scrollToFirstError
        >
          {dom}
        </AppForm>
      )}
    >
      {props.children}
    </Modal>
  );
}
