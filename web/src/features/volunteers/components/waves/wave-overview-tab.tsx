import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../../../app/components/chart.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { useSkillName } from './wave-labels.tsx';
import { useFill, type Wave } from './waves-api.ts';

/** The proposed and still-missing people against each institution's quota, as stacked bars. */
function FillChart({ waveId }: { waveId: number }) {
  const { t } = useTranslation();
  const fill = useFill(waveId);
  const rows = (fill.data?.institutions ?? []).map((i) => ({
    name: i.orgName,
    named: i.proposed + i.accepted,
    missing: i.missing,
  }));
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('waves.detail.chartTitle')}>
      <ChartFigure label={t('waves.detail.chartLabel')} height={Math.max(160, 40 * rows.length + 60)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="named"
            name={t('waves.detail.named')}
            stackId="a"
            fill="#1677ff"
            isAnimationActive={false}
          />
          <Bar
            dataKey="missing"
            name={t('waves.detail.missing')}
            stackId="a"
            fill="#ffccc7"
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFigure>
    </Card>
  );
}

/** Tổng quan: basis, dates, destinations (as on the start, with today's province), needs, topics, fill chart. */
export function WaveOverviewTab({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const skill = useSkillName();
  const destName = (id: number | null) => wave.destinations.find((d) => d.id === id)?.name;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {wave.status === 'stood_down' && (
        <Alert
          type="warning"
          showIcon
          title={t('waves.detail.stoodDown', { reason: wave.statusReason ?? '—' })}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'basis',
            label: t('waves.detail.basis'),
            span: 2,
            children: (
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  {t(`waves.basisKind.${wave.basisKind}`)} {wave.basisNumber ?? ''} —{' '}
                  {formatDate(wave.basisDate)} — {wave.basisSigner}
                </Typography.Text>
                {wave.basisSummary && <Typography.Text type="secondary">{wave.basisSummary}</Typography.Text>}
              </Space>
            ),
          },
          { key: 'issuer', label: t('waves.detail.issuer'), children: wave.issuerName },
          {
            key: 'dates',
            label: t('waves.detail.dates'),
            children: `${formatDate(wave.startsOn)} – ${formatDate(wave.endsOn)}`,
          },
          { key: 'due', label: t('waves.detail.namesDue'), children: formatDate(wave.namesDueOn) || '—' },
          { key: 'total', label: t('waves.detail.quotaTotal'), children: num(wave.quotaTotal) },
          {
            key: 'dest',
            label: t('waves.detail.destinations'),
            span: 2,
            children: (
              <Space orientation="vertical" size={0}>
                {wave.destinations.map((d) => (
                  <Typography.Text key={d.id}>
                    {d.name} — {d.adminUnitName} ({d.adminUnitCode})
                    {d.currentAdminUnitCode && d.currentAdminUnitCode !== d.adminUnitCode && (
                      <Typography.Text type="secondary">
                        {' '}
                        · {t('waves.detail.nowPartOf', { code: d.currentAdminUnitCode })}
                      </Typography.Text>
                    )}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            key: 'needs',
            label: t('waves.detail.needs'),
            span: 2,
            children: (
              <Space wrap>
                {wave.needs.map((n) => (
                  <Tag key={n.id}>
                    {skill(n.skill)}: {num(n.headcount)}
                    {n.destinationId ? ` · ${destName(n.destinationId)}` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'topics',
            label: t('waves.detail.topics'),
            span: 2,
            children: wave.topics.length ? (
              <Space wrap>
                {wave.topics.map((tp) => (
                  <Tag key={tp.courseTypeId} color="purple">
                    {tp.name}
                  </Tag>
                ))}
              </Space>
            ) : (
              t('waves.detail.noTopics')
            ),
          },
        ]}
      />
      <FillChart waveId={wave.id} />
    </Space>
  );
}
