import { Form, type FormProps } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';

/** What Enter does in a form: submit it (Ctrl/Cmd+Enter, or Enter where allowed), move on, or nothing of ours. */
export type EnterAction = 'submit' | 'next' | 'stay';

/**
 * The keyboard rule of every form: Ctrl/Cmd+Enter submits; Enter in a text field moves to the next field; Enter in a
 * select or date picker is theirs (it picks); Enter on a button or in a text area keeps its own meaning. Only a form
 * that asks for it (`enterSubmits`, the sign-in form) submits on Enter — a half-filled request is never sent by it.
 */
export function enterAction(
  key: { key: string; ctrlKey: boolean; metaKey: boolean; isComposing?: boolean },
  target: { tagName: string; picks: boolean },
  enterSubmits = false,
): EnterAction {
  if (key.key !== 'Enter' || key.isComposing) return 'stay';
  if (key.ctrlKey || key.metaKey) return 'submit';
  if (target.tagName !== 'INPUT') return 'stay';
  if (target.picks) return 'stay';
  return enterSubmits ? 'submit' : 'next';
}

const FIELDS =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), button[type=submit]:not([disabled])';

/** The field after `from` in the form (or the dialog its footer button sits in), in document order. */
function focusNext(scope: HTMLElement, from: HTMLElement) {
  const all = [...scope.querySelectorAll<HTMLElement>(FIELDS)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
  all[all.indexOf(from) + 1]?.focus();
}

/** Form `onKeyDown` applying {@link enterAction}. */
export function formKeyDown(enterSubmits = false) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    const picks = target.closest('.ant-select, .ant-picker, .ant-cascader') !== null;
    const action = enterAction(
      { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, isComposing: e.nativeEvent.isComposing },
      { tagName: target.tagName, picks },
      enterSubmits,
    );
    if (action === 'stay') {
      // Keeps the browser from submitting the form implicitly (Enter in a single-line input).
      if (e.key === 'Enter' && target.tagName === 'INPUT') e.preventDefault();
      return;
    }
    e.preventDefault();
    if (action === 'submit') e.currentTarget.requestSubmit();
    else focusNext(e.currentTarget, target);
  };
}

/**
 * Ant Design's Form with the app's keyboard rule ({@link enterAction}): every form of the app is an AppForm (or a
 * FormModal, which is one). `enterSubmits` for the few forms where Enter must send (sign-in).
 */
export function AppForm<V>({
  enterSubmits,
  ...props
}: Omit<FormProps<V>, 'children'> & { enterSubmits?: boolean; children?: ReactNode }) {
  return <Form<V> {...props} onKeyDown={formKeyDown(enterSubmits)} />;
}
