import { InputNumber } from 'antd';

type Props = { id?: string; value?: number | null; onChange?: (v: number | null) => void; step?: number };

/** An amount in đồng, grouped the Vietnamese way (1.200.000 ₫). */
export function MoneyInput({ id, value, onChange, step = 10_000 }: Props) {
  return (
    <InputNumber<number>
      id={id}
      value={value}
      onChange={onChange}
      min={0}
      step={step}
      style={{ width: '100%' }}
      formatter={(v) =>
        v === undefined || v === null || `${v}` === '' ? '' : Number(v).toLocaleString('vi-VN')
      }
      parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
      suffix="₫"
    />
  );
}
