import { Alert, App, Button, InputNumber, Select, Space, Table, Tooltip, Typography } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { errorMessage, serverFieldIssues } from '../../../app/errors.ts';
import { type Enrolment, type TrainingClass, useSaveResults } from '../api.ts';
import { OutcomeTag } from './training-labels.tsx';

type Absence = 'no_show' | 'left_early';
type Line = { theory: number | null; practice: number | null; absence: Absence | null };
type Col = 'theory' | 'practice';

function lineOf(e: Enrolment): Line {
  const absence = e.outcome === 'no_show' || e.outcome === 'left_early' ? e.outcome : null;
  return { theory: e.theoryScore, practice: e.practiceScore, absence };
}

/** The outcome the server will record: an absence as entered, else pass when both scores reach the mark. */
function previewOutcome(l: Line, mark: number): Enrolment['outcome'] {
  if (l.absence) return l.absence;
  if (l.theory === null || l.practice === null) return null;
  return l.theory >= mark && l.practice >= mark ? 'pass' : 'fail';
}

/** Enter moves down the same column, like a spreadsheet; Tab moves along the row. */
function moveDown(e: KeyboardEvent<HTMLInputElement>, col: Col, row: number) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  document.querySelector<HTMLInputElement>(`input[data-cell="${col}-${row + 1}"]`)?.focus();
}

/** Kết quả: theory and practice scores (10-point scale), or an absence, for every enrolled learner. */
export function ResultsTab({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveResults(c.id);
  const learners = c.enrolments.filter((e) => e.status === 'enrolled');
  const mark = c.course.passMark;
  const [lines, setLines] = useState<Record<number, Line>>(() =>
    Object.fromEntries(learners.map((e) => [e.personId, lineOf(e)])),
  );
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const editable =
    c.can.manage && c.status !== 'planned' && c.status !== 'completed' && c.status !== 'cancelled';
  const lineFor = (e: Enrolment): Line => lines[e.personId] ?? lineOf(e);
  const set = (e: Enrolment, patch: Partial<Line>) => {
    const personId = e.personId;
    setLines((l) => ({ ...l, [personId]: { ...(l[personId] ?? lineOf(e)), ...patch } }));
    setCellErrors((errs) => {
      const next = { ...errs };
      for (const k of Object.keys(patch)) delete next[`${personId}.${k}`];
      return next;
    });
  };
  const submit = () => {
    setProblem(null);
    setCellErrors({});
    // Learners with nothing entered yet are left out; a half-entered line is sent and its empty cell named.
    const sent = learners.filter((e) => {
      const l = lineFor(e);
      return !!(l.absence || l.theory !== null || l.practice !== null);
    });
    const results = sent.map((e) => {
      const l = lineFor(e);
      return l.absence
        ? { personId: e.personId, absence: l.absence, theoryScore: null, practiceScore: null }
        : { personId: e.personId, theoryScore: l.theory, practiceScore: l.practice, absence: null };
    });
    save.mutate(
      { results },
      {
        onSuccess: () => message.success(t('training.results.saved', { count: results.length })),
        onError: (err) => {
          const issues = serverFieldIssues(err);
          if (issues.length === 0) {
            setProblem(errorMessage(err));
            return;
          }
          const map: Record<string, string> = {};
          for (const i of issues) {
            const [, index, field] = i.path;
            const who = sent[Number(index)];
            if (who && (field === 'theoryScore' || field === 'practiceScore'))
              map[`${who.personId}.${field === 'theoryScore' ? 'theory' : 'practice'}`] = i.message;
          }
          setCellErrors(map);
          setProblem(t('training.results.fixCells', { count: issues.length }));
        },
      },
    );
  };
  const cell = (e: Enrolment, row: number, col: Col) => {
    const l = lineFor(e);
    const error = cellErrors[`${e.personId}.${col}`];
    if (!editable) return l[col] ?? '—';
    return (
      <Tooltip title={error} open={error ? undefined : false}>
        <InputNumber
          min={0}
          max={10}
          step={0.5}
          value={l[col]}
          disabled={!!l.absence}
          status={error ? 'error' : undefined}
          onChange={(v) => set(e, { [col]: v ?? null })}
          onKeyDown={(ev) => moveDown(ev, col, row)}
          aria-label={t(`training.results.${col}For`, { name: e.fullName })}
          data-cell={`${col}-${row}`}
          style={{ width: 88 }}
        />
      </Tooltip>
    );
  };
  if (learners.length === 0) return <EmptyState text={t('training.results.noLearners')} />;
  const judged = learners.map((e) => previewOutcome(lineFor(e), mark));
  const passed = judged.filter((o) => o === 'pass').length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('training.results.passRule', { mark })}</Typography.Text>
      {c.status === 'planned' && <Alert type="info" showIcon title={t('training.results.openFirst')} />}
      {editable && <Typography.Text type="secondary">{t('training.results.keyboardHint')}</Typography.Text>}
      {problem && <Alert type="error" showIcon title={problem} />}
      <Table<Enrolment>
        size="small"
        rowKey="personId"
        dataSource={learners}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { key: 'i', title: '#', width: 48, render: (_v, _e, i) => i + 1 },
          { key: 'name', title: t('people.fields.fullName'), dataIndex: 'fullName' },
          {
            key: 'theory',
            title: t('training.results.theory'),
            width: 110,
            render: (_v, e, i) => cell(e, i, 'theory'),
          },
          {
            key: 'practice',
            title: t('training.results.practice'),
            width: 110,
            render: (_v, e, i) => cell(e, i, 'practice'),
          },
          {
            key: 'absence',
            title: t('training.results.attendedTest'),
            width: 170,
            render: (_v, e) =>
              editable ? (
                <Select<Absence | 'sat'>
                  value={lineFor(e).absence ?? 'sat'}
                  onChange={(v) => set(e, { absence: v === 'sat' ? null : v })}
                  aria-label={t('training.results.absenceFor', { name: e.fullName })}
                  style={{ width: 150 }}
                  options={[
                    { value: 'sat', label: t('training.results.sat') },
                    { value: 'no_show', label: t('training.outcome.no_show') },
                    { value: 'left_early', label: t('training.outcome.left_early') },
                  ]}
                />
              ) : (
                '—'
              ),
          },
          {
            key: 'outcome',
            title: t('training.results.outcome'),
            width: 150,
            render: (_v, e, i) => <OutcomeTag outcome={editable ? (judged[i] ?? null) : e.outcome} />,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={6}>
              {t('training.results.summary', { passed, total: learners.length })}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {editable && (
        <Button type="primary" onClick={submit} loading={save.isPending}>
          {t('training.results.save')}
        </Button>
      )}
    </Space>
  );
}
