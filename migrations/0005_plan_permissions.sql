-- Issuing plans, setting targets and reviewing reports: a permission of its own, for the roles that manage.
UPDATE roles SET permissions = array_append(permissions, 'plan.manage')
WHERE key IN ('system_admin', 'org_admin') AND NOT ('plan.manage' = ANY (permissions));
