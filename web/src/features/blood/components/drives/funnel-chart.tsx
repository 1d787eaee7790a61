import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { barSeries, ChartFigure } from '../../../../app/components/chart.tsx';
import { useFormatPercent } from '../../../../app/numbers.ts';
import { useFunnel } from '../../api/drives.ts';

const STEPS = ['registered', 'checkedIn', 'screened', 'donated', 'deferred', 'noShow', 'walkIns'] as const;

/** The drive's live funnel (polled every 10 s): a bar per step, the target as a line, the units against it. */
export function FunnelChart({ driveId }: { driveId: number }) {
  const { t } = useTranslation();
  const percent = useFormatPercent();
  const funnel = useFunnel(driveId);
  const f = funnel.data;
  if (!f) return null;
  // Deferrals (health data) only for a reader of health data: null otherwise, and no bar.
  const data = STEPS.filter((k) => f.totals[k] !== null).map((k) => ({
    step: t(`bloodDrives.funnel.${k}`),
    value: f.totals[k],
  }));
  return (
    <Card size="small" title={t('bloodDrives.funnel.title')} extra={t('bloodDrives.funnel.live')}>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('bloodDrives.funnel.units')}
            value={f.totals.donated}
            suffix={f.targetUnits ? `/ ${f.targetUnits}` : undefined}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('bloodDrives.funnel.ofTarget')}
            value={f.targetUnits ? percent((f.totals.donated / f.targetUnits) * 100, 0) : '—'}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('bloodDrives.funnel.registered')} value={f.totals.registered} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('bloodDrives.funnel.noShow')} value={f.totals.noShow} />
        </Col>
      </Row>
      <ChartFigure label={data.map((d) => `${d.step}: ${d.value}`).join('; ')} height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="step" interval={0} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          {f.targetUnits ? (
            <ReferenceLine
              y={f.targetUnits}
              stroke="#cf1322"
              strokeDasharray="4 4"
              label={t('bloodDrives.funnel.target')}
            />
          ) : null}
          {barSeries([{ dataKey: 'value', name: t('bloodDrives.funnel.count'), fill: '#c41d7f' }])}
        </BarChart>
      </ChartFigure>
    </Card>
  );
}
