import { badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { created, noContent, ok, type HandlerContext } from '../core/types.ts';
import { applySelect, parseSelect, queryOption } from '../odata/query-options.ts';
import { columnFromDefinition, patchColumn, renderColumn } from '../sharepoint/column-model.ts';
import { graphDateTime } from '../sharepoint/field-values.ts';
import type { ColumnState, ListState } from '../state/tenant-state.ts';
import { SITE_PREFIXES, requireList } from './access.ts';

function findColumn(list: ListState, idOrName: string): ColumnState {
  const key = idOrName.toLowerCase();
  const column = list.columns.find((c) => c.id.toLowerCase() === key) ?? list.columns.find((c) => c.name === idOrName);
  if (!column) throw notFound(`Column '${idOrName}' does not exist.`);
  return column;
}

function touch(ctx: HandlerContext, list: ListState): void {
  list.version += 1;
  list.lastModifiedDateTime = graphDateTime();
  list.lastModifiedById = ctx.principal.id;
  ctx.store.changed();
}

export function registerColumnsRoutes(router: Router): void {
  for (const prefix of SITE_PREFIXES) {
    const base = `${prefix}/lists/{listId}/columns`;

    router.add('GET', base, (ctx) => {
      const { list } = requireList(ctx);
      const select = parseSelect(queryOption(ctx.req.query, 'select'));
      return ok({
        '@odata.context': `${ctx.baseUrl}/$metadata#sites/lists('${list.id}')/columns`,
        value: list.columns.map((c) => applySelect(renderColumn(c), select)),
      });
    });

    // Creating, changing and deleting columns needs Manage Lists (Edit and up; facts §15.2).
    router.add('POST', base, (ctx) => {
      const { list } = requireList(ctx, 'manageLists');
      const column = columnFromDefinition(ctx.req.body, ctx.store.nextGuid('column'), list.columns);
      list.columns.push(column);
      touch(ctx, list);
      return created(renderColumn(column));
    });

    router.add('GET', `${base}/{columnId}`, (ctx) => {
      const { list } = requireList(ctx);
      return ok(renderColumn(findColumn(list, ctx.params.columnId ?? '')));
    });

    router.add('PATCH', `${base}/{columnId}`, (ctx) => {
      const { list } = requireList(ctx, 'manageLists');
      const column = findColumn(list, ctx.params.columnId ?? '');
      if (column.system && column.name !== 'Title') throw badRequest(`The system column '${column.name}' cannot be changed.`);
      // Turning uniqueness on fails while duplicates exist: "This field contains duplicate values.
      // Remove all duplicate values and try the operations again." (facts sheet §17; the status
      // through Graph is not confirmed: 400, as for other refused column changes).
      const body = ctx.req.body as { enforceUniqueValues?: unknown } | null;
      if (body?.enforceUniqueValues === true && !column.enforceUniqueValues) {
        const seen = new Set<string>();
        for (const item of list.items) {
          const value = item.fields[column.name];
          if (value === undefined || value === null) continue;
          const key = typeof value === 'string' ? value.toLowerCase() : String(value);
          if (seen.has(key)) throw badRequest('This field contains duplicate values. Remove all duplicate values and try the operations again.');
          seen.add(key);
        }
      }
      patchColumn(column, ctx.req.body, list.columns);
      touch(ctx, list);
      return ok(renderColumn(column));
    });

    router.add('DELETE', `${base}/{columnId}`, (ctx) => {
      const { list } = requireList(ctx, 'manageLists');
      const column = findColumn(list, ctx.params.columnId ?? '');
      if (column.system) throw badRequest(`The system column '${column.name}' cannot be deleted.`);
      list.columns.splice(list.columns.indexOf(column), 1);
      // As in Microsoft Lists: the column's values go with it.
      for (const item of list.items) delete item.fields[column.name];
      touch(ctx, list);
      return noContent();
    });
  }
}
