import { Alert, App, Button, Select, Space, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { isRefusedNumber, NumberField } from '../../../app/components/number-field.tsx';
import { errorMessage, serverFieldIssues } from '../../../app/errors.ts';
import { useFormatNumber } from '../../../app/numbers.ts';
import { useSaveResults } from '../api/attendance.ts';
import type { Enrolment, TrainingClass } from '../api/classes.ts';
import { OutcomeTag } from './training-labels.tsx';

type Absence = 'no_show' | 'left_early';
/** A score is NaN while its text is refused (not a number, or out of 0–10): never clamped, and not sent. */
type Line = { theory: number | null; practice: number | null; absence: Absence | null };
type Col = 'theory' | 'practice';
/** One grid row: a learner, what is typed for them, and the server's complaints about their cells. */
type Row = { e: Enrolment; index: number; line: Line; errors: Partial<Record<Col, string>> };
type Set = (e: Enrolment, patch: Partial<Line>) => void;

function lineOf(e: Enrolment): Line {
  const absence = e.outcome === 'no_show' || e.outcome === 'left_early' ? e.outcome : null;
  return { theory: e.theoryScore, practice: e.practiceScore, absence };
}

/** The outcome the server will record: an absence as entered, else pass when both scores reach the mark. */
function previewOutcome(l: Line, mark: number): Enrolment['outcome'] {
  if (l.absence) return l.absence;
  if (l.theory === null || l.practice === null || isRefusedNumber(l.theory) || isRefusedNumber(l.practice))
    return null;
  return l.theory >= mark && l.practice >= mark ? 'pass' : 'fail';
}

/** Enter moves down the same column, like a spreadsheet; Tab moves along the row. */
function moveDown(e: KeyboardEvent<HTMLInputElement>, col: Col, row: number) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  document.querySelector<HTMLInputElement>(`input[data-cell="${col}-${row + 1}"]`)?.focus();
}

/** Only the row that changed is drawn again: typing in a 30-row grid stays instant. */
const rowChanged = (a: Row, b: Row) => a.line !== b.line || a.errors !== b.errors;

