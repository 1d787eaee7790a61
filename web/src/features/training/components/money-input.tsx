import { NumberField } from '../../../app/components/number-field.tsx';

type Props = { id?: string; value?: number | null; onChange?: (v: number | null) => void };

/** An amount in đồng, whole and grouped the way the language writes it (1.200.000 ₫), never coerced. */
export function MoneyInput({ id, value, onChange }: Props) {
  return <NumberField id={id} value={value} onChange={onChange} min={0} isInteger suffix="₫" />;
}
