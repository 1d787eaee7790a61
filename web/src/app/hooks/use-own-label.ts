import { useLayoutEffect, useState } from 'react';

/**
 * A control's own name for assistive technology, only when nothing else names it: inside a form field whose
 * `<label for={id}>` is on the page, that label is its name (an `aria-label` would override it and a screen
 * reader would announce "Tổ chức" instead of "Đơn vị tổ chức"); outside one (a filter, a list row), `fallback`.
 */
export function useOwnLabel(id: string | undefined, fallback: string): string | undefined {
  const [labelled, setLabelled] = useState(false);
  useLayoutEffect(() => {
    setLabelled(!!id && document.querySelector(`label[for="${CSS.escape(id)}"]`) !== null);
  }, [id]);
  return labelled ? undefined : fallback;
}