function ScoreCell({ row, col, set, t }: { row: Row; col: Col; set: Set; t: TFunction }) {
  const error = row.errors[col];
  return (
    <div>
      <NumberField
        min={0}
        max={10}
        // Typed the way the interface language writes a score (vi 6,5 — en 6.5); 11 is refused, not made 10.
        value={row.line[col]}
        disabled={!!row.line.absence}
        status={error ? 'error' : undefined}
        onChange={(v) => set(row.e, { [col]: v })}
        onKeyDown={(ev) => moveDown(ev, col, row.index)}
        aria-label={t(`training.results.${col}For`, { name: row.e.fullName })}
        data-cell={`${col}-${row.index}`}
        style={{ width: 88 }}
      />
      {error && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}

function useColumns(editable: boolean, mark: number, set: Set) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const absenceText = (e: Enrolment) =>
    e.outcome === 'no_show' || e.outcome === 'left_early'
      ? t(`training.outcome.${e.outcome}`)
      : e.outcome
        ? t('training.results.sat')
        : '—';
  return [
    { key: 'i', title: '#', width: 48, render: (_v: unknown, r: Row) => r.index + 1 },
    { key: 'name', title: t('people.fields.fullName'), render: (_v: unknown, r: Row) => r.e.fullName },
    ...(['theory', 'practice'] as const).map((col) => ({
      key: col,
      title: t(`training.results.${col}`),
      width: 110,
      shouldCellUpdate: rowChanged,
      render: (_v: unknown, r: Row) =>
        editable ? <ScoreCell row={r} col={col} set={set} t={t} /> : fmt(r.line[col]) || '—',
    })),
    {
      key: 'absence',
      title: t('training.results.attendedTest'),
      width: 170,
      shouldCellUpdate: rowChanged,
      render: (_v: unknown, r: Row) =>
        editable ? (
          <Select<Absence | 'sat'>
            value={r.line.absence ?? 'sat'}
            onChange={(v) => set(r.e, { absence: v === 'sat' ? null : v })}
            aria-label={t('training.results.absenceFor', { name: r.e.fullName })}
            style={{ width: 150 }}
            options={[
              { value: 'sat', label: t('training.results.sat') },
              { value: 'no_show', label: t('training.outcome.no_show') },
              { value: 'left_early', label: t('training.outcome.left_early') },
            ]}
          />
        ) : (
          absenceText(r.e)
        ),
    },
    {
      key: 'outcome',
      title: t('training.results.outcome'),
      width: 150,
      shouldCellUpdate: rowChanged,
      render: (_v: unknown, r: Row) => (
        <OutcomeTag outcome={editable ? previewOutcome(r.line, mark) : r.e.outcome} />
      ),
    },
  ];
}

const noErrors: Row['errors'] = {};

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
  const [cellErrors, setCellErrors] = useState<Record<number, Row['errors']>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const editable =
    c.can.manage && c.status !== 'planned' && c.status !== 'completed' && c.status !== 'cancelled';
  // Functional updates only: cells that were not redrawn still call it correctly.
  const [set] = useState<Set>(() => (e: Enrolment, patch: Partial<Line>) => {
    setLines((l) => ({ ...l, [e.personId]: { ...(l[e.personId] ?? lineOf(e)), ...patch } }));
    setCellErrors((errs) => {
      if (!errs[e.personId]) return errs;
      const { [e.personId]: _gone, ...rest } = errs;
      return rest;
    });
  });
  const columns = useColumns(editable, mark, set);
  const rows: Row[] = learners.map((e, index) => ({
    e,
    index,
    line: lines[e.personId] ?? lineOf(e),
    errors: cellErrors[e.personId] ?? noErrors,
  }));
  const submit = () => {
    setProblem(null);
    setCellErrors({});
    // Learners with nothing entered yet are left out; a half-entered line is sent and its empty cell named.
    const sent = rows.filter((r) => r.line.absence || r.line.theory !== null || r.line.practice !== null);
    // A refused score already says why under its cell: nothing is sent until it is fixed.
    const refused = sent.flatMap((r) =>
      r.line.absence
        ? []
        : (['theory', 'practice'] as const)
            .filter((col) => isRefusedNumber(r.line[col]))
            .map((col) => ({ r, col })),
    );
    if (refused.length > 0) {
      setProblem(t('training.results.fixCells', { count: refused.length }));
      const first = refused[0]!;
      document.querySelector<HTMLInputElement>(`input[data-cell="${first.col}-${first.r.index}"]`)?.focus();
      return;
    }
    const results = sent.map(({ e, line }) =>
      line.absence
        ? { personId: e.personId, absence: line.absence, theoryScore: null, practiceScore: null }
        : { personId: e.personId, theoryScore: line.theory, practiceScore: line.practice, absence: null },
    );
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
          const map: Record<number, Row['errors']> = {};
          for (const i of issues) {
            const [, index, field] = i.path;
            const who = sent[Number(index)];
            if (who && (field === 'theoryScore' || field === 'practiceScore')) {
              const col: Col = field === 'theoryScore' ? 'theory' : 'practice';
              map[who.e.personId] = { ...map[who.e.personId], [col]: i.message };
            }
          }
          setCellErrors(map);
          setProblem(t('training.results.fixCells', { count: issues.length }));
        },
      },
    );
  };
  if (learners.length === 0) return <EmptyState text={t('training.results.noLearners')} />;
  const passed = rows.filter(
    (r) => (editable ? previewOutcome(r.line, mark) : r.e.outcome) === 'pass',
  ).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('training.results.passRule', { mark })}</Typography.Text>
      {c.status === 'planned' && <Alert type="info" showIcon title={t('training.results.openFirst')} />}
      {editable && <Typography.Text type="secondary">{t('training.results.keyboardHint')}</Typography.Text>}
      {problem && <Alert type="error" showIcon title={problem} />}
      <Table<Row>
        size="small"
        rowKey={(r) => r.e.personId}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 720 }}
        columns={columns}
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
