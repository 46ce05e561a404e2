import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES, routeOf, type RouteName } from '../../../shared/contract/http-routes';
import { queryString } from '../../../shared/contract/http-client';
import { ROUTE_HANDLERS, findRoute } from '../../../electron/http/route-table';

const names = Object.keys(HTTP_ROUTES) as RouteName[];

describe('the route table, derived from the contract', () => {
  it('has one handler per contract route, and no handler without a route', () => {
    expect(Object.keys(ROUTE_HANDLERS).sort()).toEqual([...names].sort());
    for (const name of names) expect(typeof ROUTE_HANDLERS[name], name).toBe('function');
  });

  it('finds every route by its method and path, and no two routes share both', () => {
    const seen = new Set<string>();
    for (const name of names) {
      const { method, path } = routeOf(name);
      const concrete = path.endsWith('/*') ? `${path.slice(0, -1)}start` : path;
      expect(findRoute(method, concrete), name).toEqual({ ok: true, name });
      expect(seen.has(`${method} ${path}`), `${method} ${path}`).toBe(false);
      seen.add(`${method} ${path}`);
    }
  });

  it('answers a known path with another method by naming the methods it has, and an unknown one plainly', () => {
    expect(findRoute('DELETE', '/api/v1/network/osc')).toEqual({ ok: false, message: 'no route DELETE /api/v1/network/osc (use GET or POST)', allowed: ['GET', 'POST'] });
    expect(findRoute('PUT', '/api/v1/trigger/start')).toMatchObject({ ok: false, allowed: ['GET', 'POST'] });
    expect(findRoute('GET', '/api/v1/nothing')).toEqual({ ok: false, message: 'no route GET /api/v1/nothing', allowed: [] });
  });

  it('the client leaves out the query parameters it was not given', () => {
    expect(queryString({ format: 'csv', apply: undefined })).toBe('?format=csv');
    expect(queryString(undefined)).toBe('');
  });
});
