import { Divider } from 'antd';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { AssignmentsList } from './assignments-list.tsx';
import { useWaveAssignments } from './deployment-api.ts';
import { ReadyMembers } from './ready-members.tsx';

/** A wave's deployment: proposed members to deploy (wave managers) and the assignments in the caller's scope. */
export function WaveDeploymentTab({ waveId }: { waveId: number }) {
  const q = useWaveAssignments(waveId);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <PageLoading />;
  return (
    <>
      {q.data.can.deploy && (
        <>
          <ReadyMembers waveId={waveId} data={q.data} />
          <Divider />
        </>
      )}
      <AssignmentsList waveId={waveId} data={q.data} />
    </>
  );
}
