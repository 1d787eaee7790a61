import { z } from 'zod';
import {
  adminUnitPage,
  importResult,
  listAdminUnitsQuery,
  provinceView,
} from '../../contracts/admin-units.ts';
import { errors, platformErrors } from '../../platform/errors.ts';
import { MAX_UPLOAD_BYTES, type ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { readMultipart } from '../../platform/http/files.ts';
import { hasPermission } from '../../platform/scope.ts';
import { legacyView, resolveLegacyCode } from './admin-units.legacy.ts';
import { importAdminUnits, listAdminUnits, listProvinces } from './admin-units.service.ts';

const tags = ['Đơn vị hành chính'];

export const adminUnitRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/admin-units',
    {
      schema: {
        tags,
        summary: 'Provinces and communes (2025)',
        querystring: listAdminUnitsQuery,
        response: { 200: adminUnitPage },
      },
    },
    (req) => {
      ctxOf(req, deps);
      return listAdminUnits(deps.db, req.query);
    },
  );
  app.get(
    '/api/admin-units/provinces',
    {
      schema: {
        tags,
        summary: 'The 34 provinces with commune counts',
        response: { 200: z.array(provinceView) },
      },
    },
    (req) => {
      ctxOf(req, deps);
      return listProvinces(deps.db);
    },
  );
  app.get(
    '/api/admin-units/legacy/:code',
    {
      schema: {
        tags,
        summary: 'The 2025 unit(s) a pre-2025 province or commune code became part of',
        params: z.object({ code: z.string().regex(/^(\d{2}|\d{5})$/, 'Mã gồm 2 hoặc 5 chữ số') }),
        response: { 200: z.array(legacyView) },
      },
    },
    (req) => {
      ctxOf(req, deps);
      return resolveLegacyCode(deps.db, req.params.code);
    },
  );
  app.post(
    '/api/admin-units/import',
    {
      schema: {
        tags,
        summary: 'Import the official commune list (CSV or XLSX, multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 200: importResult },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      if (!hasPermission(ctx.actor, 'admin_unit.manage')) throw errors.forbidden();
      // The one multipart reader: an upload cut short or a NUL in the file name is a 400, not a 500.
      const { file } = await readMultipart(req, {
        maxBytes: MAX_UPLOAD_BYTES,
        tooLarge: () => platformErrors['request.too_large'](),
      });
      return importAdminUnits(ctx, file.content, file.fileName);
    },
  );
};
