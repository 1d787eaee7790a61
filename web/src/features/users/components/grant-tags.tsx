import type { UserView } from '@contracts/users.ts';
import { Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useRoleName } from '../api.ts';

/** "Vai trò @ Tổ chức" for each grant. */
export function GrantTags({ grants }: { grants: UserView['grants'] }) {
  const roleName = useRoleName();
  return (
    <Space size={[4, 4]} wrap>
      {grants.map((g) => (
        <Tag key={g.id} color="blue">
          {roleName(g.role)} @ <Link to={`/orgs/${g.orgId}`}>{g.orgName}</Link>
        </Tag>
      ))}
    </Space>
  );
}
